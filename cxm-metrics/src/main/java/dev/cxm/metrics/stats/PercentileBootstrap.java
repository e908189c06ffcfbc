package dev.cxm.metrics.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

import dev.cxm.core.internal.Checks;

/**
 * The percentile bootstrap (Efron 1979): compute a statistic on many resamples and take the
 * {@code (1 - level)/2} and {@code (1 + level)/2} quantiles of the results as the interval.
 *
 * <p>Runs are reproducible: the resamples draw from a {@link SplittableRandom} seeded by the caller, so
 * the same seed gives the same interval on every JDK.
 */
public final class PercentileBootstrap {

    /** The method name of the intervals this class makes. */
    public static final String METHOD = "bootstrap-percentile";
    /** The fewest resamples accepted; fewer make the tails of the interval noise. */
    public static final int MINIMUM_RESAMPLES = 100;

    private PercentileBootstrap() {}

    /**
     * Returns the percentile interval of {@code statistic} over {@code resamples} resamples, each drawn with
     * the random generator passed to it.
     *
     * @param resamples the number of resamples, at least {@link #MINIMUM_RESAMPLES}
     * @param seed the seed of the random generator
     * @param level the confidence level, strictly between 0 and 1
     * @param statistic draws one resample with the generator given and returns its statistic; must be finite
     * @return the percentile interval
     * @throws IllegalArgumentException naming the value when there are fewer than {@link #MINIMUM_RESAMPLES}
     *     resamples, the level is outside (0, 1), or a resample's statistic is not finite
     */
    public static ConfidenceInterval interval(int resamples, long seed, double level,
            ToDoubleFunction<RandomGenerator> statistic) {
        requireResamples(resamples);
        ConfidenceInterval.requireLevel(level);
        Checks.present("statistic", statistic);
        SplittableRandom random = new SplittableRandom(seed);
        double[] replicates = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            double value = statistic.applyAsDouble(random);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("statistic: resample " + i + " gave " + value
                        + "; a bootstrap statistic must be finite");
            }
            replicates[i] = value;
        }
        Arrays.sort(replicates);
        return new ConfidenceInterval(quantile(replicates, (1 - level) / 2), quantile(replicates, (1 + level) / 2),
                level, METHOD);
    }

    /**
     * Returns the percentile interval of statistics already computed on resamples: for a caller that
     * computes several statistics on each resample (the shares of every driver, say) and so draws the
     * resamples itself.
     *
     * @param replicates the statistic on each resample, at least {@link #MINIMUM_RESAMPLES}, each finite; not
     *     changed
     * @param level the confidence level, strictly between 0 and 1
     * @return the percentile interval, of method {@value #METHOD}
     * @throws IllegalArgumentException naming the value when there are fewer than {@link #MINIMUM_RESAMPLES}
     *     replicates, the level is outside (0, 1), or a replicate is not finite
     */
    public static ConfidenceInterval ofReplicates(double[] replicates, double level) {
        requireResamples(Checks.present("replicates", replicates).length);
        ConfidenceInterval.requireLevel(level);
        double[] sorted = replicates.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!Double.isFinite(sorted[i])) {
                throw new IllegalArgumentException("replicates: resample " + i + " gave " + sorted[i]
                        + "; a bootstrap statistic must be finite");
            }
        }
        Arrays.sort(sorted);
        return new ConfidenceInterval(quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2), level,
                METHOD);
    }

    /**
     * Returns {@code resamples} when it is at least {@link #MINIMUM_RESAMPLES}.
     *
     * @param resamples the number of resamples
     * @return {@code resamples}
     * @throws IllegalArgumentException naming the value when it is below {@link #MINIMUM_RESAMPLES}
     */
    public static int requireResamples(int resamples) {
        if (resamples < MINIMUM_RESAMPLES) {
            throw new IllegalArgumentException("resamples: " + resamples + " is below " + MINIMUM_RESAMPLES
                    + "; a percentile bootstrap needs enough resamples to estimate its tails");
        }
        return resamples;
    }

    /**
     * Returns the {@code probability} quantile of sorted values by linear interpolation between order
     * statistics (Hyndman and Fan's type 7, the default of R and NumPy).
     */
    static double quantile(double[] sorted, double probability) {
        double position = probability * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
