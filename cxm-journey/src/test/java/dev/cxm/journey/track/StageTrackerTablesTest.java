package dev.cxm.journey.track;

import static dev.cxm.journey.JourneyLogs.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.JourneyLogs;
import dev.cxm.journey.track.StageTracker.Outcome;

/**
 * The in-memory store keeps journeys in primitive tables that grow: its customer index (from 1,024 slots, rehashed
 * as it fills), each customer's block of pending events and of settled visits (from two and four, moved to blocks
 * twice as large, the old ones reused). Every outcome, history, stage at an instant and count is checked against
 * {@link NaiveTracker}, a brute-force tracker written here from the rules of {@link StageTracker}'s documentation
 * (a map of each customer's accepted events, sorted by instant and id hash, the history read off them), and the
 * same events go through a store behind the SPI as a second witness.
 */
class StageTrackerTablesTest {

    private static final List<String> TOUCHPOINTS = List.of("ad", "product", "checkout", "hotline", "blog");

    /**
     * The tracker's rules, brute force: an event the map places nowhere is unplaced; one more than the tolerance
     * before its customer's latest accepted event is late; one whose id and instant were accepted is a duplicate;
     * else it is accepted. The history is the accepted events in order of instant and then the 64-bit FNV-1a hash
     * of the id (computed here from the id's text), a visit wherever the stage changes.
     */
    static final class NaiveTracker {
        private final long toleranceMicros;
        private final Map<CustomerId, TreeMap<long[], String>> accepted = new HashMap<>();
        private final Map<CustomerId, Long> latest = new HashMap<>();
        long late;
        long duplicates;

        NaiveTracker(Duration tolerance) {
            this.toleranceMicros = tolerance.toNanos() / 1_000;
        }

