package dev.cxm.journey.track;

import static dev.cxm.journey.JourneyLogs.START;
import static dev.cxm.journey.JourneyLogs.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.Stage;
import dev.cxm.journey.track.StageTracker.Outcome;
import dev.cxm.test.time.MutableClock;

/**
 * The tracker on hand-made event sequences: every expected stage, change and stall follows from the map's
 * stages and the events' minutes (written next to each assertion).
 */
class StageTrackerTest {

    /** ad: awareness, product: consideration, checkout: purchase (expected 1 day), hotline: service. */
    static final JourneyMap MAP = JourneyMap.builder()
            .stage(Stage.named("awareness").touchpoints("ad").build())
            .stage(Stage.named("consideration").touchpoints("product").build())
            .stage(Stage.named("purchase").touchpoints("checkout").expectedTime(Duration.ofDays(1)).build())
            .stage(Stage.named("service").touchpoints("hotline").finalStage().build())
            .transition("awareness", "consideration").transition("consideration", "purchase")
            .transition("purchase", "service").transition("service", "purchase")
            .build();

    private static final CustomerId ANN = CustomerId.of("ann");

    /** Records what listeners hear. */
    static final class Heard implements JourneyListener {
        final List<StageChange> changes = new ArrayList<>();
        final List<Stall> stalls = new ArrayList<>();

        @Override
        public void stageChanged(StageChange change) {
            changes.add(change);
        }

        @Override
        public void stalled(Stall stall) {
            stalls.add(stall);
        }
    }

    @Test
    void tracksStagesAndTellsListenersOfEachChange() {
        Heard heard = new Heard();
        StageTracker tracker = StageTracking.ofDefaults(MAP).tracker().addListener(heard);
        assertThat(tracker.track(at("1", "ann", "ad", 0))).isEqualTo(Outcome.STAGE_CHANGED);
        assertThat(tracker.track(at("2", "ann", "ad", 10))).isEqualTo(Outcome.SAME_STAGE);
        assertThat(tracker.track(at("3", "ann", "blog", 20))).isEqualTo(Outcome.UNPLACED);
        assertThat(tracker.track(at("4", "ann", "product", 30))).isEqualTo(Outcome.STAGE_CHANGED);
        assertThat(tracker.track(at("4", "ann", "product", 30))).isEqualTo(Outcome.DUPLICATE);

        assertThat(heard.changes).containsExactly(
                new StageChange(ANN, Optional.empty(), "awareness", START, false),
                new StageChange(ANN, Optional.of("awareness"), "consideration", START.plus(Duration.ofMinutes(30)), false));
        assertThat(tracker.stageAt(ANN, START.minusSeconds(1))).isEmpty();
        assertThat(tracker.stageAt(ANN, START.plus(Duration.ofMinutes(29)))).contains("awareness");
        assertThat(tracker.stageAt(ANN, START.plus(Duration.ofMinutes(30)))).contains("consideration");
        assertThat(tracker.journeyOf(ANN).orElseThrow().currentVisit())
                .isEqualTo(new StageVisit("consideration", START.plus(Duration.ofMinutes(30))));
        assertThat(tracker.unplacedEvents()).isEqualTo(1);
        assertThat(tracker.duplicateEvents()).isEqualTo(1);
        assertThat(tracker.stageAt(CustomerId.of("nobody"), START)).isEmpty();
    }

    @Test
    void aLateEventWithinTheToleranceRewritesTheHistoryAndOneBeyondItIsIgnored() {
        Heard heard = new Heard();
        StageTracker tracker = StageTracking.custom(MAP).tolerance(Duration.ofMinutes(10)).build().tracker()
                .addListener(heard);
        tracker.track(at("1", "ann", "ad", 0));
        tracker.track(at("2", "ann", "checkout", 20));
        // product at minute 15 arrives after checkout at 20: within 10 minutes, so it slots in before it.
        assertThat(tracker.track(at("3", "ann", "product", 15))).isEqualTo(Outcome.STAGE_CHANGED);
        assertThat(heard.changes.subList(2, heard.changes.size())).containsExactly(
                new StageChange(ANN, Optional.of("awareness"), "consideration", START.plus(Duration.ofMinutes(15)), true),
                new StageChange(ANN, Optional.of("consideration"), "purchase", START.plus(Duration.ofMinutes(20)), true));
        // An ad at minute 5 is 15 minutes before the latest event: late, ignored.
        assertThat(tracker.track(at("4", "ann", "ad", 5))).isEqualTo(Outcome.LATE);
        assertThat(tracker.lateEvents()).isEqualTo(1);
        assertThat(tracker.journeyOf(ANN).orElseThrow().history()).containsExactly(
                new StageVisit("awareness", START), new StageVisit("consideration", START.plus(Duration.ofMinutes(15))),
                new StageVisit("purchase", START.plus(Duration.ofMinutes(20))));
        // Settled: what lies more than 10 minutes before the latest event (20), the awareness visit at 0.
        assertThat(tracker.journeyOf(ANN).orElseThrow().settled()).containsExactly(new StageVisit("awareness", START));
        assertThat(tracker.journeyOf(ANN).orElseThrow().recent()).hasSize(2);
    }

