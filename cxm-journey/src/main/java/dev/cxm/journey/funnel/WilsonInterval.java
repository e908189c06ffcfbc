package dev.cxm.journey.funnel;

import dev.cxm.core.internal.Checks;

/**
 * A Wilson score interval of a conversion rate.
 *
 * @param lower the lower bound, in [0, 1]
 * @param upper the upper bound, in [lower, 1]
 * @param level the confidence level, in (0, 1)
 */
public record WilsonInterval(double lower, double upper, double level) {

    /**
     * Validates the interval.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @param level the confidence level
     * @throws IllegalArgumentException when a bound is outside [0, 1], reversed, or the level outside (0, 1)
     */
    public WilsonInterval {
        Checks.finite("lower", lower);
        Checks.finite("upper", upper);
        if (lower < 0 || upper > 1 || upper < lower) {
            throw new IllegalArgumentException("interval: [" + lower + ", " + upper + "] is not a range within [0, 1]");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level: " + level + " is outside (0, 1)");
        }
    }
}
