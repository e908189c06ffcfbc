package dev.cxm.metrics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShiftedBetaGeometricTest {

    // Survivor counts of the two cohorts of Fader & Hardie (2007), "How to project customer retention",
    // Journal of Interactive Marketing 21(1), Table 1, years 0..7 (the calibration period of the paper).
    private static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241};
    private static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491};

    @Test
    void reproducesThePublishedEstimatesOfBothCohorts() {
        // Expected: Fader & Hardie (2007), the sBG fits to years 0..7: regular alpha 0.704, beta 1.182;
        // high end alpha 0.668, beta 3.806.
        ShiftedBetaGeometric regular = ShiftedBetaGeometric.fit(REGULAR).model();
        ShiftedBetaGeometric highEnd = ShiftedBetaGeometric.fit(HIGH_END).model();
        assertThat(regular.alpha()).isCloseTo(0.704, within(0.0005));
        assertThat(regular.beta()).isCloseTo(1.182, within(0.0005));
        assertThat(highEnd.alpha()).isCloseTo(0.668, within(0.0005));
        assertThat(highEnd.beta()).isCloseTo(3.806, within(0.0005));
    }

    @Test
    void theFitIsAMaximumOfABruteForceLikelihood() {
        // Expected: the log-likelihood written out in this test with P(T = t) from the recursion
        // P(1) = alpha / (alpha + beta), P(t) = (beta + t - 2) / (alpha + beta + t - 1) P(t - 1) (no Beta
        // function) equals the fit's, and its numerical gradient at the fit is zero.
        for (long[] counts : List.of(REGULAR, HIGH_END)) {
            ShiftedBetaGeometricFit fit = ShiftedBetaGeometric.fit(counts);
            double a = fit.model().alpha();
            double b = fit.model().beta();
            assertThat(bruteForceLogLikelihood(a, b, counts)).isCloseTo(fit.logLikelihood(), within(1e-8));
            double h = 1e-6;
            double dA = (bruteForceLogLikelihood(a + h, b, counts) - bruteForceLogLikelihood(a - h, b, counts)) / (2 * h);
            double dB = (bruteForceLogLikelihood(a, b + h, counts) - bruteForceLogLikelihood(a, b - h, counts)) / (2 * h);
            assertThat(dA).isCloseTo(0, within(1e-3));
            assertThat(dB).isCloseTo(0, within(1e-3));
        }
    }

    @Test
    void survivalChurnAndRetentionAgreeWithTheRecursion() {
        // Expected: S(t) = 1 - sum_{u <= t} P(T = u) with P from the recursion, and r(t) = S(t) / S(t - 1).
        qt().withFixedSeed(41).withExamples(200)
                .forAll(doubles().between(0.05, 20), doubles().between(0.05, 20), integers().between(1, 200))
                .checkAssert((alpha, beta, t) -> {
                    ShiftedBetaGeometric model = ShiftedBetaGeometric.of(alpha, beta);
                    double p = alpha / (alpha + beta);
                    double survival = 1 - p;
                    for (int u = 2; u <= t; u++) {
                        p *= (beta + u - 2) / (alpha + beta + u - 1);
                        survival -= p;
                    }
                    assertThat(model.churnProbability(t)).isCloseTo(p, within(1e-12 + 1e-9 * p));
                    assertThat(model.survival(t)).isCloseTo(survival, within(1e-9));
                    assertThat(model.retentionRate(t)).isCloseTo(model.survival(t) / model.survival(t - 1),
                            within(1e-9));
                    assertThat(model.survival(t)).isBetween(0.0, model.survival(t - 1));
                });
    }

    @Test
    void discountedResidualLifetimeIsTheDiscountedSumOfConditionalSurvival() {
        // Expected: brute force, sum over t = n .. n + 20000 of S(t) / S(n - 1) / (1 + d)^(t - n), with S from
        // the Beta-function ratio computed term by term in this test.
        qt().withFixedSeed(43).withExamples(60)
                .forAll(doubles().between(0.1, 5), doubles().between(0.1, 10), integers().between(0, 20),
                        doubles().between(0.02, 0.5))
                .checkAssert((alpha, beta, renewals, d) -> {
                    ShiftedBetaGeometric model = ShiftedBetaGeometric.of(alpha, beta);
                    int n = renewals + 1;
                    double sum = 0;
                    double logStart = org.hipparchus.special.Beta.logBeta(alpha, beta + n - 1);
                    for (int t = n; t <= n + 20_000; t++) {
                        double ratio = Math.exp(org.hipparchus.special.Beta.logBeta(alpha, beta + t) - logStart);
                        sum += ratio / Math.pow(1 + d, t - n);
                    }
                    assertThat(model.discountedExpectedResidualLifetime(renewals, d)).isCloseTo(sum, within(1e-8 * sum));
                });
    }

    @Test
    void discountedResidualLifetimeConvergesForSmallDiscountRates() {
        // Expected: mpmath 1.3.0, hyp2f1 at 30 digits (mpmath-oracles.py beside r-survival-oracles.R):
        // (beta + n - 1) / (alpha + beta + n - 1) 2F1(1, beta + n; alpha + beta + n; 1 / (1 + d)). The first case
        // is the review's: a ten-million-term series gave 6274.9 there.
        double[][] cases = {
            {0.5, 2, 0, 1e-7, 7446.9434338296597922},
            {0.5, 2, 0, 1e-4, 231.68934187475867477},
            {0.668, 3.806, 4, 1e-6, 1004.0423401789974629},
            {2.5, 0.3, 0, 1e-8, 0.19999999480132426023},
            {3, 50, 9, 1e-6, 29.498230986440838502},
            {0.05, 0.1, 0, 1e-5, 37924.678836231597721},
            {0.704, 1.182, 2, 0.1, 4.8701373665342029337},
        };
        for (double[] c : cases) {
            double derl = ShiftedBetaGeometric.of(c[0], c[1]).discountedExpectedResidualLifetime((int) c[2], c[3]);
            assertThat(derl).as("alpha %s beta %s renewals %s d %s", c[0], c[1], c[2], c[3])
                    .isCloseTo(c[4], within(1e-10 * c[4]));
        }
    }

    @Test
    void discountedResidualLifetimeMatchesTheClosedFormOfUniformChurnProbabilities() {
        // Expected: closed form. With alpha = beta = 1 and no renewal, theta is uniform on (0, 1) and
        // DERL = E[(1 - theta)(1 + d) / (d + theta)] = (1 + d)((1 + d) ln((1 + d) / d) - 1).
        for (double d : new double[] {1e-9, 1e-7, 1e-4, 1e-2, 0.1, 0.5, 3}) {
            double expected = (1 + d) * ((1 + d) * Math.log1p(1 / d) - 1);
            assertThat(ShiftedBetaGeometric.of(1, 1).discountedExpectedResidualLifetime(0, d)).as("d %s", d)
                    .isCloseTo(expected, within(1e-11 * expected));
        }
    }

    @Test
    void refusesOnePeriodAndCountsWithoutHeterogeneity() {
        // Expected: one period's likelihood, 999 ln S(1) + ln P(1), depends on alpha / (alpha + beta) only (closed
        // form), so alpha and beta are not identified. For 1000, 900, 810, 729, 656, 590, R's profile
        // log-likelihood (r-survival-oracles.R, sBG section) rises with alpha + beta towards the geometric
        // model's -1332.31305 (theta 0.1001221) and has no maximum; the fit used to return alpha ~7.7e5,
        // beta ~6.9e6.
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(1000, 999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("survivors: 2 counts cover one period");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(1000, 900, 810, 729, 656, 590))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("survivors: the counts show no heterogeneity: a constant churn probability of"
                        + " 0.1001 per period fits them as well as any sBG model (log-likelihood -1332.3130");
        // Closed form: with churn in period 1 only, a share p = 500 / 1000 leaving at once and the rest never
        // (alpha + beta -> 0, the two-point limit) has likelihood 1000 ln 0.5, above any sBG model, which gives
        // later periods a positive churn probability. The fit used to return alpha and beta of about 6e-10.
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(1000, 500, 500, 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("survivors: every churn happened in period 1 and none after");
    }

    @Test
    void projectsTheFittedCohortBeyondTheData() {
        // Expected: the projection is n0 S(t) (closed form); it starts at the cohort size, falls, and its
        // retention rates rise (the sBG's defining property: the churn-prone leave first).
        ShiftedBetaGeometricFit fit = ShiftedBetaGeometric.fit(HIGH_END);
        List<Double> projection = fit.projectSurvivors(12);
        assertThat(projection).hasSize(13);
        assertThat(projection.get(0)).isEqualTo(1000.0);
        for (int t = 1; t <= 12; t++) {
            assertThat(projection.get(t)).isCloseTo(1000 * fit.model().survival(t), within(1e-9));
            assertThat(projection.get(t)).isLessThan(projection.get(t - 1));
            if (t > 1) {
                assertThat(fit.model().retentionRate(t)).isGreaterThan(fit.model().retentionRate(t - 1));
            }
        }
    }

    @Test
    void rejectsCountsThatCannotBeSurvivors() {
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(1000))
                .hasMessageStartingWith("survivors: 1 counts");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(1000, 900, 950))
                .hasMessageStartingWith("survivors: 950 after 2 periods breaks");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(0, 0))
                .hasMessageStartingWith("survivors: the cohort size 0 is not positive");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(100, 100, 100))
                .hasMessageStartingWith("survivors: nobody churned");
        assertThatThrownBy(() -> ShiftedBetaGeometric.of(-1, 1))
                .hasMessage("alpha: -1.0 is not a positive finite number");
    }

    @Test
    void aFitRecordHoldsSurvivorCountsOnly() {
        // Expected: the record's rule is the fit's rule for counts: a positive cohort size, then non-increasing.
        ShiftedBetaGeometric model = ShiftedBetaGeometric.of(1, 1);
        assertThatThrownBy(() -> new ShiftedBetaGeometricFit(model, -1, List.of()))
                .hasMessageStartingWith("survivors: 0 counts");
        assertThatThrownBy(() -> new ShiftedBetaGeometricFit(model, -1, List.of(10L, 11L)))
                .hasMessageStartingWith("survivors: 11 after 1 periods breaks");
    }

    private static double bruteForceLogLikelihood(double a, double b, long[] n) {
        double ll = 0;
        double p = a / (a + b);
        double survival = 1;
        for (int t = 1; t < n.length; t++) {
            if (t > 1) {
                p *= (b + t - 2) / (a + b + t - 1);
            }
            survival -= p;
            ll += (n[t - 1] - n[t]) * Math.log(p);
        }
        return ll + n[n.length - 1] * Math.log(survival);
    }
}
