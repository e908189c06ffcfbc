package dev.cxm.metrics.survival;

import java.util.OptionalDouble;

/**
 * A quantile of the time to churn, such as the median: the first time by which the survival curve has
 * fallen to {@code 1 - probability}, with the confidence limits read off the band the same way (Brookmeyer
 * and Crowley, 1982). A value is empty when the curve (or band) never falls that far within follow-up.
 *
 * @param probability the share of subjects churned by the quantile: 0.5 for the median
 * @param estimate the quantile, when the curve reaches it
 * @param lower the lower confidence limit, when the lower band reaches it
 * @param upper the upper confidence limit, when the upper band reaches it
 * @param level the confidence level of the limits
 */
public record SurvivalQuantile(double probability, OptionalDouble estimate, OptionalDouble lower,
        OptionalDouble upper, double level) {

    /**
     * Validates the probability and level.
     *
     * @param probability the share of subjects churned by the quantile, strictly between 0 and 1
     * @param estimate the quantile, in the unit of the data, when the curve reaches it
     * @param lower the lower confidence limit, when the lower band reaches it
     * @param upper the upper confidence limit, when the upper band reaches it
     * @param level the confidence level of the limits, strictly between 0 and 1
     * @throws IllegalArgumentException if {@code probability} or {@code level} is outside (0, 1)
     */
    public SurvivalQuantile {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability: " + probability + " is outside (0, 1)");
        }
        dev.cxm.metrics.stats.ConfidenceInterval.requireLevel(level);
    }
}
