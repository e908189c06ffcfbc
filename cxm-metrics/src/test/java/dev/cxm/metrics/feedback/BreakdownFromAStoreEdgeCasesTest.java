package dev.cxm.metrics.feedback;

import static dev.cxm.metrics.feedback.Responses.WEB;
import static dev.cxm.metrics.feedback.Responses.nps;
import static dev.cxm.metrics.feedback.Responses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * A breakdown counted by the store (its feedback histogram) keeps the rules of one counted from the responses:
 * the trend's limit of {@value FeedbackBreakdown#MAX_PERIODS} periods, and responses on another scale counted
 * apart. Oracles: the streamed breakdown of the same responses, and the day count 2026-01-01..2054-01-01 of
 * 10,228 days (28 years of 365 days plus 7 leap days, plus the last day).
 */
class BreakdownFromAStoreEdgeCasesTest {

    @Test
    void aStoreWhoseResponsesSpanTooManyPeriodsIsRefusedAsTheStreamIs() {
        InMemoryEventStore store = InMemoryEventStore.create();
        List<FeedbackResponse> responses = List.of(nps("now", 9, "2026-01-01T00:00:00Z", WEB, "x"),
                nps("late", 3, "2054-01-01T00:00:00Z", WEB, "x"));
        store.appendAll(responses);
        FeedbackBreakdown<NpsResult> daily = FeedbackBreakdown.custom(NetPromoterScore.ofDefaults())
                .per(CalendarPeriod.DAY, ZoneOffset.UTC).build();

        assertThatThrownBy(() -> daily.compute(store, EventQuery.ofTypes(EventType.FEEDBACK)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("periods: from 2026-01-01 to 2054-01-01 are 10228 day periods; a trend has at"
                        + " most 10000");
        assertThatThrownBy(() -> daily.compute(responses.stream())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("periods: from 2026-01-01 to 2054-01-01 are 10228 day periods");
    }

    @Test
    void aStoreCountsResponsesOnAnotherScaleApartAsTheStreamDoes() {
        // Oracle: by hand, NPS 10 and 0 give n 2 and score 0; the two CSAT responses are counted apart.
        InMemoryEventStore store = InMemoryEventStore.create();
        List<FeedbackResponse> responses = List.of(nps("a", 10, "2026-02-01T10:00:00Z", WEB, "x"),
                nps("b", 0, "2026-02-02T10:00:00Z", WEB, "x"),
                response("c", FeedbackScale.CSAT, 5, "2026-02-03T10:00:00Z", WEB),
                response("d", FeedbackScale.CSAT, 4, "2026-02-04T10:00:00Z", WEB));
        store.appendAll(responses);
        FeedbackBreakdown<NpsResult> weekly = FeedbackBreakdown.custom(NetPromoterScore.ofDefaults())
                .per(CalendarPeriod.WEEK, ZoneOffset.UTC).build();

        Breakdown<NpsResult> fromStore = weekly.compute(store, EventQuery.ofTypes(EventType.FEEDBACK));

        assertThat(fromStore).isEqualTo(weekly.compute(responses.stream()));
        assertThat(fromStore.otherScales()).isEqualTo(2);
        assertThat(fromStore.overall().n()).isEqualTo(2);
        assertThat(fromStore.overall().score()).hasValue(0.0);
    }

    @Test
    void aWeightedBreakdownFromAStoreReadsTheResponsesAndWeighsThem() {
        // Oracle: the streamed weighted breakdown of the same responses, and by hand: weights 3 (score 10) and 1
        // (score 0) give NPS 100 (3 - 1) / 4 = 50, where unweighted the two cancel out to 0.
        InMemoryEventStore store = InMemoryEventStore.create();
        List<FeedbackResponse> responses = List.of(nps("a", 10, "2026-02-01T10:00:00Z", WEB, "x"),
                nps("b", 0, "2026-02-02T10:00:00Z", WEB, "x"));
        store.appendAll(responses);
        FeedbackBreakdown<NpsResult> weighted = FeedbackBreakdown.custom(NetPromoterScore.ofDefaults())
                .weightedBy(r -> r.score() == 10 ? 3.0 : 1.0).build();
        FeedbackBreakdown<NpsResult> unweighted = FeedbackBreakdown.from(weighted).unweighted().build();

        Breakdown<NpsResult> fromStore = weighted.compute(store, EventQuery.ofTypes(EventType.FEEDBACK));

        assertThat(weighted.weighted()).isTrue();
        assertThat(unweighted.weighted()).isFalse();
        assertThat(fromStore).isEqualTo(weighted.compute(responses.stream()));
        assertThat(fromStore.overall().score().getAsDouble()).isCloseTo(50.0, within(1e-9));
        assertThat(fromStore.overall().totalWeight()).isEqualTo(4.0);
        assertThat(unweighted.compute(store, EventQuery.ofTypes(EventType.FEEDBACK)).overall().score()).hasValue(0.0);
    }

    @Test
    void aRecorderCountsEachResponseAtItsScore() {
        // Oracle: the single-threaded accumulator fed the same responses.
        List<FeedbackResponse> responses = List.of(nps("a", 9, "2026-02-01T10:00:00Z", WEB, "x"),
                nps("b", 3, "2026-02-02T10:00:00Z", WEB, "x"), nps("c", 9, "2026-02-03T10:00:00Z", WEB, "x"));
        FeedbackRecorder<NpsResult> recorder = NetPromoterScore.ofDefaults().recorder();
        FeedbackAccumulator<NpsResult> accumulator = NetPromoterScore.ofDefaults().accumulator();
        for (FeedbackResponse response : responses) {
            recorder.add(response);
            accumulator.add(response);
        }

        assertThat(recorder.state()).isEqualTo(accumulator.state());
        assertThat(recorder.state().counts()).containsExactly(0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0);
    }
}
