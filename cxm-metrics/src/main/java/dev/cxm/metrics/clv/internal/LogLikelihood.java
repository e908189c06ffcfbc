package dev.cxm.metrics.clv.internal;

/**
 * A model's log-likelihood of a data set as a function of its positive parameters, with as many analytic
 * derivatives as the model has; {@link MaximumLikelihood} adds the rest numerically.
 *
 * <p>An evaluation is returned packed: {@code [value, gradient (n), Hessian upper triangle row by row
 * (n (n + 1) / 2)]}, see {@link Packed}. A point where the likelihood cannot be computed (outside the
 * model's numerical range) has a non-finite value.
 */
public interface LogLikelihood {

    /** Returns the parameters' names, in the order of the parameter array. */
    String[] parameterNames();

    /** Returns the highest derivative order {@link #evaluate} computes analytically: 0, 1 or 2. */
    int analyticOrder();

    /** Returns the sum of the row weights: the number of customers. */
    double totalWeight();

    /**
     * Returns the shape and rate (or the two shapes) of each mixing distribution with what it means when both
     * run to infinity with a fixed ratio, such as {@code {"r", "alpha", "no heterogeneity in purchase rates"}}:
     * the names a fit that runs off that way reports. None unless the model says.
     */
    default String[][] mixingPairs() {
        return new String[0][];
    }

    /**
     * Evaluates the log-likelihood at {@code parameters}, with derivatives with respect to the parameters
     * up to {@code order} (at most {@link #analyticOrder()}); entries beyond the order are zero.
     */
    double[] evaluate(double[] parameters, int order);
}
