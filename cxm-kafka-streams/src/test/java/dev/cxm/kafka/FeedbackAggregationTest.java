package dev.cxm.kafka;

import static dev.cxm.kafka.StreamEvents.START;
import static dev.cxm.kafka.StreamEvents.nps;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.FeedbackResult;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.RatingResult;
import dev.cxm.metrics.feedback.RatingScore;
import dev.cxm.metrics.feedback.ScoreDistribution;

/**
 * The windowed aggregation in Kafka Streams' test driver (no broker) against the single-machine metric: the
 * oracle of every test is {@code metric.collector()} over the responses a brute-force loop assigns to each
 * group and window (every window start {@code k × advance} with {@code start <= t < start + size}).
 */
class FeedbackAggregationTest {

    private static final String INPUT = "events";
    private static final String OUTPUT = "results";

    @TempDir
    Path stateDir;

    @Test
    void everyTumblingWindowOfEveryChannelEqualsTheSingleMachineNps() {
        // 1,000 generated events over 6 hours in random order, 10 channels; a grace of a day keeps every one.
        List<CustomerEvent> events = StreamEvents.mixed(1, 1_000, Duration.ofHours(6));
        TimeWindows hourly = TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofDays(1));
        FeedbackAggregation<NpsResult> aggregation = FeedbackAggregation.custom(NetPromoterScore.ofDefaults(), hourly)
                .groupBy(GroupKeys.channel()).build();

        // Kafka Streams' default store, RocksDB, here; in-memory stores in the other tests, for speed.
        Map<String, FeedbackResult> stored = runAndReadStore(aggregation, events,
                StreamEvents.rocksDbDriverProperties(stateDir.toString()));

        Map<String, FeedbackResult> expected = singleMachine(aggregation, events);
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    void everyHoppingWindowOfEverySegmentEqualsTheSingleMachineCsatAndCes() {
        // Windows of 2 hours every 30 minutes: each response falls in 4 of them. Responses without a segment
        // form the group "(none)", as in a FeedbackBreakdown.
        List<CustomerEvent> events = StreamEvents.mixed(2, 1_500, Duration.ofHours(5));
        TimeWindows hopping = TimeWindows.ofSizeAndGrace(Duration.ofHours(2), Duration.ofDays(1))
                .advanceBy(Duration.ofMinutes(30));
        for (RatingScore metric : List.of(RatingScore.csat(), RatingScore.ces())) {
            FeedbackAggregation<RatingResult> aggregation = FeedbackAggregation.custom(metric, hopping)
                    .groupBy(GroupKeys.attribute("segment")).build();

            Map<String, FeedbackResult> stored = runAndReadStore(aggregation, events);

            Map<String, FeedbackResult> expected = singleMachine(aggregation, events);
            assertThat(expected.keySet()).anyMatch(key -> key.startsWith("(none)@"));
            assertThat(stored).as(metric.scale().name()).isEqualTo(expected);
        }
    }

