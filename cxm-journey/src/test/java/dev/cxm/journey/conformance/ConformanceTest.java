package dev.cxm.journey.conformance;

import static dev.cxm.journey.JourneyLogs.START;
import static dev.cxm.journey.JourneyLogs.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.JourneyLogs;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.Stage;
import dev.cxm.journey.map.JourneyMapTestMaps;

/**
 * Conformance against logs built to deviate in known ways, on the retail map (awareness, consideration,
 * purchase expected 1 day, service expected 3 days, loyalty; loyalty may go back to purchase). Each customer
 * is written with the deviation it was built to have; the totals are counted by hand in the comments.
 */
class ConformanceTest {

    private static final long HOUR = 60;
    private static final long DAY = 24 * HOUR;

    static final List<CustomerEvent> LOG = List.of(
            // ok: awareness, consideration, purchase (3 hours), loyalty: three allowed moves.
            at("o1", "ok", "ad", 0), at("o2", "ok", "product", HOUR), at("o3", "ok", "checkout", 2 * HOUR),
            at("o4", "ok", "newsletter", 5 * HOUR),
            // skipper: awareness straight to purchase: a skipped stage.
            at("s1", "skipper", "ad", 0), at("s2", "skipper", "checkout", HOUR),
            // backer: consideration back to awareness: a backward move.
            at("b1", "backer", "ad", 0), at("b2", "backer", "product", HOUR), at("b3", "backer", "ad", 2 * HOUR),
            // outsider: a touchpoint the map does not hold.
            at("u1", "outsider", "ad", 0), at("u2", "outsider", "faq", 30), at("u3", "outsider", "product", HOUR),
            // slow: two days in purchase (expected one), then service.
            at("w1", "slow", "checkout", 0), at("w2", "slow", "hotline", 2 * DAY));

    private static ConformanceCheck check() {
        return ConformanceCheck.custom(JourneyMapTestMaps.retail()).asOf(START.plus(Duration.ofDays(10))).build();
    }

