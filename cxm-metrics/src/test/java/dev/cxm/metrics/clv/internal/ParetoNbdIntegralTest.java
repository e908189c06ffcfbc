package dev.cxm.metrics.clv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Oracle: the drop-out integral G(t) = integral over tau from t to infinity of (alpha + tau)^-(r + x)
 * (beta + tau)^-(s + 1), its log-gradient and log-Hessian in (r, alpha, s, beta), each taken in this test by
 * tanh-sinh quadrature ({@link DropOutQuadrature}) of the integrand and its derivatives written out by hand:
 * after the substitution c + tau = (c + t) w^(-1/A), c the smaller scale, A = r + s + x, the integral runs over
 * w in (0, 1] with a bounded weight, independent of the class's hypergeometric series and of its exp-sinh
 * quadrature over log(c + tau). Points cover beta above, below and equal to alpha, shapes below and above 1,
 * frequencies 0 to 60, and z = (big - small) / (big + t) from 0 to 0.9999 (the series' slow end near 0.98, the
 * quadrature beyond), and scales 1e5 to 1e20 apart, where the quadrature needs its finer levels. Where the scales
 * are 1e12 to 1e50 apart the oracle is mpmath (a CSV table made offline, see farApartScalesSettleAtEveryShape).
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
        // beta / alpha from 1e5 to 1e20 (and the reverse): z is so near 1 that the class integrates (it settles
        // at steps 1/16 to 1/64 since the integral is split at the knee; before, at 1/128 and 1/256).
        double[][] points = {{0.05, 1, 0.05, 1e5, 0, 0}, {0.05, 1, 0.05, 1e8, 0, 0}, {0.05, 1e8, 0.05, 1, 0, 0},
                {0.05, 1, 0.05, 1e12, 1, 0}, {1.5, 1, 0.6, 1e20, 0, 3}, {0.55, 1e20, 0.6, 1, 1, 0}};
        for (double[] p : points) {
            assertValueMatches(p, 1e-12);
            assertDerivativesMatch(p, 1e-12, 1e-9, 1e-7);
        }
    }

    @Test
    void farApartScalesSettleAtEveryShape() throws IOException {
        // Oracle: src/test/resources/clv/pareto-integral-far-apart.csv, made by pareto-integral-oracle.py beside it
        // (mpmath at 120 digits: log G by the closed form with mpmath's hyp2f1, checked against mp.quad of the
        // definition; gradient and Hessian by mp.diff). 90 points with the scales 1e12, 1e20 and 1e50 apart
        // (both ways), r and s from 0.01 to 1.5, x 0 to 5, t 0 to 30: before the quadrature was split at the
        // knee it did not settle at 43 of them (false and NaN; log G = -0.4526 at r = s = 0.05, alpha = 1,
        // beta = 1e12). The class agrees to 1.4e-15 (value), 7e-14 (gradient) and 5e-11 (Hessian, whose
        // quadrature error is not what the step control measures) relative to max(1, |expected|).
        int points = 0;
        for (double[] row : readRows("/clv/pareto-integral-far-apart.csv")) {
            double[] p = Arrays.copyOf(row, 6);
            double[] out = new double[1];
            double[] gradient = new double[4];
            double[] hessian = new double[16];
            assertThat(ParetoNbdIntegral.logWithDerivatives(p[0], p[1], p[2], p[3], (int) p[4], p[5], out, gradient,
                    hessian)).as("converged at %s", Arrays.toString(p)).isTrue();
            assertThat(out[0]).as("log G at %s", Arrays.toString(p)).isCloseTo(row[6], relative(1e-13, row[6]));
            assertThat(ParetoNbdIntegral.logValue(p[0], p[1], p[2], p[3], (int) p[4], p[5]))
                    .as("logValue at %s", Arrays.toString(p)).isCloseTo(row[6], relative(1e-13, row[6]));
            for (int i = 0; i < 4; i++) {
                assertThat(gradient[i]).as("gradient %d at %s", i, Arrays.toString(p))
                        .isCloseTo(row[7 + i], relative(1e-12, row[7 + i]));
            }
            for (int i = 0; i < 16; i++) {
                assertThat(hessian[i]).as("H[%d][%d] at %s", i / 4, i % 4, Arrays.toString(p))
                        .isCloseTo(row[11 + i], relative(2e-10, row[11 + i]));
            }
            points++;
        }
        assertThat(points).isEqualTo(90);
    }

    @Test
    void reportsFailureAsFalseWithNaN() {
        // Contract: true with log G, or false with NaN. A NaN shape makes every series term and every quadrature
        // node NaN, so neither converges; the class must say so rather than return a number.
        double[] out = {0};
        assertThat(ParetoNbdIntegral.logWithDerivatives(Double.NaN, 1, 0.05, 1e12, 0, 0, out, new double[4],
                new double[16])).isFalse();
        assertThat(out[0]).isNaN();
        assertThat(ParetoNbdIntegral.logValue(0.05, 1, Double.NaN, 1e12, 0, 0)).isNaN();
    }

    private static Offset<Double> relative(double tolerance, double expected) {
        return within(tolerance * Math.max(1, Math.abs(expected)));
    }

    /** The numeric rows of a CSV test resource, skipping lines that start with '#'. */
    private static List<double[]> readRows(String resource) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = ParetoNbdIntegralTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
                }
            }
        }
        return rows;
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
