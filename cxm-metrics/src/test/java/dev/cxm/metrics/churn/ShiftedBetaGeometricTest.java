package dev.cxm.metrics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.stats.ModelFit;

class ShiftedBetaGeometricTest {

    private static final ShiftedBetaGeometric SBG = ShiftedBetaGeometric.ofDefaults();

    // Survivor counts of the two cohorts of Fader & Hardie (2007), "How to project customer retention",
    // Journal of Interactive Marketing 21(1), Table 1, years 0..7 (the calibration period of the paper).
    private static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241};
    private static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491};

    @Test
    void reproducesThePublishedEstimatesOfBothCohorts() {
        // Expected: Fader & Hardie (2007), the sBG fits to years 0..7: regular alpha 0.704, beta 1.182;
        // high end alpha 0.668, beta 3.806.
        ShiftedBetaGeometricModel regular = SBG.fit(REGULAR).requireModel();
        ShiftedBetaGeometricModel highEnd = SBG.fit(HIGH_END).requireModel();
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
            ModelFit<ShiftedBetaGeometricModel> fit = SBG.fit(counts);
            double a = fit.requireModel().alpha();
            double b = fit.requireModel().beta();
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
                    ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.of(alpha, beta);
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
                    ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.of(alpha, beta);
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
            double derl = ShiftedBetaGeometricModel.of(c[0], c[1]).discountedExpectedResidualLifetime((int) c[2], c[3]);
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
            assertThat(ShiftedBetaGeometricModel.of(1, 1).discountedExpectedResidualLifetime(0, d)).as("d %s", d)
                    .isCloseTo(expected, within(1e-11 * expected));
        }
    }

    @Test
    void countsThatCannotIdentifyTheModelGiveANonConvergedFitThatSaysWhy() {
        // Expected: one period's likelihood, 999 ln S(1) + ln P(1), depends on alpha / (alpha + beta) only (closed
        // form), so alpha and beta are not identified; its supremum is the geometric model's 999 ln 0.999 +
        // ln 0.001. For 1000, 900, 810, 729, 656, 590, R's profile log-likelihood (r-survival-oracles.R, sBG
        // section) rises with alpha + beta towards the geometric model's -1332.31305 (theta 0.1001221) and has no
        // maximum; the fit used to return alpha ~7.7e5, beta ~6.9e6.
        ModelFit<ShiftedBetaGeometricModel> onePeriod = SBG.fit(1000, 999);
        assertUnidentified(onePeriod, "survivors: 2 counts cover one period");
        assertThat(onePeriod.logLikelihood()).isCloseTo(999 * Math.log(0.999) + Math.log(0.001), within(1e-9));
        ModelFit<ShiftedBetaGeometricModel> homogeneous = SBG.fit(1000, 900, 810, 729, 656, 590);
        assertUnidentified(homogeneous, "survivors: the counts show no heterogeneity: a constant churn probability of"
                + " 0.1001 per period fits them as well as any sBG model (log-likelihood -1332.3130");
        assertThat(homogeneous.logLikelihood()).isCloseTo(-1332.31305, within(0.5e-5));
        assertThat(homogeneous.diagnostics().get(ShiftedBetaGeometric.GEOMETRIC_LOG_LIKELIHOOD))
                .isCloseTo(-1332.31305, within(0.5e-5));
        // Closed form: with churn in period 1 only, a share p = 500 / 1000 leaving at once and the rest never
        // (alpha + beta -> 0, the two-point limit) has likelihood 1000 ln 0.5, above any sBG model, which gives
        // later periods a positive churn probability. The fit used to return alpha and beta of about 6e-10.
        ModelFit<ShiftedBetaGeometricModel> periodOne = SBG.fit(1000, 500, 500, 500);
        assertUnidentified(periodOne, "survivors: every churn happened in period 1 and none after");
        assertThat(periodOne.logLikelihood()).isCloseTo(1000 * Math.log(0.5), within(1e-9));
        // Closed form: without churn the likelihood S(T)^n0 rises to 1 as alpha falls to 0; no maximum.
        ModelFit<ShiftedBetaGeometricModel> noChurn = SBG.fit(100, 100, 100);
        assertUnidentified(noChurn, "survivors: nobody churned");
        assertThat(noChurn.logLikelihood()).isZero();
    }

    @Test
    void projectsTheFittedCohortBeyondTheData() {
        // Expected: the projection is n0 S(t) (closed form); it starts at the cohort size, falls, and its
        // retention rates rise (the sBG's defining property: the churn-prone leave first).
        ShiftedBetaGeometricModel model = SBG.fit(HIGH_END).requireModel();
        List<Double> projection = model.projectSurvivors(HIGH_END[0], 12);
        assertThat(projection).hasSize(13);
        assertThat(projection.get(0)).isEqualTo(1000.0);
        for (int t = 1; t <= 12; t++) {
            assertThat(projection.get(t)).isCloseTo(1000 * model.survival(t), within(1e-9));
            assertThat(projection.get(t)).isLessThan(projection.get(t - 1));
            if (t > 1) {
                assertThat(model.retentionRate(t)).isGreaterThan(model.retentionRate(t - 1));
            }
        }
    }

    @Test
    void rejectsCountsThatCannotBeSurvivors() {
        // Expected: malformed input (not survivor counts) is refused outright, naming the rule.
        assertThatThrownBy(() -> SBG.fit(1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("survivors: 1 counts");
        assertThatThrownBy(() -> SBG.fit(1000, 900, 950))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("survivors: 950 after 2 periods breaks");
        assertThatThrownBy(() -> SBG.fit(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("survivors: the cohort size 0 is not positive");
        assertThatThrownBy(() -> SBG.fit(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("survivors: 0 counts");
        assertThatThrownBy(() -> SBG.fit(1000, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("survivors: -1 after 1 periods breaks");
        assertThatThrownBy(() -> ShiftedBetaGeometricModel.of(-1, 1))
                .hasMessage("alpha: -1.0 is not a positive finite number");
    }

    @Test
    void theFitCarriesParametersStandardErrorsAndTheLogLikelihood() {
        // Expected: the parameters are the published estimates (Fader & Hardie 2007, as above); the standard
        // errors are the square roots of the diagonal of the inverse of minus the Hessian of the brute-force
        // recursion likelihood of this test, by central second differences (accurate to about 1e-5 relative).
        ModelFit<ShiftedBetaGeometricModel> fit = SBG.fit(HIGH_END);
        assertThat(fit.converged()).isTrue();
        assertThat(fit.name()).isEqualTo("sbg");
        assertThat(fit.problem()).isEmpty();
        assertThat(fit.parameters().keySet()).containsExactly("alpha", "beta");
        assertThat(fit.parameters().get("alpha")).isCloseTo(0.668, within(0.0005));
        assertThat(fit.parameters().get("beta")).isCloseTo(3.806, within(0.0005));
        assertThat(fit.iterations()).isPositive();
        double a = fit.parameters().get("alpha");
        double b = fit.parameters().get("beta");
        assertThat(fit.logLikelihood()).isCloseTo(bruteForceLogLikelihood(a, b, HIGH_END), within(1e-8));
        double h = 1e-4;
        double faa = (bruteForceLogLikelihood(a + h, b, HIGH_END) - 2 * bruteForceLogLikelihood(a, b, HIGH_END)
                + bruteForceLogLikelihood(a - h, b, HIGH_END)) / (h * h);
        double fbb = (bruteForceLogLikelihood(a, b + h, HIGH_END) - 2 * bruteForceLogLikelihood(a, b, HIGH_END)
                + bruteForceLogLikelihood(a, b - h, HIGH_END)) / (h * h);
        double fab = (bruteForceLogLikelihood(a + h, b + h, HIGH_END) - bruteForceLogLikelihood(a + h, b - h, HIGH_END)
                - bruteForceLogLikelihood(a - h, b + h, HIGH_END) + bruteForceLogLikelihood(a - h, b - h, HIGH_END))
                / (4 * h * h);
        double determinant = faa * fbb - fab * fab;
        double seAlpha = Math.sqrt(-fbb / determinant);
        double seBeta = Math.sqrt(-faa / determinant);
        assertThat(fit.standardErrors().get("alpha")).isCloseTo(seAlpha, within(1e-4 * seAlpha));
        assertThat(fit.standardErrors().get("beta")).isCloseTo(seBeta, within(1e-4 * seBeta));
    }

    @Test
    void aFitThatRunsOutOfEvaluationsSaysSoInsteadOfThrowing() {
        // Expected: Nelder-Mead on two parameters from (0, 0), with steps of 0.2, needs many more than 10
        // evaluations to reach (ln 0.668, ln 3.806) = (-0.40, 1.34) (the default fit takes over 100 iterations
        // of at least one evaluation each, asserted first); at a limit of 10 the fit is not converged and names
        // the limit.
        assertThat(SBG.fit(HIGH_END).iterations()).isGreaterThan(100);
        ModelFit<ShiftedBetaGeometricModel> fit = ShiftedBetaGeometric.custom().maxEvaluations(10).build().fit(HIGH_END);
        assertThat(fit.converged()).isFalse();
        assertThat(fit.model()).isEmpty();
        assertThat(fit.problem().orElseThrow()).contains("within 10 evaluations");
    }

    @Test
    void theBuilderRejectsEachBadValueAtOnceAndConfigurationsCompareByValue() {
        // Expected: the configuration idiom: each setter refuses at once naming the field, value and rule; equal
        // settings are equal configurations; from(base) starts from base's settings.
        assertThatThrownBy(() -> ShiftedBetaGeometric.custom().maxEvaluations(9))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxEvaluations: 9 is below 10");
        for (double tolerance : new double[] {0, -1, 0.01, Double.NaN}) {
            assertThatThrownBy(() -> ShiftedBetaGeometric.custom().tolerance(tolerance))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tolerance: " + tolerance + " is outside (0, 0.001]");
        }
        ShiftedBetaGeometric loose = ShiftedBetaGeometric.custom().maxEvaluations(500).tolerance(1e-8).build();
        assertThat(ShiftedBetaGeometric.custom().build()).isEqualTo(SBG).hasSameHashCodeAs(SBG);
        assertThat(ShiftedBetaGeometric.from(loose).build()).isEqualTo(loose).hasSameHashCodeAs(loose);
        assertThat(ShiftedBetaGeometric.from(loose).maxEvaluations(20_000).tolerance(1e-13).build()).isEqualTo(SBG);
        assertThat(loose).isNotEqualTo(SBG);
        assertThat(loose.maxEvaluations()).isEqualTo(500);
        assertThat(loose.tolerance()).isEqualTo(1e-8);
        assertThat(SBG).hasToString("ShiftedBetaGeometric[maxEvaluations=20000, tolerance=1.0E-13]");
    }

    private static void assertUnidentified(ModelFit<ShiftedBetaGeometricModel> fit, String problemStart) {
        assertThat(fit.converged()).isFalse();
        assertThat(fit.model()).isEmpty();
        assertThat(fit.standardErrors()).isEmpty();
        assertThat(fit.problem()).hasValueSatisfying(problem -> assertThat(problem).startsWith(problemStart));
        assertThatThrownBy(fit::requireModel).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(problemStart);
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
