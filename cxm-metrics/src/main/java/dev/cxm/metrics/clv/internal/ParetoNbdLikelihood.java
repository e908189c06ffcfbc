package dev.cxm.metrics.clv.internal;

import static dev.cxm.metrics.clv.internal.ParetoNbdIntegral.ALPHA;
import static dev.cxm.metrics.clv.internal.ParetoNbdIntegral.BETA;
import static dev.cxm.metrics.clv.internal.ParetoNbdIntegral.R;
import static dev.cxm.metrics.clv.internal.ParetoNbdIntegral.S;

import org.hipparchus.special.Gamma;

import dev.cxm.metrics.clv.rfm.internal.CellColumns;

/**
 * The log-likelihood of the Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987; in the form of Fader
 * &amp; Hardie's 2005 note, eq. 22) with analytic gradient and Hessian in {@code (r, alpha, s, beta)}:
 * <pre>
 *   L = Gamma(r + x) alpha^r beta^s / Gamma(r)
 *       * [ (alpha + T)^-(r + x) (beta + T)^-s + s (G(t_x) - G(T)) ]
 * </pre>
 * with the drop-out integral {@code G} of {@link ParetoNbdIntegral}. Alive and dropped-out terms are combined
 * in log space; {@code G} at {@code t = 0} is shared by every customer without repeat purchases.
 */
public final class ParetoNbdLikelihood extends CellLikelihood {

    static final String[] NAMES = {"r", "alpha", "s", "beta"};
    private static final int N = 4;

    private final CellColumns cells;

    /** Takes the rows to sum the likelihood over. */
    public ParetoNbdLikelihood(CellColumns cells) {
        super(NAMES, 2, cells.totalWeight(), new String[][] {{"r", "alpha", "no heterogeneity in purchase rates"},
                {"s", "beta", "no heterogeneity in drop-out rates"}});
        this.cells = cells;
    }

