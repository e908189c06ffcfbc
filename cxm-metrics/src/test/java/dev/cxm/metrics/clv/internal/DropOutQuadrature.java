package dev.cxm.metrics.clv.internal;

/**
 * The Pareto/NBD drop-out integral G(t) = integral over tau from t to infinity of (alpha + tau)^-(r + x)
 * (beta + tau)^-(s + 1), and the gradient and Hessian of log G in (r, alpha, s, beta), by brute force for the
 * tests: the derivatives of the integrand's log l are written out by hand (dl/dr = -log(alpha + tau),
 * dl/dalpha = -(r + x) / (alpha + tau), likewise for s and beta), so that d log G = E[dl] and
 * d2 log G = Cov(dl) + E[d2 l] under the weight G's integrand. Substituting c + tau = (c + t) w^(-1/A), with c
 * the smaller scale and A = r + s + x, turns G into (c + t)^-A / A times the integral over w in (0, 1] of
 * (1 + d w^(1/A))^-e, d = (big - c) / (c + t) and e the larger scale's exponent: a bounded integrand, taken by
 * tanh-sinh quadrature, halving the step until two levels agree to 2e-14.
 */
final class DropOutQuadrature {

    private DropOutQuadrature() {}

    /** Returns {log G, gradient (4), Hessian (16, row-major)} of G at (r, alpha, s, beta), frequency x, time t. */
    static double[] logWithDerivatives(double r, double alpha, double s, double beta, int x, double t) {
        boolean alphaSmall = alpha <= beta;
        double c = Math.min(alpha, beta);
        double d = (Math.max(alpha, beta) - c) / (c + t);
        double shape = r + x;
        double exponentBig = alphaSmall ? s + 1 : shape;
        double a = r + s + x;
        double logStart = Math.log(c + t);
        double[] previous = null;
        for (double step = 0.5; step >= 1.0 / 1024; step /= 2) {
            double sum = 0;
            double[] first = new double[4];
            double[] cross = new double[16];
            double[] second = new double[16];
            // one pass for the means, a second for the covariance about them (no cancellation)
            int count = (int) Math.ceil(4.5 / step);
            double[][] derivatives = new double[2 * count + 1][];
            double[] weights = new double[2 * count + 1];
            for (int k = -count; k <= count; k++) {
                double u = k * step;
                double sinh = Math.PI / 2 * Math.sinh(u);
                double jacobian = Math.PI / 4 * Math.cosh(u) / (Math.cosh(sinh) * Math.cosh(sinh));
                if (jacobian == 0 || !Double.isFinite(jacobian)) {
                    continue;
                }
                double logW = sinh > 0 ? -Math.log1p(Math.exp(-2 * sinh)) : 2 * sinh - Math.log1p(Math.exp(2 * sinh));
                double logU = logW / a;
                double du = d * Math.exp(logU);
                double log1pDu = Math.log1p(du);
                double weight = jacobian * Math.exp(-exponentBig * log1pDu);
                // logs taken relative to log(c + t); 1 / (c + tau) = u / (c + t)
                double logSmall = -logU;
                double logBig = -logU + log1pDu;
                double inverseSmall = Math.exp(logU - logStart);
                double inverseBig = inverseSmall / (1 + du);
                double logAlpha = alphaSmall ? logSmall : logBig;
                double logBeta = alphaSmall ? logBig : logSmall;
                double inverseAlpha = alphaSmall ? inverseSmall : inverseBig;
                double inverseBeta = alphaSmall ? inverseBig : inverseSmall;
                double[] dl = {-logAlpha, -shape * inverseAlpha, -logBeta, -(s + 1) * inverseBeta};
                weights[k + count] = weight;
                derivatives[k + count] = dl;
                sum += weight;
                for (int i = 0; i < 4; i++) {
                    first[i] += weight * dl[i];
                }
                second[4 * ParetoNbdIntegral.R + ParetoNbdIntegral.ALPHA] -= weight * inverseAlpha;
                second[4 * ParetoNbdIntegral.ALPHA + ParetoNbdIntegral.ALPHA] += weight * shape * inverseAlpha
                        * inverseAlpha;
                second[4 * ParetoNbdIntegral.S + ParetoNbdIntegral.BETA] -= weight * inverseBeta;
                second[4 * ParetoNbdIntegral.BETA + ParetoNbdIntegral.BETA] += weight * (s + 1) * inverseBeta
                        * inverseBeta;
            }
            double[] mean = new double[4];
            for (int i = 0; i < 4; i++) {
                mean[i] = first[i] / sum;
            }
            for (int k = 0; k < weights.length; k++) {
                if (derivatives[k] == null) {
                    continue;
                }
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        cross[4 * i + j] += weights[k] * (derivatives[k][i] - mean[i]) * (derivatives[k][j] - mean[j]);
                    }
                }
            }
            double[] result = new double[21];
            result[0] = -a * logStart - Math.log(a) + Math.log(sum * step);
            for (int i = 0; i < 4; i++) {
                result[1 + i] = mean[i];
            }
            result[1 + ParetoNbdIntegral.R] -= logStart;
            result[1 + ParetoNbdIntegral.S] -= logStart;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    double mixed = second[4 * i + j] + second[4 * j + i] - (i == j ? second[4 * i + j] : 0);
                    result[5 + 4 * i + j] = (cross[4 * i + j] + mixed) / sum;
                }
            }
            if (previous != null && agree(previous, result)) {
                return result;
            }
            previous = result;
        }
        throw new AssertionError("the oracle's quadrature did not settle");
    }

    private static boolean agree(double[] previous, double[] result) {
        for (int i = 0; i < result.length; i++) {
            if (!(Math.abs(result[i] - previous[i]) <= 2e-14 * Math.max(1, Math.abs(result[i])))) {
                return false;
            }
        }
        return true;
    }
}