        Outcome track(CustomerEvent event) {
            Optional<String> stage = StageTrackerTest.MAP.stageOf(event);
            if (stage.isEmpty()) {
                return Outcome.UNPLACED;
            }
            CustomerId customer = event.customerId();
            long time = micros(event.occurredAt());
            long[] key = {time, event.eventId().fnv1a64()};
            Long last = latest.get(customer);
            if (last != null && time < last - toleranceMicros) {
                late++;
                return Outcome.LATE;
            }
            TreeMap<long[], String> events = accepted.computeIfAbsent(customer,
                    c -> new TreeMap<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1])));
            if (events.containsKey(key)) {
                duplicates++;
                return Outcome.DUPLICATE;
            }
            List<StageVisit> before = history(customer);
            events.put(key, stage.get());
            latest.merge(customer, time, Math::max);
            return before.equals(history(customer)) ? Outcome.SAME_STAGE : Outcome.STAGE_CHANGED;
        }

        void forget(CustomerId customer) {
            accepted.remove(customer);
            latest.remove(customer);
        }

        List<StageVisit> history(CustomerId customer) {
            List<StageVisit> visits = new ArrayList<>();
            accepted.getOrDefault(customer, new TreeMap<>()).forEach((key, stage) -> {
                if (visits.isEmpty() || !visits.get(visits.size() - 1).stage().equals(stage)) {
                    visits.add(new StageVisit(stage, Instant.EPOCH.plus(Duration.ofNanos(key[0] * 1_000))));
                }
            });
            return visits;
        }

        Optional<String> stageAt(CustomerId customer, Instant instant) {
            String stage = null;
            for (Map.Entry<long[], String> entry : accepted.getOrDefault(customer, new TreeMap<>()).entrySet()) {
                if (entry.getKey()[0] <= micros(instant)) {
                    stage = entry.getValue();
                }
            }
            return Optional.ofNullable(stage);
        }

        Iterable<CustomerId> customers() {
            return accepted.keySet();
        }

        private static long micros(Instant at) {
            return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
        }
    }

    /**
     * Tracks {@code events} in order into the oracle, an in-memory tracker and one over a store behind the SPI,
     * forgetting the customers {@code forgets} names after the event of that index; checks each outcome, then
     * every customer's history and stage at each of {@code probes} instants, and the counts.
     */
    private static void assertTracksAsTheOracle(Duration tolerance, List<CustomerEvent> events,
            Map<Integer, CustomerId> forgets, List<Instant> probes) {
        StageTracking tracking = StageTracking.custom(StageTrackerTest.MAP).tolerance(tolerance).build();
        NaiveTracker oracle = new NaiveTracker(tolerance);
        StageTracker memory = tracking.tracker();
        StageTracker behindSpi = tracking.tracker(new StageTrackerPropertiesTest.MapTrackingStore());
        for (int i = 0; i < events.size(); i++) {
            CustomerEvent event = events.get(i);
            Outcome expected = oracle.track(event);
            assertThat(memory.track(event)).as("event %s: %s", i, event).isEqualTo(expected);
            assertThat(behindSpi.track(event)).as("event %s behind the SPI", i).isEqualTo(expected);
            CustomerId forgotten = forgets.get(i);
            if (forgotten != null) {
                oracle.forget(forgotten);
                memory.forget(forgotten);
                behindSpi.forget(forgotten);
            }
        }
        int customers = 0;
        for (CustomerId customer : oracle.customers()) {
            List<StageVisit> history = oracle.history(customer);
            if (history.isEmpty()) {
                continue;
            }
            customers++;
            assertThat(memory.journeyOf(customer).orElseThrow().history()).as("history of %s", customer)
                    .isEqualTo(history);
            assertThat(behindSpi.journeyOf(customer).orElseThrow().history()).isEqualTo(history);
            for (Instant probe : probes) {
                assertThat(memory.stageAt(customer, probe)).as("stage of %s at %s", customer, probe)
                        .isEqualTo(oracle.stageAt(customer, probe));
            }
        }
        assertThat(memory.state().journeys()).hasSize(customers);
        assertThat(memory.state()).isEqualTo(behindSpi.state());
        assertThat(memory.lateEvents()).isEqualTo(oracle.late);
        assertThat(memory.duplicateEvents()).isEqualTo(oracle.duplicates);
    }

    @Test
    void thousandsOfCustomersOutOfOrderWithDuplicatesAndErasuresAsTheOracle() {
        // 6,000 customers grow the index from 1,024 slots past 8,192; events arrive up to 20 minutes out of order
        // (tolerance 15, so some are late), a fifth of them twice, and every 500th event's customer is forgotten
        // (a gap in the index that later probes must cross).
        Random random = new Random(20261206);
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            int customer = random.nextInt(6_000);
            long minute = i / 4 + random.nextInt(20);
            events.add(JourneyLogs.at("e" + i, "c" + customer, TOUCHPOINTS.get(random.nextInt(5)), minute));
            if (random.nextInt(5) == 0) {
                events.add(events.get(random.nextInt(events.size())));
            }
        }
        Map<Integer, CustomerId> forgets = new HashMap<>();
        for (int i = 0; i < events.size(); i += 500) {
            forgets.put(i, events.get(i).customerId());
        }
        List<Instant> probes = List.of(START.minusSeconds(1), START.plus(Duration.ofMinutes(2_500)),
                START.plus(Duration.ofMinutes(9_999)), START.plus(Duration.ofDays(30)));
        assertTracksAsTheOracle(Duration.ofMinutes(15), events, forgets, probes);
    }

    @Test
    void aLongHistoryAndABurstBeyondTheFirstBlocksAsTheOracle() {
        // One customer changes stage 300 times (the visits move from a block of 4 to one of 512), then 200 events
        // arrive within the tolerance in reverse order (the pending block grows to 256, then settles and shrinks),
        // then every one of those 200 arrives again: duplicates, found after the blocks moved.
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(JourneyLogs.at("h" + i, "ann", TOUCHPOINTS.get(i % 4), i * 10L));
        }
        List<CustomerEvent> burst = new ArrayList<>();
        for (int i = 199; i >= 0; i--) {
            burst.add(JourneyLogs.at("b" + i, "ann", TOUCHPOINTS.get(i % 3), 4_000 + i / 4));
        }
        events.addAll(burst);
        events.addAll(burst);
        events.add(JourneyLogs.at("z", "ann", "hotline", 9_000));
        events.add(JourneyLogs.at("b7", "ann", "ad", 4_001));
        List<Instant> probes = new ArrayList<>();
        for (int minute = -5; minute < 9_100; minute += 7) {
            probes.add(START.plus(Duration.ofMinutes(minute)));
        }
        assertTracksAsTheOracle(Duration.ofMinutes(60), events, Map.of(), probes);
    }

    @Test
    void randomLogsOfManyCustomersAsTheOracle() {
        // Small tolerances and instants to the minute: events at one instant, ordered by id hash, are common.
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            int customers = 1 + random.nextInt(2_000);
            List<CustomerEvent> events = new ArrayList<>();
            int count = random.nextInt(6_000);
            for (int i = 0; i < count; i++) {
                long minute = i / (1 + random.nextInt(8)) + random.nextInt(10);
                events.add(JourneyLogs.at("r" + i, "c" + random.nextInt(customers), TOUCHPOINTS.get(random.nextInt(5)),
                        minute));
                if (random.nextInt(4) == 0) {
                    events.add(events.get(random.nextInt(events.size())));
                }
            }
            Map<Integer, CustomerId> forgets = new HashMap<>();
            for (int i = 0; i < events.size(); i += 1 + random.nextInt(800)) {
                forgets.put(i, CustomerId.of("c" + random.nextInt(customers)));
            }
            List<Instant> probes = List.of(START.plus(Duration.ofMinutes(random.nextInt(count + 10))),
                    START.plus(Duration.ofMinutes(random.nextInt(count + 10))));
            assertTracksAsTheOracle(Duration.ofMinutes(random.nextInt(12)), events, forgets, probes);
        });
    }

    @Test
    void aListenerTrackingFromWithinANotificationOverAHostsStoreLeavesBothJourneysRight() {
        // Oracle: the same events tracked one after the other by a tracker without the listener. Over a host's
        // store the tracker updates a copy of the journey; the listener's own track call must not disturb it.
        StageTracking tracking = StageTracking.ofDefaults(StageTrackerTest.MAP);
        StageTracker tracker = tracking.tracker(new StageTrackerPropertiesTest.MapTrackingStore());
        tracker.addListener(new JourneyListener() {
            @Override
            public void stageChanged(StageChange change) {
                if (change.customer().value().equals("ann")) {
                    long minute = Duration.between(START, change.at()).toMinutes();
                    tracker.track(JourneyLogs.at("bob" + minute, "bob", "hotline", minute));
                }
            }
        });
        tracker.track(JourneyLogs.at("a0", "ann", "ad", 0));
        tracker.track(JourneyLogs.at("a1", "ann", "product", 10));

        StageTracker plain = tracking.tracker();
        plain.trackAll(List.of(JourneyLogs.at("a0", "ann", "ad", 0), JourneyLogs.at("bob0", "bob", "hotline", 0),
                JourneyLogs.at("a1", "ann", "product", 10), JourneyLogs.at("bob10", "bob", "hotline", 10)));
        assertThat(tracker.state()).isEqualTo(plain.state());
        assertThat(tracker.state().journeys()).hasSize(2);
    }
}
