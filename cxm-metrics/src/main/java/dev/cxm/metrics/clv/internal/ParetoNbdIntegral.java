package dev.cxm.metrics.clv.internal;

/**
 * The drop-out integral of the Pareto/NBD likelihood,
 * <pre>
 *   G(t) = integral from t to infinity of (alpha + tau)^-(r + x) (beta + tau)^-(s + 1) d tau,
 * </pre>
 * in log space, with its gradient and Hessian in {@code (r, alpha, s, beta)}.
 *
 * <p>Writing {@code big} for the larger of alpha and beta and {@code e_big} for its exponent ({@code s + 1}
 * for beta, {@code r + x} for alpha), and likewise {@code small}, {@code e_small}:
 * <pre>
 *   G(t) = (small + t)^-(e_small - 1) (big + t)^-e_big / A * 2F1(e_big, 1; A + 1; z),
 *   A = r + s + x,  z = (big - small) / (big + t)  in [0, 1)
 * </pre>
 * (the integral of Fader &amp; Hardie's 2005 note, eq. 22, after Euler's transformation), whose series has
 * only positive terms that shrink by at least the factor z: no overflow and no cancellation at any
 * frequency, unlike the textbook form whose terms grow with x. Derivatives are carried through the series
 * term by term.
 */
public final class ParetoNbdIntegral {

    static final int R = 0;
    static final int ALPHA = 1;
    static final int S = 2;
    static final int BETA = 3;
    /** Beyond this many series terms (z very near 1) the integral is taken by quadrature instead. */
    private static final int MAX_TERMS = 3_000;

    private ParetoNbdIntegral() {}

    /**
     * Returns log G(t) alone: the same series as {@link #logWithDerivatives} without the derivatives, or the
     * same quadrature where the series would be slow, so that a model's likelihood and its fit agree.
     */
    public static double logValue(double r, double alpha, double s, double beta, int x, double t) {
        boolean betaBig = beta >= alpha;
        double big = betaBig ? beta : alpha;
        double small = betaBig ? alpha : beta;
        double eBig = betaBig ? s + 1 : r + x;
        double eSmall = betaBig ? r + x : s + 1;
        double a = r + s + x;
        double z = (big - small) / (big + t);
        double sum = 1;
        double term = 1;
        boolean converged = z == 0;
        for (int k = 0; k < MAX_TERMS && !converged; k++) {
            term *= (eBig + k) / (a + 1 + k) * z;
            sum += term;
            double scale = (k + 2.0) * (k + 2.0);
            converged = term * scale <= 1e-17 * sum;
        }
        if (!converged) {
            double[] out = new double[1];
            return quadrature(r, alpha, s, beta, x, t, out, new double[4], new double[16]) ? out[0] : Double.NaN;
        }
        return -(eSmall - 1) * Math.log(small + t) - eBig * Math.log(big + t) - Math.log(a) + Math.log(sum);
    }

