package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * The sentiment breakdown against a brute force: each group's and period's result must equal the summary of the
 * scores of exactly the texts the test itself selects by reading the event's channel and its date in Berlin (the
 * ISO weeks worked out in comments). Then what it refuses, and that a refusal changes nothing.
 */
class SentimentBreakdownTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final SentimentBreakdown WEEKLY = SentimentBreakdown.custom().groupBy(GroupKeys.channel())
            .per(CalendarPeriod.WEEK, BERLIN).minimumN(2).build();

    // Week of 23 Feb: a, b (Sunday 1 March 23:30 UTC is Monday 2 March in Berlin: c is in the week of 2 March).
    // The week of 9 March has no text; the week of 16 March has d.
    private static final List<FeedbackResponse> RESPONSES = List.of(
            Texts.comment("a", 10, "Great service, very friendly staff!", "2026-02-24T09:00:00Z", Texts.WEB),
            Texts.comment("b", 2, "The agent was not helpful at all.", "2026-02-25T09:00:00Z", Texts.PHONE),
            Texts.comment("c", 4, "Waited forever. TERRIBLE.", "2026-03-01T23:30:00Z", Texts.WEB),
            Texts.comment("d", 8, "ok", "2026-03-16T10:00:00Z", Texts.PHONE),
            Texts.comment("e", 9, "   ", "2026-02-26T10:00:00Z", Texts.WEB));

    private static SentimentResult bruteForce(List<FeedbackResponse> selected) {
        SentimentAccumulator accumulator = SentimentSummary.ofDefaults().accumulator();
        selected.forEach(r -> r.comment().map(VaderSentiment.ofDefaults()::score).ifPresent(accumulator::add));
        return accumulator.result();
    }

    private static List<FeedbackResponse> where(String... ids) {
        List<String> wanted = List.of(ids);
        return RESPONSES.stream().filter(r -> wanted.contains(r.eventId().value())).toList();
    }

    @Test
    void groupsAndPeriodsEqualTheSummaryOfTheirOwnTexts() {
        // e's comment is blank, which the model holds as no comment: it is skipped.
        SentimentBreakdownResult result = WEEKLY.computeComments(RESPONSES.stream());

        assertThat(result.overall()).isEqualTo(bruteForce(where("a", "b", "c", "d")));
        assertThat(result.overall().n()).isEqualTo(4);
        assertThat(result.periods()).extracting(p -> p.period().start()).containsExactly(LocalDate.of(2026, 2, 23),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16));
        assertThat(result.periods()).extracting(SentimentPeriod::result).containsExactly(bruteForce(where("a", "b")),
                bruteForce(where("c")), bruteForce(where()), bruteForce(where("d")));
        assertThat(result.periods()).extracting(SentimentPeriod::belowMinimumN).containsExactly(false, true, true, true);
        assertThat(result.groups()).extracting(SentimentGroup::group).containsExactly("phone", "web");
        assertThat(result.group("web").orElseThrow().result()).isEqualTo(bruteForce(where("a", "c")));
        assertThat(result.group("phone").orElseThrow().periods()).extracting(SentimentPeriod::result)
                .containsExactly(bruteForce(where("b")), bruteForce(where()), bruteForce(where()), bruteForce(where("d")));
        // The directions the texts carry: a positive, b and c negative.
        assertThat(result.group("web").orElseThrow().result().positiveShare().orElseThrow().value()).isEqualTo(0.5);
        assertThat(result.periods().get(0).result().strongNegativeShare().orElseThrow().value()).isZero();
    }

    @Test
    void transcriptsAndBlankTextsCountAndTheStoreGivesTheSameAsTheStream() {
        InMemoryEventStore store = InMemoryEventStore.create();
        store.appendAll(RESPONSES);
        SentimentBreakdown byChannel = SentimentBreakdown.custom().groupBy(GroupKeys.channel()).build();
        assertThat(byChannel.computeComments(store, EventQuery.ofTypes(EventType.FEEDBACK)))
                .isEqualTo(byChannel.computeComments(RESPONSES.stream()));
        assertThatThrownBy(() -> byChannel.computeComments(store, EventQuery.ofTypes(EventType.INTERACTION)))
                .hasMessageStartingWith("query: selects [INTERACTION] events");

        // A call's transcript passed beside the event, and a blank one: counted, the blank one as neutral.
        SentimentBreakdownResult calls = byChannel.compute(Stream.of(
                CustomerText.of(Texts.call("x", "2026-03-02T10:00:00Z", Texts.PHONE), "You were rude and useless."),
                CustomerText.of(Texts.call("y", "2026-03-02T11:00:00Z", Texts.PHONE), " ")));
        SentimentResult phone = calls.group("phone").orElseThrow().result();
        assertThat(phone.n()).isEqualTo(2);
        assertThat(phone.blank()).isEqualTo(1);
        assertThat(phone.negativeShare().orElseThrow().value()).isEqualTo(0.5);
    }

    @Test
    void eventsWithoutAValueFallInTheNoneGroup() {
        FeedbackResponse noTouchpoint = new FeedbackResponse(EventId.of("n"), CustomerId.of("c"),
                Instant.parse("2026-03-02T10:00:00Z"), "nps", FeedbackScale.NPS, 9, Optional.of("good"),
                Optional.empty(), Map.of());
        SentimentBreakdownResult result = WEEKLY.computeComments(Stream.of(noTouchpoint));
        assertThat(result.groups()).extracting(SentimentGroup::group).containsExactly("(none)");
    }

    @Test
    void aRefusedTextChangesNothing() {
        SentimentBreakdownAccumulator accumulator = WEEKLY.accumulator();
        RESPONSES.forEach(r -> CustomerText.commentOf(r).ifPresent(accumulator::add));
        SentimentBreakdownState before = accumulator.state();
        // Instant.MAX has no date in Berlin (UTC+1); a text on 1 January 12026 (in the ISO week from
        // Monday 29 December 12025) would stretch the trend to 521,768 weeks.
        FeedbackResponse last = new FeedbackResponse(EventId.of("late"), CustomerId.of("c"), Instant.MAX, "nps",
                FeedbackScale.NPS, 9, Optional.of("good"), Optional.of(Texts.WEB), Map.of());
        assertThatThrownBy(() -> accumulator.add(CustomerText.commentOf(last).orElseThrow()))
                .hasMessageStartingWith("occurredAt: event late at +1000000000-12-31T23:59:59.999999Z has no date in"
                        + " the zone Europe/Berlin");
        assertThatThrownBy(() -> accumulator.add(CustomerText.commentOf(Texts.comment("typo", 9, "good",
                "+12026-01-01T00:00:00Z", Texts.WEB)).orElseThrow()))
                .hasMessageStartingWith("periods: from 2026-02-23 to +12025-12-29 are 521768 week periods");
        assertThat(accumulator.state()).isEqualTo(before);

        SentimentBreakdownAccumulator far = WEEKLY.accumulator();
        far.add(CustomerText.commentOf(Texts.comment("f", 9, "good", "2226-01-01T00:00:00Z", Texts.WEB)).orElseThrow());
        assertThatThrownBy(() -> accumulator.merge(far)).hasMessageStartingWith("periods: from 2026-02-23 to 2225-");
        assertThat(accumulator.state()).isEqualTo(before);
    }

    @Test
    void aStateContinuesOnlyUnderTheBreakdownThatCountedIt() {
        SentimentBreakdownState state = WEEKLY.accumulator().state();
        assertThatThrownBy(() -> SentimentBreakdown.from(WEEKLY).groupBy(GroupKeys.survey()).build().accumulator(state))
                .hasMessage("groupKey: the state was counted with channel, this breakdown counts with survey; a state"
                        + " continues only under the breakdown that counted it");
        assertThatThrownBy(() -> SentimentBreakdown.from(WEEKLY).per(CalendarPeriod.WEEK, ZoneId.of("UTC")).build()
                .accumulator(state)).hasMessageStartingWith("zone: the state was counted with Europe/Berlin");
        assertThatThrownBy(() -> SentimentBreakdown.from(WEEKLY).noPeriods().build().accumulator(state))
                .hasMessageStartingWith("period:");
        assertThatThrownBy(() -> SentimentBreakdown.from(WEEKLY).summary(SentimentSummary.custom()
                .strongNegativeThreshold(-0.9).build()).build().accumulator(state))
                .hasMessageContaining("strongNegativeThreshold");
        assertThatThrownBy(() -> WEEKLY.accumulator().merge(SentimentBreakdown.ofDefaults().accumulator()))
                .hasMessageContaining("only accumulators of equal breakdowns merge");
    }

    @Test
    void aHostsOwnAnalyzerPlugsIn() {
        // An analyzer that reads every text as mildly negative: every text counts as negative, none as strong.
        SentimentAnalyzer grumpy = text -> new SentimentScore(-0.2, 0, 0.8, 0.2, false, false);
        List<CustomerText> texts = new ArrayList<>();
        RESPONSES.forEach(r -> CustomerText.commentOf(r).ifPresent(texts::add));
        SentimentResult result = SentimentBreakdown.custom().analyzer(grumpy).build().compute(texts.stream()).overall();
        assertThat(result.negativeShare().orElseThrow().value()).isEqualTo(1);
        assertThat(result.strongNegativeShare().orElseThrow().value()).isZero();
        assertThat(result.meanCompound().orElseThrow().value()).isEqualTo(-0.2);
    }
}
