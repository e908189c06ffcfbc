package dev.cxm.metrics.stats;

import dev.cxm.core.internal.Checks;

/**
 * The comparison of one statistic between two independent samples: the difference (second minus first),
 * its confidence interval, and a two-sided z test of "no difference".
 *
 * @param difference the observed difference, second sample minus first
 * @param interval the confidence interval of the difference
 * @param zStatistic the test statistic; positive when the second sample is higher
 * @param pValue the two-sided p-value of the z test, in [0, 1]
 */
public record TwoSampleComparison(double difference, ConfidenceInterval interval, double zStatistic, double pValue) {

    /**
     * Validates the comparison.
     *
     * @param difference the observed difference, second sample minus first
     * @param interval the confidence interval of the difference
     * @param zStatistic the test statistic; positive when the second sample is higher
     * @param pValue the two-sided p-value of the z test, in [0, 1]
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public TwoSampleComparison {
        if (!Double.isFinite(difference)) {
            throw new IllegalArgumentException("difference: " + difference + " is not a finite number");
        }
        Checks.present("interval", interval);
        if (Double.isNaN(zStatistic)) {
            throw new IllegalArgumentException("zStatistic: NaN is not a test statistic");
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue: " + pValue + " is outside [0, 1]");
        }
    }

    /**
     * Returns whether the difference is significant at {@code alpha}, that is whether {@code pValue < alpha}.
     *
     * @param alpha the significance level, strictly between 0 and 1
     * @return whether the p-value is below {@code alpha}
     * @throws IllegalArgumentException naming alpha when it is outside (0, 1)
     */
    public boolean significantAt(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha: " + alpha + " is outside (0, 1)");
        }
        return pValue < alpha;
    }
}