    /**
     * Writes log G(t) into {@code out[0]}, its gradient into {@code gradient} and its Hessian into the
     * row-major 4x4 {@code hessian}; by the series, or by quadrature where z is so near 1 that the series
     * would be slow. Returns false (leaving NaN) only when neither converges.
     */
    static boolean logWithDerivatives(double r, double alpha, double s, double beta, int x, double t, double[] out,
            double[] gradient, double[] hessian) {
        boolean betaBig = beta >= alpha;
        int bigIndex = betaBig ? BETA : ALPHA;
        int smallIndex = betaBig ? ALPHA : BETA;
        int eBigIndex = betaBig ? S : R;
        int eSmallIndex = betaBig ? R : S;
        double big = betaBig ? beta : alpha;
        double small = betaBig ? alpha : beta;
        double eBig = betaBig ? s + 1 : r + x;
        double eSmall = betaBig ? r + x : s + 1;
        double a = r + s + x;
        double inverseSmall = 1 / (small + t);
        double inverseBig = 1 / (big + t);
        double logSmall = Math.log(small + t);
        double logBig = Math.log(big + t);
        double z = (big - small) * inverseBig;

        // The series S = sum c_k z^k, c_k = prod_{j<k} (e_big + j) / (A + 1 + j), with its derivatives in
        // (e_big, A, z), every term non-negative.
        double sum = 1;
        double se = 0;
        double sa = 0;
        double see = 0;
        double saa = 0;
        double sea = 0;
        double sz = 0;
        double szz = 0;
        double sez = 0;
        double saz = 0;
        double h1 = 0;
        double h2 = 0;
        double q1 = 0;
        double q2 = 0;
        double c = 1;
        double u = 0;
        double v = 0;
        boolean converged = false;
        for (int k = 0; k < MAX_TERMS; k++) {
            double ratio = (eBig + k) / (a + 1 + k);
            double inverseE = 1 / (eBig + k);
            double inverseA = 1 / (a + 1 + k);
            h1 += inverseE;
            q1 += inverseE * inverseE;
            h2 += inverseA;
            q2 += inverseA * inverseA;
            int next = k + 1;
            double term;
            if (next == 1) {
                c = ratio;
                u = c;
                term = c * z;
            } else if (next == 2) {
                c *= ratio;
                v = c;
                u = v * z;
                term = u * z;
            } else {
                v *= ratio * z;
                u = v * z;
                term = u * z;
            }
            sum += term;
            se += term * h1;
            sa -= term * h2;
            see += term * (h1 * h1 - q1);
            saa += term * (h2 * h2 + q2);
            sea -= term * h1 * h2;
            sz += next * u;
            sez += next * h1 * u;
            saz -= next * h2 * u;
            if (next >= 2) {
                szz += next * (next - 1.0) * v;
                double scale = (next + 1.0) * (next + 1.0);
                if (z == 0 || v * scale <= 1e-17 * szz && term * scale <= 1e-17 * sum) {
                    converged = true;
                    break;
                }
            }
        }
        if (!converged) {
            return quadrature(r, alpha, s, beta, x, t, out, gradient, hessian);
        }
        java.util.Arrays.fill(gradient, 0);
        java.util.Arrays.fill(hessian, 0);
        // log S: gradient (ge, ga, gz) and Hessian in y = (e_big, A, z)
        double ge = se / sum;
        double ga = sa / sum;
        double gz = sz / sum;
        double hee = see / sum - ge * ge;
        double haa = saa / sum - ga * ga;
        double hzz = szz / sum - gz * gz;
        double hea = sea / sum - ge * ga;
        double hez = sez / sum - ge * gz;
        double haz = saz / sum - ga * gz;
        // Chain rule: e_big moves with one of r, s; A with both r and s; z with big and small:
        // dz/dbig = (1 - z) / (big + t), dz/dsmall = -1 / (big + t).
        double zBig = (1 - z) * inverseBig;
        double zSmall = -inverseBig;
        int other = eBigIndex == R ? S : R;
        gradient[eBigIndex] += ge + ga;
        gradient[other] += ga;
        gradient[bigIndex] += gz * zBig;
        gradient[smallIndex] += gz * zSmall;
        // (e_big, A) block: e_big-parameter gets e + A, the other parameter A alone
        add(hessian, eBigIndex, eBigIndex, hee + 2 * hea + haa);
        add(hessian, eBigIndex, other, hea + haa);
        add(hessian, other, other, haa);
        // mixed with z
        add(hessian, eBigIndex, bigIndex, (hez + haz) * zBig);
        add(hessian, eBigIndex, smallIndex, (hez + haz) * zSmall);
        add(hessian, other, bigIndex, haz * zBig);
        add(hessian, other, smallIndex, haz * zSmall);
        // z block, with the second derivatives of z
        add(hessian, bigIndex, bigIndex, hzz * zBig * zBig + gz * -2 * (1 - z) * inverseBig * inverseBig);
        add(hessian, bigIndex, smallIndex, hzz * zBig * zSmall + gz * inverseBig * inverseBig);
        add(hessian, smallIndex, smallIndex, hzz * zSmall * zSmall);
        // log P = -(e_small - 1) log(small + t) - e_big log(big + t) - log A
        gradient[eSmallIndex] -= logSmall;
        gradient[eBigIndex] -= logBig;
        gradient[R] -= 1 / a;
        gradient[S] -= 1 / a;
        gradient[smallIndex] -= (eSmall - 1) * inverseSmall;
        gradient[bigIndex] -= eBig * inverseBig;
        add(hessian, eSmallIndex, smallIndex, -inverseSmall);
        add(hessian, eBigIndex, bigIndex, -inverseBig);
        hessian[4 * smallIndex + smallIndex] += (eSmall - 1) * inverseSmall * inverseSmall;
        hessian[4 * bigIndex + bigIndex] += eBig * inverseBig * inverseBig;
        double inverseA2 = 1 / (a * a);
        hessian[4 * R + R] += inverseA2;
        add(hessian, R, S, inverseA2);
        hessian[4 * S + S] += inverseA2;
        out[0] = -(eSmall - 1) * logSmall - eBig * logBig - Math.log(a) + Math.log(sum);
        return true;
    }

