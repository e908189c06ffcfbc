package dev.cxm.metrics.drivers;

import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * How much of the outcome one driver explains.
 *
 * @param name the driver's name
 * @param importance the driver's part of R² (raw importance), 0 or more; the parts of all drivers add up to R²
 * @param share {@code importance / R²}, in [0, 1]; the shares of all drivers add up to 1 (all 0 when R² is 0)
 * @param interval the bootstrap percentile interval of the share; empty without a bootstrap
 * @param rank 1 for the most important driver; drivers of equal importance (to rounding: within 10<sup>-12</sup>
 *     of R²) share the better rank
 * @param correlation the driver's correlation with the outcome, in [-1, 1]: the importance says how much, the
 *     sign says in which direction
 * @param varianceInflation the driver's variance inflation factor, {@code 1 / (1 - R²)} of its regression on
 *     the other drivers: 1 when it is uncorrelated with them, above {@value KeyDrivers#COLLINEARITY_THRESHOLD}
 *     nearly collinear, infinite when it is a linear combination of them
 */
public record DriverImportance(String name, double importance, double share, Optional<ConfidenceInterval> interval,
        int rank, double correlation, double varianceInflation) {

    /**
     * Validates the values.
     *
     * @param name the driver's name; not blank
     * @param importance the driver's part of R²; finite, 0 or more
     * @param share the driver's share of R²; in [0, 1]
     * @param interval the bootstrap interval of the share, if any
     * @param rank the rank; 1 or more
     * @param correlation the correlation with the outcome; in [-1, 1]
     * @param varianceInflation the variance inflation factor; 1 or more, possibly infinite
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public DriverImportance {
        Checks.nonBlank("name", name);
        Checks.nonNegative("importance", importance);
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share: " + share + " is outside [0, 1]; a share of R² is a fraction");
        }
        Checks.present("interval", interval);
        Checks.positive("rank", rank);
        if (!(correlation >= -1 && correlation <= 1)) {
            throw new IllegalArgumentException("correlation: " + correlation + " is outside [-1, 1]");
        }
        if (!(varianceInflation >= 1)) {
            throw new IllegalArgumentException("varianceInflation: " + varianceInflation + " is below 1; a variance"
                    + " inflation factor is 1 or more");
        }
    }
}
