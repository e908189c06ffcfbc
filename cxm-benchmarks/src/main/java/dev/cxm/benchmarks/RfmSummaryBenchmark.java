package dev.cxm.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

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
import org.openjdk.jmh.annotations.Warmup;

import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.rfm.RfmSummarizer;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;

/**
 * The RFM summary of ten million purchases of a million customers, arriving in random order, in a 1 GiB
 * heap (targets: at most 5 s and 1 GiB). Purchases are generated as they are added, so the heap holds the
 * summarizer's rows, not the purchases.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar RfmSummaryBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class RfmSummaryBenchmark {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Param({"10000000"})
    int purchases;

    @Param({"1000000"})
    int customers;

    private CustomerId[] ids;
    private RfmSummaryOptions options;

    @Setup(Level.Trial)
    public void prepare() {
        ids = new CustomerId[customers];
        for (int i = 0; i < customers; i++) {
            ids[i] = CustomerId.of("customer-" + i);
        }
        options = RfmSummaryOptions.custom(Instant.parse("2025-10-01T00:00:00Z"), ChronoUnit.WEEKS)
                .holdoutEnd(Instant.parse("2026-01-01T00:00:00Z")).build();
    }

    /**
     * Summarises the purchases, days merged, with a holdout quarter: one summarizer per core fed its share of
     * the purchases, merged, then the result (what a parallel stream's collector does).
     */
    @Benchmark
    public RfmSummary summarise() {
        int parts = Runtime.getRuntime().availableProcessors();
        List<RfmSummarizer> summarizers = IntStream.range(0, parts).parallel()
                .mapToObj(part -> fill(RfmSummarizer.of(options), part, parts)).toList();
        RfmSummarizer merged = summarizers.get(0);
        for (int part = 1; part < parts; part++) {
            merged.merge(summarizers.get(part));
        }
        return merged.result();
    }

    /** The same on one thread, one summarizer. */
    @Benchmark
    public RfmSummary summariseOnOneThread() {
        return fill(RfmSummarizer.of(options), 0, 1).result();
    }

    /**
     * Baseline: generates the same purchases on one thread and only hashes their customer ids, to show how
     * much of {@link #summariseOnOneThread()} is the input itself (mostly cache misses on a million ids).
     */
    @Benchmark
    public long generateOnly() {
        SplittableRandom random = new SplittableRandom(7);
        long sink = 0;
        for (int i = 0; i < purchases; i++) {
            sink += ids[random.nextInt(customers)].hashCode() + START.plusSeconds(random.nextLong(365L * 86_400))
                    .getNano()
                    + (long) (1 + random.nextInt(10_000) / 100.0);
        }
        return sink;
    }

    private RfmSummarizer fill(RfmSummarizer summarizer, int part, int parts) {
        SplittableRandom random = new SplittableRandom(7 + part);
        for (int i = part; i < purchases; i += parts) {
            summarizer.add(ids[random.nextInt(customers)], START.plusSeconds(random.nextLong(365L * 86_400)),
                    1 + random.nextInt(10_000) / 100.0);
        }
        return summarizer;
    }
}
