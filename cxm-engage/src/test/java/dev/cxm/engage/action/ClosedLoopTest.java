package dev.cxm.engage.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.engage.EngageLogs;
import dev.cxm.test.time.MutableClock;
import dev.cxm.engage.profile.ClvValuation;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.CustomerProfiles;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.engage.segment.CategoryField;
import dev.cxm.engage.segment.Condition;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.SegmentMembership;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.journey.track.Stall;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.clv.ClvSettings;
import dev.cxm.metrics.clv.rfm.CustomerHistory;

/**
 * The closed loop from events to decisions (the worked example of docs/engage.md): a detractor's answer opens a
 * follow-up due within 48 hours, once however often the event arrives; a stall in the purchase stage sends a
 * nudge once; P(alive) falling below 0.5 starts a win-back once per drop. The day of the drop is found
 * independently by asking the BG/NBD model (CDNOW parameters read as days) for P(alive) day by day.
 */
class ClosedLoopTest {

    private static final CustomerId EVE = CustomerId.of("eve");
    private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
    private static final Action FOLLOW_UP = new Action("follow-up-call", ActionKind.CALL, Set.of("detractors"),
            List.of(Channel.PHONE), "service-call", ActionValue.fixed(50), Duration.ofDays(30));
    private static final Action NUDGE = new Action("checkout-nudge", ActionKind.MESSAGE, Set.of("everyone"),
            List.of(Channel.EMAIL), "marketing-email", ActionValue.fixed(5), Duration.ofDays(7));

    @Test
    void aDetractorsAnswerOpensOneFollowUpWithinFortyEightHours() {
        MutableClock clock = new MutableClock(MONDAY);
        EventStore store = InMemoryEventStore.create();
        CustomerProfiles profiles = CustomerProfiles.custom(ProfileBuilder.ofDefaults()).clock(clock).build();
        SegmentMembership membership = SegmentMembership.of(List.of(
                Segment.of("detractors", Condition.category(CategoryField.NPS_CATEGORY, "detractor"))), clock);
        profiles.addListener(membership);
        profiles.put(Customer.builder(EVE, MONDAY).consent("service-call", ConsentStatus.GRANTED, MONDAY).build());
        Triggers triggers = Triggers.of(List.of(new Trigger.DetractorFollowUp("detractor-loop", "follow-up-call",
                Duration.ofHours(48))));
        NextBestAction catalogue = NextBestAction.custom(List.of(FOLLOW_UP, NUDGE))
                .policy(ContactPolicy.custom().noQuietHours().build()).build();

        CustomerEvent answer = FeedbackResponse.builder(EVE, MONDAY, "relationship", FeedbackScale.NPS, 2)
                .eventId("eve-nps-1").build();
        List<Decision> decisions = new ArrayList<>();
        for (int delivery = 0; delivery < 3; delivery++) {   // the same answer delivered three times
            Optional<CustomerProfile> profile = profiles.append(store, answer);
            List<TriggerFiring> firings = profile.isPresent() ? triggers.onEvent(answer) : List.of();
            for (TriggerFiring firing : firings) {
                assertThat(firing.due()).isEqualTo(MONDAY.plus(Duration.ofHours(48)));
                decisions.add(catalogue.only(firing.action()).decide(profile.get(), new DecisionContext(clock.instant(),
                        membership.segmentsOf(EVE), List.of())));
            }
        }
        assertThat(triggers.onEvent(answer)).as("seen before: fires nothing").isEmpty();
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).chosen().orElseThrow().action()).isEqualTo("follow-up-call");
        assertThat(decisions.get(0).chosen().orElseThrow().channel()).isEqualTo(Channel.PHONE);
    }

    @Test
    void aStallInThePurchaseStageSendsOneNudge() {
        MutableClock clock = new MutableClock(MONDAY);
        StageTracker tracker = StageTracking.custom(EngageLogs.MAP).clock(clock).build().tracker();
        Triggers triggers = Triggers.of(List.of(new Trigger.StallNudge("checkout-stall", "checkout-nudge",
                Optional.of("purchase"))));
        tracker.track(Interaction.builder(EVE, MONDAY, EngageLogs.TOUCHPOINTS.get(2)).eventId("eve-checkout").build());
        clock.set(MONDAY.plus(Duration.ofHours(25)));   // the purchase stage expects one day
        List<Stall> stalls = tracker.checkStalls();
        assertThat(stalls).hasSize(1);
        List<TriggerFiring> firings = triggers.onStall(stalls.get(0));
        assertThat(firings).containsExactly(new TriggerFiring("checkout-stall", "checkout-nudge", EVE,
                "stall:purchase@2026-03-02T10:00:00Z", clock.instant(), clock.instant()));
        assertThat(triggers.onStall(stalls.get(0))).as("reported again: fires nothing").isEmpty();
    }

    @Test
    void aDropOfPAliveBelowTheThresholdStartsOneWinBackPerDrop() {
        BgNbdModel model = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.DAYS);
        ProfileBuilder builder = ProfileBuilder.custom()
                .valuation(ClvValuation.of(model, ClvSettings.ofDefaults(Duration.ofDays(365)))).build();
        Instant first = MONDAY;
        List<CustomerEvent> purchases = List.of(
                Purchase.builder(EVE, first, Money.of("40", "EUR")).eventId("p1").build(),
                Purchase.builder(EVE, first.plus(Duration.ofDays(7)), Money.of("25", "EUR")).eventId("p2").build(),
                Purchase.builder(EVE, first.plus(Duration.ofDays(14)), Money.of("30", "EUR")).eventId("p3").build());
        CustomerProfile eve = builder.rebuild(EVE, Optional.empty(), purchases);
        Triggers triggers = Triggers.of(List.of(new Trigger.WinBack("win-back", "win-back-offer", 0.5)));
        // the oracle: x = 2 repeat purchases, t_x = 14 days, T = day; the first day P(alive) < 0.5
        int dropDay = 15;
        while (model.probabilityAlive(CustomerHistory.of(2, 14, dropDay)) >= 0.5) {
            dropDay++;
        }
        List<Integer> firedOn = new ArrayList<>();
        for (int day = 15; day <= dropDay + 30; day++) {
            if (!triggers.onValued(builder.valued(eve, first.plus(Duration.ofDays(day)))).isEmpty()) {
                firedOn.add(day);
            }
        }
        assertThat(firedOn).containsExactly(dropDay);
        // a purchase brings P(alive) back to 1; the next drop fires again
        CustomerProfile back = builder.update(eve, Purchase.builder(EVE, first.plus(Duration.ofDays(dropDay + 31)),
                Money.of("10", "EUR")).eventId("p4").build());
        assertThat(triggers.onValued(builder.valued(back, first.plus(Duration.ofDays(dropDay + 31))))).isEmpty();
        assertThat(triggers.onValued(builder.valued(back, first.plus(Duration.ofDays(2000))))).hasSize(1);
    }
}
