package dev.cxm.benchmarks;

import java.nio.file.Files;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor that Kafka Streams' {@code TopologyTestDriver} sets on any topology fed one record at a time: records
 * per second through a topology that does nothing (a source piped straight to a sink, byte arrays, no store), one
 * thread, the output drained as it comes. No topology fed one event per record can run faster in the driver than
 * this; {@link NpsTopologyBenchmark} measures cxm's NPS topology against it.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar TestDriverFloorBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(TestDriverFloorBenchmark.RECORDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class TestDriverFloorBenchmark {

    /** Records per operation batch. */
    static final int RECORDS = 10_000;

    private final byte[] value = new byte[200];
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, byte[]> output;

    /** Builds the pass-through topology and its driver. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to("out", Produced.with(Serdes.String(), Serdes.ByteArray()));
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "driver-floor");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("driver-floor").toString());
        driver = new TopologyTestDriver(builder.build(), settings);
        input = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.ByteArray().serializer());
        output = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    /** Closes the driver. */
    @TearDown(Level.Trial)
    public void tearDown() {
        driver.close();
    }

    /**
     * Pipes {@value #RECORDS} records through and drains the output topic.
     *
     * @return the number of records that came out
     */
    @Benchmark
    public int pipe() {
        for (int i = 0; i < RECORDS; i++) {
            input.pipeInput("k", value);
        }
        return output.readValuesToList().size();
    }
}
