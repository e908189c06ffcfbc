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
