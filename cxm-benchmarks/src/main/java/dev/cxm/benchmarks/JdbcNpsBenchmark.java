package dev.cxm.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.EventType;
import dev.cxm.core.store.EventQuery;
import dev.cxm.metrics.feedback.Breakdown;
import dev.cxm.metrics.feedback.FeedbackBreakdown;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;

/**
 * NPS per channel over the responses stored in a database, through the pushdown: the database counts the
 * responses per channel and score ({@code EventStore.feedbackHistogram}) and the metric is computed from the
 * counts. One measurement is one whole breakdown.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar JdbcNpsBenchmark -p responses=10000000
 * -jvmArgsAppend -Dcxm.benchmark.databases=FOLDER -prof dev.cxm.benchmarks.CpuTimeProfiler}. The setup stores
 * the responses first (minutes for 10 million); with the folder they stay for the next run, and
 * {@link JdbcScanFootprint} scans the same database ({@link BenchmarkDatabases}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class JdbcNpsBenchmark {

    @Param({"postgresql"})
    String database;

    @Param({"1000000"})
    long responses;

    private BenchmarkDatabases databases;
    private FeedbackBreakdown<NpsResult> byChannel;

    @Setup(Level.Trial)
    public void fill() {
        databases = BenchmarkDatabases.open(database, "nps" + responses);
        databases.fill(responses);
        byChannel = FeedbackBreakdown.custom(NetPromoterScore.ofDefaults()).groupBy(GroupKeys.channel()).build();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        databases.close();
    }

    /** NPS overall and per channel of every stored response. */
    @Benchmark
    public Breakdown<NpsResult> npsPerChannel() {
        return byChannel.compute(databases.stores().eventStore(), EventQuery.ofTypes(EventType.FEEDBACK));
    }
}
