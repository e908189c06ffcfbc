package dev.cxm.metrics.clv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The optimiser on likelihoods whose maximum is known in closed form. Oracles, all computed in this test:
 * <ul>
 * <li>a Poisson rate: {@code log L = X log(lambda) - E lambda} is largest at {@code lambda = X / E}, where it is
 * {@code X log(X / E) - X}, with observed information {@code X / lambda^2} (standard error {@code sqrt(X) / E});
 * with the L2 penalty {@code c lambda^2} on the mean objective the maximum is the positive root of
 * {@code 2 c W lambda^2 + E lambda - X = 0} and the information {@code X / lambda^2 + 2 c W};</li>
 * <li>a likelihood quadratic in the log parameters, {@code -W/2 (theta - m)' A (theta - m)} with
 * {@code theta = log p}: its maximum is {@code p = exp(m)} with log-likelihood 0 and information
 * {@code W A_ij / (p_i p_j)} (standard errors {@code p_i sqrt((A^-1)_ii / W)}); Newton's step from any point is
 * exactly {@code m - theta}, so with steps capped at 3 in every log parameter the iterate moves 3 along the
 * line to {@code m} until it is within 3, and lands on {@code m} the step after; elsewhere the standard errors
 * are those of the natural-parameter Hessian, taken by central differences in this test;</li>
 * <li>likelihoods with no maximum ({@code -W / p}, {@code -W p}: Newton's step in {@code log p} is exactly 1,
 * so the iterate after k iterations is {@code log p = log p0 +- k}), and the class's documented rules for when
 * a parameter has run off (beyond e^7 from the start or e^15, with a standard error of its log above 3, or
 * beyond e^25 at all).</li>
 * </ul>
 * Each is given with analytic derivatives of order 2, 1 and 0 (the class takes the rest by differences), which
 * must all find the same maximum.
 */
class MaximumLikelihoodTest {

    private static final double TOLERANCE = 1e-8;

    /** A log-likelihood from its value, gradient and Hessian in the natural parameters. */
    private interface Function {
        double value(double[] p);

        double[] gradient(double[] p);

        double[][] hessian(double[] p);
    }

    /** Hands {@code function} to the optimiser with {@code order} analytic derivatives. */
    private record Likelihood(String[] names, double weight, int order, Function function, String[][] pairs)
            implements LogLikelihood {

        Likelihood(String[] names, double weight, int order, Function function) {
            this(names, weight, order, function, new String[0][]);
        }

        @Override
        public String[] parameterNames() {
            return names;
        }

        @Override
        public int analyticOrder() {
            return order;
        }

        @Override
        public double totalWeight() {
            return weight;
        }

        @Override
        public String[][] mixingPairs() {
            return pairs;
        }

        @Override
        public double[] evaluate(double[] p, int upTo) {
            assertThat(upTo).isLessThanOrEqualTo(order);
            int n = names.length;
            double[] packed = new double[Packed.size(n)];
            packed[0] = function.value(p);
            if (upTo >= 1) {
                double[] gradient = function.gradient(p);
                for (int i = 0; i < n; i++) {
                    packed[Packed.gradient(i)] = gradient[i];
                }
            }
            if (upTo >= 2) {
                double[][] hessian = function.hessian(p);
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        packed[Packed.hessian(n, i, j)] = hessian[i][j];
                    }
                }
            }
            return packed;
        }
    }

    /** {@code X log(lambda) - E lambda}. */
    private static Function poisson(double purchases, double exposure) {
        return new Function() {
            @Override
            public double value(double[] p) {
                return purchases * Math.log(p[0]) - exposure * p[0];
            }

            @Override
            public double[] gradient(double[] p) {
                return new double[] {purchases / p[0] - exposure};
            }

            @Override
            public double[][] hessian(double[] p) {
                return new double[][] {{-purchases / (p[0] * p[0])}};
            }
        };
    }

    /** {@code -W/2 (log p - m)' A (log p - m)}. */
    private static Function logQuadratic(double weight, double[] m, double[][] a) {
        return new Function() {
            private double[] ad(double[] p) {
                double[] ad = new double[m.length];
                for (int i = 0; i < m.length; i++) {
                    for (int j = 0; j < m.length; j++) {
                        ad[i] += a[i][j] * (Math.log(p[j]) - m[j]);
                    }
                }
                return ad;
            }

            @Override
            public double value(double[] p) {
                double[] ad = ad(p);
                double sum = 0;
                for (int i = 0; i < m.length; i++) {
                    sum += (Math.log(p[i]) - m[i]) * ad[i];
                }
                return -weight / 2 * sum;
            }

            @Override
            public double[] gradient(double[] p) {
                double[] ad = ad(p);
                double[] gradient = new double[m.length];
                for (int i = 0; i < m.length; i++) {
                    gradient[i] = -weight * ad[i] / p[i];
                }
                return gradient;
            }

            @Override
            public double[][] hessian(double[] p) {
                double[] ad = ad(p);
                double[][] hessian = new double[m.length][m.length];
                for (int i = 0; i < m.length; i++) {
                    for (int j = 0; j < m.length; j++) {
                        hessian[i][j] = -weight * a[i][j] / (p[i] * p[j]) + (i == j ? weight * ad[i] / (p[i] * p[i]) : 0);
                    }
                }
                return hessian;
            }
        };
    }

    private static MaximumLikelihood.Result fit(Likelihood likelihood, double[] start, int maxIterations) {
        return MaximumLikelihood.maximize(likelihood, start, 0, maxIterations, TOLERANCE);
    }

    @Test
    void findsThePoissonRateFromEveryStartWithEveryOrderOfDerivatives() {
        double purchases = 120;
        double exposure = 400;
        double rate = purchases / exposure;
        for (int order = 0; order <= 2; order++) {
            for (double start : new double[] {1e-3, 0.05, rate, 1, 50}) {
                MaximumLikelihood.Result result = fit(new Likelihood(new String[] {"lambda"}, 50, order,
                        poisson(purchases, exposure)), new double[] {start}, 100);
                String what = "order " + order + " from " + start;
                assertThat(result.converged()).as(what).isTrue();
                assertThat(result.problem()).as(what).isEmpty();
                // Within the tolerance over the curvature (2.4) of the mean objective in log lambda.
                assertThat(result.parameters()[0]).as(what).isCloseTo(rate, within(1e-8 * rate));
                assertThat(result.logLikelihood()).as(what).isCloseTo(purchases * Math.log(rate) - purchases,
                        within(1e-9));
                assertThat(result.standardErrors()).as(what).hasSize(1);
                assertThat(result.standardErrors()[0]).as(what).isCloseTo(Math.sqrt(purchases) / exposure,
                        within(1e-6 * Math.sqrt(purchases) / exposure));
                if (start == rate) {
                    assertThat(result.iterations()).as(what).isZero();
                } else {
                    assertThat(result.iterations()).as(what).isPositive();
                }
            }
        }
    }

    @Test
    void thePenalisedMaximumIsTheRootOfItsStationaryEquation() {
        double purchases = 120;
        double exposure = 400;
        double weight = 50;
        double penalty = 0.5;
        double rate = (-exposure + Math.sqrt(exposure * exposure + 8 * penalty * weight * purchases))
                / (4 * penalty * weight);
        double error = 1 / Math.sqrt(purchases / (rate * rate) + 2 * penalty * weight);
        for (int order = 0; order <= 2; order++) {
            for (double start : new double[] {0.01, 2}) {
                MaximumLikelihood.Result result = MaximumLikelihood.maximize(new Likelihood(new String[] {"lambda"},
                        weight, order, poisson(purchases, exposure)), new double[] {start}, penalty, 100, TOLERANCE);
                String what = "order " + order + " from " + start;
                assertThat(result.converged()).as(what).isTrue();
                // Within the tolerance over the curvature (about 3) of the mean objective in log lambda.
                assertThat(result.parameters()[0]).as(what).isCloseTo(rate, within(1e-8 * rate));
                // The log-likelihood is reported without the penalty (whose slope there is 2 c W lambda^2).
                assertThat(result.logLikelihood()).as(what).isCloseTo(purchases * Math.log(rate) - exposure * rate,
                        within(1e-7));
                assertThat(result.standardErrors()[0]).as(what).isCloseTo(error, within(1e-6 * error));
            }
        }
    }

    @Test
    void findsACorrelatedMaximumInTwoParametersWithItsStandardErrors() {
        double weight = 40;
        double[] m = {Math.log(2.5), Math.log(0.2)};
        double[][] a = {{2, -1.2}, {-1.2, 1.5}};
        double determinant = a[0][0] * a[1][1] - a[0][1] * a[1][0];
        double[] p = {2.5, 0.2};
        double[] errors = {p[0] * Math.sqrt(a[1][1] / determinant / weight),
                p[1] * Math.sqrt(a[0][0] / determinant / weight)};
        double[][] starts = {{1, 1}, {10, 0.05}, {0.5, 3}, {2.5, 0.2}};
        for (int order = 0; order <= 2; order++) {
            for (double[] start : starts) {
                MaximumLikelihood.Result result = fit(new Likelihood(new String[] {"a", "b"}, weight, order,
                        logQuadratic(weight, m, a)), start, 100);
                String what = "order " + order + " from " + start[0] + ", " + start[1];
                assertThat(result.converged()).as(what).isTrue();
                assertThat(result.parameters()[0]).as(what).isCloseTo(p[0], within(1e-8 * p[0]));
                assertThat(result.parameters()[1]).as(what).isCloseTo(p[1], within(1e-8 * p[1]));
                assertThat(result.logLikelihood()).as(what).isCloseTo(0, within(1e-12));
                assertThat(result.standardErrors()[0]).as(what).isCloseTo(errors[0], within(1e-6 * errors[0]));
                assertThat(result.standardErrors()[1]).as(what).isCloseTo(errors[1], within(1e-6 * errors[1]));
            }
        }
    }

    @Test
    void stepsAreCappedAtAFactorOfEThreeInEveryParameter() {
        // From log distance D in the farther parameter, Newton's exact step is capped to 3: ceil(D / 3) steps
        // reach the maximum, each accepted at once (one evaluation for the start and one per step, with
        // analytic second derivatives).
        double weight = 10;
        double[][] a = {{1, 0.3}, {0.3, 0.5}};
        double[] m = {0, 0};
        double[][] distances = {{2.5, -1}, {-6, 4}, {10, 2}, {-0.5, 13.5}};
        int[] iterations = {1, 2, 4, 5};
        for (int k = 0; k < distances.length; k++) {
            double[] start = {Math.exp(distances[k][0]), Math.exp(distances[k][1])};
            MaximumLikelihood.Result result = fit(new Likelihood(new String[] {"a", "b"}, weight, 2,
                    logQuadratic(weight, m, a)), start, 100);
            String what = "from log distance " + distances[k][0] + ", " + distances[k][1];
            assertThat(result.converged()).as(what).isTrue();
            assertThat(result.iterations()).as(what).isEqualTo(iterations[k]);
            assertThat(result.evaluations()).as(what).isEqualTo(iterations[k] + 1);
            assertThat(result.parameters()[0]).as(what).isCloseTo(1, within(1e-12));
            assertThat(result.parameters()[1]).as(what).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void aFitOutOfIterationsReportsItsLastIterate() {
        // From log distance (-10, 5) to the maximum, two capped steps go 6/10 of the way: the iterate is
        // m + 0.4 (theta0 - m), where the mean objective's gradient is 0.4 A (theta0 - m).
        double weight = 25;
        double[] m = {Math.log(3), Math.log(0.5)};
        double[][] a = {{1.5, 0.4}, {0.4, 0.8}};
        double[] d = {-10, 5};
        double[] start = {3 * Math.exp(d[0]), 0.5 * Math.exp(d[1])};
        double[] expected = {3 * Math.exp(0.4 * d[0]), 0.5 * Math.exp(0.4 * d[1])};
        double gradient = Math.max(Math.abs(0.4 * (a[0][0] * d[0] + a[0][1] * d[1])),
                Math.abs(0.4 * (a[1][0] * d[0] + a[1][1] * d[1])));
        double quadratic = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                quadratic += 0.4 * d[i] * a[i][j] * 0.4 * d[j];
            }
        }
        Function function = logQuadratic(weight, m, a);
        double[] errors = standardErrorsByDifferences(function, expected);
        for (int order = 0; order <= 2; order++) {
            MaximumLikelihood.Result result = fit(new Likelihood(new String[] {"a", "b"}, weight, order, function),
                    start, 2);
            String what = "order " + order;
            // Without analytic second derivatives the Newton direction carries the differences' rounding (the
            // objective is about 10 here, the step 1e-4: 1e-6 in each Hessian entry).
            double relative = order == 0 ? 1e-4 : 1e-6;
            assertThat(result.converged()).as(what).isFalse();
            assertThat(result.iterations()).as(what).isEqualTo(2);
            assertThat(result.parameters()[0]).as(what).isCloseTo(expected[0], within(relative * expected[0]));
            assertThat(result.parameters()[1]).as(what).isCloseTo(expected[1], within(relative * expected[1]));
            assertThat(result.logLikelihood()).as(what).isCloseTo(-weight / 2 * quadratic,
                    within(relative * weight / 2 * quadratic));
            assertThat(result.problem()).as(what).startsWith("no convergence after 2 iterations (largest gradient ")
                    .endsWith(")");
            double reported = Double.parseDouble(result.problem().substring(
                    "no convergence after 2 iterations (largest gradient ".length(), result.problem().length() - 1));
            assertThat(reported).as(what).isCloseTo(gradient, within(relative * gradient));
            assertThat(result.standardErrors()).as(what).hasSize(2);
            assertThat(result.standardErrors()[0]).as(what).isCloseTo(errors[0], within(1e-4 * errors[0]));
            assertThat(result.standardErrors()[1]).as(what).isCloseTo(errors[1], within(1e-4 * errors[1]));
        }
        // From (10, -5) instead, the same iterate's Hessian of -log L in the natural parameters is not positive
        // definite (its first diagonal entry is (A_00 - 0.4 (A d)_0) / p_0^2 < 0): no standard errors.
        MaximumLikelihood.Result indefinite = fit(new Likelihood(new String[] {"a", "b"}, weight, 2, function),
                new double[] {3 * Math.exp(10), 0.5 * Math.exp(-5)}, 2);
        assertThat(indefinite.iterations()).isEqualTo(2);
        assertThat(indefinite.parameters()[0]).isCloseTo(3 * Math.exp(4), within(1e-6 * 3 * Math.exp(4)));
        assertThat(indefinite.standardErrors()).isEmpty();
        MaximumLikelihood.Result none = fit(new Likelihood(new String[] {"a", "b"}, weight, 2, function), start, 0);
        assertThat(none.iterations()).isZero();
        assertThat(none.converged()).isFalse();
        assertThat(none.parameters()[0]).isCloseTo(start[0], within(1e-14 * start[0]));
        assertThat(none.parameters()[1]).isCloseTo(start[1], within(1e-14 * start[1]));
        assertThat(none.problem()).startsWith("no convergence after 0 iterations (largest gradient ");
    }

    /** Standard errors from the inverse of the Hessian of -log L in the natural parameters, by differences. */
    private static double[] standardErrorsByDifferences(Function function, double[] p) {
        double[][] h = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double hi = 1e-4 * p[i];
                double hj = 1e-4 * p[j];
                h[i][j] = -(function.value(shifted(p, i, hi, j, hj)) - function.value(shifted(p, i, hi, j, -hj))
                        - function.value(shifted(p, i, -hi, j, hj)) + function.value(shifted(p, i, -hi, j, -hj)))
                        / (4 * hi * hj);
            }
        }
        double determinant = h[0][0] * h[1][1] - h[0][1] * h[1][0];
        return new double[] {Math.sqrt(h[1][1] / determinant), Math.sqrt(h[0][0] / determinant)};
    }

    private static double[] shifted(double[] p, int i, double by, int j, double also) {
        double[] q = p.clone();
        q[i] += by;
        q[j] += also;
        return q;
    }
}
