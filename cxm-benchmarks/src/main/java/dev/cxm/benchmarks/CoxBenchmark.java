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

import dev.cxm.metrics.survival.CoxModel;
import dev.cxm.metrics.survival.CoxProportionalHazards;
import dev.cxm.metrics.survival.SurvivalData;

/**
 * A Cox fit (Efron ties) on 1,000,000 subjects with 7 covariates (target: at most 10 s): four binary and
 * three standard-normal covariates, times to churn from a proportional-hazards model recorded in whole
 * days (so there are many ties), a third censored. The fit includes the concordance index and the
 * baseline hazard.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar CoxBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class CoxBenchmark {

    private static final double[] BETA = {-0.4, 0.3, 0.2, -0.1, 0.5, -0.25, 0.05};

    @Param({"1000000"})
    int subjects;

    private SurvivalData data;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(42);
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS, "x1", "x2", "x3", "x4", "z1", "z2", "z3");
        double[] x = new double[BETA.length];
        for (int i = 0; i < subjects; i++) {
            double eta = 0;
            for (int j = 0; j < BETA.length; j++) {
                x[j] = j < 4 ? random.nextInt(2) : gaussian(random);
                eta += BETA[j] * x[j];
            }
            double time = Math.floor(-Math.log(1 - random.nextDouble()) / Math.exp(eta) * 200);
            builder.add(time, random.nextInt(3) != 0, SurvivalData.DEFAULT_GROUP, x);
        }
        data = builder.build();
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Fits the model. */
    @Benchmark
    public double fit() {
        CoxModel model = CoxProportionalHazards.ofDefaults().fit(data).requireModel();
        return model.logPartialLikelihood() + model.concordance();
    }
}
