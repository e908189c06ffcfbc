package dev.cxm.metrics.clv;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.Arguments;

/**
 * How a model is fitted: the L2 penalty, the iteration budget, the convergence tolerance and, optionally,
 * starting values.
 *
 * <pre>{@code
 * FitOptions options = FitOptions.builder().l2Penalty(0.001).maxIterations(50).build();
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

    private static final FitOptions DEFAULTS = builder().build();

    /** Validates the options. */
    public FitOptions {
        Arguments.nonNegative("l2Penalty", l2Penalty);
        Arguments.positive("maxIterations", maxIterations);
        Arguments.positive("tolerance", tolerance);
        Checks.present("initialParameters", initialParameters);
        initialParameters.forEach((name, value) -> {
            Checks.nonBlank("initialParameters key", name);
            Arguments.positive("initialParameters " + name, Checks.present("initialParameters " + name, value));
        });
        initialParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(initialParameters));
    }

    /** Returns the defaults: no penalty, 200 iterations, tolerance 1e-8, the model's own start. */
    public static FitOptions defaults() {
        return DEFAULTS;
    }

    /** Starts options from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FitOptions}. */
    public static final class Builder {
        private double l2Penalty;
        private int maxIterations = 200;
        private double tolerance = 1e-8;
        private final Map<String, Double> initialParameters = new LinkedHashMap<>();

        private Builder() {}

        /** Sets the L2 penalty coefficient; 0 unless set. */
        public Builder l2Penalty(double value) {
            this.l2Penalty = Arguments.nonNegative("l2Penalty", value);
            return this;
        }

        /** Sets the most Newton iterations; 200 unless set. */
        public Builder maxIterations(int value) {
            this.maxIterations = Arguments.positive("maxIterations", value);
            return this;
        }

        /** Sets the gradient tolerance; 1e-8 unless set. */
        public Builder tolerance(double value) {
            this.tolerance = Arguments.positive("tolerance", value);
            return this;
        }

        /** Starts the fit at {@code values}, keyed by the model's parameter names. */
        public Builder initialParameters(Map<String, Double> values) {
            initialParameters.clear();
            initialParameters.putAll(Checks.present("initialParameters", values));
            return this;
        }

        /** Builds the options. */
        public FitOptions build() {
            return new FitOptions(l2Penalty, maxIterations, tolerance, initialParameters);
        }
    }
}
