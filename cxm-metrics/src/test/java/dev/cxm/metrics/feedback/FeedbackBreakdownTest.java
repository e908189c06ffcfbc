package dev.cxm.metrics.feedback;

import static dev.cxm.metrics.feedback.Responses.PHONE;
import static dev.cxm.metrics.feedback.Responses.WEB;
import static dev.cxm.metrics.feedback.Responses.nps;
import static dev.cxm.metrics.feedback.Responses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.memory.InMemoryEventStore;

/**
 * Breakdowns per group and period. The oracle is a brute-force filter written here: the responses of a
 * group or period are picked out by hand (calendar facts worked out in the comments) and fed to the
 * metric on their own; the breakdown must give the same results in one pass.
 */
class FeedbackBreakdownTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final NetPromoterScore NPS = NetPromoterScore.ofDefaults();

    // 2026-03-02 is a Monday. 23:30 UTC on Sunday 1 March is 00:30 on Monday 2 March in Berlin (UTC+1).
    private static final List<FeedbackResponse> RESPONSES = List.of(
            nps("a", 10, "2026-02-24T09:00:00Z", WEB, "gold"),
            nps("b", 3, "2026-02-25T09:00:00Z", PHONE, "gold"),
            nps("c", 9, "2026-03-01T23:30:00Z", WEB, "silver"),
            nps("d", 8, "2026-03-03T12:00:00Z", WEB, "silver"),
            nps("e", 0, "2026-03-04T12:00:00Z", PHONE, "gold"),
            nps("f", 10, "2026-03-18T12:00:00Z", PHONE, "silver"),
            response("g", FeedbackScale.CSAT, 4, "2026-03-03T12:00:00Z", WEB));

    @Test
    void computesOverallPerGroupAndPerPeriodInOnePass() {
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.of(NPS)
                .groupBy(r -> r.attributes().get("segment"))
                .per(Granularity.WEEK, BERLIN)
                .minimumN(2)
                .build()
                .compute(RESPONSES.stream());

        assertThat(breakdown.overall()).isEqualTo(expected(r -> true));
        assertThat(breakdown.otherScales()).isEqualTo(1);
        assertThat(breakdown.groups()).extracting(GroupResult::group).containsExactly("gold", "silver");
        assertThat(breakdown.group("gold").orElseThrow().result()).isEqualTo(expected(segment("gold")));
        assertThat(breakdown.group("silver").orElseThrow().result()).isEqualTo(expected(segment("silver")));
        // Berlin weeks: 23 Feb (a, b), 2 Mar (c, d, e), 9 Mar (none), 16 Mar (f).
        assertThat(breakdown.periods()).extracting(p -> p.period().start()).containsExactly(
                LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16));
        assertThat(breakdown.periods().get(0).result()).isEqualTo(expected(ids("a", "b")));
        assertThat(breakdown.periods().get(1).result()).isEqualTo(expected(ids("c", "d", "e")));
        assertThat(breakdown.periods().get(3).result()).isEqualTo(expected(ids("f")));
    }

    @Test
    void emptyPeriodsAreKeptAndFlaggedNotHidden() {
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.of(NPS).per(Granularity.WEEK, BERLIN).minimumN(2).build()
                .compute(RESPONSES.stream());

        PeriodResult<NpsResult> gap = breakdown.periods().get(2);
        assertThat(gap.result().n()).isZero();
        assertThat(gap.result().score()).isEmpty();
        assertThat(gap.belowMinimumN()).isTrue();
        assertThat(breakdown.periods().get(0).belowMinimumN()).isFalse();
        assertThat(breakdown.periods().get(3).belowMinimumN()).isTrue();
    }

    @Test
    void groupsBelowTheMinimumAreFlaggedButKept() {
        // gold has a, b, e (3); silver has c, d, f (3); by channel: web a, c, d (3), phone b, e, f (3).
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.of(NPS)
                .groupBy(r -> r.touchpoint().orElseThrow().channel().name())
                .minimumN(4)
                .build()
                .compute(RESPONSES.stream());

        assertThat(breakdown.groups()).hasSize(2).allMatch(GroupResult::belowMinimumN);
        assertThat(breakdown.group("WEB").orElseThrow().result()).isEqualTo(expected(ids("a", "c", "d")));
        assertThat(breakdown.periods()).isEmpty();
    }

    @Test
    void eachGroupHasATrendOverTheWholeRange() {
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.of(NPS)
                .groupBy(r -> r.attributes().get("segment"))
                .per(Granularity.WEEK, BERLIN)
                .build()
                .compute(RESPONSES.stream());

        GroupResult<NpsResult> silver = breakdown.group("silver").orElseThrow();
        assertThat(silver.periods()).hasSize(4);
        assertThat(silver.periods().get(0).result().n()).isZero();
        assertThat(silver.periods().get(1).result()).isEqualTo(expected(ids("c", "d")));
    }

    @Test
    void periodsFollowTheZonesCalendar() {
        // In UTC, response c (Sunday 1 March 23:30) belongs to the week of 23 February, not 2 March.
        Breakdown<NpsResult> utc = FeedbackBreakdown.of(NPS).per(Granularity.WEEK, ZoneOffset.UTC).build()
                .compute(RESPONSES.stream());

        assertThat(utc.periods().get(0).result()).isEqualTo(expected(ids("a", "b", "c")));
        assertThat(utc.periods().get(1).result()).isEqualTo(expected(ids("d", "e")));
    }

    @Test
    void monthsAndQuartersStartOnTheFirstDay() {
        // Months in Berlin: February (a, b), March (c, d, e, f); one quarter Q1 (all six).
        Breakdown<NpsResult> months = FeedbackBreakdown.of(NPS).per(Granularity.MONTH, BERLIN).build()
                .compute(RESPONSES.stream());
        Breakdown<NpsResult> quarters = FeedbackBreakdown.of(NPS).per(Granularity.QUARTER, BERLIN).build()
                .compute(RESPONSES.stream());

        assertThat(months.periods()).extracting(p -> p.period().start())
                .containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
        assertThat(months.periods().get(1).result()).isEqualTo(expected(ids("c", "d", "e", "f")));
        assertThat(quarters.periods()).singleElement().satisfies(q -> {
            assertThat(q.period().start()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(q.period().end()).isEqualTo(LocalDate.of(2026, 4, 1));
        });
    }

    @Test
    void storeQueryGivesTheSameBreakdownAsTheStream() {
        InMemoryEventStore store = InMemoryEventStore.create();
        store.appendAll(RESPONSES);
        FeedbackBreakdown<NpsResult> breakdown = FeedbackBreakdown.of(NPS).groupBy(r -> r.attributes().get("segment"))
                .per(Granularity.DAY, BERLIN).build();

        assertThat(breakdown.compute(store, EventQuery.ofTypes(EventType.FEEDBACK)))
                .isEqualTo(breakdown.compute(RESPONSES.stream()));
        assertThatThrownBy(() -> breakdown.compute(store, EventQuery.ofTypes(EventType.PURCHASE)))
                .hasMessageStartingWith("query: selects [PURCHASE] events");
    }

    @Test
    void parallelBreakdownEqualsSequential() {
        List<FeedbackResponse> many = FeedbackAccumulatorTest.randomResponses(5000, 23);
        FeedbackBreakdown<RatingResult> breakdown = FeedbackBreakdown.of(RatingScore.builder(FeedbackScale.NPS).build())
                .groupBy(r -> "g" + r.score() % 3).per(Granularity.DAY, BERLIN).build();

        assertThat(many.parallelStream().collect(breakdown.collector())).isEqualTo(breakdown.compute(many.stream()));
    }

    @Test
    void weightedBreakdownWeighsEveryCell() {
        // Oracle: the weighted collector over the group's responses.
        FeedbackBreakdown<NpsResult> breakdown = FeedbackBreakdown.of(NPS).groupBy(r -> r.attributes().get("segment"))
                .weightedBy(r -> r.score() + 1.0).build();
        NpsResult gold = RESPONSES.stream().filter(r -> r.scale().equals(FeedbackScale.NPS)).filter(segment("gold"))
                .collect(NPS.collector(r -> r.score() + 1.0));

        NpsResult computed = breakdown.compute(RESPONSES.stream()).group("gold").orElseThrow().result();

        assertThat(computed.score().getAsDouble()).isCloseTo(gold.score().getAsDouble(), within(1e-12));
        assertThat(computed.totalWeight()).isEqualTo(gold.totalWeight());
    }

    @Test
    void rejectsANullGroupKeyAndANegativeMinimum() {
        FeedbackBreakdown<NpsResult> breakdown = FeedbackBreakdown.of(NPS).groupBy(r -> r.attributes().get("missing"))
                .build();

        assertThatThrownBy(() -> breakdown.compute(RESPONSES.stream()))
                .hasMessage("groupBy: the key of response a is null; keys must not be null");
        assertThatThrownBy(() -> FeedbackBreakdown.of(NPS).minimumN(-1))
                .hasMessage("minimumN: -1 is negative; it must be 0 or more");
    }

    @Test
    void timeBucketsKnowTheirBounds() {
        // Berlin switches to summer time on 29 March 2026: the week of 23 March is 167 hours long.
        TimeBucket week = TimeBucket.containing(java.time.Instant.parse("2026-03-25T10:00:00Z"), Granularity.WEEK, BERLIN);

        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(java.time.Duration.between(week.startInstant(), week.endInstant()).toHours()).isEqualTo(167);
        assertThatThrownBy(() -> new TimeBucket(Granularity.MONTH, LocalDate.of(2026, 3, 2), BERLIN))
                .hasMessage("start: 2026-03-02 does not start a month; it would be 2026-03-01");
        assertThat(Granularity.parse(" Quarter ")).isEqualTo(Granularity.QUARTER);
        assertThatThrownBy(() -> Granularity.parse("year")).hasMessageStartingWith("period: \"year\" is not a period");
    }

    private static NpsResult expected(Predicate<FeedbackResponse> filter) {
        return RESPONSES.stream().filter(r -> r.scale().equals(FeedbackScale.NPS)).filter(filter)
                .collect(NPS.collector());
    }

    private static Predicate<FeedbackResponse> segment(String segment) {
        return r -> segment.equals(r.attributes().get("segment"));
    }

    private static Predicate<FeedbackResponse> ids(String... ids) {
        List<String> wanted = List.of(ids);
        return r -> wanted.contains(r.eventId().value());
    }
}
