package dev.cxm.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.Stage;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.test.time.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The journey gauges on a {@code SimpleMeterRegistry} against the tracker's own snapshot: the oracle is
 * {@code tracker.result().customersByStage()}, which counts every journey's current stage anew, and the
 * tracker's counts of ignored events.
 */
class JourneyMetersTest {

    static final JourneyMap MAP = JourneyMap.builder()
            .stage(Stage.named("awareness").touchpoints("ad").build())
            .stage(Stage.named("consideration").touchpoints("product").build())
            .stage(Stage.named("purchase").touchpoints("checkout").build())
            .stage(Stage.named("loyalty").touchpoints("newsletter").finalStage().build())
            .transition("awareness", "consideration").transition("consideration", "purchase")
            .transition("purchase", "loyalty").transition("loyalty", "purchase")
            .build();
    private static final List<String> TOUCHPOINTS = List.of("ad", "product", "checkout", "newsletter", "careers");
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    /** Events of 50 customers over 5 hours in random order (some late for a 20-minute tolerance), some twice. */
    private static List<CustomerEvent> events(long seed) {
        Random random = new Random(seed);
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            String touchpoint = TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()));
            CustomerEvent event = Interaction.builder(CustomerId.of("c" + random.nextInt(50)),
                    START.plusSeconds(random.nextInt(5 * 3600)), Touchpoint.of(touchpoint, touchpoint, Channel.WEB))
                    .eventId("e" + i).outcome("ok").build();
            events.add(event);
            if (random.nextInt(8) == 0) {
                events.add(event);
            }
        }
        Collections.shuffle(events, random);
        return events;
    }

    @Test
    void everyStageGaugeEqualsTheTrackersSnapshotAndTheCountersItsIgnoredEvents() {
        StageTracker tracker = StageTracking.custom(MAP).tolerance(Duration.ofMinutes(20)).build().tracker();
        List<CustomerEvent> events = events(3);
        tracker.trackAll(events.subList(0, 400));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MutableClock clock = new MutableClock(START);
        JourneyMeters.custom(tracker).name("onboarding").clock(clock).build().bindTo(registry);

        assertMatches(registry, tracker);
        tracker.trackAll(events.subList(400, events.size()));
        tracker.forget(CustomerId.of("c7"));
        clock.set(START.plusSeconds(1)); // the next scrape, a snapshot's age later
        assertMatches(registry, tracker);

        assertThat(tracker.lateEvents()).isPositive();
        assertThat(tracker.duplicateEvents()).isPositive();
        assertThat(tracker.unplacedEvents()).isPositive();
        assertThat(registry.getMeters()).as("one gauge per stage and three counters").hasSize(MAP.stages().size() + 3);
    }

    private static void assertMatches(SimpleMeterRegistry registry, StageTracker tracker) {
        Map<String, Long> snapshot = tracker.result().customersByStage();
        for (String stage : MAP.stageNames()) {
            assertThat(registry.get(JourneyMeters.CUSTOMERS).tags("journey", "onboarding", "stage", stage).gauge()
                    .value()).as(stage).isEqualTo(snapshot.getOrDefault(stage, 0L).doubleValue());
        }
        assertThat(counter(registry, "late")).isEqualTo(tracker.lateEvents());
        assertThat(counter(registry, "duplicate")).isEqualTo(tracker.duplicateEvents());
        assertThat(counter(registry, "unplaced")).isEqualTo(tracker.unplacedEvents());
    }

    private static Map<String, Long> gauges(SimpleMeterRegistry registry) {
        Map<String, Long> read = new java.util.TreeMap<>();
        for (String stage : MAP.stageNames()) {
            long value = (long) registry.get(JourneyMeters.CUSTOMERS).tags("journey", "onboarding", "stage", stage)
                    .gauge().value();
            if (value != 0) {
                read.put(stage, value);
            }
        }
        return read;
    }

    private static double counter(SimpleMeterRegistry registry, String reason) {
        return registry.get(JourneyMeters.IGNORED).tags("journey", "onboarding", "reason", reason).functionCounter()
                .count();
    }

    @Test
    void aScrapeOfEveryStageReadsTheTrackerOnceAndTheNextScrapeReadsItAgain() {
        // Oracle: the number of reads a counting fake reader sees (one per scrape, by the definition of a snapshot
        // maxAge long) and the tracker's own snapshot for the values.
        StageTracker tracker = StageTracking.custom(MAP).tolerance(Duration.ofMinutes(20)).build().tracker();
        List<CustomerEvent> events = events(4);
        tracker.trackAll(events.subList(0, 400));
        AtomicInteger reads = new AtomicInteger();
        MutableClock clock = new MutableClock(START);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        JourneyMeters.custom(tracker).name("onboarding").clock(clock).maxAge(Duration.ofSeconds(5))
                .counts(tracked -> {
                    reads.incrementAndGet();
                    return tracked.customersByStage();
                }).build().bindTo(registry);

        assertMatches(registry, tracker);
        assertThat(reads).as("one read for all %d stages", MAP.stages().size()).hasValue(1);
        Map<String, Long> first = gauges(registry);
        tracker.trackAll(events.subList(400, events.size()));
        Map<String, Long> moved = new java.util.TreeMap<>(tracker.result().customersByStage());
        moved.values().removeIf(count -> count == 0);
        assertThat(moved).as("the tracker moved on").isNotEqualTo(first);
        clock.set(START.plusMillis(4_999));
        assertThat(gauges(registry)).as("still the first snapshot").isEqualTo(first);
        assertThat(reads).as("still within the snapshot's age").hasValue(1);
        clock.set(START.plusSeconds(5));
        assertMatches(registry, tracker);
        assertThat(reads).hasValue(2);
    }

    @Test
    void theConfigurationFollowsTheHouseIdiom() {
        StageTracker tracker = StageTracking.ofDefaults(MAP).tracker();
        JourneyMeters meters = JourneyMeters.ofDefaults(tracker);

        assertThat(meters.name()).isEqualTo(JourneyMeters.DEFAULT_NAME);
        assertThat(JourneyMeters.from(meters).build()).isEqualTo(meters).hasSameHashCodeAs(meters);
        assertThat(JourneyMeters.from(meters).name("b").build()).isNotEqualTo(meters);
        assertThat(JourneyMeters.from(meters).maxAge(Duration.ZERO).build()).isNotEqualTo(meters);
        assertThat(meters).hasToString("JourneyMeters[journey=journey, 4 stages, maxAge PT1S]");
        assertThatThrownBy(() -> JourneyMeters.custom(tracker).maxAge(Duration.ofSeconds(-1)))
                .hasMessage("maxAge: PT-1S is outside 0..PT1M");
        assertThatThrownBy(() -> JourneyMeters.custom(tracker).name("a b"))
                .hasMessage("name: a name of 3 characters that is not 1 to 64 of a-z A-Z 0-9 . _ -");
    }
}
