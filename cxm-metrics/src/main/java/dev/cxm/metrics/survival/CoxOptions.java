package dev.cxm.metrics.survival;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * How {@link CoxProportionalHazards} fits: tie handling, confidence level, and the Newton-Raphson
 * iteration's limits. The defaults are R's {@code coxph}: Efron ties, at most 20 iterations, converged when
 * the log partial likelihood changes by a relative 1e-9 or less.
 *
 * @param ties how tied churn times are handled
 * @param level the confidence level of the coefficients' intervals
 * @param maxIterations the most Newton-Raphson iterations before the fit gives up; 1 or more
 * @param tolerance the relative change of the log partial likelihood that counts as converged; in (0, 0.01]
 */
public record CoxOptions(TieMethod ties, double level, int maxIterations, double tolerance) {

    private static final CoxOptions DEFAULTS = new CoxOptions(TieMethod.EFRON, ConfidenceInterval.DEFAULT_LEVEL, 20, 1e-9);

    /** Validates the options. */
    public CoxOptions {
        Checks.present("ties", ties);
        ConfidenceInterval.requireLevel(level);
        requireIterations(maxIterations);
        requireTolerance(tolerance);
    }

    private static int requireIterations(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations: " + maxIterations + " is below 1");
        }
        return maxIterations;
    }

    private static double requireTolerance(double tolerance) {
        if (!(tolerance > 0 && tolerance <= 0.01)) {
            throw new IllegalArgumentException("tolerance: " + tolerance + " is outside (0, 0.01]");
        }
        return tolerance;
    }

    /** Returns R's defaults: Efron ties, 95% intervals, 20 iterations, tolerance 1e-9. */
    public static CoxOptions ofDefaults() {
        return DEFAULTS;
    }

    /** Starts from the defaults. */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /** Starts from {@code base}. */
    public static Builder from(CoxOptions base) {
        return new Builder(base);
    }

    /** Builds {@link CoxOptions}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private TieMethod ties;
        private double level;
        private int maxIterations;
        private double tolerance;

        private Builder(CoxOptions base) {
            this.ties = base.ties;
            this.level = base.level;
            this.maxIterations = base.maxIterations;
            this.tolerance = base.tolerance;
        }

        /** Sets the tie method. */
        public Builder ties(TieMethod value) {
            this.ties = Checks.present("ties", value);
            return this;
        }

        /** Sets the confidence level. */
        public Builder level(double value) {
            this.level = ConfidenceInterval.requireLevel(value);
            return this;
        }

        /** Sets the iteration limit. */
        public Builder maxIterations(int value) {
            this.maxIterations = requireIterations(value);
            return this;
        }

        /** Sets the convergence tolerance. */
        public Builder tolerance(double value) {
            this.tolerance = requireTolerance(value);
            return this;
        }

        /** Builds the options. */
        public CoxOptions build() {
            return new CoxOptions(ties, level, maxIterations, tolerance);
        }
    }
}
