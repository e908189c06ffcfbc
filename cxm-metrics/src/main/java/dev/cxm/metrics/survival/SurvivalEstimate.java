package dev.cxm.metrics.survival;

import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * The estimated probability of lasting beyond a chosen time, with its confidence interval.
 *
 * @param time the duration asked about
 * @param survival the estimate of S(time)
 * @param standardError the standard error of {@code survival} (Greenwood's for Kaplan-Meier)
 * @param interval the pointwise confidence interval at {@code time}
 */
public record SurvivalEstimate(double time, double survival, double standardError, ConfidenceInterval interval) {

    /** Validates that the estimate is a probability within its interval. */
    public SurvivalEstimate {
        if (!(survival >= 0 && survival <= 1)) {
            throw new IllegalArgumentException("survival: " + survival + " is outside [0, 1]; it is a probability");
        }
        if (!interval.contains(survival)) {
            throw new IllegalArgumentException("interval: [" + interval.lower() + ", " + interval.upper()
                    + "] does not contain the estimate " + survival);
        }
    }
}
