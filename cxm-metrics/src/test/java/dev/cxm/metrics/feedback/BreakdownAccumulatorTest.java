package dev.cxm.metrics.feedback;

import static dev.cxm.metrics.feedback.Responses.PHONE;
import static dev.cxm.metrics.feedback.Responses.WEB;
import static dev.cxm.metrics.feedback.Responses.nps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * A breakdown counted response by response: the accumulator gives the breakdown that {@code compute} gives
 * over the same responses (the oracle), continues from its state only under the same breakdown, and refuses
 * a response or a merge whole, leaving its state as it was (checked by comparing states before and after).
 */
class BreakdownAccumulatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final FeedbackBreakdown<NpsResult> BY_CHANNEL_WEEKLY = FeedbackBreakdown
            .custom(NetPromoterScore.ofDefaults()).groupBy(GroupKeys.channel()).per(CalendarPeriod.WEEK, BERLIN)
            .minimumN(2).build();
    private static final List<FeedbackResponse> RESPONSES = List.of(
            nps("a", 10, "2026-02-24T09:00:00Z", WEB, "gold"),
            nps("b", 3, "2026-02-25T09:00:00Z", PHONE, "gold"),
            nps("c", 9, "2026-03-01T23:30:00Z", WEB, "silver"),
            nps("d", 8, "2026-03-18T12:00:00Z", PHONE, "silver"));

    @Test
    void addingOneByOneGivesTheComputedBreakdown() {
        BreakdownAccumulator<NpsResult> accumulator = BY_CHANNEL_WEEKLY.accumulator();
        RESPONSES.forEach(accumulator::add);

        assertThat(accumulator.result()).isEqualTo(BY_CHANNEL_WEEKLY.compute(RESPONSES.stream()));
        assertThat(accumulator.breakdown()).isSameAs(BY_CHANNEL_WEEKLY);
    }

    @Test
    void aStateContinuesOnlyUnderTheBreakdownThatCountedIt() {
        BreakdownState state = BY_CHANNEL_WEEKLY.accumulator().add(RESPONSES.get(0)).state();

        BreakdownAccumulator<NpsResult> restored = FeedbackBreakdown.from(BY_CHANNEL_WEEKLY).build().accumulator(state);
        RESPONSES.subList(1, RESPONSES.size()).forEach(restored::add);
        assertThat(restored.result()).isEqualTo(BY_CHANNEL_WEEKLY.compute(RESPONSES.stream()));

        assertThatThrownBy(() -> FeedbackBreakdown.from(BY_CHANNEL_WEEKLY).groupBy(GroupKeys.stage()).build()
                .accumulator(state)).hasMessage("groupKey: the state was counted with channel, this breakdown counts"
                        + " with stage; a state continues only under the breakdown that counted it");
        assertThatThrownBy(() -> FeedbackBreakdown.from(BY_CHANNEL_WEEKLY).noGroups().build().accumulator(state))
                .hasMessageStartingWith("groupKey: the state was counted with channel, this breakdown counts with none");
        assertThatThrownBy(() -> FeedbackBreakdown.from(BY_CHANNEL_WEEKLY).per(CalendarPeriod.MONTH, BERLIN).build()
                .accumulator(state)).hasMessageStartingWith("period: the state was counted with WEEK, this breakdown"
                        + " counts with MONTH");
        assertThatThrownBy(() -> FeedbackBreakdown.from(BY_CHANNEL_WEEKLY).per(CalendarPeriod.WEEK, ZoneOffset.UTC)
                .build().accumulator(state)).hasMessageStartingWith("zone: the state was counted with Europe/Berlin,"
                        + " this breakdown counts with Z");
        assertThatThrownBy(() -> FeedbackBreakdown.custom(RatingScore.csat()).groupBy(GroupKeys.channel())
                .per(CalendarPeriod.WEEK, BERLIN).build().accumulator(state))
                .hasMessageStartingWith("scale: the state was counted with nps:0..10, this breakdown counts with"
                        + " csat:1..5");
    }

    @Test
    void accumulatorsOfDifferentBreakdownsDoNotMerge() {
        BreakdownAccumulator<NpsResult> weekly = BY_CHANNEL_WEEKLY.accumulator().add(RESPONSES.get(0));
        BreakdownAccumulator<NpsResult> other = FeedbackBreakdown.from(BY_CHANNEL_WEEKLY).minimumN(3).build()
                .accumulator().add(RESPONSES.get(1));
        BreakdownState before = weekly.state();

        assertThatThrownBy(() -> weekly.merge(other)).hasMessageStartingWith("other: counts for FeedbackBreakdown[");
        assertThatThrownBy(() -> weekly.merge(weekly)).hasMessageStartingWith("other: an accumulator cannot be merged"
                + " into itself");
        assertThat(weekly.state()).isEqualTo(before);
    }

    @Test
    void aResponseThatWouldStretchTheTrendTooFarIsRefusedWhole() {
        // One day in 2026 and one in 2054: 28 years are 10,228 days, more than the 10,000 periods a trend may have.
        FeedbackBreakdown<NpsResult> daily = FeedbackBreakdown.from(BY_CHANNEL_WEEKLY).per(CalendarPeriod.DAY,
                ZoneOffset.UTC).build();
        BreakdownAccumulator<NpsResult> accumulator = daily.accumulator().add(nps("now", 9, "2026-01-01T00:00:00Z",
                WEB, "x"));
        BreakdownState before = accumulator.state();

        assertThatThrownBy(() -> accumulator.add(nps("late", 9, "2054-01-01T00:00:00Z", WEB, "x")))
                .hasMessageStartingWith("periods: from 2026-01-01 to 2054-01-01 are 10228 day periods; a trend has at"
                        + " most 10000");
        assertThat(accumulator.state()).isEqualTo(before);

        BreakdownAccumulator<NpsResult> late = daily.accumulator().add(nps("late", 9, "2054-01-01T00:00:00Z", WEB, "x"));
        assertThatThrownBy(() -> accumulator.merge(late)).hasMessageStartingWith("periods: from 2026-01-01 to"
                + " 2054-01-01");
        assertThat(accumulator.state()).isEqualTo(before);
    }

    @Test
    void aResponseWithABadWeightChangesNothing() {
        BreakdownAccumulator<NpsResult> accumulator = FeedbackBreakdown.from(BY_CHANNEL_WEEKLY)
                .weightedBy(r -> r.score() == 3 ? Double.NaN : 1).build().accumulator().add(RESPONSES.get(0));
        BreakdownState before = accumulator.state();

        assertThatThrownBy(() -> accumulator.add(RESPONSES.get(1)))
                .hasMessage("weight: NaN is not finite; a survey weight is 0 or within [1.0E-100, 1.0E100] (response b)");
        assertThat(accumulator.state()).isEqualTo(before);
    }
}
