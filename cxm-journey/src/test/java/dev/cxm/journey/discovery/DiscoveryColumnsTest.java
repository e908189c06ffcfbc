package dev.cxm.journey.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.journey.discovery.internal.VariantTable;

/**
 * Discovery over a store's columns, whose edges keep histograms instead of lists of times, against two
 * oracles: a recount of every edge in the test (times sorted, the median at the nearest rank ceil(n / 2), the
 * mean as the exact {@code BigInteger} sum divided by the count), and the same discovery fed the store's
 * timelines one by one (the event path, which {@code DiscoveryBruteForceTest} checks against its own recount),
 * whose state and merges must come out the same after the columns. Times span microseconds to centuries, so
 * that medians fall in every kind of histogram bucket; gaps past the {@code long} range and many activities
 * take the lists instead, with the same results.
 */
class DiscoveryColumnsTest {

    private static final JourneyDiscovery DISCOVERY = JourneyDiscovery.ofDefaults();

    @Test
    void columnsGiveTheRecountedEdgesAndWhatTimelinesGive() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            InMemoryEventStore store = store(random, "s", 6, 40);
            DiscoveryResult fromColumns = DISCOVERY.compute(store);
            assertThat(fromColumns).isEqualTo(fromTimelines(store).result());
            assertThat(fromColumns.edges()).containsExactlyInAnyOrderElementsOf(recountedEdges(store));

