package dev.cxm.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.store.EventQuery;

/**
 * The JDBC event store on an embedded PostgreSQL and on an H2 file: appends of 10,000 new events (one
 * {@code appendAll}, one transaction, in statements of 1,000) to a table of a million or more, and a
 * time-ordered scan of the first million stored events (read as {@code FeedbackResponse}s, scores summed).
 * Scores are events per second.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar JdbcEventStoreBenchmark -prof
 * dev.cxm.benchmarks.CpuTimeProfiler}; add {@code -jvmArgsAppend -Dcxm.benchmark.databases=FOLDER} to keep the
 * stored million (and what the appends add) for the next run ({@link BenchmarkDatabases}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class JdbcEventStoreBenchmark {

    static final int APPEND = 10_000;
    static final int SCANNED = 1_000_000;

    @Param({"postgresql", "h2-file"})
    String database;

    private BenchmarkDatabases databases;
    private long next;

    @Setup(Level.Trial)
    public void fill() {
        databases = BenchmarkDatabases.open(database, "events");
        databases.fill(SCANNED);
        next = databases.stores().eventStore().count();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        databases.close();
    }

    /** Appends 10,000 new events in one atomic append. */
    @Benchmark
    @OperationsPerInvocation(APPEND)
    public int append() {
        List<CustomerEvent> batch = BenchmarkDatabases.responses(next, APPEND);
        next += APPEND;
        return databases.stores().eventStore().appendAll(batch).appended();
    }

    /** Reads the first million stored events in time order and sums their scores. */
    @Benchmark
    @OperationsPerInvocation(SCANNED)
    public long scan() {
        try (Stream<FeedbackResponse> feedback = databases.stores().eventStore()
                .query(EventQuery.builder().to(java.time.Instant.parse("2026-01-01T00:00:00Z").plusMillis(37L * SCANNED))
                        .build(), FeedbackResponse.class)) {
            return feedback.mapToLong(FeedbackResponse::score).sum();
        }
    }
}
