package dev.cxm.benchmarks;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

import dev.cxm.metrics.clv.BgNbd;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.clv.ClvSettings;
import dev.cxm.metrics.clv.CustomerLifetimeValue;
import dev.cxm.metrics.clv.GammaGammaModel;
import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.metrics.clv.ParetoNbd;
import dev.cxm.metrics.clv.ParetoNbdModel;
import dev.cxm.metrics.clv.rfm.RfmCells;

/**
 * A million customers with continuous recencies and ages (no two alike, so no cell compression helps):
 * fitting BG/NBD (target: at most 2 s) and Pareto/NBD (at most 10 s), and their lifetime values (at most
 * 1 s), on a 2-core machine.
 *
 * <p>The customers are simulated from the CDNOW estimates, with ages spread uniformly over 26 to 39 weeks.
 * Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar ClvMillionBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class ClvMillionBenchmark {

    @Param({"1000000"})
    int customers;

    private RfmCells bgNbdCustomers;
    private RfmCells paretoNbdCustomers;
    private RfmCells withSpend;
    private CustomerLifetimeValue clv;

    @Setup(Level.Trial)
    public void simulate() {
        SplittableRandom random = new SplittableRandom(42);
        double[] ages = new double[customers];
        for (int i = 0; i < customers; i++) {
            ages[i] = 26 + 13 * random.nextDouble();
        }
        BgNbdModel bgNbd = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS);
        bgNbdCustomers = bgNbd.simulate(ages, 1);
        paretoNbdCustomers = ParetoNbdModel.of(0.553, 10.578, 0.606, 11.668, ChronoUnit.WEEKS).simulate(ages, 2);
        GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
        RfmCells.Builder builder = RfmCells.builder(ChronoUnit.WEEKS);
        for (int i = 0; i < bgNbdCustomers.size(); i++) {
            int x = bgNbdCustomers.frequency(i);
            builder.add(x, bgNbdCustomers.recency(i), bgNbdCustomers.age(i),
                    x > 0 ? OptionalDouble.of(5 + 60 * random.nextDouble()) : OptionalDouble.empty(), 1);
        }
        withSpend = builder.build();
        clv = CustomerLifetimeValue.of(bgNbd, spend, ClvSettings.custom(Duration.ofDays(364))
                .period(Duration.ofDays(28)).discountRate(0.01).build());
    }

    /** Fits BG/NBD to a million customers. */
    @Benchmark
    public ModelFit<BgNbdModel> fitBgNbd() {
        return ClvFitBenchmark.require(BgNbd.ofDefaults().fit(bgNbdCustomers));
    }

    /** Fits Pareto/NBD to a million customers. */
    @Benchmark
    public ModelFit<ParetoNbdModel> fitParetoNbd() {
        return ClvFitBenchmark.require(ParetoNbd.ofDefaults().fit(paretoNbdCustomers));
    }

    /** Lifetime value of a million customers: BG/NBD and Gamma-Gamma, 52 weeks in 13 four-week periods at 1%. */
    @Benchmark
    public double[] lifetimeValues() {
        return clv.values(withSpend);
    }
}
