package dev.cxm.metrics.stats;

import dev.cxm.core.internal.Checks;

/**
 * A two-sided confidence interval for an estimate: its bounds, its level, and the method that produced it
 * (so that a reader never has to guess which interval a number is).
 *
 * @param lower the lower bound
 * @param upper the upper bound; not below {@code lower}
 * @param level the confidence level, strictly between 0 and 1 (0.95 for a 95% interval)
 * @param method the method's name, such as {@code "adjusted-wald"}, {@code "wilson"} or {@code "t"}
 */
public record ConfidenceInterval(double lower, double upper, double level, String method) {

    /** The level used when the caller names none. */
    public static final double DEFAULT_LEVEL = 0.95;

    /**
     * Validates the interval.
     *
     * @param lower the lower bound
     * @param upper the upper bound; not below {@code lower}
     * @param level the confidence level, strictly between 0 and 1 (0.95 for a 95% interval)
     * @param method the method's name, such as {@code "adjusted-wald"}, {@code "wilson"} or {@code "t"}
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public ConfidenceInterval {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("interval: [" + lower + ", " + upper + "] has a NaN bound");
        }
        if (upper < lower) {
            throw new IllegalArgumentException("interval: upper " + upper + " is below lower " + lower);
        }
        requireLevel(level);
        Checks.nonBlank("method", method);
    }

    /**
     * Returns {@code level} when it is a valid confidence level.
     *
     * @param level the level to check
     * @return {@code level}
     * @throws IllegalArgumentException naming the level when it is not strictly between 0 and 1
     */
    public static double requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level: " + level + " is outside (0, 1); a confidence level is a"
                    + " probability such as 0.95");
        }
        return level;
    }

    /**
     * Returns whether {@code value} lies within the bounds, inclusive.
     *
     * @param value the value
     * @return whether {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /**
     * Returns {@code upper - lower}.
     *
     * @return the width, 0 or more
     */
    public double width() {
        return upper - lower;
    }
}