            DiscoveryAccumulator columns = fromColumns(store);
            assertThat(json(columns.state())).isEqualTo(json(fromTimelines(store).state()));
            assertThat(columns.result()).isEqualTo(fromColumns);
        });
    }

    @Test
    void mergesAndAddsAfterColumnsCountAsAfterTimelines() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            InMemoryEventStore store = store(random, "s", 5, 30);
            InMemoryEventStore other = store(random, "o", 7, 20);
            assertThat(fromColumns(store).merge(fromColumns(other)).result())
                    .isEqualTo(fromTimelines(store).merge(fromTimelines(other)).result());
            assertThat(fromTimelines(other).merge(fromColumns(store)).result())
                    .isEqualTo(fromTimelines(other).merge(fromTimelines(store)).result());
            DiscoveryAccumulator added = fromColumns(store);
            DiscoveryAccumulator expected = fromTimelines(store);
            try (Stream<CustomerTimeline> timelines = other.timelines(EventQuery.all())) {
                timelines.forEach(timeline -> {
                    added.add(timeline);
                    expected.add(timeline);
                });
            }
            assertThat(added.result()).isEqualTo(expected.result());
            DiscoveryAccumulator twice = fromColumns(store);
            twice.addColumns(other.timelineColumns(EventQuery.all()).orElseThrow());
            assertThat(twice.result()).isEqualTo(fromTimelines(store).merge(fromTimelines(other)).result());
        });
    }

    @Test
    void edgesPastTheSampleGiveTheRecountedMedians() {
        // Expected from the recount: 6,000 customers of 5 events at 2 touchpoints give each of the 4 edges about
        // 6,000 times, past the 4,096 an edge keeps whole; with drift, the customers appended first have gaps of
        // seconds and the later ones of days, so that the times kept after the sample may miss the median.
        for (boolean drift : new boolean[] {false, true}) {
            Random random = new Random(drift ? 5 : 3);
            InMemoryEventStore store = InMemoryEventStore.create();
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            for (int c = 0; c < 6_000; c++) {
                List<CustomerEvent> events = new ArrayList<>();
                Instant at = start;
                for (int i = 0; i < 5; i++) {
                    long step = drift && c < 3_000 ? random.nextInt(60) : random.nextInt(5 * 86_400);
                    at = at.plusSeconds(step).plusNanos(random.nextInt(1_000) * 1_000L);
                    events.add(event("e" + c + "-" + i, "c" + c, "t" + random.nextInt(2), at));
                }
                store.appendAll(events);
            }
            DiscoveryResult result = DISCOVERY.compute(store);
            assertThat(result.edges()).containsExactlyInAnyOrderElementsOf(recountedEdges(store));
            assertThat(result).isEqualTo(fromTimelines(store).result());
        }
    }

    @Test
    void collidingVariantHashesCountAsDistinctHashesDo() {
        // Expected from the event path with the table of full hashes; the colliding table must compare steps.
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            InMemoryEventStore store = store(random, "s", 3, 60);
            DiscoveryAccumulator colliding = new DiscoveryAccumulator(DISCOVERY, VariantTable.withCollidingHashes());
            colliding.addColumns(store.timelineColumns(EventQuery.all()).orElseThrow());
            assertThat(colliding.result()).isEqualTo(fromTimelines(store).result());
        });
    }

    @Test
    void gapsWhoseSumPassesTheLongRangeTakeTheListsMean() {
        // Expected from the event path: three gaps of 200,000 years on one edge add up past Long.MAX_VALUE
        // microseconds, where LongList.mean sums doubles; the columns must not report a wrapped sum.
        InMemoryEventStore store = InMemoryEventStore.create();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant far = start.plus(Duration.ofDays(365L * 200_000));
        for (int c = 0; c < 3; c++) {
            store.appendAll(List.of(event("a" + c, "c" + c, "a", start), event("b" + c, "c" + c, "b", far)));
        }
        DiscoveryResult result = DISCOVERY.compute(store);
        assertThat(result).isEqualTo(fromTimelines(store).result());
        assertThat(result.edges().get(0).meanTime()).isEqualTo(Duration.between(start, far));
    }

    @Test
    void manyActivitiesTakeTheLists() {
        // Expected from the event path: 120 touchpoints could make 14,400 edges, whose histograms would take
        // more memory than the events' times, so the columns count into lists as timelines do.
        InMemoryEventStore store = InMemoryEventStore.create();
        Random random = new Random(7);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            events.add(event("e" + i, "c" + random.nextInt(300), "t" + random.nextInt(120),
                    start.plusSeconds(random.nextInt(1_000_000))));
        }
        store.appendAll(events);
        assertThat(DISCOVERY.compute(store)).isEqualTo(fromTimelines(store).result());
    }

    private static DiscoveryAccumulator fromColumns(InMemoryEventStore store) {
        DiscoveryAccumulator accumulator = DISCOVERY.accumulator();
        accumulator.addColumns(store.timelineColumns(EventQuery.all()).orElseThrow());
        return accumulator;
    }

    private static DiscoveryAccumulator fromTimelines(InMemoryEventStore store) {
        DiscoveryAccumulator accumulator = DISCOVERY.accumulator();
        try (Stream<CustomerTimeline> timelines = store.timelines(EventQuery.all())) {
            timelines.forEach(accumulator::add);
        }
        return accumulator;
    }

    /** Every consecutive pair of every customer's timeline, with its count, exact mean and sorted median. */
    private static List<DirectlyFollows> recountedEdges(InMemoryEventStore store) {
        Map<List<String>, List<Long>> times = new HashMap<>();
        try (Stream<CustomerTimeline> timelines = store.timelines(EventQuery.all())) {
            timelines.forEach(timeline -> {
                List<CustomerEvent> events = timeline.events();
                for (int i = 1; i < events.size(); i++) {
                    times.computeIfAbsent(List.of(name(events.get(i - 1)), name(events.get(i))),
                            k -> new ArrayList<>()).add(Duration.between(events.get(i - 1).occurredAt(),
                                    events.get(i).occurredAt()).toNanos() / 1_000);
                }
            });
        }
        List<DirectlyFollows> edges = new ArrayList<>();
        times.forEach((pair, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            BigInteger sum = list.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
            long mean = sum.divide(BigInteger.valueOf(sorted.length)).longValueExact();
            edges.add(new DirectlyFollows(pair.get(0), pair.get(1), sorted.length, Duration.ofNanos(mean * 1_000),
                    Duration.ofNanos(sorted[(sorted.length + 1) / 2 - 1] * 1_000)));
        });
        return edges;
    }

    private static String name(CustomerEvent event) {
        return event.atTouchpoint().orElseThrow().id().value();
    }

    /**
     * Up to {@code customers} customers of up to 12 interactions at {@code touchpoints} touchpoints, each
     * customer's times at their own scale (from microseconds to about a century apart), ties included.
     */
    private static InMemoryEventStore store(Random random, String prefix, int touchpoints, int customers) {
        InMemoryEventStore store = InMemoryEventStore.create();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<CustomerEvent> events = new ArrayList<>();
        int count = 1 + random.nextInt(customers);
        for (int c = 0; c < count; c++) {
            int scale = random.nextInt(52);
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                long micros = random.nextInt(5) == 0 ? random.nextInt(3) : random.nextLong() >>> (12 + scale);
                events.add(event(prefix + c + "-" + i, prefix + c, "t" + random.nextInt(touchpoints),
                        start.plusNanos(micros % 1_000_000 * 1_000).plusSeconds(micros / 1_000_000)));
            }
        }
        store.appendAll(events);
        return store;
    }

    private static Interaction event(String id, String customer, String touchpoint, Instant at) {
        return new Interaction(EventId.of(id), CustomerId.of(customer), at,
                Touchpoint.of(touchpoint, touchpoint, Channel.WEB), "ok", Duration.ZERO, Map.of());
    }

    private static String json(DiscoveryState state) {
        try {
            return CxmJson.mapper().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
