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

    /** {@code function}, not finite where {@code finite} is false (outside a model's numerical range). */
    private static Function finiteWhere(Function function, java.util.function.Predicate<double[]> finite) {
        return new Function() {
            @Override
            public double value(double[] p) {
                return finite.test(p) ? function.value(p) : Double.NaN;
            }

            @Override
            public double[] gradient(double[] p) {
                return function.gradient(p);
            }

            @Override
            public double[][] hessian(double[] p) {
                return function.hessian(p);
            }
        };
    }

    /** {@code -W (sum of weights_i log p_i)^c}-like powers: {@code -W exp(-c sum_i u_i log p_i)}, no maximum. */
    private static Function unbounded(double weight, double c, double[] u) {
        return new Function() {
            private double e(double[] p) {
                double sum = 0;
                for (int i = 0; i < u.length; i++) {
                    sum += u[i] * Math.log(p[i]);
                }
                return Math.exp(-c * sum);
            }

            @Override
            public double value(double[] p) {
                return -weight * e(p);
            }

            @Override
            public double[] gradient(double[] p) {
                double[] gradient = new double[u.length];
                for (int i = 0; i < u.length; i++) {
                    gradient[i] = weight * c * u[i] * e(p) / p[i];
                }
                return gradient;
            }

            @Override
            public double[][] hessian(double[] p) {
                double[][] hessian = new double[u.length][u.length];
                for (int i = 0; i < u.length; i++) {
                    for (int j = 0; j < u.length; j++) {
                        hessian[i][j] = -weight * c * c * u[i] * u[j] * e(p) / (p[i] * p[j])
                                - (i == j ? weight * c * u[i] * e(p) / (p[i] * p[i]) : 0);
                    }
                }
                return hessian;
            }
        };
    }

    /** The sum of two functions. */
    private static Function plus(Function f, Function g) {
        return new Function() {
            @Override
            public double value(double[] p) {
                return f.value(p) + g.value(p);
            }

            @Override
            public double[] gradient(double[] p) {
                double[] a = f.gradient(p);
                double[] b = g.gradient(p);
                for (int i = 0; i < a.length; i++) {
                    a[i] += b[i];
                }
                return a;
            }

            @Override
            public double[][] hessian(double[] p) {
                double[][] a = f.hessian(p);
                double[][] b = g.hessian(p);
                for (int i = 0; i < a.length; i++) {
                    for (int j = 0; j < a.length; j++) {
                        a[i][j] += b[i][j];
                    }
                }
                return a;
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
        // reach the maximum, each accepted at once. Every point (the start and each accepted trial) costs one
        // evaluation with analytic second derivatives; with first derivatives only, one more pair per parameter
        // for the Hessian by central differences of the gradient (1 + 2n); with none, a pair per parameter for
        // the gradient, a pair per parameter for the Hessian's diagonal and four per pair of parameters for the
        // rest (1 + 4n + 2n(n - 1)).
        double weight = 10;
        double[][] a = {{1, 0.3}, {0.3, 0.5}};
        double[] m = {0, 0};
        double[][] distances = {{2.5, -1}, {-6, 4}, {10, 2}, {-0.5, 13.5}};
        int[] iterations = {1, 2, 4, 5};
        int[] perPoint = {13, 5, 1};
        for (int order = 0; order <= 2; order++) {
            for (int k = 0; k < distances.length; k++) {
                double[] start = {Math.exp(distances[k][0]), Math.exp(distances[k][1])};
                MaximumLikelihood.Result result = fit(new Likelihood(new String[] {"a", "b"}, weight, order,
                        logQuadratic(weight, m, a)), start, 100);
                String what = "order " + order + " from log distance " + distances[k][0] + ", " + distances[k][1];
                assertThat(result.converged()).as(what).isTrue();
                if (order == 2) {
                    assertThat(result.iterations()).as(what).isEqualTo(iterations[k]);
                } else {
                    // Differences carry rounding: at most one more step to reach the tolerance.
                    assertThat(result.iterations()).as(what).isBetween(iterations[k], iterations[k] + 1);
                }
                assertThat(result.evaluations()).as(what).isEqualTo((result.iterations() + 1) * perPoint[order]);
                // Within the tolerance over the smallest curvature (0.38) of the mean objective.
                assertThat(result.parameters()[0]).as(what).isCloseTo(1, within(5e-8));
                assertThat(result.parameters()[1]).as(what).isCloseTo(1, within(5e-8));
            }
        }
    }

    @Test
    void aFarParameterTheDataPinDownIsNotTakenForARunaway() {
        // a has its maximum at log a = 10 (curvature 1), b does not enter the log-likelihood at all. From
        // (1, 1) a moves 3, 3, 3, 1 (beyond e^7 from its start from the third step on) while its standard error
        // stays 1 / sqrt(W): it is no runaway. The iterate then stays at the maximum in a with b undetermined,
        // until the iterations run out.
        Likelihood partial = new Likelihood(new String[] {"a", "b"}, 10, 2,
                logQuadratic(10, new double[] {10, 0}, new double[][] {{1, 0}, {0, 0}}));
        MaximumLikelihood.Result result = fit(partial, new double[] {1, 1}, 8);
        assertThat(result.converged()).isFalse();
        assertThat(result.iterations()).isEqualTo(8);
        assertThat(result.parameters()[0]).isCloseTo(Math.exp(10), within(1e-9 * Math.exp(10)));
        assertThat(result.parameters()[1]).isCloseTo(1, within(1e-12));
        assertThat(result.problem()).startsWith("no convergence after 8 iterations (largest gradient ")
                .endsWith("; the log-likelihood is flat along a direction of b, which the data do not identify");
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

    @Test
    void aStartOutsideTheLikelihoodsRangeIsReported() {
        Likelihood bounded = new Likelihood(new String[] {"lambda"}, 50, 2,
                finiteWhere(poisson(120, 400), p -> p[0] <= 1));
        MaximumLikelihood.Result result = fit(bounded, new double[] {2}, 100);
        assertThat(result.converged()).isFalse();
        assertThat(result.problem()).isEqualTo("the log-likelihood is not finite at the starting values [2.0]");
        assertThat(result.iterations()).isZero();
        assertThat(result.parameters()[0]).isCloseTo(2, within(1e-15));
        assertThat(result.logLikelihood()).isNaN();
        assertThat(result.standardErrors()).isEmpty();
        // Inside the range the same likelihood is fitted as usual.
        assertThat(fit(bounded, new double[] {0.5}, 100).parameters()[0]).isCloseTo(0.3, within(1e-8));
    }

    @Test
    void derivativesThatAreNotFiniteAreReported() {
        Function quadratic = logQuadratic(10, new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
        Function nanHessian = new Function() {
            @Override
            public double value(double[] p) {
                return quadratic.value(p);
            }

            @Override
            public double[] gradient(double[] p) {
                return quadratic.gradient(p);
            }

            @Override
            public double[][] hessian(double[] p) {
                return new double[][] {{1, Double.NaN}, {Double.NaN, 1}};
            }
        };
        Function nanGradient = new Function() {
            @Override
            public double value(double[] p) {
                return quadratic.value(p);
            }

            @Override
            public double[] gradient(double[] p) {
                return new double[] {Double.NaN, 0};
            }

            @Override
            public double[][] hessian(double[] p) {
                return quadratic.hessian(p);
            }
        };
        for (Likelihood likelihood : new Likelihood[] {new Likelihood(new String[] {"a", "b"}, 10, 2, nanHessian),
                new Likelihood(new String[] {"a", "b"}, 10, 1, nanGradient)}) {
            MaximumLikelihood.Result result = fit(likelihood, new double[] {1, 2}, 100);
            assertThat(result.converged()).isFalse();
            assertThat(result.problem()).isEqualTo("the derivatives of the log-likelihood are not finite at a = 1.0,"
                    + " b = 2.0");
            assertThat(result.iterations()).isZero();
            assertThat(result.logLikelihood()).isCloseTo(-5 * Math.log(2) * Math.log(2), within(1e-12));
            assertThat(result.standardErrors()).isEmpty();
        }
    }

    @Test
    void aMaximumBeyondTheEdgeOfTheRangeIsApproachedButNotPassed() {
        // log L quadratic in log p with its maximum at log p = 2, but not finite beyond log p = 1: from 0.99 the
        // Newton step (to 2) must be halved 7 times before a trial is finite; each step halves the distance to
        // the edge at least, so after 3 iterations the iterate is within 0.01 / 8 of it, and in the end the line
        // search finds no finite trial that improves (the gradient there is 100 times the distance 1 to the
        // maximum: a step of 2^-40 of the Newton step is the last tried).
        Likelihood edge = new Likelihood(new String[] {"p"}, 10, 2,
                finiteWhere(logQuadratic(10, new double[] {2}, new double[][] {{100}}), p -> Math.log(p[0]) <= 1));
        MaximumLikelihood.Result three = fit(edge, new double[] {Math.exp(0.99)}, 3);
        assertThat(three.converged()).isFalse();
        assertThat(three.iterations()).isEqualTo(3);
        assertThat(three.problem()).startsWith("no convergence after 3 iterations (largest gradient ");
        assertThat(Math.log(three.parameters()[0])).isBetween(1 - 0.01 / 8, 1.0);
        MaximumLikelihood.Result end = fit(edge, new double[] {Math.exp(0.99)}, 200);
        assertThat(end.converged()).isFalse();
        assertThat(Math.log(end.parameters()[0])).isBetween(1 - 0x1p-39, 1.0);
        assertThat(end.iterations()).isBetween(4, 60);
        assertThat(end.problem()).startsWith("the line search could not improve the log-likelihood at p = "
                + (float) Math.E + " (largest gradient ");
        assertThat(end.problem()).endsWith(")");
        double gradient = Double.parseDouble(end.problem().substring(end.problem().indexOf("gradient ") + 9,
                end.problem().length() - 1));
        assertThat(gradient).isCloseTo(100, within(1e-9));
    }

    @Test
    void aValueFlatToRoundingEndsAtItsMaximumOnlyWhenTheGradientIsNearlyZero() {
        // The Poisson log-likelihood less its maximum, rounded to 1e-3 (exact derivatives): near the maximum no
        // step changes the rounded value 0, so the line search cannot improve (the objective is 0, so even the
        // tiny decrease Armijo's rule asks for is not rounded away). The start is put where the mean objective's
        // gradient is g: the point is taken as the maximum when g <= sqrt(tolerance) / 100 = 1e-6, and the
        // failure reported otherwise.
        Function exact = poisson(120, 400);
        double maximum = exact.value(new double[] {0.3});
        Function rounded = new Function() {
            @Override
            public double value(double[] p) {
                return Math.rint((exact.value(p) - maximum) * 1e3) / 1e3;
            }

            @Override
            public double[] gradient(double[] p) {
                return exact.gradient(p);
            }

            @Override
            public double[][] hessian(double[] p) {
                return exact.hessian(p);
            }
        };
        Likelihood likelihood = new Likelihood(new String[] {"lambda"}, 50, 2, rounded);
        double near = (120 + 50 * 5e-7) / 400;
        MaximumLikelihood.Result taken = fit(likelihood, new double[] {near}, 100);
        assertThat(taken.converged()).isTrue();
        assertThat(taken.iterations()).isZero();
        assertThat(taken.parameters()[0]).isCloseTo(near, within(1e-15));
        assertThat(taken.standardErrors()[0]).isCloseTo(Math.sqrt(120) / 400, within(1e-5 * Math.sqrt(120) / 400));
        double farther = (120 + 50 * 5e-6) / 400;
        MaximumLikelihood.Result refused = fit(likelihood, new double[] {farther}, 100);
        assertThat(refused.converged()).isFalse();
        assertThat(refused.iterations()).isZero();
        assertThat(refused.problem()).startsWith("the line search could not improve the log-likelihood at lambda = "
                + (float) farther + " (largest gradient ");
        double gradient = Double.parseDouble(refused.problem().substring(refused.problem().indexOf("gradient ") + 9,
                refused.problem().length() - 1));
        assertThat(gradient).isCloseTo(5e-6, within(1e-9));
    }

    @Test
    void aStationaryPointThatIsNoMaximumIsNeverTakenForOne() {
        // At a saddle (curvature 1 and -1) and where one direction has no curvature at all, started exactly
        // at the stationary point (gradient 0): no step can improve, and the iterations run out saying which
        // parameter is not identified.
        for (double curvature : new double[] {-1, 0}) {
            Likelihood saddle = new Likelihood(new String[] {"a", "b"}, 10, 2,
                    logQuadratic(10, new double[] {0, 0}, new double[][] {{1, 0}, {0, curvature}}));
            MaximumLikelihood.Result result = fit(saddle, new double[] {1, 1}, 5);
            assertThat(result.converged()).as("curvature %s", curvature).isFalse();
            assertThat(result.iterations()).as("curvature %s", curvature).isEqualTo(5);
            assertThat(result.problem()).as("curvature %s", curvature).isEqualTo("no convergence after 5 iterations"
                    + " (largest gradient 0.0); the log-likelihood is flat along a direction of b, which the data do"
                    + " not identify");
            assertThat(result.standardErrors()).as("curvature %s", curvature).isEmpty();
        }
        // Away from the saddle the note says the iterate has not reached a concave region; within 1e-4 of
        // stationarity it blames identification.
        Likelihood saddle = new Likelihood(new String[] {"a", "b"}, 10, 2,
                logQuadratic(10, new double[] {0, 0}, new double[][] {{1, 0}, {0, -1}}));
        assertThat(fit(saddle, new double[] {Math.exp(0.5), Math.exp(0.25)}, 0).problem()).isEqualTo(
                "no convergence after 0 iterations (largest gradient 0.5); the iterations ended before reaching a"
                        + " region where the log-likelihood is concave (try more iterations or other starting values)");
        assertThat(fit(saddle, new double[] {1, Math.exp(5e-5)}, 0).problem()).endsWith(
                "; the log-likelihood is flat along a direction of b, which the data do not identify");
    }

    @Test
    void aParameterRunningOffIsStoppedAndNamed() {
        // log L = -W p^-0.4 (resp. -W p^0.4) grows without bound as p -> infinity (resp. 0); Newton's step in
        // log p is exactly 2.5 (resp. -2.5), and the standard error of log p at the iterate,
        // sqrt(exp(0.4 |log p|) / (0.16 W)), is above 3 from |log p| = 5 on. From p = 1 the iterate is beyond
        // e^7 from the start after 3 steps (log p = 7.5); from e^11 beyond e^15 after 2 (log p = 16).
        for (int sign : new int[] {1, -1}) {
            Likelihood open = new Likelihood(new String[] {"p"}, 1, 2, unbounded(1, 0.4, new double[] {sign}));
            MaximumLikelihood.Result drift = fit(open, new double[] {1}, 100);
            assertThat(drift.converged()).isFalse();
            assertThat(drift.iterations()).isEqualTo(3);
            assertThat(drift.problem()).isEqualTo("the log-likelihood is flat along a direction of p (p = "
                    + (float) Math.exp(sign * 7.5) + "): the data do not identify them");
            MaximumLikelihood.Result far = fit(open, new double[] {Math.exp(sign * 11)}, 100);
            assertThat(far.iterations()).isEqualTo(2);
            assertThat(far.problem()).isEqualTo("the log-likelihood is flat along a direction of p (p = "
                    + (float) Math.exp(sign * 16) + (sign > 0 ? " (to infinity)" : " (to zero)")
                    + "): the data do not identify them");
        }
    }

    @Test
    void aParameterBeyondETwentyFiveIsStoppedEvenWhereTheLikelihoodIsCurved() {
        // Quadratic in log p with its maximum at log p = +-40 and curvature 1 (standard error of log p 0.3):
        // from +-20 the capped steps reach +-26 after 2 iterations, beyond the e^25 every parameter must stay
        // within.
        for (int sign : new int[] {1, -1}) {
            Function function = logQuadratic(10, new double[] {sign * 40}, new double[][] {{1}});
            MaximumLikelihood.Result result = fit(new Likelihood(new String[] {"p"}, 10, 2, function),
                    new double[] {Math.exp(sign * 20)}, 100);
            assertThat(result.converged()).isFalse();
            assertThat(result.iterations()).isEqualTo(2);
            assertThat(result.problem()).isEqualTo("the log-likelihood is flat along a direction of p (p = "
                    + (float) Math.exp(sign * 26) + (sign > 0 ? " (to infinity)" : " (to zero)")
                    + "): the data do not identify them");
            // With second derivatives that are not finite out there, the message says so in plainer words.
            Function undefined = new Function() {
                @Override
                public double value(double[] p) {
                    return function.value(p);
                }

                @Override
                public double[] gradient(double[] p) {
                    return function.gradient(p);
                }

                @Override
                public double[][] hessian(double[] p) {
                    return Math.abs(Math.log(p[0])) > 25 ? new double[][] {{Double.NaN}} : function.hessian(p);
                }
            };
            MaximumLikelihood.Result plain = fit(new Likelihood(new String[] {"p"}, 10, 2, undefined),
                    new double[] {Math.exp(sign * 20)}, 100);
            assertThat(plain.iterations()).isEqualTo(2);
            assertThat(plain.problem()).isEqualTo("parameter p runs off to " + (sign > 0 ? "infinity" : "zero")
                    + ": the data do not identify it");
        }
    }

    @Test
    void aShapeAndRateRunningOffTogetherAreNamedAsTheModelReadsThem() {
        // Four parameters r, alpha, s, q. In v1 = log r - log alpha - 0.5, v2 = log s - (log r + log alpha) / 4,
        // u = (log r + log alpha) / 2 and log q the log-likelihood separates: -v1^2 - v2^2 - (log q)^2 / 2
        // - exp(-+0.4 u), so Newton's step (invariant under the change of variables) sets v1 = v2 = log q = 0
        // and moves u by 2.5 (by -2.5): after k steps log r = u + 0.25, log alpha = u - 0.25, log s = u / 2 with
        // u = +-2.5 k, beyond e^7 from the start (1, 1, 1, 1) at k = 3. The flattest direction is (1, 1, 1/2, 0)
        // (normalised: r and alpha 2/3, s 1/3, q 0), so r, alpha and s move. r and alpha are declared a mixing
        // pair, read as one when both logs are above 2 and run the same way: to infinity, not to zero. The pair
        // (q, alpha) is not read, as q does not move.
        String[][] pairs = {{"r", "alpha", "no heterogeneity"}, {"q", "alpha", "never read"}};
        double[] m = {0.25, -0.25, 0, 0};
        double[][] a = new double[4][4];
        double[][] rows = {{1, -1, 0, 0}, {-0.25, -0.25, 1, 0}};
        for (double[] row : rows) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    a[i][j] += 2 * row[i] * row[j];
                }
            }
        }
        a[3][3] = 1;
        for (int sign : new int[] {1, -1}) {
            Function function = plus(logQuadratic(1, m, a), unbounded(1, 0.4, new double[] {sign * 0.5, sign * 0.5, 0, 0}));
            MaximumLikelihood.Result result = fit(new Likelihood(new String[] {"r", "alpha", "s", "q"}, 1, 2, function,
                    pairs), new double[] {1, 1, 1, 1}, 100);
            assertThat(result.converged()).isFalse();
            assertThat(result.iterations()).isEqualTo(3);
            String named = "the log-likelihood is flat along a direction of r, alpha, s (r = "
                    + (float) Math.exp(sign * 7.5 + 0.25) + ", alpha = " + (float) Math.exp(sign * 7.5 - 0.25)
                    + ", s = " + (float) Math.exp(sign * 3.75) + "): the data do not identify them";
            assertThat(result.problem()).isEqualTo(sign > 0
                    ? "r and alpha run to infinity with a fixed ratio: no heterogeneity; " + named : named);
        }
    }

    @Test
    void aMaximumTheDataDoNotPinDownIsNotAFit() {
        // Started at the maximum (gradient 0, so converged at once) of likelihoods with little information.
        // Poisson with 0.05 purchases: the standard error of log lambda is 1 / sqrt(0.05) = 4.47 > 3.
        MaximumLikelihood.Result loose = fit(new Likelihood(new String[] {"lambda"}, 1, 2, poisson(0.05, 0.1)),
                new double[] {0.5}, 100);
        assertThat(loose.converged()).isFalse();
        assertThat(loose.iterations()).isZero();
        assertThat(loose.parameters()[0]).isCloseTo(0.5, within(1e-15));
        assertThat(loose.standardErrors()[0]).isCloseTo(0.5 / Math.sqrt(0.05), within(1e-12));
        assertThat(loose.problem()).isEqualTo("the data do not identify lambda (standard error of its log "
                + (float) (1 / Math.sqrt(0.05)) + "): the log-likelihood is nearly flat there, so the estimate is not"
                + " reported as a fit");
        // The same at lambda = e^16: a parameter beyond e^15 that the data do not pin down has run off.
        double rate = Math.exp(16);
        MaximumLikelihood.Result off = fit(new Likelihood(new String[] {"lambda"}, 1, 2, poisson(0.05, 0.05 / rate)),
                new double[] {rate}, 100);
        assertThat(off.converged()).isFalse();
        assertThat(off.problem()).isEqualTo("the log-likelihood is flat along a direction of lambda (lambda = "
                + (float) rate + " (to infinity)): the data do not identify them");
        // Quadratic in log parameters with curvature 1 and 1e-2 (W = 1): standard errors of the logs 1 and 10.
        MaximumLikelihood.Result second = fit(new Likelihood(new String[] {"a", "b"}, 1, 2,
                logQuadratic(1, new double[] {0, 0}, new double[][] {{1, 0}, {0, 1e-2}})), new double[] {1, 1}, 100);
        assertThat(second.converged()).isFalse();
        assertThat(second.problem()).isEqualTo("the data do not identify b (standard error of its log 10.0): the"
                + " log-likelihood is nearly flat there, so the estimate is not reported as a fit");
        MaximumLikelihood.Result both = fit(new Likelihood(new String[] {"a", "b"}, 1, 2,
                logQuadratic(1, new double[] {0, 0}, new double[][] {{1e-2, 0}, {0, 1e-2}})), new double[] {1, 1}, 100);
        assertThat(both.problem()).isEqualTo("the data do not identify a (standard error of its log 10.0), b"
                + " (standard error of its log 10.0): the log-likelihood is nearly flat there, so the estimate is not"
                + " reported as a fit");
        // Curvature 1e-15 against 1 (still positive, so the iterations take the start as a maximum): the
        // information is singular to double precision (condition above 1e14); no standard errors.
        MaximumLikelihood.Result singular = fit(new Likelihood(new String[] {"a", "b"}, 1, 2,
                logQuadratic(1, new double[] {0, 0}, new double[][] {{1, 0}, {0, 1e-15}})), new double[] {1, 1}, 100);
        assertThat(singular.converged()).isFalse();
        assertThat(singular.standardErrors()).isEmpty();
        assertThat(singular.problem()).isEqualTo("the observed information matrix is singular or not positive"
                + " definite: the data do not identify b");
    }

    @Test
    void theDocumentedLimitsAreInclusive() {
        // "the largest gradient taken as zero": a start where the gradient is exactly the tolerance (log p = 0,
        // maximum at -1e-8, curvature 1, W = 1) is the maximum, found in 0 iterations.
        MaximumLikelihood.Result atTolerance = fit(new Likelihood(new String[] {"p"}, 1, 2,
                logQuadratic(1, new double[] {-TOLERANCE}, new double[][] {{1}})), new double[] {1}, 100);
        assertThat(atTolerance.converged()).isTrue();
        assertThat(atTolerance.iterations()).isZero();
        // "beyond e^15": at exactly e^15 (log(exp(15)) is 15 exactly) a parameter has not run off. The
        // unbounded -W p^-0.4 started there steps once (to e^17.5) before it is stopped.
        MaximumLikelihood.Result atFifteen = fit(new Likelihood(new String[] {"p"}, 1, 2,
                unbounded(1, 0.4, new double[] {1})), new double[] {Math.exp(15)}, 100);
        assertThat(atFifteen.iterations()).isEqualTo(1);
        assertThat(atFifteen.problem()).isEqualTo("the log-likelihood is flat along a direction of p (p = "
                + (float) Math.exp(17.5) + " (to infinity)): the data do not identify them");
        // A maximum at exactly e^15 that the data do not pin down (0.05 purchases) is reported as unidentified,
        // not as a run-off.
        double rate = Math.exp(15);
        MaximumLikelihood.Result looseAtFifteen = fit(new Likelihood(new String[] {"lambda"}, 1, 2,
                poisson(0.05, 0.05 / rate)), new double[] {rate}, 100);
        assertThat(looseAtFifteen.iterations()).isZero();
        assertThat(looseAtFifteen.problem()).startsWith("the data do not identify lambda (standard error of its log ");
        // The largest gradient at which flat curvature is blamed on identification: exactly 1e-4 (a saddle with
        // log b 1e-4 from its stationary value).
        Likelihood saddle = new Likelihood(new String[] {"a", "b"}, 10, 2,
                logQuadratic(10, new double[] {0, -1e-4}, new double[][] {{1, 0}, {0, -1}}));
        assertThat(fit(saddle, new double[] {1, 1}, 0).problem()).isEqualTo("no convergence after 0 iterations"
                + " (largest gradient 1.0E-4); the log-likelihood is flat along a direction of b, which the data do not"
                + " identify");
    }
}
