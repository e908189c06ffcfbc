package dev.cxm.metrics.survival;

import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * The estimated probability of lasting beyond a chosen time, with its confidence interval.
 *
 * @param time the duration asked about
 * @param survival the estimate of S(time)
 * @param standardError the standard error of {@code survival} (Greenwood's for Kaplan-Meier); empty where it
 *     is undefined, as once a Kaplan-Meier curve has fallen to 0
 * @param interval the pointwise confidence interval at {@code time}; empty where it is undefined
 */
public record SurvivalEstimate(double time, double survival, OptionalDouble standardError,
        Optional<ConfidenceInterval> interval) {

    /**
     * Validates that the estimate is a probability within its interval.
     *
     * @param time the duration asked about, in the unit of the data
     * @param survival the estimate of S(time); in [0, 1]
     * @param standardError the standard error of {@code survival}; zero or more when present
     * @param interval the pointwise confidence interval at {@code time}; contains {@code survival} when present
     * @throws IllegalArgumentException if {@code survival} is outside [0, 1], the standard error negative or
     *     NaN, or the interval does not contain the estimate
     */
    public SurvivalEstimate {
        if (!(survival >= 0 && survival <= 1)) {
            throw new IllegalArgumentException("survival: " + survival + " is outside [0, 1]; it is a probability");
        }
        Checks.present("standardError", standardError);
        Checks.present("interval", interval);
        if (standardError.isPresent() && !(standardError.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("standardError: " + standardError.getAsDouble()
                    + " is not a number zero or more");
        }
        if (interval.isPresent() && !interval.get().contains(survival)) {
            throw new IllegalArgumentException("interval: [" + interval.get().lower() + ", " + interval.get().upper()
                    + "] does not contain the estimate " + survival);
        }
    }
}
