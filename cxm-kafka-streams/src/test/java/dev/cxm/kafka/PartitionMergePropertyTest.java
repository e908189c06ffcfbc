package dev.cxm.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.metrics.feedback.FeedbackResult;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.ScoreDistribution;

/**
 * Per-partition states merge to the single pass, in any order. Each example deals the events to 1 to 6
 * "partitions" at random; one topology counts them per (partition, channel) and window, as separate
 * instances would, and the stored states (read back through the binary serde) are merged per channel and
 * window in a random order. The oracle is the single-machine collector over all events per channel and window.
 */
class PartitionMergePropertyTest {

    @TempDir
    Path stateDir;

    @Test
    void mergingPerPartitionStatesInAnyOrderGivesTheSinglePassResult() {
        TimeWindows windows = TimeWindows.ofSizeAndGrace(Duration.ofMinutes(40), Duration.ofDays(1))
                .advanceBy(Duration.ofMinutes(20));
        FeedbackAggregation<NpsResult> byChannel = FeedbackAggregation.custom(NetPromoterScore.ofDefaults(), windows)
                .groupBy(GroupKeys.channel()).build();
        GroupKey partitionAndChannel = GroupKey.of("partition-channel",
                event -> Optional.of(event.attributes().get("partition") + "|" + GroupKeys.channel().groupOf(event)));
        FeedbackAggregation<NpsResult> perPartition = FeedbackAggregation.from(byChannel).groupBy(partitionAndChannel)
                .storeName("per-partition").build();

        qt().withExamples(12).forAll(longs().all(), integers().between(1, 6)).checkAssert((seed, partitions) -> {
            Random random = new Random(seed);
            List<CustomerEvent> events = StreamEvents.mixed(seed, 200, Duration.ofHours(2));
            List<CustomerEvent> dealt = new ArrayList<>();
            for (CustomerEvent event : events) {
                dealt.add(withPartition(event, random.nextInt(partitions)));
            }

            List<Map.Entry<String, ScoreDistribution>> states = new ArrayList<>(storedStates(perPartition, dealt));
            Collections.shuffle(states, random);
            Map<String, ScoreDistribution> merged = new HashMap<>();
            for (Map.Entry<String, ScoreDistribution> state : states) {
                String channelWindow = state.getKey().substring(state.getKey().indexOf('|') + 1);
                merged.merge(channelWindow, state.getValue(), ScoreDistribution::merge);
            }

            Map<String, FeedbackResult> results = new HashMap<>();
            merged.forEach((key, state) -> results.put(key, NetPromoterScore.ofDefaults().result(state)));
            assertThat(results).isEqualTo(FeedbackAggregationTest.singleMachine(byChannel, events));
        });
    }

    private List<Map.Entry<String, ScoreDistribution>> storedStates(FeedbackAggregation<NpsResult> aggregation,
            List<CustomerEvent> events) {
        StreamsBuilder builder = new StreamsBuilder();
        aggregation.aggregate(builder.stream("events", Consumed.with(Serdes.String(), CxmSerdes.events())
                .withTimestampExtractor(new EventTimestampExtractor())));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(),
                StreamEvents.driverProperties(stateDir.toString()))) {
            TestInputTopic<String, CustomerEvent> input = driver.createInputTopic("events",
                    Serdes.String().serializer(), CxmSerdes.events().serializer());
            events.forEach(event -> input.pipeInput(event.customerId().value(), event));
            ReadOnlyWindowStore<String, ScoreDistribution> store = driver.getWindowStore(aggregation.storeName());
            List<Map.Entry<String, ScoreDistribution>> states = new ArrayList<>();
            try (KeyValueIterator<Windowed<String>, ScoreDistribution> all = store.all()) {
                all.forEachRemaining(entry -> states.add(Map.entry(
                        entry.key.key() + "@" + entry.key.window().startTime(), entry.value)));
            }
            return states;
        }
    }

    private static CustomerEvent withPartition(CustomerEvent event, int partition) {
        return dev.cxm.test.store.TestEvents.withAttribute(event, "partition", "p" + partition);
    }
}
