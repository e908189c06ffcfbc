package dev.cxm.metrics.clv.internal;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

import dev.cxm.metrics.clv.rfm.internal.CellColumns;

/**
 * The log-likelihood of the BG/BB model (Fader, Hardie &amp; Shang 2010, eq. 5) with its analytic gradient in
 * {@code (alpha, beta, gamma, delta)}:
 * <pre>
 *   L = B(alpha + x, beta + n - x) / B(alpha, beta) * B(gamma, delta + n) / B(gamma, delta)
 *     + sum_{i=0}^{n - t_x - 1} B(alpha + x, beta + t_x - x + i) / B(alpha, beta)
 *                               * B(gamma + 1, delta + t_x + i) / B(gamma, delta)
 * </pre>
 * Terms are summed in log space by their ratios, and each term's digammas follow by recurrence, so a cell
 * costs one pass over its {@code n - t_x} terms; the Hessian is taken from the gradient numerically.
 */
public final class BgBbLikelihood extends CellLikelihood {

    static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};
    private static final int N = 4;

    private final CellColumns cells;

    /** Takes cells whose recency and age are whole numbers of opportunities. */
    public BgBbLikelihood(CellColumns cells) {
        super(NAMES, 1, cells.totalWeight(), new String[][] {{"alpha", "beta", "no heterogeneity in purchase probabilities"},
                {"gamma", "delta", "no heterogeneity in drop-out probabilities"}});
        this.cells = cells;
    }

    @Override
    public double[] evaluate(double[] parameters, int order) {
        double alpha = parameters[0];
        double beta = parameters[1];
        double gamma = parameters[2];
        double delta = parameters[3];
        double[] sum = new double[Packed.size(N)];
        double[] gradient = new double[N];
        for (int row = 0; row < cells.size(); row++) {
            double w = cells.weight(row);
            double log = logLikelihood(alpha, beta, gamma, delta, cells.frequency(row), (int) cells.recency(row),
                    (int) cells.age(row), order >= 1 ? gradient : null);
            addRow(N, sum, w, log, gradient, null, Math.min(order, 1));
        }
        return sum;
    }

    /** Returns one customer's log-likelihood, and writes its gradient into {@code gradient} when given. */
    public static double logLikelihood(double alpha, double beta, double gamma, double delta, int x, int recency, int n,
            double[] gradient) {
        double lnBetaAB = Beta.logBeta(alpha, beta);
        double lnBetaGD = Beta.logBeta(gamma, delta);
        double aliveLog = Beta.logBeta(alpha + x, beta + n - x) - lnBetaAB + Beta.logBeta(gamma, delta + n) - lnBetaGD;
        int terms = n - recency;
        double firstLog = terms > 0
                ? Beta.logBeta(alpha + x, beta + recency - x) - lnBetaAB + Beta.logBeta(gamma + 1, delta + recency) - lnBetaGD
                : Double.NEGATIVE_INFINITY;
        // Sum the dropped-out terms relative to the first, each term's log-ratio accumulated.
        double relative = 0;
        double logRatio = 0;
        double[] weighted = new double[N];
        double[] termGradient = new double[N];
        boolean derivatives = gradient != null;
        if (derivatives && terms > 0) {
            double psiAB = Gamma.digamma(alpha + beta);
            double psiGD = Gamma.digamma(gamma + delta);
            termGradient[0] = Gamma.digamma(alpha + x) - Gamma.digamma(alpha + beta + recency) - Gamma.digamma(alpha) + psiAB;
            termGradient[1] = Gamma.digamma(beta + recency - x) - Gamma.digamma(alpha + beta + recency) - Gamma.digamma(beta)
                    + psiAB;
            termGradient[2] = Gamma.digamma(gamma + 1) - Gamma.digamma(gamma + delta + 1 + recency) - Gamma.digamma(gamma) + psiGD;
            termGradient[3] = Gamma.digamma(delta + recency) - Gamma.digamma(gamma + delta + 1 + recency) - Gamma.digamma(delta)
                    + psiGD;
        }
        for (int i = 0; i < terms; i++) {
            double term = Math.exp(logRatio);
            relative += term;
            if (derivatives) {
                for (int k = 0; k < N; k++) {
                    weighted[k] += term * termGradient[k];
                }
            }
            double b = beta + recency - x + i;
            double ab = alpha + beta + recency + i;
            double d = delta + recency + i;
            double gd = gamma + delta + 1 + recency + i;
            logRatio += Math.log(b / ab) + Math.log(d / gd);
            if (derivatives) {
                termGradient[0] -= 1 / ab;
                termGradient[1] += 1 / b - 1 / ab;
                termGradient[2] -= 1 / gd;
                termGradient[3] += 1 / d - 1 / gd;
            }
        }
        double deadLog = terms > 0 ? firstLog + Math.log(relative) : Double.NEGATIVE_INFINITY;
        double total = Math.max(aliveLog, deadLog) + Math.log1p(Math.exp(-Math.abs(aliveLog - deadLog)));
        if (derivatives) {
            double psiAB = Gamma.digamma(alpha + beta);
            double psiGD = Gamma.digamma(gamma + delta);
            double[] alive = {
                    Gamma.digamma(alpha + x) - Gamma.digamma(alpha + beta + n) - Gamma.digamma(alpha) + psiAB,
                    Gamma.digamma(beta + n - x) - Gamma.digamma(alpha + beta + n) - Gamma.digamma(beta) + psiAB,
                    psiGD - Gamma.digamma(gamma + delta + n),
                    Gamma.digamma(delta + n) - Gamma.digamma(gamma + delta + n) - Gamma.digamma(delta) + psiGD};
            double aliveWeight = Math.exp(aliveLog - total);
            double deadScale = terms > 0 ? Math.exp(firstLog - total) : 0;
            for (int k = 0; k < N; k++) {
                gradient[k] = aliveWeight * alive[k] + deadScale * weighted[k];
            }
        }
        return total;
    }
}
