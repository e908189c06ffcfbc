package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Breakdowns by each built-in {@link GroupKey} against a brute-force grouping written here: the group of a
 * response is read from its fields by a switch in this test (not through {@link GroupKeys}), responses
 * without a value go to {@code "(none)"}, and each group's (and each group's week's) responses are fed to
 * the metric on their own. Random responses mix touchpoints with and without a stage, no touchpoint at all,
 * several surveys, a "segment" attribute that is sometimes missing, dates over six weeks, and CSAT responses
 * that must be skipped.
 */
class FeedbackBreakdownKeysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<Touchpoint> TOUCHPOINTS = List.of(
            Touchpoint.of("checkout", "Checkout", Channel.WEB).inStage("purchase"),
            Touchpoint.of("hotline", "Hotline", Channel.PHONE),
            Touchpoint.of("app-home", "Home", Channel.MOBILE_APP).inStage("onboarding"),
            Touchpoint.of("store", "Store", Channel.STORE).inStage("purchase"));
    private static final NetPromoterScore NPS = NetPromoterScore.ofDefaults();

    @Test
    void everyBuiltInKeyGroupsAsTheBruteForceDoes() {
        qt().withExamples(100).forAll(lists().of(responses()).ofSizeBetween(0, 80)).checkAssert(responses -> {
            assertGroupsAsBruteForce(responses, GroupKeys.channel(), r -> r.touchpoint()
                    .map(t -> t.channel().name().toLowerCase(Locale.ROOT)).orElse(null));
            assertGroupsAsBruteForce(responses, GroupKeys.touchpoint(),
                    r -> r.touchpoint().map(t -> t.id().value()).orElse(null));
            assertGroupsAsBruteForce(responses, GroupKeys.touchpointName(),
                    r -> r.touchpoint().map(Touchpoint::name).orElse(null));
            assertGroupsAsBruteForce(responses, GroupKeys.stage(),
                    r -> r.touchpoint().flatMap(Touchpoint::stage).orElse(null));
            assertGroupsAsBruteForce(responses, GroupKeys.survey(), FeedbackResponse::surveyId);
            assertGroupsAsBruteForce(responses, GroupKeys.attribute("segment"), r -> r.attributes().get("segment"));
        });
    }

    private static void assertGroupsAsBruteForce(List<FeedbackResponse> responses, GroupKey key,
            Function<FeedbackResponse, String> field) {
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NPS).groupBy(key).per(CalendarPeriod.WEEK, BERLIN)
                .minimumN(3).build().compute(responses.stream());

        Map<String, List<FeedbackResponse>> byGroup = new TreeMap<>();
        List<FeedbackResponse> counted = new ArrayList<>();
        for (FeedbackResponse response : responses) {
            if (!response.scale().equals(FeedbackScale.NPS)) {
                continue;
            }
            counted.add(response);
            String group = field.apply(response);
            byGroup.computeIfAbsent(group == null ? "(none)" : group, g -> new ArrayList<>()).add(response);
        }
        assertThat(breakdown.otherScales()).isEqualTo(responses.size() - counted.size());
        assertThat(breakdown.overall()).isEqualTo(NPS.of(scores(counted)));
        assertThat(breakdown.groups()).extracting(GroupResult::group).as(key.name())
                .containsExactlyElementsOf(byGroup.keySet());
        for (GroupResult<NpsResult> group : breakdown.groups()) {
            List<FeedbackResponse> members = byGroup.get(group.group());
            assertThat(group.result()).as(key.name() + " " + group.group()).isEqualTo(NPS.of(scores(members)));
            assertThat(group.belowMinimumN()).isEqualTo(members.size() < 3);
            assertThat(group.periods()).hasSameSizeAs(breakdown.periods());
            for (PeriodResult<NpsResult> week : group.periods()) {
                LocalDate start = week.period().start();
                List<FeedbackResponse> inWeek = members.stream().filter(r -> weekOf(r).equals(start)).toList();
                assertThat(week.result()).as(key.name() + " " + group.group() + " " + start)
                        .isEqualTo(NPS.of(scores(inWeek)));
            }
        }
    }

    /** The Monday that starts the response's week in Berlin, by the calendar rule written out. */
    private static LocalDate weekOf(FeedbackResponse response) {
        LocalDate date = LocalDate.ofInstant(response.occurredAt(), BERLIN);
        return date.minusDays(date.getDayOfWeek().getValue() - 1L);
    }

    private static int[] scores(List<FeedbackResponse> responses) {
        return responses.stream().mapToInt(FeedbackResponse::score).toArray();
    }

    private static Gen<FeedbackResponse> responses() {
        Gen<Integer> touchpoint = integers().between(-1, TOUCHPOINTS.size() - 1);
        Gen<Integer> survey = integers().between(0, 2);
        Gen<Integer> segment = integers().between(0, 2);
        Gen<Integer> hour = integers().between(0, 6 * 7 * 24);
        Gen<Integer> score = integers().between(-1, 10);
        return touchpoint.zip(survey, segment, hour, (t, s, g, h) -> new int[] {t, s, g, h}).zip(score, (parts, value) -> {
            boolean csat = value < 0;
            FeedbackResponse.Builder builder = FeedbackResponse.builder(CustomerId.of("c" + parts[3]),
                    START.plus(parts[3], ChronoUnit.HOURS), "survey-" + parts[1],
                    csat ? FeedbackScale.CSAT : FeedbackScale.NPS, csat ? 3 : value);
            if (parts[0] >= 0) {
                builder.touchpoint(TOUCHPOINTS.get(parts[0]));
            }
            if (parts[2] > 0) {
                builder.attribute("segment", parts[2] == 1 ? "gold" : "silver");
            }
            return builder.build();
        });
    }
}
