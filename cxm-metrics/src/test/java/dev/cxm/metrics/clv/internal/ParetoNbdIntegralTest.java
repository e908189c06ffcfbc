package dev.cxm.metrics.clv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Oracle: the drop-out integral G(t) = integral over tau from t to infinity of (alpha + tau)^-(r + x)
 * (beta + tau)^-(s + 1), its log-gradient and log-Hessian in (r, alpha, s, beta), each taken in this test by
 * tanh-sinh quadrature ({@link DropOutQuadrature}) of the integrand and its derivatives written out by hand:
 * after the substitution c + tau = (c + t) w^(-1/A), c the smaller scale, A = r + s + x, the integral runs over
 * w in (0, 1] with a bounded weight, independent of the class's hypergeometric series and of its exp-sinh
 * quadrature over log(c + tau). Points cover beta above, below and equal to alpha, shapes below and above 1,
 * frequencies 0 to 60, and z = (big - small) / (big + t) from 0 to 0.9999 (the series' slow end near 0.98, the
 * quadrature beyond), and scales 1e5 to 1e20 apart, where the quadrature needs its finer levels.
 */
class ParetoNbdIntegralTest {

    /** Points (r, alpha, s, beta, x, t) on both sides of alpha = beta, on it, and at z from 0.1 to 0.9999. */
    private static final double[][] POINTS = {
            {0.553, 10.578, 0.606, 11.668, 0, 0},
            {0.553, 10.578, 0.606, 11.668, 7, 29.5},
            {0.553, 11.668, 0.606, 10.578, 2, 5},
            {0.3, 4, 0.1, 4, 3, 2},
            {2.5, 7, 3, 7, 0, 0},
            {0.05, 1, 0.1, 50, 0, 0},
            {0.05, 1, 0.1, 60, 1, 0.5},
            {0.5, 45, 0.2, 1, 0, 0},
            {1.3, 40, 0.7, 0.5, 2, 0.3},
            {0.2, 1, 0.4, 20, 0, 0},
            {0.7, 0.01, 1.2, 100, 0, 0},
            {0.9, 300, 0.3, 0.02, 1, 0},
            {0.9, 1, 1.2, 3000, 4, 10},
            {2, 3, 0.5, 9, 60, 30},
            {0.8, 12, 1.4, 6, 40, 20}};

    @Test
    void logValueMatchesQuadrature() {
        for (double[] p : POINTS) {
            assertValueMatches(p, 1e-13);
        }
    }

    @Test
    void logGradientAndHessianMatchQuadrature() {
        for (double[] p : POINTS) {
            assertDerivativesMatch(p, 1e-13, 1e-12, 1e-12);
        }
    }

    @Test
    void derivativeSeriesKeepsItsTailWhereAlphaDwarfsBeta() {
        // alpha 50 to 100 times beta with r + x from 2.5 to 9: the derivative series runs about a thousand terms
        // and its z-z term weighs each by n(n - 1); the class agrees with the oracle to 3e-14 (Hessian) and 2e-15
        // (gradient) here, so the tolerances are tight enough to see a tail of that series cut short.
        double[][] points = {{4, 100, 0.05, 1, 5, 0}, {1.5, 100, 0.05, 1, 5, 0}, {4, 100, 0.05, 1, 1, 0},
                {4, 50, 0.05, 1, 5, 0}};
        for (double[] p : points) {
            assertDerivativesMatch(p, 1e-13, 5e-15, 2e-13);
        }
    }

    @Test
    void farApartScalesMatchQuadratureAtTheFinestLevels() {
        // beta / alpha from 1e5 to 1e20 (and the reverse): z is so near 1 that the class integrates, and at
        // r = s = 0.05 it settles only at its finer steps (1/128, 1/256); its accuracy there is lower.
        double[][] points = {{0.05, 1, 0.05, 1e5, 0, 0}, {0.05, 1, 0.05, 1e8, 0, 0}, {0.05, 1e8, 0.05, 1, 0, 0},
                {0.05, 1, 0.05, 1e12, 1, 0}, {1.5, 1, 0.6, 1e20, 0, 3}, {0.55, 1e20, 0.6, 1, 1, 0}};
        for (double[] p : points) {
            assertValueMatches(p, 1e-12);
            assertDerivativesMatch(p, 1e-12, 1e-9, 1e-7);
        }
    }