    @Override
    public double[] evaluate(double[] parameters, int order) {
        double r = parameters[R];
        double alpha = parameters[ALPHA];
        double s = parameters[S];
        double beta = parameters[BETA];
        double[] sum = new double[Packed.size(N)];
        int[] xs = cells.distinctFrequencies();
        double[] weightOf = cells.weightPerFrequency();
        addLogGammaRatio(N, R, r, xs, weightOf, order, sum);
        double total = cells.totalWeight();
        sum[0] += total * (r * Math.log(alpha) + s * Math.log(beta));
        if (order >= 1) {
            sum[Packed.gradient(R)] += total * Math.log(alpha);
            sum[Packed.gradient(ALPHA)] += total * r / alpha;
            sum[Packed.gradient(S)] += total * Math.log(beta);
            sum[Packed.gradient(BETA)] += total * s / beta;
            if (order >= 2) {
                sum[Packed.hessian(N, R, ALPHA)] += total / alpha;
                sum[Packed.hessian(N, ALPHA, ALPHA)] -= total * r / (alpha * alpha);
                sum[Packed.hessian(N, S, BETA)] += total / beta;
                sum[Packed.hessian(N, BETA, BETA)] -= total * s / (beta * beta);
            }
        }
        // G(0) of a customer without repeat purchases, shared
        Term atZero = new Term();
        boolean zeroOk = order == 0 ? atZero.value(r, alpha, s, beta, 0, 0) : atZero.derivatives(r, alpha, s, beta, 0, 0);
        int[] frequency = cells.frequencies();
        double[] recency = cells.recencies();
        double[] age = cells.ages();
        double[] weight = cells.weights();
        double[] rows = ParallelRows.sum(cells.size(), sum.length, (from, to, part) -> {
            Term first = new Term();
            Term last = new Term();
            Term alive = new Term();
            double[] gradient = new double[N];
            double[] hessian = new double[N * N];
            for (int i = from; i < to; i++) {
                int x = frequency[i];
                double w = weight[i];
                double t = age[i];
                alive.alive(r, alpha, s, beta, x, t, order);
                double logQ;
                if (recency[i] >= t) {
                    logQ = alive.log;
                    if (order >= 1) {
                        System.arraycopy(alive.gradient, 0, gradient, 0, N);
                        for (int k = 0; k < N * N; k++) {
                            hessian[k] = alive.hessian[k];
                        }
                    }
                } else {
                    Term start;
                    if (x == 0 && recency[i] == 0) {
                        if (!zeroOk) {
                            part[0] = Double.NaN;
                            return;
                        }
                        start = atZero;
                    } else {
                        boolean ok = order == 0 ? first.value(r, alpha, s, beta, x, recency[i])
                                : first.derivatives(r, alpha, s, beta, x, recency[i]);
                        if (!ok) {
                            part[0] = Double.NaN;
                            return;
                        }
                        start = first;
                    }
                    boolean ok = order == 0 ? last.value(r, alpha, s, beta, x, t) : last.derivatives(r, alpha, s, beta, x, t);
                    if (!ok) {
                        part[0] = Double.NaN;
                        return;
                    }
                    double logS = Math.log(s);
                    double gap = last.log - start.log;
                    double logD = start.log + (gap < -40 ? -Math.exp(gap) : Math.log(-Math.expm1(gap)));
                    double logDead = logS + logD;
                    logQ = Math.max(alive.log, logDead)
                            + Math.log1p(Math.exp(-Math.abs(alive.log - logDead)));
                    if (order >= 1) {
                        double wAlive = Math.exp(alive.log - logQ);
                        double wFirst = Math.exp(logS + start.log - logQ);
                        double wLast = Math.exp(logS + last.log - logQ);
                        for (int k = 0; k < N; k++) {
                            gradient[k] = wAlive * alive.gradient[k] + wFirst * start.gradient[k] - wLast * last.gradient[k];
                        }
                        gradient[S] += (wFirst - wLast) / s;
                        if (order >= 2) {
                            for (int a = 0; a < N; a++) {
                                for (int b = a; b < N; b++) {
                                    double value = wAlive * (alive.hessian[4 * a + b] + alive.gradient[a] * alive.gradient[b])
                                            + wFirst * (start.hessian[4 * a + b] + start.gradient[a] * start.gradient[b])
                                            - wLast * (last.hessian[4 * a + b] + last.gradient[a] * last.gradient[b]);
                                    if (a == S) {
                                        value += (wFirst * start.gradient[b] - wLast * last.gradient[b]) / s;
                                    }
                                    if (b == S) {
                                        value += (wFirst * start.gradient[a] - wLast * last.gradient[a]) / s;
                                    }
                                    value -= gradient[a] * gradient[b];
                                    hessian[4 * a + b] = value;
                                }
                            }
                        }
                    }
                }
                addRow(N, part, w, logQ, gradient, hessian, order);
            }
        });
        for (int k = 0; k < sum.length; k++) {
            sum[k] += rows[k];
        }
        return sum;
    }

    /** A log term with its derivatives: the alive term E, or G at some time. */
    private static final class Term {
        double log;
        final double[] gradient = new double[N];
        final double[] hessian = new double[N * N];
        private final double[] out = new double[1];

        boolean value(double r, double alpha, double s, double beta, int x, double t) {
            log = ParetoNbdIntegral.logValue(r, alpha, s, beta, x, t);
            return Double.isFinite(log);
        }

        boolean derivatives(double r, double alpha, double s, double beta, int x, double t) {
            boolean ok = ParetoNbdIntegral.logWithDerivatives(r, alpha, s, beta, x, t, out, gradient, hessian);
            log = out[0];
            return ok;
        }

        /** E = (alpha + T)^-(r + x) (beta + T)^-s. */
        void alive(double r, double alpha, double s, double beta, int x, double t, int order) {
            double logAlpha = Math.log(alpha + t);
            double logBeta = Math.log(beta + t);
            log = -(r + x) * logAlpha - s * logBeta;
            if (order >= 1) {
                double ia = 1 / (alpha + t);
                double ib = 1 / (beta + t);
                java.util.Arrays.fill(hessian, 0);
                gradient[R] = -logAlpha;
                gradient[ALPHA] = -(r + x) * ia;
                gradient[S] = -logBeta;
                gradient[BETA] = -s * ib;
                hessian[4 * R + ALPHA] = -ia;
                hessian[4 * ALPHA + R] = -ia;
                hessian[4 * ALPHA + ALPHA] = (r + x) * ia * ia;
                hessian[4 * S + BETA] = -ib;
                hessian[4 * BETA + S] = -ib;
                hessian[4 * BETA + BETA] = s * ib * ib;
            }
        }
    }
}
