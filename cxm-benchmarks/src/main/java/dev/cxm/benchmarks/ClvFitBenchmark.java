package dev.cxm.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.cxm.metrics.clv.BgNbd;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.metrics.clv.ParetoNbd;
import dev.cxm.metrics.clv.ParetoNbdModel;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.SummaryCsvReader;

/**
 * Fitting the BG/NBD and Pareto/NBD models on CDNOW's 2,357 customers (targets: BG/NBD at most 20 ms).
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar ClvFitBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class ClvFitBenchmark {

    private RfmCells cdnow;

    @Setup(Level.Trial)
    public void load() throws IOException {
        cdnow = cdnowSummary();
    }

    /** Fits BG/NBD to the CDNOW summary (Fader, Hardie & Lee 2005). */
    @Benchmark
    public ModelFit<BgNbdModel> bgNbdOnCdnow() {
        return require(BgNbd.ofDefaults().fit(cdnow));
    }

    /** Fits Pareto/NBD to the CDNOW summary. */
    @Benchmark
    public ModelFit<ParetoNbdModel> paretoNbdOnCdnow() {
        return require(ParetoNbd.ofDefaults().fit(cdnow));
    }

    static <M> ModelFit<M> require(ModelFit<M> fit) {
        if (!fit.converged()) {
            throw new IllegalStateException(fit.name() + " did not converge: " + fit.problem().orElse(""));
        }
        return fit;
    }

    /** Reads the published CDNOW summary (weeks) that the jar carries, with the library's summary reader. */
    static RfmCells cdnowSummary() throws IOException {
        try (InputStream in = ClvFitBenchmark.class.getResourceAsStream("/data/cdnow_customers_summary.csv")) {
            if (in == null) {
                throw new IOException("data/cdnow_customers_summary.csv is missing from the benchmarks jar");
            }
            return SummaryCsvReader.ofDefaults(ChronoUnit.WEEKS).read(in);
        }
    }
}
