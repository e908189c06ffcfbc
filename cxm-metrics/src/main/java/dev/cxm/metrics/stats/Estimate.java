package dev.cxm.metrics.stats;

import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * A point estimate with its confidence interval, when the data allow one (a mean of one response has no
 * interval).
 *
 * @param value the point estimate; finite
 * @param interval the interval around it, when there is one
 */
public record Estimate(double value, Optional<ConfidenceInterval> interval) {

    /**
     * Validates the estimate.
     *
     * @param value the point estimate; finite
     * @param interval the interval around it, when there is one
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public Estimate {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value: " + value + " is not a finite number");
        }
        Checks.present("interval", interval);
    }

    /**
     * Returns an estimate with an interval.
     *
     * @param value the point estimate; finite
     * @param interval its interval
     * @return the estimate
     */
    public static Estimate of(double value, ConfidenceInterval interval) {
        return new Estimate(value, Optional.of(interval));
    }

    /**
     * Returns an estimate without an interval.
     *
     * @param value the point estimate; finite
     * @return the estimate
     */
    public static Estimate withoutInterval(double value) {
        return new Estimate(value, Optional.empty());
    }
}