    @Test
    void reportsEachStallOnceByTheClock() {
        MutableClock clock = new MutableClock(START);
        Heard heard = new Heard();
        StageTracker tracker = StageTracking.custom(MAP).clock(clock).build().tracker().addListener(heard);
        tracker.track(at("1", "ann", "checkout", 0));
        tracker.track(at("2", "bob", "checkout", 60));
        tracker.track(at("3", "cat", "ad", 0));
        clock.advance(Duration.ofHours(24).plusMinutes(30));
        // ann entered purchase at minute 0 with one day expected: overdue at 24:30; bob (minute 60) is not yet.
        assertThat(tracker.checkStalls()).extracting(Stall::customer).containsExactly(ANN);
        assertThat(tracker.checkStalls()).isEmpty();
        clock.advance(Duration.ofHours(1));
        List<Stall> later = tracker.checkStalls();
        assertThat(later).extracting(stall -> stall.customer().value()).containsExactly("bob");
        assertThat(later.get(0).overdueBy()).isEqualTo(Duration.ofMinutes(30));
        // ann moves on to service and comes back to purchase: a new stay, reported again when overdue.
        tracker.track(at("4", "ann", "hotline", 24 * 60 + 40));
        tracker.track(at("5", "ann", "checkout", 24 * 60 + 50));
        clock.advance(Duration.ofDays(2));
        assertThat(tracker.checkStalls()).extracting(Stall::enteredAt)
                .containsExactly(START.plus(Duration.ofMinutes(24 * 60 + 50)));
        assertThat(heard.stalls).hasSize(3);
    }

    @Test
    void aFailingListenerStopsNothingAndAForgottenCustomerIsGone() {
        Heard heard = new Heard();
        StageTracker tracker = StageTracking.ofDefaults(MAP).tracker()
                .addListener(new JourneyListener() {
                    @Override
                    public void stageChanged(StageChange change) {
                        throw new IllegalStateException("the host's bug");
                    }
                })
                .addListener(heard);
        tracker.track(at("1", "ann", "ad", 0));
        assertThat(heard.changes).hasSize(1);
        assertThat(tracker.forget(ANN)).isEqualTo(1);
        assertThat(tracker.journeyOf(ANN)).isEmpty();
        assertThat(tracker.forget(ANN)).as("forgotten already").isZero();
    }

    @Test
    void aForgottenCustomerIsNeverReportedStalledAndTheRestIsAsIfTheyHadNeverComeIn() {
        // Oracle: a twin tracker fed only bob's and cat's events; ann's pending deadline (set by the first
        // checkStalls, before it was due) must not name her once she is forgotten.
        MutableClock clock = new MutableClock(START);
        StageTracker tracker = StageTracking.custom(MAP).clock(clock).build().tracker();
        StageTracker twin = StageTracking.custom(MAP).clock(clock).build().tracker();
        tracker.trackAll(List.of(at("1", "ann", "checkout", 0), at("2", "bob", "checkout", 10),
                at("3", "cat", "ad", 0), at("4", "ann", "hotline", 5), at("5", "ann", "checkout", 7)));
        twin.trackAll(List.of(at("2", "bob", "checkout", 10), at("3", "cat", "ad", 0)));
        assertThat(tracker.checkStalls()).isEmpty();
        assertThat(twin.checkStalls()).isEmpty();

        assertThat(tracker.forget(ANN)).isEqualTo(1);

        clock.advance(Duration.ofDays(2));
        assertThat(tracker.checkStalls()).isEqualTo(twin.checkStalls())
                .extracting(stall -> stall.customer().value()).containsExactly("bob");
        assertThat(tracker.state()).isEqualTo(twin.state());
        assertThat(tracker.result()).isEqualTo(twin.result());
        assertThat(tracker.journeyOf(ANN)).isEmpty();
        assertThat(tracker.stageAt(ANN, START.plus(Duration.ofMinutes(8)))).isEmpty();
        assertThat(tracker.stageKey().groupOf(at("9", "ann", "survey", 8))).isEqualTo("(none)");
    }

    @Test
    void aCustomerForgottenAndTrackedAgainStallsOncePerStay() {
        // Oracle: the stall rule, each stay reported once. Ann's deadline (seeded before it was due) goes with
        // her; tracked again with the same checkout, her one stay is overdue once, not once per deadline.
        MutableClock clock = new MutableClock(START);
        StageTracker tracker = StageTracking.custom(MAP).clock(clock).build().tracker();
        tracker.track(at("1", "ann", "checkout", 0));
        assertThat(tracker.checkStalls()).isEmpty();
        tracker.forget(ANN);
        tracker.track(at("1", "ann", "checkout", 0));
        clock.advance(Duration.ofDays(2));
        assertThat(tracker.checkStalls()).extracting(Stall::customer).containsExactly(ANN);
    }

    @Test
    void theStageKeyGroupsAnEventByTheStageItsCustomerWasIn() {
        StageTracker tracker = StageTracking.ofDefaults(MAP).tracker();
        tracker.trackAll(List.of(at("1", "ann", "ad", 0), at("2", "ann", "checkout", 60)));
        assertThat(tracker.stageKey().name()).isEqualTo("journey-stage");
        assertThat(tracker.stageKey().groupOf(at("9", "ann", "survey", 30))).isEqualTo("awareness");
        assertThat(tracker.stageKey().groupOf(at("9", "ann", "survey", 90))).isEqualTo("purchase");
        assertThat(tracker.stageKey().groupOf(at("9", "bob", "survey", 90))).isEqualTo("(none)");
    }

    @Test
    void theConfigurationFollowsTheIdiom() {
        StageTracking defaults = StageTracking.ofDefaults(MAP);
        assertThat(defaults.tolerance()).isEqualTo(Duration.ofMinutes(5));
        StageTracking custom = StageTracking.custom(MAP).tolerance(Duration.ZERO).build();
        assertThat(StageTracking.from(custom).build()).isEqualTo(custom);
        StageTracking.Builder builder = StageTracking.custom(MAP);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.tolerance(Duration.ofSeconds(-1)))
                .hasMessage("tolerance: PT-1S is negative; it must be zero or more");
        assertThat(builder.build()).isEqualTo(defaults);
    }
}
