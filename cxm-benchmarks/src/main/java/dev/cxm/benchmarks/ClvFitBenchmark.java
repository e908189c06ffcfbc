package dev.cxm.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import dev.cxm.metrics.clv.RfmCells;

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
        return require(BgNbd.fit(cdnow));
    }

    /** Fits Pareto/NBD to the CDNOW summary. */
    @Benchmark
    public ModelFit<ParetoNbdModel> paretoNbdOnCdnow() {
        return require(ParetoNbd.fit(cdnow));
    }

    static <M> ModelFit<M> require(ModelFit<M> fit) {
        if (!fit.converged()) {
            throw new IllegalStateException(fit.name() + " did not converge: " + fit.problem().orElse(""));
        }
        return fit;
    }

    /** Reads the published CDNOW summary (weeks) that the jar carries. */
    static RfmCells cdnowSummary() throws IOException {
        RfmCells.Builder cells = RfmCells.builder(ChronoUnit.WEEKS);
        try (InputStream in = ClvFitBenchmark.class.getResourceAsStream("/data/cdnow_customers_summary.csv")) {
            if (in == null) {
                throw new IOException("data/cdnow_customers_summary.csv is missing from the benchmarks jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cell = line.split(",");
                cells.add(Integer.parseInt(cell[1]), Double.parseDouble(cell[2]), Double.parseDouble(cell[3]));
            }
        }
        return cells.build();
    }
}