    @Test
    void eachBuiltDeviationIsFoundWithItsKind() {
        ConformanceCheck check = check();
        Map<String, CustomerTimeline> byName = new java.util.HashMap<>();
        JourneyLogs.timelines(LOG).forEach(t -> byName.put(t.customer().value(), t));

        CustomerConformance ok = check.check(byName.get("ok"));
        assertThat(ok.conforms()).isTrue();
        assertThat(ok.fitness().getAsDouble()).isEqualTo(1.0);
        assertThat(ok.moves()).isEqualTo(3);

        assertThat(check.check(byName.get("skipper")).deviations()).extracting(Deviation::kind)
                .containsExactly(DeviationKind.SKIPPED_STAGE, DeviationKind.OVERDUE);
        CustomerConformance backer = check.check(byName.get("backer"));
        assertThat(backer.deviations()).extracting(Deviation::kind).containsExactly(DeviationKind.BACKWARD_MOVE);
        assertThat(backer.deviations().get(0).fromStage()).contains("consideration");
        assertThat(backer.deviations().get(0).toStage()).contains("awareness");
        assertThat(backer.fitness().getAsDouble()).isEqualTo(0.5);
        CustomerConformance outsider = check.check(byName.get("outsider"));
        assertThat(outsider.deviations()).extracting(Deviation::kind).containsExactly(DeviationKind.OUTSIDE_MAP);
        assertThat(outsider.deviations().get(0).outsideActivity()).contains("faq");
        assertThat(outsider.fitness().getAsDouble()).isEqualTo(1.0);
        CustomerConformance slow = check.check(byName.get("slow"));
        assertThat(slow.deviations()).extracting(Deviation::kind, d -> d.timeInStage().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DeviationKind.OVERDUE, Duration.ofDays(2)),
                        org.assertj.core.groups.Tuple.tuple(DeviationKind.OVERDUE, Duration.ofDays(8)));
        // Without an instant to measure to, the last stays are not measured: slow's service stay is no deviation.
        assertThat(ConformanceCheck.ofDefaults(JourneyMapTestMaps.retail()).check(byName.get("slow")).deviations())
                .hasSize(1);
    }

    @Test
    void theTotalsShowWhereRealityLeavesTheDesign() {
        ConformanceAccumulator counts = check().accumulator();
        JourneyLogs.timelines(LOG).forEach(counts::add);
        ConformanceResult result = counts.result();

        assertThat(result.customers()).isEqualTo(5);
        assertThat(result.conformingCustomers()).isEqualTo(1);
        // Moves: ok 3, skipper 1, backer 2, outsider 1, slow 1 = 8, of which 3 + 0 + 1 + 1 + 1 = 6 allowed.
        assertThat(result.moves()).isEqualTo(8);
        assertThat(result.allowedMoves()).isEqualTo(6);
        assertThat(result.fitness().getAsDouble()).isEqualTo(0.75);
        java.util.EnumMap<DeviationKind, Long> expected = new java.util.EnumMap<>(DeviationKind.class);
        expected.put(DeviationKind.SKIPPED_STAGE, 1L);
        expected.put(DeviationKind.BACKWARD_MOVE, 1L);
        expected.put(DeviationKind.UNEXPECTED_MOVE, 0L);
        expected.put(DeviationKind.OUTSIDE_MAP, 1L);
        // Overdue: skipper's purchase (hour 1 to day 10), slow's purchase (2 days), slow's service (8 days).
        expected.put(DeviationKind.OVERDUE, 3L);
        assertThat(result.deviations()).containsExactlyEntriesOf(expected);
        assertThat(result.stages()).extracting(StageConformance::stage, StageConformance::visits,
                StageConformance::customers, StageConformance::overdueVisits).containsExactly(
                org.assertj.core.groups.Tuple.tuple("awareness", 5L, 4L, 0L),
                org.assertj.core.groups.Tuple.tuple("consideration", 3L, 3L, 0L),
                org.assertj.core.groups.Tuple.tuple("purchase", 3L, 3L, 2L),
                org.assertj.core.groups.Tuple.tuple("service", 1L, 1L, 1L),
                org.assertj.core.groups.Tuple.tuple("loyalty", 1L, 1L, 0L));
        // Purchase stays: ok 3 hours, slow 2 days, skipper from hour 1 to day 10: the median is 2 days.
        assertThat(result.stages().get(2).medianTimeInStage()).contains(Duration.ofDays(2));
        List<String> transitions = new ArrayList<>();
        result.transitions().forEach(t -> transitions.add(t.from() + ">" + t.to() + ":" + t.count() + ":" + t.allowed()
                + t.deviation().map(k -> ":" + k).orElse("")));
        assertThat(transitions).containsExactly("awareness>consideration:3:true", "consideration>purchase:1:true",
                "purchase>service:1:true", "purchase>loyalty:1:true", "service>loyalty:0:true",
                "loyalty>purchase:0:true", "awareness>purchase:1:false:SKIPPED_STAGE",
                "consideration>awareness:1:false:BACKWARD_MOVE");
        assertThat(result.outsideMap()).containsExactly(Map.entry("faq", 1L));
    }

    @Test
    void aMoveToTheNextStageTheMapDoesNotAllowIsUnexpected() {
        JourneyMap map = JourneyMap.builder().stage(Stage.named("a").touchpoints("x").build())
                .stage(Stage.named("b").touchpoints("y").build()).stage(Stage.named("c").touchpoints("z").build())
                .transition("a", "c").transition("c", "b").transition("b", "a").build();
        ConformanceCheck check = ConformanceCheck.ofDefaults(map);
        assertThat(check.moveDeviation("a", "b")).contains(DeviationKind.UNEXPECTED_MOVE);
        assertThat(check.moveDeviation("a", "c")).isEmpty();
        assertThat(check.moveDeviation("c", "a")).contains(DeviationKind.BACKWARD_MOVE);
        assertThat(check.check(JourneyLogs.timelines(List.of(at("1", "c", "x", 0), at("2", "c", "y", 5))).get(0))
                .deviations()).extracting(Deviation::kind).containsExactly(DeviationKind.UNEXPECTED_MOVE);
        assertThat(ConformanceCheck.from(check).asOf(START).build().asOf()).contains(START);
        assertThat(check.asOf()).isEqualTo(Optional.empty());
    }
}
