package dev.cxm.metrics.clv.internal;

import org.hipparchus.special.Gamma;

import dev.cxm.metrics.clv.rfm.internal.CellColumns;

/**
 * The log-likelihood of the Gamma-Gamma spend model (Fader & Hardie 2013, after Colombo & Jiang 1999) with
 * analytic gradient and Hessian in {@code (p, q, v)}: the density of a customer's mean spend {@code zbar}
 * over {@code x} repeat purchases,
 * <pre>
 *   Gamma(px + q) / (Gamma(px) Gamma(q)) * v^q zbar^(px - 1) x^(px) / (v + x zbar)^(px + q)
 * </pre>
 * Rows are the repeat buyers with their spend; terms of the frequency alone are computed once per frequency.
 */
public final class GammaGammaLikelihood extends CellLikelihood {

    static final String[] NAMES = {"p", "q", "v"};
    private static final int N = 3;
    private static final int P = 0;
    private static final int Q = 1;
    private static final int V = 2;

    private final CellColumns cells;
    private final double[] logSpend;
    private final double weightedLogSpendSum;
    private final double[] weightedFrequencyLogSpend;

    /** Takes rows that all have a frequency above 0 and a positive mean spend. */
    public GammaGammaLikelihood(CellColumns cells) {
        super(NAMES, 2, cells.totalWeight(), new String[][] {{"q", "v", "no heterogeneity in mean spend"}});
        this.cells = cells;
        double[] spend = cells.monetaryValues();
        int[] frequency = cells.frequencies();
        double[] weight = cells.weights();
        logSpend = new double[spend.length];
        double sum = 0;
        double[] perFrequency = new double[cells.distinctFrequencies().length];
        int[] slot = cells.frequencyIndex();
        for (int i = 0; i < spend.length; i++) {
            logSpend[i] = Math.log(spend[i]);
            sum += weight[i] * logSpend[i];
            perFrequency[slot[i]] += weight[i] * frequency[i] * logSpend[i];
        }
        weightedLogSpendSum = sum;
        weightedFrequencyLogSpend = perFrequency;
    }

    @Override
    public double[] evaluate(double[] parameters, int order) {
        double p = parameters[P];
        double q = parameters[Q];
        double v = parameters[V];
        double[] sum = new double[Packed.size(N)];
        int[] xs = cells.distinctFrequencies();
        double[] weightOf = cells.weightPerFrequency();
        double lnGammaQ = Gamma.logGamma(q);
        double logV = Math.log(v);
        // sum over rows of (px - 1) log zbar, split into p * sum(x log zbar) - sum(log zbar)
        sum[0] -= weightedLogSpendSum;
        for (int j = 0; j < xs.length; j++) {
            double x = xs[j];
            double w = weightOf[j];
            double px = p * x;
            sum[0] += w * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lnGammaQ + q * logV + px * Math.log(x))
                    + p * weightedFrequencyLogSpend[j];
            if (order >= 1) {
                double psiSum = Gamma.digamma(px + q);
                sum[Packed.gradient(P)] += w * x * (psiSum - Gamma.digamma(px) + Math.log(x)) + weightedFrequencyLogSpend[j];
                sum[Packed.gradient(Q)] += w * (psiSum - Gamma.digamma(q) + logV);
                sum[Packed.gradient(V)] += w * q / v;
                if (order >= 2) {
                    double triSum = Gamma.trigamma(px + q);
                    sum[Packed.hessian(N, P, P)] += w * x * x * (triSum - Gamma.trigamma(px));
                    sum[Packed.hessian(N, P, Q)] += w * x * triSum;
                    sum[Packed.hessian(N, Q, Q)] += w * (triSum - Gamma.trigamma(q));
                    sum[Packed.hessian(N, Q, V)] += w / v;
                    sum[Packed.hessian(N, V, V)] -= w * q / (v * v);
                }
            }
        }
        int[] frequency = cells.frequencies();
        double[] spend = cells.monetaryValues();
        double[] weight = cells.weights();
        int hPV = Packed.hessian(N, P, V);
        int hQV = Packed.hessian(N, Q, V);
        int hVV = Packed.hessian(N, V, V);
        double[] rows = ParallelRows.sum(cells.size(), sum.length, (from, to, part) -> {
            for (int i = from; i < to; i++) {
                double x = frequency[i];
                double w = weight[i];
                double total = v + x * spend[i];
                double logTotal = Math.log(total);
                double shape = p * x + q;
                part[0] -= w * shape * logTotal;
                if (order >= 1) {
                    double inverse = 1 / total;
                    part[1 + P] -= w * x * logTotal;
                    part[1 + Q] -= w * logTotal;
                    part[1 + V] -= w * shape * inverse;
                    if (order >= 2) {
                        part[hPV] -= w * x * inverse;
                        part[hQV] -= w * inverse;
                        part[hVV] += w * shape * inverse * inverse;
                    }
                }
            }
        });
        for (int k = 0; k < sum.length; k++) {
            sum[k] += rows[k];
        }
        return sum;
    }
}
