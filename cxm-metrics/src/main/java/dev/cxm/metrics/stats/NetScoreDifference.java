package dev.cxm.metrics.stats;

import java.util.random.RandomGenerator;

import dev.cxm.metrics.stats.internal.TrinomialSampler;

/**
 * Compares the net scores of two independent trinomial samples (the NPS of two periods or two segments).
 *
 * <p>With {@link NetScoreMethod#ADJUSTED_WALD} each sample is adjusted as for its own interval (3/4 added
 * to each count, 3 to n), following the two-sample extension of Rocks' interval by Lewis and Sauro (2020,
 * "How to Statistically Compare Two Net Promoter Scores", MeasuringU): the difference of the adjusted net
 * scores over {@code sqrt(v1/n1 + v2/n2)} is the z statistic, and the interval is that difference ± z
 * standard errors, clipped to [-2, 2] and, as in {@link NetScoreInterval}, widened where needed to contain
 * the observed difference (its method then {@value NetScoreInterval#WIDENED}). {@link NetScoreMethod#WALD} does the same without the adjustment.
 * The reported difference is always that of the observed net scores.
 *
 * <p>{@link #bootstrapInterval} gives a percentile bootstrap interval of the same difference instead.
 */
public final class NetScoreDifference {

    private NetScoreDifference() {}

    /**
     * Returns the comparison of {@code (plus2 - minus2)/n2} with {@code (plus1 - minus1)/n1}.
     *
     * @param method the analytic method
     * @param plus1 the first sample's count that adds (promoters)
     * @param minus1 the first sample's count that subtracts (detractors)
     * @param n1 the first sample's size
     * @param plus2 the second sample's count that adds
     * @param minus2 the second sample's count that subtracts
     * @param n2 the second sample's size
     * @param level the confidence level, strictly between 0 and 1
     * @return the difference (second minus first, as net shares in [-2, 2]), its interval, z and p-value
     * @throws IllegalArgumentException naming the value when either sample's counts are inconsistent or the
     *     level is outside (0, 1)
     */
    public static TwoSampleComparison compare(NetScoreMethod method, double plus1, double minus1, double n1,
            double plus2, double minus2, double n2, double level) {
        NetScoreInterval.requireTrinomial(plus1, minus1, n1);
        NetScoreInterval.requireTrinomial(plus2, minus2, n2);
        double z = CriticalValues.z(level);
        NetScoreInterval.Moments first = NetScoreInterval.moments(method, plus1, minus1, n1);
        NetScoreInterval.Moments second = NetScoreInterval.moments(method, plus2, minus2, n2);
        double centre = second.net() - first.net();
        double standardError = Math.sqrt(first.variance() / first.size() + second.variance() / second.size());
        double observed = (plus2 - minus2) / n2 - (plus1 - minus1) / n1;
        double statistic;
        if (standardError > 0) {
            statistic = centre / standardError;
        } else {
            // Both samples unanimous (possible only without adjustment): any difference is certain.
            statistic = centre == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, centre);
        }
        double lower = Math.max(-2, centre - z * standardError);
        double upper = Math.min(2, centre + z * standardError);
        boolean widened = observed < lower || observed > upper;
        ConfidenceInterval interval = new ConfidenceInterval(Math.min(observed, lower), Math.max(observed, upper),
                level, widened ? NetScoreInterval.WIDENED : method.methodName());
        return new TwoSampleComparison(observed, interval, statistic, CriticalValues.twoSidedPValue(statistic));
    }

    /**
     * Returns the percentile bootstrap interval of the difference of net scores, second minus first: each
     * resample draws a trinomial sample of each sample's size from its observed shares (which is resampling
     * the responses with replacement), with a generator seeded by {@code seed}. Sizes that are not whole
     * (effective sizes of weighted data) are rounded, to at least 1.
     *
     * @param plus1 the first sample's count that adds (promoters)
     * @param minus1 the first sample's count that subtracts (detractors)
     * @param n1 the first sample's size
     * @param plus2 the second sample's count that adds
     * @param minus2 the second sample's count that subtracts
     * @param n2 the second sample's size
     * @param level the confidence level, strictly between 0 and 1
     * @param resamples the number of resamples
     * @param seed the seed of the random generator
     * @return the percentile interval of the difference of net shares
     * @throws IllegalArgumentException naming the value when either sample's counts are inconsistent or
     *     larger than {@link Integer#MAX_VALUE}, the level is outside (0, 1), or there are fewer than
     *     {@link PercentileBootstrap#MINIMUM_RESAMPLES} resamples
     */
    public static ConfidenceInterval bootstrapInterval(double plus1, double minus1, double n1, double plus2,
            double minus2, double n2, double level, int resamples, long seed) {
        NetScoreInterval.requireTrinomial(plus1, minus1, n1);
        NetScoreInterval.requireTrinomial(plus2, minus2, n2);
        int size1 = resampleSize(n1);
        int size2 = resampleSize(n2);
        return PercentileBootstrap.interval(resamples, seed, level, random -> net(random, size2, plus2 / n2, minus2 / n2)
                - net(random, size1, plus1 / n1, minus1 / n1));
    }

    private static double net(RandomGenerator random, int size, double pPlus, double pMinus) {
        int[] counts = TrinomialSampler.draw(random, size, pPlus, pMinus);
        return (double) (counts[0] - counts[1]) / size;
    }

    private static int resampleSize(double n) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n: " + n + " is too large to bootstrap; the limit is "
                    + Integer.MAX_VALUE + " responses");
        }
        return (int) Math.max(1, Math.round(n));
    }
}