    @Test
    void reportsConvergenceOnlyWithAValueThatMatchesQuadrature() {
        // Contract: true with log G, or false with NaN. At r = s = 0.05 with the scales 1e12 or 1e20 apart the
        // class's quadrature does not settle (when this test was written), so it must answer false and NaN
        // there; wherever it answers true the value must be the oracle's.
        double[][] points = {{0.05, 1, 0.05, 1e12, 0, 0}, {0.05, 1e20, 0.05, 1, 1, 0}, {0.05, 1, 0.05, 1e12, 1, 0}};
        for (double[] p : points) {
            double[] oracle = DropOutQuadrature.logWithDerivatives(p[0], p[1], p[2], p[3], (int) p[4], p[5]);
            double[] out = new double[1];
            boolean converged = ParetoNbdIntegral.logWithDerivatives(p[0], p[1], p[2], p[3], (int) p[4], p[5], out,
                    new double[4], new double[16]);
            if (converged) {
                assertThat(out[0]).as("log G at %s", Arrays.toString(p))
                        .isCloseTo(oracle[0], within(1e-12 * Math.max(1, Math.abs(oracle[0]))));
            } else {
                assertThat(out[0]).as("log G at %s", Arrays.toString(p)).isNaN();
            }
        }
    }

    /** Asserts that logValue at p = (r, alpha, s, beta, x, t) is the oracle's within the relative tolerance. */
    private static void assertValueMatches(double[] p, double tolerance) {
        double[] oracle = DropOutQuadrature.logWithDerivatives(p[0], p[1], p[2], p[3], (int) p[4], p[5]);
        assertThat(ParetoNbdIntegral.logValue(p[0], p[1], p[2], p[3], (int) p[4], p[5]))
                .as("log G at %s", Arrays.toString(p))
                .isCloseTo(oracle[0], within(tolerance * Math.max(1, Math.abs(oracle[0]))));
    }

    /**
     * Asserts that logWithDerivatives converges at p and gives the oracle's log G, gradient and every Hessian
     * entry (both triangles), each within its tolerance relative to max(1, |expected|).
     */
    private static void assertDerivativesMatch(double[] p, double valueTolerance, double gradientTolerance,
            double hessianTolerance) {
        double[] oracle = DropOutQuadrature.logWithDerivatives(p[0], p[1], p[2], p[3], (int) p[4], p[5]);
        double[] out = new double[1];
        double[] gradient = new double[4];
        double[] hessian = new double[16];
        assertThat(ParetoNbdIntegral.logWithDerivatives(p[0], p[1], p[2], p[3], (int) p[4], p[5], out, gradient,
                hessian)).as("converged at %s", Arrays.toString(p)).isTrue();
        assertThat(out[0]).as("log G at %s", Arrays.toString(p))
                .isCloseTo(oracle[0], within(valueTolerance * Math.max(1, Math.abs(oracle[0]))));
        for (int i = 0; i < 4; i++) {
            assertThat(gradient[i]).as("gradient %d at %s", i, Arrays.toString(p))
                    .isCloseTo(oracle[1 + i], within(gradientTolerance * Math.max(1, Math.abs(oracle[1 + i]))));
            for (int j = 0; j < 4; j++) {
                double expected = oracle[5 + 4 * i + j];
                assertThat(hessian[4 * i + j]).as("H[%d][%d] at %s", i, j, Arrays.toString(p))
                        .isCloseTo(expected, within(hessianTolerance * Math.max(1, Math.abs(expected))));
            }
        }
    }
}
