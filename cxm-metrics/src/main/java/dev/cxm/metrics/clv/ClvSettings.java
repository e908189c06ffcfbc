package dev.cxm.metrics.clv;

import java.time.Duration;

import dev.cxm.core.internal.Checks;

/**
 * The terms of a lifetime value: how far ahead to look, the length of the period whose purchases are
 * discounted together, and the discount rate per period; all explicit, so a weekly model is never
 * discounted per day by accident. Immutable, with value {@code equals}, {@code hashCode} and
 * {@code toString}.
 *
 * <pre>{@code
 * // a year ahead in thirteen four-week periods at 1% per period
 * ClvSettings terms = ClvSettings.custom(Duration.ofDays(364)).period(Duration.ofDays(28)).discountRate(0.01).build();
 * }</pre>
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

    /**
     * Validates the settings.
     *
     * @param horizon how far ahead the value looks; a whole number of periods, at most {@link #MAX_PERIODS}
     * @param period the length of one discounting period (30 days for a monthly rate, say)
     * @param discountRate the discount rate per period (0.01 for 1% per period); 0 for no discounting
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public ClvSettings {
        requireHorizon(horizon);
        requirePeriod(horizon, period);
        Checks.nonNegative("discountRate", discountRate);
    }

    /**
     * Returns the undiscounted terms of {@code horizon}: one period as long as the horizon, at rate 0, so that
     * the value is the expected spend over the horizon.
     *
     * @param horizon how far ahead the value looks, positive
     * @return the settings
     */
    public static ClvSettings ofDefaults(Duration horizon) {
        return new ClvSettings(horizon, horizon, 0);
    }

    /**
     * Starts the terms of {@code horizon}, one period long and undiscounted until set otherwise.
     *
     * @param horizon how far ahead the value looks, positive
     * @return the builder
     */
    public static Builder custom(Duration horizon) {
        return new Builder(ofDefaults(horizon));
    }

    /**
     * Starts terms from {@code base}.
     *
     * @param base the terms the builder starts with
     * @return the builder
     */
    public static Builder from(ClvSettings base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns the number of periods in the horizon.
     *
     * @return the periods, 1 to {@link #MAX_PERIODS}
     */
    public int periods() {
        return Math.toIntExact(horizon.dividedBy(period));
    }

    private static Duration requireHorizon(Duration horizon) {
        Checks.present("horizon", horizon);
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon: " + horizon + " is not positive");
        }
        return horizon;
    }

    private static Duration requirePeriod(Duration horizon, Duration period) {
        Checks.present("period", period);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period: " + period + " is not positive");
        }
        long periods = horizon.dividedBy(period);
        if (periods < 1 || !horizon.equals(period.multipliedBy(periods))) {
            throw new IllegalArgumentException("horizon: " + horizon + " is not a whole number of periods of " + period);
        }
        if (periods > MAX_PERIODS) {
            throw new IllegalArgumentException("horizon: " + horizon + " is " + periods + " periods of " + period
                    + "; at most " + MAX_PERIODS + " periods are discounted one by one, so choose a longer period");
        }
        return period;
    }

    /** Builds {@link ClvSettings}; each setter rejects a bad value at once. */
    public static final class Builder {
        private final Duration horizon;
        private Duration period;
        private double discountRate;

        private Builder(ClvSettings base) {
            this.horizon = base.horizon;
            this.period = base.period;
            this.discountRate = base.discountRate;
        }

        /**
         * Sets the length of one discounting period; the whole horizon unless set.
         *
         * @param value positive, with the horizon a whole number of at most {@link #MAX_PERIODS} of them
         * @return this builder
         */
        public Builder period(Duration value) {
            this.period = requirePeriod(horizon, value);
            return this;
        }

        /**
         * Sets the discount rate per period; 0 unless set.
         *
         * @param value finite, 0 or more (0.01 for 1% per period)
         * @return this builder
         */
        public Builder discountRate(double value) {
            this.discountRate = Checks.nonNegative("discountRate", value);
            return this;
        }

        /**
         * Returns the settings.
         *
         * @return the settings
         */
        public ClvSettings build() {
            return new ClvSettings(horizon, period, discountRate);
        }
    }
}
