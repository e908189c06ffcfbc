package dev.cxm.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelCounting;
import dev.cxm.journey.funnel.FunnelGroupResult;
import dev.cxm.journey.funnel.FunnelOrder;
import dev.cxm.journey.funnel.FunnelResult;
import dev.cxm.journey.funnel.FunnelStep;
import dev.cxm.journey.funnel.FunnelStepResult;

/**
 * Funnel step counts per window in Kafka Streams' test driver against the single-machine funnel: the oracle of
 * every test is {@code funnel.computeEvents(...)} over the events a brute-force loop puts in each window (every
 * window start {@code k × advance} with {@code start <= t < start + size}, walked from the first that can hold
 * {@code t}), in arrival order.
 */
class FunnelAggregationTest {

    private static final List<String> TOUCHPOINTS = List.of("home", "product", "checkout", "blog", "hotline");
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Channel[] CHANNELS = {Channel.WEB, Channel.MOBILE_APP, Channel.EMAIL};

    @TempDir
    Path stateDir;

    /** Returns {@code count} events of 60 customers over 6 hours, in random order, a tenth delivered twice. */
    static List<CustomerEvent> events(long seed, int count) {
        Random random = new Random(seed);
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String touchpoint = TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()));
            CustomerEvent event = Interaction.builder(CustomerId.of("c" + random.nextInt(60)),
                    START.plusSeconds(random.nextInt(6 * 3600)),
                    Touchpoint.of(touchpoint, touchpoint, CHANNELS[random.nextInt(CHANNELS.length)]))
                    .eventId("e" + i).outcome("ok").build();
            events.add(event);
            if (random.nextInt(10) == 0) {
                events.add(random.nextInt(events.size()), event);
            }
        }
        return events;
    }

    private static List<FunnelStep> steps() {
        return List.of(FunnelStep.touchpoint("home"), FunnelStep.touchpoint("product"),
                FunnelStep.touchpoint("checkout"));
    }

    @Test
    void everyWindowsStepCountsEqualTheSingleMachineFunnel() {
        // Ordered with an exclusion and a breakdown by channel; strict; unordered counting every attempt.
        List<CustomerEvent> events = events(7, 2_500);
        List<Funnel> funnels = List.of(
                Funnel.custom(steps()).window(Duration.ofMinutes(40))
                        .exclude(EventMatcher.touchpoint("hotline"), 2, 3)
                        .breakdown(GroupKeys.channel()).build(),
                Funnel.custom(steps()).window(Duration.ofMinutes(40)).order(FunnelOrder.STRICT).build(),
                Funnel.custom(steps()).window(Duration.ofMinutes(20)).order(FunnelOrder.UNORDERED)
                        .counting(FunnelCounting.EVERY_ATTEMPT).build());
        TimeWindows hourly = TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofDays(1));
        for (Funnel funnel : funnels) {
            FunnelAggregation aggregation = FunnelAggregation.custom(funnel, hourly)
                    .storeType(Materialized.StoreType.IN_MEMORY).build();

            Map<String, FunnelStepCounts> counted = run(aggregation, events);

            Map<String, FunnelStepCounts> expected = singleMachine(aggregation, events);
            assertThat(expected).hasSize(6);
            assertThat(expected.values()).allMatch(counts -> counts.reached(1) > 0);
            assertThat(counted).as(funnel.toString()).isEqualTo(expected);
        }
    }

    @Test
    void hoppingWindowsAndRocksDbGiveTheSameCounts() {
        List<CustomerEvent> events = events(8, 1_500);
        FunnelAggregation aggregation = FunnelAggregation.ofDefaults(Funnel.custom(steps())
                        .window(Duration.ofMinutes(30)).build(),
                TimeWindows.ofSizeAndGrace(Duration.ofHours(2), Duration.ofDays(1)).advanceBy(Duration.ofMinutes(30)));

        Map<String, FunnelStepCounts> counted = run(aggregation, events);

        assertThat(counted).isEqualTo(singleMachine(aggregation, events)).hasSizeGreaterThan(10);
    }

    @Test
    void aLateEventCountsWithinTheGraceAndIsDroppedBeyondItAndADuplicateCountsOnce() {
        // By hand: window [00:00, 01:00) with a grace of 10 minutes. Ann: home 00:10, product 00:20, the product
        // again (a duplicate). Stream time reaches 01:05 (bob at 01:05): Ann's checkout at 00:30 arrives, late but
        // within the grace: she reaches step 3. Stream time reaches 01:11 (bob at 01:11): Cy's home at 00:40 is
        // beyond the grace and dropped. Bob's events at 01:05 and 01:11 are in the next window.
        CustomerEvent annProduct = at("a2", "ann", "product", "00:20");
        List<CustomerEvent> events = List.of(at("a1", "ann", "home", "00:10"), annProduct, annProduct,
                at("b1", "bob", "home", "01:05"), at("a3", "ann", "checkout", "00:30"),
                at("b2", "bob", "product", "01:11"), at("c1", "cy", "home", "00:40"));
        FunnelAggregation aggregation = FunnelAggregation.custom(Funnel.custom(steps()).window(Duration.ofHours(1))
                        .build(), TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofMinutes(10)))
                .storeType(Materialized.StoreType.IN_MEMORY).build();

        Map<String, FunnelStepCounts> counted = run(aggregation, events);

        assertThat(counted).containsOnlyKeys(START.toString(), START.plus(Duration.ofHours(1)).toString());
        FunnelStepCounts first = counted.get(START.toString());
        assertThat(first.customers()).isEqualTo(1);
        assertThat(first.events()).as("the duplicate counts once").isEqualTo(3);
        assertThat(first.reached()).containsExactly(1L, 1L, 1L);
        assertThat(counted.get(START.plus(Duration.ofHours(1)).toString()).reached()).containsExactly(1L, 1L, 0L);
    }

    @Test
    void aTombstoneBetweenEventsChangesNothingAndTheStreamGoesOn() {
        // Oracle: the brute-force single-machine funnel over the same events without the tombstones (null values,
        // which CxmSerdes.events() reads as null).
        List<CustomerEvent> events = events(9, 400);
        FunnelAggregation aggregation = FunnelAggregation.custom(Funnel.custom(steps())
                        .window(Duration.ofMinutes(30)).build(),
                TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofDays(1)))
                .storeType(Materialized.StoreType.IN_MEMORY).build();

        Map<String, FunnelStepCounts> counted = run(aggregation, events, true);

        assertThat(counted).isEqualTo(singleMachine(aggregation, events)).hasSize(6);
    }

    private static CustomerEvent at(String id, String customer, String touchpoint, String time) {
        return Interaction.builder(CustomerId.of(customer), Instant.parse("2026-03-02T" + time + ":00Z"),
                Touchpoint.of(touchpoint, touchpoint, Channel.WEB)).eventId(id).outcome("ok").build();
    }

    /**
     * Runs the events through the aggregation, then one event four days later that closes every window, and reads
     * the windows' counts from the store and the output topic (the last per window), which must agree.
     */
    private Map<String, FunnelStepCounts> run(FunnelAggregation aggregation, List<CustomerEvent> events) {
        return run(aggregation, events, false);
    }

    /** As {@link #run(FunnelAggregation, List)}, each event after a tombstone (a null value) when asked. */
    private Map<String, FunnelStepCounts> run(FunnelAggregation aggregation, List<CustomerEvent> events,
            boolean tombstones) {
        StreamsBuilder builder = new StreamsBuilder();
        aggregation.windowedResults(builder.stream("events", Consumed.with(Serdes.String(), CxmSerdes.events())
                        .withTimestampExtractor(new EventTimestampExtractor())))
                .to("counts", Produced.with(Serdes.String(), CxmSerdes.windowedResults(FunnelStepCounts.class)));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(),
                StreamEvents.driverProperties(stateDir.toString()))) {
            TestInputTopic<String, CustomerEvent> input = driver.createInputTopic("events",
                    Serdes.String().serializer(), CxmSerdes.events().serializer());
            for (CustomerEvent event : events) {
                if (tombstones) {
                    input.pipeInput(event.eventId().value(), null, Instant.EPOCH);
                }
                input.pipeInput(event.eventId().value(), event, Instant.EPOCH);
            }
            input.pipeInput("closer", Interaction.builder(CustomerId.of("closer"), START.plus(Duration.ofDays(4)),
                    Touchpoint.of("blog", "blog", Channel.WEB)).eventId("closer").outcome("ok").build());
            Map<String, FunnelStepCounts> stored = new TreeMap<>();
            KeyValueStore<Windowed<String>, FunnelStepCounts> store = driver.getKeyValueStore(aggregation.storeName());
            try (KeyValueIterator<Windowed<String>, FunnelStepCounts> all = store.all()) {
                all.forEachRemaining(entry -> stored.put(entry.key.window().startTime().toString(), entry.value));
            }
            Map<String, FunnelStepCounts> sent = new TreeMap<>();
            driver.createOutputTopic("counts", Serdes.String().deserializer(),
                            CxmSerdes.windowedResults(FunnelStepCounts.class).deserializer()).readValuesToList()
                    .forEach(result -> sent.put(result.windowStart().toString(), result.result()));
            assertThat(sent).isEqualTo(stored);
            return stored;
        }
    }

    /** The oracle: the funnel over each window's events, brute force, as FunnelStepCounts of its result. */
    static Map<String, FunnelStepCounts> singleMachine(FunnelAggregation aggregation, List<CustomerEvent> events) {
        long size = aggregation.windows().size();
        long advance = aggregation.windows().advanceMs;
        Map<String, List<CustomerEvent>> byWindow = new TreeMap<>();
        for (CustomerEvent event : events) {
            long t = event.occurredAt().toEpochMilli();
            // The first window start k × advance above t - size (no window starts before 0); every earlier one
            // ends at or before t, so the brute force need not walk from the epoch.
            long first = Math.max(0, Math.floorDiv(t - size, advance) * advance + advance);
            assertThat(first == 0 || first - advance + size <= t).as("the window before the first ends by t").isTrue();
            for (long start = first; start <= t; start += advance) {
                if (t < start + size) {
                    byWindow.computeIfAbsent(Instant.ofEpochMilli(start).toString(), key -> new ArrayList<>())
                            .add(event);
                }
            }
        }
        Map<String, FunnelStepCounts> counts = new TreeMap<>();
        byWindow.forEach((window, inWindow) -> counts.put(window,
                countsOf(aggregation.funnel().computeEvents(inWindow))));
        return counts;
    }

    private static FunnelStepCounts countsOf(FunnelResult result) {
        Map<String, List<Long>> groups = new TreeMap<>();
        for (FunnelGroupResult group : result.groups()) {
            groups.put(group.group(), group.steps().stream().map(FunnelStepResult::count).toList());
        }
        return new FunnelStepCounts(result.customers(), result.events(), result.matchedEvents(),
                result.steps().stream().map(FunnelStepResult::count).toList(), groups);
    }
}
