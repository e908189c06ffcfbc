package dev.cxm.benchmarks;

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

import dev.cxm.metrics.drivers.DriverData;
import dev.cxm.metrics.drivers.DriverMethod;
import dev.cxm.metrics.drivers.KeyDriverResult;
import dev.cxm.metrics.drivers.KeyDrivers;

/**
 * Key-driver analysis of 100,000 respondents (target: 10 drivers in at most 1 s without bootstrap): driver
 * ratings on a 1..5 scale with correlations of 0.3 between drivers, and a 0..10 outcome that depends on them
 * linearly plus noise. {@code shapley} and {@code relativeWeights} include the moments of the rows (one pass
 * over the data) and the decomposition; {@code shapleyWithBootstrap} adds 200 resamples, for the cost of the
 * intervals ({@code KeyDrivers.ofDefaults()} draws 1,000, five times as many).
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar KeyDriversBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class KeyDriversBenchmark {

    @Param({"100000"})
    int respondents;

    @Param({"10", "15"})
    int drivers;

    private DriverData data;
    private final KeyDrivers shapley = KeyDrivers.custom().method(DriverMethod.SHAPLEY).resamples(0).build();
    private final KeyDrivers relativeWeights = KeyDrivers.custom().method(DriverMethod.RELATIVE_WEIGHTS).resamples(0)
            .build();
    private final KeyDrivers bootstrap = KeyDrivers.custom().method(DriverMethod.SHAPLEY).resamples(200).build();

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(42);
        String[] names = new String[drivers];
        for (int j = 0; j < drivers; j++) {
            names[j] = "driver" + (j + 1);
        }
        DriverData.RowBuilder rows = DriverData.byRows("recommend", names);
        double[] ratings = new double[drivers];
        double rho = Math.sqrt(0.3);
        for (int i = 0; i < respondents; i++) {
            double common = gaussian(random);
            double outcome = 0;
            for (int j = 0; j < drivers; j++) {
                double latent = rho * common + Math.sqrt(1 - rho * rho) * gaussian(random);
                ratings[j] = Math.max(1, Math.min(5, Math.round(3 + latent)));
                outcome += (drivers - j) * latent / drivers;
            }
            rows.add(Math.max(0, Math.min(10, Math.round(7 + outcome + gaussian(random)))), ratings);
        }
        data = rows.build();
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The exact Shapley decomposition, no intervals. */
    @Benchmark
    public KeyDriverResult shapley() {
        return shapley.compute(data);
    }

    /** Johnson's relative weights, no intervals. */
    @Benchmark
    public KeyDriverResult relativeWeights() {
        return relativeWeights.compute(data);
    }

    /** The Shapley decomposition with 200 bootstrap resamples. */
    @Benchmark
    public KeyDriverResult shapleyWithBootstrap() {
        return bootstrap.compute(data);
    }
}
