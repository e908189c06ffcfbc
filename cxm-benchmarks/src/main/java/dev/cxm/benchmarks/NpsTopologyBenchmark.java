package dev.cxm.benchmarks;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.kafka.CxmSerdes;
import dev.cxm.kafka.EventTimestampExtractor;
import dev.cxm.kafka.FeedbackAggregation;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;

/**
 * NPS responses per second through the topology of {@code cxm stream} (JSON events in, hourly NPS per channel
 * out on window close) in Kafka Streams' {@code TopologyTestDriver}, one thread, with in-memory or RocksDB
 * stores, the events one per record ({@code input=events}, {@code FeedbackAggregation.windowedResults}) or
 * 1,000 per record ({@code input=batches}, {@code windowedResultsOfBatches}, which counts each batch per channel
 * before the repartition). One operation is one response; the records are serialised before the measurement.
 * The driver commits after every record it processes, the repartition topic's records included (flushing the
 * caches to the stores, and RocksDB's memtable), which a real application does every 30 seconds: one event per
 * record pays two commits, a batch pays one per record for its thousand. Target: 500,000 per second.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar NpsTopologyBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(NpsTopologyBenchmark.RESPONSES)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class NpsTopologyBenchmark {

    /** Responses per operation batch. */
    static final int RESPONSES = 10_000;
    /** Responses per record with {@code input=batches}. */
    private static final int PER_RECORD = 1_000;
    /** Batches of consecutive times, so that no batch is late for the windows of the one before. */
    private static final int BATCHES = 40;

    /** The DSL stores: {@code memory} or Kafka Streams' default {@code rocksdb}. */
    @Param({"memory", "rocksdb"})
    String stores;

    /** One event per record ({@code events}) or {@value #PER_RECORD} ({@code batches}). */
    @Param({"events", "batches"})
    String input;

    private final List<List<byte[]>> batches = new ArrayList<>();
    private int next;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> topic;

    /** Serialises the responses and builds the driver. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Channel[] channels = Channel.values();
        boolean batched = input.equals("batches");
        List<CustomerEvent> pending = new ArrayList<>(PER_RECORD);
        for (int i = 0; i < RESPONSES * BATCHES; i++) {
            if (i % RESPONSES == 0) {
                batches.add(new ArrayList<>(RESPONSES));
            }
            FeedbackResponse response = FeedbackResponse.builder(CustomerId.of("c" + i % 1_000),
                    start.plusMillis(i * 10L), "relationship", FeedbackScale.NPS, i % 11).eventId("e" + i)
                    .touchpoint(Touchpoint.of("tp", "Touchpoint", channels[i % channels.length])).build();
            if (!batched) {
                batches.get(batches.size() - 1).add(CxmSerdes.events().serializer().serialize("events", response));
                continue;
            }
            pending.add(response);
            if (pending.size() == PER_RECORD) {
                batches.get(batches.size() - 1).add(CxmSerdes.eventBatches().serializer().serialize("events",
                        pending));
                pending.clear();
            }
        }
        StreamsBuilder builder = new StreamsBuilder();
        FeedbackAggregation<NpsResult> aggregation = FeedbackAggregation.custom(NetPromoterScore.ofDefaults(),
                        TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofMinutes(5)))
                .groupBy(GroupKeys.channel()).emitOnWindowClose().build();
        (batched ? aggregation.windowedResultsOfBatches(builder.stream("events",
                        Consumed.with(Serdes.String(), CxmSerdes.eventBatches())))
                : aggregation.windowedResults(builder.stream("events", Consumed.with(Serdes.String(),
                        CxmSerdes.events()).withTimestampExtractor(new EventTimestampExtractor()))))
                .to("nps", Produced.with(Serdes.String(), CxmSerdes.windowedResults(NpsResult.class)));
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "nps-benchmark");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("nps-benchmark").toString());
        if (stores.equals("memory")) {
            settings.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                    BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        }
        driver = new TopologyTestDriver(builder.build(), settings);
        topic = driver.createInputTopic("events", Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    /** Closes the driver. */
    @TearDown(Level.Trial)
    public void tearDown() {
        driver.close();
    }

    /**
     * Pipes the next batch of responses, in time order; each batch continues the time of the one before (after
     * 40 batches they start again and arrive late, which the benchmark's few invocations do not reach).
     *
     * @return the number piped
     */
    @Benchmark
    public int pipe() {
        List<byte[]> batch = batches.get(next++ % BATCHES);
        for (byte[] record : batch) {
            topic.pipeInput("k", record);
        }
        return RESPONSES;
    }
}
