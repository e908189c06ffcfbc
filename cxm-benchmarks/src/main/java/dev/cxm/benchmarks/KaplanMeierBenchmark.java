package dev.cxm.benchmarks;

import java.time.temporal.ChronoUnit;
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

import dev.cxm.metrics.survival.KaplanMeier;
import dev.cxm.metrics.survival.SurvivalCurve;
import dev.cxm.metrics.survival.SurvivalData;

/**
 * Kaplan-Meier on 10 million subjects (target: at most 2 s): exponential times to churn with a third
 * censored, either in whole days (churn data as usually recorded, about 2,000 distinct times) or as
 * continuous values (every time distinct, the worst case).
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar KaplanMeierBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class KaplanMeierBenchmark {

    @Param({"10000000"})
    int subjects;

    @Param({"days", "continuous"})
    String times;

    private SurvivalData data;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(42);
        double[] durations = new double[subjects];
        boolean[] observed = new boolean[subjects];
        for (int i = 0; i < subjects; i++) {
            double time = -Math.log(1 - random.nextDouble()) * 300;
            durations[i] = times.equals("days") ? Math.floor(time) : time;
            observed[i] = random.nextInt(3) != 0;
        }
        data = SurvivalData.of(ChronoUnit.DAYS, durations, observed);
    }

    /** Estimates the curve with Greenwood variance and reads the median with its interval. */
    @Benchmark
    public double fitAndMedian() {
        SurvivalCurve curve = KaplanMeier.ofDefaults().fit(data);
        return curve.median().estimate().orElse(-1) + curve.at(365).survival();
    }
}
