package dev.cxm.journey.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.JourneyLogs;

/**
 * Replaying the same events in another order gives the same state: with a tolerance that covers the log, in
 * any order; with a small tolerance, in any order where each event arrives within the tolerance of the
 * latest event of its customer so far (arrival = instant + a random delay up to the tolerance). The ordered
 * replay is also checked against a plain history: each customer's placed events sorted by time (instants
 * distinct per customer), a visit wherever the stage changes.
 */
class StageTrackerPropertiesTest {

    private static final List<String> TOUCHPOINTS = List.of("ad", "product", "checkout", "hotline", "blog");

    private static List<CustomerEvent> distinctInstants(Random random) {
        List<CustomerEvent> events = new ArrayList<>();
        int customers = 1 + random.nextInt(5);
        for (int c = 0; c < customers; c++) {
            List<Integer> minutes = new ArrayList<>();
            for (int m = 0; m < 200; m++) {
                minutes.add(m);
            }
            Collections.shuffle(minutes, random);
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                events.add(JourneyLogs.at("c" + c + "e" + i, "c" + c, TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size())),
                        minutes.get(i)));
            }
        }
        return events;
    }

    private static String json(Object state) {
        try {
            return CxmJson.mapper().writeValueAsString(state);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void orderedReplayGivesThePlainHistory() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            List<CustomerEvent> events = distinctInstants(new Random(seed));
            events.sort(Comparator.comparing(CustomerEvent::occurredAt));
            StageTracker tracker = StageTracking.ofDefaults(StageTrackerTest.MAP).tracker().trackAll(events);
            Map<CustomerId, List<StageVisit>> expected = new TreeMap<>();
            for (CustomerEvent event : events) {
                StageTrackerTest.MAP.stageOf(event).ifPresent(stage -> {
                    List<StageVisit> visits = expected.computeIfAbsent(event.customerId(), c -> new ArrayList<>());
                    if (visits.isEmpty() || !visits.get(visits.size() - 1).stage().equals(stage)) {
                        visits.add(new StageVisit(stage, event.occurredAt()));
                    }
                });
            }
            assertThat(tracker.result().histories()).isEqualTo(expected);
        });
    }

    @Test
    void trackingInBatchesGivesTheStateOfTrackingOneByOne() {
        // trackAll reads customers' state ahead 64 events at a time: over logs of many customers, several batches
        // long, late events and duplicates included, it must end where one track call per event ends.
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            StageTracking tracking = StageTracking.custom(StageTrackerTest.MAP)
                    .tolerance(Duration.ofMinutes(random.nextInt(60))).build();
            List<CustomerEvent> events = new ArrayList<>(JourneyLogs.random(random, 40, 12, TOUCHPOINTS, 600));
            events.addAll(events.subList(0, events.size() / 5));
            Collections.shuffle(events, random);
            StageTracker oneByOne = tracking.tracker();
            events.forEach(oneByOne::track);
            StageTracker inBatches = tracking.tracker().trackAll(events);
            assertThat(json(inBatches.state())).isEqualTo(json(oneByOne.state()));
            assertThat(inBatches.lateEvents()).isEqualTo(oneByOne.lateEvents());
            assertThat(inBatches.duplicateEvents()).isEqualTo(oneByOne.duplicateEvents());
        });
    }

    @Test
    void aShuffledReplayGivesTheStateOfTheOrderedOneWhenTheToleranceCoversTheLog() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<CustomerEvent> events = JourneyLogs.random(random, 5, 12, TOUCHPOINTS, 200);
            StageTracking tracking = StageTracking.custom(StageTrackerTest.MAP).tolerance(ChronoUnit.FOREVER.getDuration())
                    .build();
            List<CustomerEvent> ordered = new ArrayList<>(events);
            ordered.sort(Comparator.comparing(CustomerEvent::occurredAt));
            StageTracker inOrder = tracking.tracker().trackAll(ordered);
            List<CustomerEvent> twice = new ArrayList<>(events);
            twice.addAll(events.subList(0, events.size() / 2));
            Collections.shuffle(twice, random);
            StageTracker shuffled = tracking.tracker().trackAll(twice);
            assertThat(json(shuffled.state())).isEqualTo(json(inOrder.state()));
            assertThat(shuffled.result()).isEqualTo(inOrder.result());
        });
    }

    @Test
    void anyArrivalWithinTheToleranceGivesTheStateOfTheOrderedReplay() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            int tolerance = 1 + random.nextInt(30);
            StageTracking tracking = StageTracking.custom(StageTrackerTest.MAP)
                    .tolerance(Duration.ofMinutes(tolerance)).build();
            List<CustomerEvent> events = JourneyLogs.random(random, 5, 15, TOUCHPOINTS, 200);
            List<CustomerEvent> ordered = new ArrayList<>(events);
            ordered.sort(Comparator.comparing(CustomerEvent::occurredAt));
            Map<CustomerEvent, Long> arrival = new java.util.IdentityHashMap<>();
            for (CustomerEvent event : events) {
                arrival.put(event, event.occurredAt().getEpochSecond() + random.nextInt(tolerance * 60 + 1));
            }
            List<CustomerEvent> arriving = new ArrayList<>(events);
            arriving.sort(Comparator.comparing(arrival::get));
            StageTracker inOrder = tracking.tracker().trackAll(ordered);
            StageTracker late = tracking.tracker().trackAll(arriving);
            assertThat(late.lateEvents()).isZero();
            assertThat(json(late.state())).isEqualTo(json(inOrder.state()));
        });
    }

    @Test
    void theKeptPopulationsEqualTheCountOfEveryJourneysCurrentStage() {
        // Oracle: the current stage of every journey in the tracker's state, counted anew (TrackingSnapshot), with
        // the map's other stages at 0. The tracker starts keeping its counts at a random point of the log, then
        // tracks late events, duplicates and retroactive changes, forgets customers and merges a tracker of other
        // customers (and of some it holds); over the in-memory store and over a store behind the SPI, which the
        // tracker copies through.
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            StageTracking tracking = StageTracking.custom(StageTrackerTest.MAP)
                    .tolerance(Duration.ofMinutes(random.nextInt(40))).build();
            List<CustomerEvent> events = new ArrayList<>(JourneyLogs.random(random, 12, 10, TOUCHPOINTS, 300));
            events.addAll(events.subList(0, events.size() / 4));
            Collections.shuffle(events, random);
            for (StageTracker tracker : List.of(tracking.tracker(), tracking.tracker(new MapTrackingStore()))) {
                int seeded = random.nextInt(events.size() + 1);
                tracker.trackAll(events.subList(0, seeded));
                tracker.customersByStage();
                tracker.trackAll(events.subList(seeded, events.size()));
                tracker.forget(CustomerId.of("c" + random.nextInt(12)));
                // Customers c0..c13: some new to the tracker, some merged into journeys it holds.
                tracker.merge(tracking.tracker().trackAll(JourneyLogs.random(random, 14, 5, TOUCHPOINTS, 300)));

                Map<String, Long> expected = new java.util.LinkedHashMap<>();
                StageTrackerTest.MAP.stages().forEach(stage -> expected.put(stage.name(), 0L));
                expected.putAll(tracker.result().customersByStage());
                assertThat(tracker.customersByStage()).containsExactlyEntriesOf(expected);
            }
        });
    }

    /** A tracking store behind the SPI, as a host's would be: a map of journeys, copied in and out. */
    static final class MapTrackingStore implements TrackingStore {
        private final Map<CustomerId, CustomerJourney> journeys = new java.util.HashMap<>();

        @Override
        public java.util.Optional<CustomerJourney> get(CustomerId customer) {
            return java.util.Optional.ofNullable(journeys.get(customer));
        }

        @Override
        public void put(CustomerJourney journey) {
            journeys.put(journey.customer(), journey);
        }

        @Override
        public boolean remove(CustomerId customer) {
            return journeys.remove(customer) != null;
        }

        @Override
        public java.util.stream.Stream<CustomerJourney> journeys() {
            return List.copyOf(journeys.values()).stream();
        }

        @Override
        public long size() {
            return journeys.size();
        }
    }
}
