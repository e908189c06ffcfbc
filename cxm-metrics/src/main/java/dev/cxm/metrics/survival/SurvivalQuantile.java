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

    /** Validates the probability and level. */
    public SurvivalQuantile {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability: " + probability + " is outside (0, 1)");
        }
        dev.cxm.metrics.stats.ConfidenceInterval.requireLevel(level);
    }
}
