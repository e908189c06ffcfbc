package dev.cxm.metrics.clv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cxm.core.internal.Checks;

/**
 * How a model is fitted: the L2 penalty, the iteration budget, the convergence tolerance and, optionally,
 * starting values. One option set shared by every CLV fitter ({@link BgNbd}, {@link MbgNbd},
 * {@link ParetoNbd}, {@link BgBb}, {@link GammaGamma}), whose builders set the same fields.
 *
 * <pre>{@code
 * FitOptions options = FitOptions.custom().l2Penalty(0.001).maxIterations(50).build();
 * BgNbd fitter = BgNbd.custom().options(options).build();
 * }</pre>
 *
 * @param l2Penalty the coefficient {@code lambda} of the penalty {@code lambda * sum(p_i^2)} added to the mean
 *     negative log-likelihood per customer (as in Python's lifetimes); 0 for plain maximum likelihood
 * @param maxIterations the most Newton iterations before the fit gives up and says so
 * @param tolerance the largest gradient of the mean negative log-likelihood with respect to the log
 *     parameters that counts as zero
 * @param initialParameters starting values by parameter name; empty for the model's own
 */
public record FitOptions(double l2Penalty, int maxIterations, double tolerance, Map<String, Double> initialParameters) {

    private static final FitOptions DEFAULTS = new FitOptions(0, 200, 1e-8, Map.of());

    /**
     * Validates the options and makes the map immutable.
     *
     * @param l2Penalty the coefficient {@code lambda} of the penalty {@code lambda * sum(p_i^2)} added to the mean
     *     negative log-likelihood per customer (as in Python's lifetimes); 0 for plain maximum likelihood
     * @param maxIterations the most Newton iterations before the fit gives up and says so
     * @param tolerance the largest gradient of the mean negative log-likelihood with respect to the log parameters
     *     that counts as zero
     * @param initialParameters starting values by parameter name; empty for the model's own
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public FitOptions {
        Checks.nonNegative("l2Penalty", l2Penalty);
        Checks.positive("maxIterations", maxIterations);
        Checks.positive("tolerance", tolerance);
        initialParameters = requireStart(initialParameters);
    }

    /**
     * Returns the defaults: no penalty, 200 iterations, tolerance 1e-8, the model's own start.
     *
     * @return the default options
     */
    public static FitOptions ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts options from the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Starts options from {@code base}.
     *
     * @param base the options the builder starts with
     * @return the builder
     */
    public static Builder from(FitOptions base) {
        return new Builder(Checks.present("base", base));
    }

    private static Map<String, Double> requireStart(Map<String, Double> values) {
        Checks.present("initialParameters", values);
        Map<String, Double> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Checks.nonBlank("initialParameters key", name);
            copy.put(name, Checks.positive("initialParameters " + name, Checks.present("initialParameters " + name,
                    value)));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Builds {@link FitOptions}; each setter rejects a bad value at once. */
    public static final class Builder {
        private double l2Penalty;
        private int maxIterations;
        private double tolerance;
        private Map<String, Double> initialParameters;

        private Builder(FitOptions base) {
            this.l2Penalty = base.l2Penalty;
            this.maxIterations = base.maxIterations;
            this.tolerance = base.tolerance;
            this.initialParameters = base.initialParameters;
        }

        /**
         * Sets the L2 penalty coefficient; 0 unless set.
         *
         * @param value finite, 0 or more
         * @return this builder
         */
        public Builder l2Penalty(double value) {
            this.l2Penalty = Checks.nonNegative("l2Penalty", value);
            return this;
        }

        /**
         * Sets the most Newton iterations; 200 unless set.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder maxIterations(int value) {
            this.maxIterations = Checks.positive("maxIterations", value);
            return this;
        }

        /**
         * Sets the gradient tolerance; 1e-8 unless set.
         *
         * @param value finite and above 0
         * @return this builder
         */
        public Builder tolerance(double value) {
            this.tolerance = Checks.positive("tolerance", value);
            return this;
        }

        /**
         * Starts the fit at {@code values}, keyed by the model's parameter names (each positive); empty for the
         * model's own start.
         *
         * @param values the starting values
         * @return this builder
         */
        public Builder initialParameters(Map<String, Double> values) {
            this.initialParameters = requireStart(values);
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options
         */
        public FitOptions build() {
            return new FitOptions(l2Penalty, maxIterations, tolerance, initialParameters);
        }
    }
}
