package dev.cxm.metrics.clv;

import java.time.Duration;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.Arguments;

/**
 * The terms of a lifetime value: how far ahead to look, the length of the period whose purchases are
 * discounted together, and the discount rate per period; all explicit, so a weekly model is never
 * discounted per day by accident.
 *
 * @param horizon how far ahead the value looks; a whole number of periods, at most {@link #MAX_PERIODS}
 * @param period the length of one discounting period (30 days for a monthly rate, say)
 * @param discountRate the discount rate per period (0.01 for 1% per period); 0 for no discounting
 */
public record ClvSettings(Duration horizon, Duration period, double discountRate) {

    /**
     * The most periods a horizon may hold: each is a term of every customer's value (ten thousand is 27
     * years of days, 192 years of weeks).
     */
    public static final int MAX_PERIODS = 10_000;

    /** Validates the settings. */
    public ClvSettings {
        Checks.present("horizon", horizon);
        Checks.present("period", period);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period: " + period + " is not positive");
        }
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon: " + horizon + " is not positive");
        }
        long periods = horizon.dividedBy(period);
        if (periods < 1 || !horizon.equals(period.multipliedBy(periods))) {
            throw new IllegalArgumentException("horizon: " + horizon + " is not a whole number of periods of " + period);
        }
        if (periods > MAX_PERIODS) {
            throw new IllegalArgumentException("horizon: " + horizon + " is " + periods + " periods of " + period
                    + "; at most " + MAX_PERIODS + " periods are discounted one by one, so choose a longer period");
        }
        Arguments.nonNegative("discountRate", discountRate);
    }

    /** Returns the settings for {@code horizon} in periods of {@code period} discounted at {@code discountRate}. */
    public static ClvSettings of(Duration horizon, Duration period, double discountRate) {
        return new ClvSettings(horizon, period, discountRate);
    }

    /** Returns the number of periods in the horizon. */
    public int periods() {
        return Math.toIntExact(horizon.dividedBy(period));
    }
}