    @Test
    void surveysAndTouchpointsAsKeysAndNoKeyAtAll() {
        List<CustomerEvent> events = StreamEvents.mixed(3, 600, Duration.ofHours(3));
        TimeWindows hourly = TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofDays(1));
        for (FeedbackAggregation<NpsResult> aggregation : List.of(
                FeedbackAggregation.custom(NetPromoterScore.ofDefaults(), hourly).groupBy(GroupKeys.survey()).build(),
                FeedbackAggregation.custom(NetPromoterScore.ofDefaults(), hourly).groupBy(GroupKeys.touchpoint()).build(),
                FeedbackAggregation.ofDefaults(NetPromoterScore.ofDefaults(), hourly))) {
            assertThat(runAndReadStore(aggregation, events)).as(aggregation.toString())
                    .isEqualTo(singleMachine(aggregation, events));
        }
    }

    @Test
    void onWindowCloseEmitsOneFinalResultPerGroupAndWindow() {
        // Windows close when stream time passes end + grace; a response at +10 hours closes all of them but its own.
        List<CustomerEvent> events = new ArrayList<>(StreamEvents.mixed(4, 1_000, Duration.ofHours(4)));
        TimeWindows hourly = TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofHours(5));
        FeedbackAggregation<NpsResult> aggregation = FeedbackAggregation.custom(NetPromoterScore.ofDefaults(), hourly)
                .groupBy(GroupKeys.channel()).emitOnWindowClose().build();
        Map<String, FeedbackResult> expected = singleMachine(aggregation, events);
        events.add(nps("closer", START.plus(Duration.ofHours(10)), 10));

        List<KeyValue<String, WindowedResult<NpsResult>>> emitted = runAndReadOutput(aggregation, events);

        Map<String, FeedbackResult> byWindow = new HashMap<>();
        for (KeyValue<String, WindowedResult<NpsResult>> record : emitted) {
            WindowedResult<NpsResult> result = record.value;
            assertThat(record.key).isEqualTo(result.group());
            assertThat(Duration.between(result.windowStart(), result.windowEnd())).isEqualTo(Duration.ofHours(1));
            assertThat(byWindow.put(result.group() + "@" + result.windowStart(), result.result()))
                    .as("one result per group and window").isNull();
        }
        assertThat(byWindow).isEqualTo(expected);
    }

    @Test
    void lateResponsesCountWithinTheGraceAndAreDroppedBeyondIt() {
        // Window [00:00, 01:00) with a grace of 10 minutes. Stream time reaches 01:05 (inside the grace): a late
        // response at 00:30 still counts. Stream time reaches 01:11 (past end + grace): one at 00:40 is dropped.
        TimeWindows hourly = TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofMinutes(10));
        FeedbackAggregation<NpsResult> aggregation = FeedbackAggregation.ofDefaults(NetPromoterScore.ofDefaults(),
                hourly);
        List<CustomerEvent> events = List.of(
                nps("a", START.plus(Duration.ofMinutes(10)), 10),
                nps("b", START.plus(Duration.ofMinutes(65)), 9),
                nps("late-in-grace", START.plus(Duration.ofMinutes(30)), 0),
                nps("c", START.plus(Duration.ofMinutes(71)), 9),
                nps("late-beyond-grace", START.plus(Duration.ofMinutes(40)), 0));

        Map<String, FeedbackResult> stored = runAndReadStore(aggregation, events);

        // By hand: window 00:00 holds a (10) and the late 0: NPS (1 - 1) / 2 = 0 over n = 2.
        NpsResult first = (NpsResult) stored.get("(all)@" + START);
        assertThat(first.n()).isEqualTo(2);
        assertThat(first.score()).hasValue(0.0);
        assertThat(first).isEqualTo(NetPromoterScore.ofDefaults().of(10, 0));
        assertThat(stored.get("(all)@" + START.plus(Duration.ofHours(1))))
                .isEqualTo(NetPromoterScore.ofDefaults().of(9, 9));
    }

    @Test
    void aDuplicateRecordCountsTwiceAsInAListThatHoldsItTwice() {
        // The state is counts, not ids: the same event delivered twice is two responses, as the collector
        // counts a list holding it twice (documented on FeedbackAggregation).
        FeedbackResponse once = nps("dup", START.plusSeconds(5), 0);
        List<CustomerEvent> events = List.of(nps("x", START.plusSeconds(1), 10), once, once);
        FeedbackAggregation<NpsResult> aggregation = FeedbackAggregation.ofDefaults(NetPromoterScore.ofDefaults(),
                TimeWindows.ofSizeWithNoGrace(Duration.ofHours(1)));

        Map<String, FeedbackResult> stored = runAndReadStore(aggregation, events);

        assertThat(stored).containsExactly(Map.entry("(all)@" + START, NetPromoterScore.ofDefaults().of(10, 0, 0)));
        assertThat(stored).isEqualTo(singleMachine(aggregation, events));
    }

    @Test
    void onWindowUpdateTheLastResultOfEachWindowIsTheFinalOne() {
        List<CustomerEvent> events = StreamEvents.mixed(5, 800, Duration.ofHours(2));
        FeedbackAggregation<NpsResult> aggregation = FeedbackAggregation.custom(NetPromoterScore.ofDefaults(),
                TimeWindows.ofSizeAndGrace(Duration.ofMinutes(30), Duration.ofDays(1)))
                .groupBy(GroupKeys.channel()).build();

        Map<String, FeedbackResult> last = new HashMap<>();
        runAndReadOutput(aggregation, events).forEach(record -> last.put(
                record.value.group() + "@" + record.value.windowStart(), record.value.result()));

        assertThat(last).isEqualTo(singleMachine(aggregation, events));
    }

    @Test
    void batchesOfEventsGiveTheWindowsOfTheSameEventsOneByOne() {
        // The same oracle, the events sent in batches of 1 to 300: tumbling windows (slots of an hour) and
        // hopping windows of 45 minutes every 30 (slots of 15 minutes, so that a slot's responses share windows).
        List<CustomerEvent> events = StreamEvents.mixed(6, 3_000, Duration.ofHours(5));
        List<FeedbackAggregation<?>> aggregations = List.of(
                FeedbackAggregation.custom(NetPromoterScore.ofDefaults(),
                        TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofDays(1)))
                        .groupBy(GroupKeys.channel()).storeType(Materialized.StoreType.IN_MEMORY).build(),
                FeedbackAggregation.custom(RatingScore.csat(), TimeWindows.ofSizeAndGrace(Duration.ofMinutes(45),
                        Duration.ofDays(1)).advanceBy(Duration.ofMinutes(30)))
                        .groupBy(GroupKeys.attribute("segment")).build());
        for (FeedbackAggregation<?> aggregation : aggregations) {
            StreamsBuilder builder = new StreamsBuilder();
            aggregation.aggregateBatches(builder.stream(INPUT, Consumed.with(Serdes.String(),
                    CxmSerdes.eventBatches())));
            Map<String, FeedbackResult> stored;
            try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(),
                    StreamEvents.driverProperties(stateDir.toString()))) {
                TestInputTopic<String, List<CustomerEvent>> input = driver.createInputTopic(INPUT,
                        Serdes.String().serializer(), CxmSerdes.eventBatches().serializer());
                java.util.Random random = new java.util.Random(9);
                for (int from = 0; from < events.size(); ) {
                    int to = Math.min(events.size(), from + 1 + random.nextInt(300));
                    input.pipeInput("batch", events.subList(from, to));
                    from = to;
                }
                stored = read(driver.getWindowStore(aggregation.storeName()), aggregation);
            }
            Map<String, FeedbackResult> expected = singleMachine(aggregation, events);
            assertThat(expected).hasSizeGreaterThan(20);
            assertThat(stored).as(aggregation.toString()).isEqualTo(expected);
        }
    }

    @Test
    void aBatchCountsAsArrivingTogetherInTimeOrder() {
        // By hand, window [00:00, 01:00) with a grace of 10 minutes. One batch holds a response at 01:20 before one
        // at 00:30: together, in time order, both count (one by one, the 00:30 would come after stream time
        // 01:20, past the window's end and grace, and be dropped). A later batch's 00:40 is dropped.
        FeedbackAggregation<NpsResult> aggregation = FeedbackAggregation.ofDefaults(NetPromoterScore.ofDefaults(),
                TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofMinutes(10)));
        StreamsBuilder builder = new StreamsBuilder();
        aggregation.aggregateBatches(builder.stream(INPUT, Consumed.with(Serdes.String(), CxmSerdes.eventBatches())));
        Map<String, FeedbackResult> stored;
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(),
                StreamEvents.driverProperties(stateDir.toString()))) {
            TestInputTopic<String, List<CustomerEvent>> input = driver.createInputTopic(INPUT,
                    Serdes.String().serializer(), CxmSerdes.eventBatches().serializer());
            input.pipeInput("b1", List.of(nps("late-in-batch", START.plus(Duration.ofMinutes(80)), 10),
                    nps("early", START.plus(Duration.ofMinutes(30)), 0)));
            input.pipeInput("b2", List.of(nps("too-late", START.plus(Duration.ofMinutes(40)), 9)));
            stored = read(driver.getWindowStore(aggregation.storeName()), aggregation);
        }

        assertThat(stored).containsExactly(Map.entry("(all)@" + START, NetPromoterScore.ofDefaults().of(0)),
                Map.entry("(all)@" + START.plus(Duration.ofHours(1)), NetPromoterScore.ofDefaults().of(10)));
    }

    private static Map<String, FeedbackResult> read(ReadOnlyWindowStore<String, ScoreDistribution> store,
            FeedbackAggregation<?> aggregation) {
        Map<String, FeedbackResult> read = new TreeMap<>();
        try (KeyValueIterator<Windowed<String>, ScoreDistribution> all = store.all()) {
            all.forEachRemaining(entry -> read.put(entry.key.key() + "@" + entry.key.window().startTime(),
                    aggregation.metric().result(entry.value)));
        }
        return read;
    }

    /** Runs the events through the aggregation and reads every window of its store. */
    private Map<String, FeedbackResult> runAndReadStore(FeedbackAggregation<?> aggregation,
            List<CustomerEvent> events) {
        return runAndReadStore(aggregation, events, StreamEvents.driverProperties(stateDir.toString()));
    }

    private Map<String, FeedbackResult> runAndReadStore(FeedbackAggregation<?> aggregation,
            List<CustomerEvent> events, Properties properties) {
        StreamsBuilder builder = new StreamsBuilder();
        aggregation.aggregate(source(builder));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), properties)) {
            pipe(driver, events);
            ReadOnlyWindowStore<String, ScoreDistribution> store = driver.getWindowStore(aggregation.storeName());
            Map<String, FeedbackResult> read = new TreeMap<>();
            try (KeyValueIterator<Windowed<String>, ScoreDistribution> all = store.all()) {
                all.forEachRemaining(entry -> read.put(entry.key.key() + "@" + entry.key.window().startTime(),
                        aggregation.metric().result(entry.value)));
            }
            return read;
        }
    }

    private <R extends FeedbackResult> List<KeyValue<String, WindowedResult<R>>> runAndReadOutput(
            FeedbackAggregation<R> aggregation, List<CustomerEvent> events) {
        StreamsBuilder builder = new StreamsBuilder();
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) (aggregation.metric() instanceof NetPromoterScore ? NpsResult.class
                : RatingResult.class);
        aggregation.windowedResults(source(builder))
                .to(OUTPUT, Produced.with(Serdes.String(), CxmSerdes.windowedResults(type)));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(),
                StreamEvents.driverProperties(stateDir.toString()))) {
            pipe(driver, events);
            TestOutputTopic<String, WindowedResult<R>> output = driver.createOutputTopic(OUTPUT,
                    Serdes.String().deserializer(), CxmSerdes.windowedResults(type).deserializer());
            return output.readKeyValuesToList();
        }
    }

    private static KStream<String, CustomerEvent> source(StreamsBuilder builder) {
        return builder.stream(INPUT, Consumed.with(Serdes.String(), CxmSerdes.events())
                .withTimestampExtractor(new EventTimestampExtractor()));
    }

    private static void pipe(TopologyTestDriver driver, List<CustomerEvent> events) {
        TestInputTopic<String, CustomerEvent> input = driver.createInputTopic(INPUT, Serdes.String().serializer(),
                CxmSerdes.events().serializer());
        for (CustomerEvent event : events) {
            // The producer's timestamp is the arrival; the extractor must put the event at its own time.
            input.pipeInput(event.customerId().value(), event, Instant.EPOCH);
        }
    }

    /** The oracle: each group's responses per window, brute force, counted by the metric's own collector. */
    static Map<String, FeedbackResult> singleMachine(FeedbackAggregation<?> aggregation, List<CustomerEvent> events) {
        FeedbackMetric<?> metric = aggregation.metric();
        long size = aggregation.windows().size();
        long advance = aggregation.windows().advanceMs;
        GroupKey key = aggregation.groupBy().orElse(GroupKey.of("all", event -> java.util.Optional.of("(all)")));
        Map<String, List<FeedbackResponse>> byWindow = new TreeMap<>();
        for (CustomerEvent event : events) {
            if (event instanceof FeedbackResponse response && response.scale().equals(metric.scale())) {
                long t = response.occurredAt().toEpochMilli();
                for (long start = 0; start <= t; start += advance) {
                    if (t < start + size) {
                        byWindow.computeIfAbsent(key.groupOf(response) + "@" + Instant.ofEpochMilli(start),
                                ignored -> new ArrayList<>()).add(response);
                    }
                }
            }
        }
        return byWindow.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().stream().collect(metric.collector())));
    }
}
