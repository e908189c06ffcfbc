package dev.cxm.metrics.clv;

import java.util.Map;

import dev.cxm.core.internal.Checks;

/**
 * What the builders of every CLV fitter share: the {@link FitOptions} fields, each checked at once.
 *
 * @param <F> the fitter built
 * @param <B> the builder's own type, so that the setters chain
 */
public abstract class FitterBuilder<F, B extends FitterBuilder<F, B>> {

    private FitOptions.Builder options;

    FitterBuilder(FitOptions base) {
        this.options = FitOptions.from(base);
    }

    /** Returns this builder as its own type. */
    abstract B self();

    /** Returns the options set so far. */
    FitOptions options() {
        return options.build();
    }

    /**
     * Sets every fit option at once.
     *
     * @param value the options
     * @return this builder
     */
    public B options(FitOptions value) {
        this.options = FitOptions.from(Checks.present("options", value));
        return self();
    }

    /**
     * Sets the L2 penalty coefficient (see {@link FitOptions#l2Penalty()}); 0 unless set.
     *
     * @param value finite, 0 or more
     * @return this builder
     */
    public B l2Penalty(double value) {
        options.l2Penalty(value);
        return self();
    }

    /**
     * Sets the most Newton iterations; 200 unless set.
     *
     * @param value 1 or more
     * @return this builder
     */
    public B maxIterations(int value) {
        options.maxIterations(value);
        return self();
    }

    /**
     * Sets the gradient tolerance (see {@link FitOptions#tolerance()}); 1e-8 unless set.
     *
     * @param value finite and above 0
     * @return this builder
     */
    public B tolerance(double value) {
        options.tolerance(value);
        return self();
    }

    /**
     * Starts the fit at {@code values}, keyed by the model's parameter names; empty for the model's own start.
     *
     * @param values the starting values, each positive
     * @return this builder
     */
    public B initialParameters(Map<String, Double> values) {
        options.initialParameters(values);
        return self();
    }

    /**
     * Returns the fitter.
     *
     * @return the fitter
     */
    public abstract F build();
}
