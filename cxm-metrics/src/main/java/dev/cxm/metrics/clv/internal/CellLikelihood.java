package dev.cxm.metrics.clv.internal;

import org.hipparchus.special.Gamma;

/**
 * What every model's likelihood over RFM cells shares: its parameter names, analytic derivative order, total
 * weight and mixing pairs, and the two sums each accumulates into a {@link Packed} evaluation (a weighted
 * row's value with derivatives, and the {@code log Gamma(shape + x) - log Gamma(shape)} term of a count).
 */
public abstract class CellLikelihood implements LogLikelihood {

    private final String[] names;
    private final int order;
    private final double weight;
    private final String[][] pairs;

    /**
     * Takes the parameter names, the highest analytic derivative order, the sum of the row weights and the
     * mixing pairs (see {@link LogLikelihood#mixingPairs()}).
     */
    protected CellLikelihood(String[] names, int analyticOrder, double totalWeight, String[][] mixingPairs) {
        this.names = names.clone();
        this.order = analyticOrder;
        this.weight = totalWeight;
        this.pairs = mixingPairs;
    }

    @Override
    public final String[] parameterNames() {
        return names.clone();
    }

    @Override
    public final int analyticOrder() {
        return order;
    }

    @Override
    public final double totalWeight() {
        return weight;
    }

    @Override
    public final String[][] mixingPairs() {
        return pairs.clone();
    }

    /**
     * Adds {@code sum_j weights[j] (log Gamma(shape + xs[j]) - log Gamma(shape))}, with its first and second
     * derivatives in the parameter {@code index} (= shape) up to {@code order}, to the packed {@code sum} of
     * {@code n} parameters.
     */
    protected static void addLogGammaRatio(int n, int index, double shape, int[] xs, double[] weights, int order,
            double[] sum) {
        double logGamma = Gamma.logGamma(shape);
        double digamma = order >= 1 ? SpecialFunctions.digamma(shape) : 0;
        double trigamma = order >= 2 ? Gamma.trigamma(shape) : 0;
        for (int j = 0; j < xs.length; j++) {
            double w = weights[j];
            sum[0] += w * (Gamma.logGamma(shape + xs[j]) - logGamma);
            if (order >= 1) {
                sum[Packed.gradient(index)] += w * (SpecialFunctions.digamma(shape + xs[j]) - digamma);
                if (order >= 2) {
                    sum[Packed.hessian(n, index, index)] += w * (Gamma.trigamma(shape + xs[j]) - trigamma);
                }
            }
        }
    }

    /**
     * Adds {@code w} times a row's {@code value}, {@code gradient} and row-major {@code n x n} {@code hessian}
     * (each used up to {@code order}) to the packed {@code sum}.
     */
    protected static void addRow(int n, double[] sum, double w, double value, double[] gradient, double[] hessian,
            int order) {
        sum[0] += w * value;
        if (order >= 1) {
            for (int k = 0; k < n; k++) {
                sum[Packed.gradient(k)] += w * gradient[k];
            }
            if (order >= 2) {
                for (int a = 0; a < n; a++) {
                    for (int b = a; b < n; b++) {
                        sum[Packed.hessian(n, a, b)] += w * hessian[n * a + b];
                    }
                }
            }
        }
    }
}