    /**
     * Takes G and its derivatives as integrals over {@code v = log((c + tau) / (c + t))}, {@code c} the smaller
     * of alpha and beta, by double exponential quadrature, halving the step until two levels agree to 1e-12:
     * every derivative of the integrand is the integrand times logs and reciprocals of {@code alpha + tau} and
     * {@code beta + tau}. The integrand turns from the small scale's power to the large scale's at the knee
     * {@code v = log((big - c) / (c + t))}, where {@code (c + t) e^v = big - c}, and has poles at the knee
     * {@code ± i pi}; one exp-sinh map over all {@code v >= 0} would crowd its nodes there so little that
     * scales 1e12 apart need steps below 1/256. So {@code [0, knee]} is taken by tanh-sinh and
     * {@code [knee, inf)} by exp-sinh, which keep the poles at a fixed distance from their nodes.
     */
    private static boolean quadrature(double r, double alpha, double s, double beta, int x, double t, double[] out,
            double[] gradient, double[] hessian) {
        double c = Math.min(alpha, beta);
        double logStart = Math.log(c + t);
        // Positive: the series fails to converge only for z > 0.98 (z <= 1/2 wherever the knee would be <= 0).
        double knee = Math.log((Math.max(alpha, beta) - c) / (c + t));
        double shape = r + x;
        double previous = Double.NaN;
        for (double step = 1.0 / 8; step >= 1.0 / 256; step /= 2) {
            int count = (int) Math.ceil(4.5 / step);
            int length = 2 * (2 * count + 1);
            double[] logWeighted = new double[length];
            double[][] nodes = new double[length][];
            double largest = Double.NEGATIVE_INFINITY;
            int n = 0;
            for (int piece = 0; piece < 2; piece++) {
                for (int j = -count; j <= count; j++, n++) {
                    double u = j * step;
                    double g = Math.PI / 2 * Math.sinh(u);
                    double v;
                    double logJacobian;
                    if (piece == 0) {
                        // tanh-sinh over [0, knee]: v = knee (1 + tanh g) / 2
                        v = knee / (1 + Math.exp(-2 * g));
                        logJacobian = Math.log(knee * Math.PI / 4 * Math.cosh(u)) - 2 * Math.log(Math.cosh(g));
                    } else {
                        // exp-sinh over [knee, inf): v = knee + e^g
                        v = knee + Math.exp(g);
                        logJacobian = Math.log(Math.PI / 2 * Math.cosh(u)) + g;
                    }
                    double logC = logStart + v;
                    // log(alpha + tau) without overflow where the tail runs past e^709 (r + s + x near 0)
                    double logAlpha = logC + Math.log1p((alpha - c) * Math.exp(-logC));
                    double logBeta = logC + Math.log1p((beta - c) * Math.exp(-logC));
                    double logIntegrand = -shape * logAlpha - (s + 1) * logBeta + logC;
                    logWeighted[n] = logIntegrand + logJacobian + Math.log(step);
                    nodes[n] = new double[] {logAlpha, logBeta, Math.exp(-logAlpha), Math.exp(-logBeta)};
                    largest = Math.max(largest, logWeighted[n]);
                }
            }
            double sum = 0;
            double[] first = new double[4];
            double[] second = new double[16];
            for (int k = 0; k < logWeighted.length; k++) {
                double weight = Math.exp(logWeighted[k] - largest);
                if (weight == 0 || !Double.isFinite(weight)) {
                    continue;
                }
                double[] node = nodes[k];
                double[] d = {-node[0], -shape * node[2], -node[1], -(s + 1) * node[3]};
                sum += weight;
                for (int a = 0; a < 4; a++) {
                    first[a] += weight * d[a];
                    for (int b = 0; b < 4; b++) {
                        second[4 * a + b] += weight * d[a] * d[b];
                    }
                }
                second[4 * R + ALPHA] -= weight * node[2];
                second[4 * ALPHA + R] -= weight * node[2];
                second[4 * ALPHA + ALPHA] += weight * shape * node[2] * node[2];
                second[4 * S + BETA] -= weight * node[3];
                second[4 * BETA + S] -= weight * node[3];
                second[4 * BETA + BETA] += weight * (s + 1) * node[3] * node[3];
            }
            double log = largest + Math.log(sum);
            if (Math.abs(log - previous) <= 1e-12 * Math.max(1, Math.abs(log))) {
                out[0] = log;
                for (int a = 0; a < 4; a++) {
                    gradient[a] = first[a] / sum;
                }
                for (int a = 0; a < 4; a++) {
                    for (int b = 0; b < 4; b++) {
                        hessian[4 * a + b] = second[4 * a + b] / sum - gradient[a] * gradient[b];
                    }
                }
                return true;
            }
            previous = log;
        }
        out[0] = Double.NaN;
        return false;
    }

    /** Adds {@code value} to the symmetric entries (i, j) and (j, i), once on the diagonal. */
    private static void add(double[] hessian, int i, int j, double value) {
        hessian[4 * i + j] += value;
        if (i != j) {
            hessian[4 * j + i] += value;
        }
    }
}
