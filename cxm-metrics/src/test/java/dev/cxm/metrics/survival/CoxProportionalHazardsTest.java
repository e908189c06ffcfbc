package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import dev.cxm.metrics.stats.ModelFit;

class CoxProportionalHazardsTest {

    private static final List<String> ROSSI_COVARIATES = List.of("fin", "age", "race", "wexp", "mar", "paro", "prio");

    @Test
    void reproducesRsCoefficientsAndStandardErrorsOnRossiToSixDecimals() {
        // Expected: R's survival package, coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio,
        // data = rossi) with Efron ties (the default), as published in the lifelines tests and R's documentation
        // of the Rossi data; confirmed with R survival 3.5-3 (see data/r-survival-oracles.R).
        CoxModel model = fitted(TestData.rossi());
        double[] coef = {-0.379422, -0.057438, 0.313900, -0.149796, -0.433704, -0.084871, 0.091497};
        double[] se = {0.191379, 0.021999, 0.307993, 0.212224, 0.381868, 0.195757, 0.028649};
        assertThat(model.covariateNames()).isEqualTo(ROSSI_COVARIATES);
        for (int j = 0; j < coef.length; j++) {
            CoxCoefficient c = model.coefficients().get(j);
            assertThat(c.coef()).as("coef of %s", c.name()).isCloseTo(coef[j], within(0.5e-6));
            assertThat(c.standardError()).as("se of %s", c.name()).isCloseTo(se[j], within(0.5e-6));
            assertThat(c.hazardRatio()).isEqualTo(Math.exp(c.coef()));
            assertThat(c.z()).isEqualTo(c.coef() / c.standardError());
        }
    }

    @Test
    void reproducesRsLikelihoodRatioTestAndConcordanceOnRossi() {
        // Expected: R's summary of the same fit: log partial likelihood -658.75 (null -675.38), likelihood-ratio
        // test 33.27 on 7 df, p = 2.36e-05, concordance 0.640.
        CoxModel model = fitted(TestData.rossi());
        assertThat(model.logPartialLikelihood()).isCloseTo(-658.75, within(0.005));
        assertThat(model.nullLogPartialLikelihood()).isCloseTo(-675.38, within(0.005));
        assertThat(model.likelihoodRatioTest().statistic()).isCloseTo(33.27, within(0.005));
        assertThat(model.likelihoodRatioTest().degreesOfFreedom()).isEqualTo(7);
        assertThat(model.likelihoodRatioTest().pValue()).isCloseTo(2.36e-5, within(0.005e-5));
        assertThat(model.concordance()).isCloseTo(0.640, within(0.0005));
        assertThat(model.subjects()).isEqualTo(432);
        assertThat(model.events()).isEqualTo(114);
    }

    @Test
    void reproducesRsWaldPValuesAndHazardRatioIntervalsOnRossi() {
        // Expected: R's summary of the same fit: Pr(>|z|) of fin 0.0474161, prio 0.0014042; the 95% interval of
        // exp(coef) for fin 0.4702367..0.9956841 and for prio 1.0359791..1.1591039.
        CoxModel model = fitted(TestData.rossi());
        assertThat(model.coefficient("fin").pValue()).isCloseTo(0.0474161, within(0.5e-7));
        assertThat(model.coefficient("prio").pValue()).isCloseTo(0.0014042, within(0.5e-7));
        assertThat(model.coefficient("fin").hazardRatioInterval().lower()).isCloseTo(0.4702367, within(1e-6));
        assertThat(model.coefficient("fin").hazardRatioInterval().upper()).isCloseTo(0.9956841, within(1e-6));
        assertThat(model.coefficient("prio").hazardRatioInterval().lower()).isCloseTo(1.0359791, within(1e-6));
        assertThat(model.coefficient("prio").hazardRatioInterval().upper()).isCloseTo(1.1591039, within(1e-6));
    }

    @Test
    void theEstimateMaximisesABruteForceEfronPartialLikelihood() {
        // Expected: Efron's partial likelihood written out directly from its definition in this test (risk sets
        // by scanning every row): its value at the estimate equals the model's, and its numerical gradient
        // there is zero.
        SurvivalData data = TestData.rossi();
        CoxModel model = fitted(data);
        double[] beta = model.coefficients().stream().mapToDouble(CoxCoefficient::coef).toArray();
        assertThat(bruteForceLogLikelihood(data, beta, true)).isCloseTo(model.logPartialLikelihood(), within(1e-9));
        double[] gradient = numericalGradient(data, beta, true);
        for (int j = 0; j < beta.length; j++) {
            assertThat(gradient[j]).as("d ll / d %s", ROSSI_COVARIATES.get(j)).isCloseTo(0, within(1e-4));
        }
    }

    @Test
    void standardErrorsAreTheInverseOfTheNumericalHessian() {
        // Expected: the covariance is minus the inverse Hessian of the brute-force log-likelihood, by central
        // second differences in this test (accurate to about 1e-5 relative).
        SurvivalData data = TestData.rossi();
        CoxModel model = fitted(data);
        double[] beta = model.coefficients().stream().mapToDouble(CoxCoefficient::coef).toArray();
        int p = beta.length;
        double h = 1e-3;
        double[][] hessian = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                hessian[j][k] = -(bruteForceLogLikelihood(data, shift(beta, j, h, k, h), true)
                        - bruteForceLogLikelihood(data, shift(beta, j, h, k, -h), true)
                        - bruteForceLogLikelihood(data, shift(beta, j, -h, k, h), true)
                        + bruteForceLogLikelihood(data, shift(beta, j, -h, k, -h), true)) / (4 * h * h);
            }
        }
        RealMatrix covariance = MatrixUtils.inverse(MatrixUtils.createRealMatrix(hessian));
        for (int j = 0; j < p; j++) {
            assertThat(model.coefficients().get(j).standardError())
                    .isCloseTo(Math.sqrt(covariance.getEntry(j, j)), within(1e-4 * Math.sqrt(covariance.getEntry(j, j))));
        }
    }

    @Test
    void breslowTiesMaximiseTheBreslowLikelihood() {
        // Expected: R's coxph(..., ties = "breslow") on Rossi (r-survival-oracles.R): fin -0.37902188743
        // (se 0.19136442586), prio 0.09111154209 (se 0.02863125296), log partial likelihood -659.120605677,
        // null -675.683389417; and the brute-force Breslow partial likelihood (every tied churn sees the whole
        // risk set) written out in this test equals the fit's and has a zero gradient at the estimate.
        SurvivalData data = TestData.rossi();
        CoxModel model = CoxProportionalHazards.custom().ties(TieMethod.BRESLOW).build().fit(data).requireModel();
        assertThat(model.coefficient("fin").coef()).isCloseTo(-0.37902188743, within(1e-6));
        assertThat(model.coefficient("fin").standardError()).isCloseTo(0.19136442586, within(1e-6));
        assertThat(model.coefficient("prio").coef()).isCloseTo(0.09111154209, within(1e-6));
        assertThat(model.coefficient("prio").standardError()).isCloseTo(0.02863125296, within(1e-6));
        assertThat(model.logPartialLikelihood()).isCloseTo(-659.120605677, within(1e-6));
        assertThat(model.nullLogPartialLikelihood()).isCloseTo(-675.683389417, within(1e-6));
        double[] beta = model.coefficients().stream().mapToDouble(CoxCoefficient::coef).toArray();
        assertThat(bruteForceLogLikelihood(data, beta, false)).isCloseTo(model.logPartialLikelihood(), within(1e-9));
        double[] gradient = numericalGradient(data, beta, false);
        for (double g : gradient) {
            assertThat(g).isCloseTo(0, within(1e-4));
        }
    }

    @Test
    void concordanceMatchesABruteForcePairCount() {
        // Expected: Harrell's C counted over every pair in this test (O(n^2)): a pair is comparable when one
        // subject churned at t and the other lasted beyond t or was censored at t; ties in the predictor count
        // one half (R's definition; on Rossi it gives 27242 concordant, 15291 discordant, 49 tied).
        SurvivalData data = TestData.rossi();
        CoxModel model = fitted(data);
        double[] eta = new double[data.size()];
        for (int row = 1; row <= data.size(); row++) {
            int r = row;
            eta[row - 1] = model.linearPredictor(ROSSI_COVARIATES.stream().mapToDouble(n -> data.covariate(r, n)).toArray());
        }
        assertThat(model.concordance()).isCloseTo(bruteForceConcordance(data, eta), within(1e-12));
        assertThat(bruteForceConcordance(data, eta)).isCloseTo(27266.5 / 42582, within(1e-12));
    }

    @Test
    void predictsTheSurvivalCurveOfACovariateVector() {
        // Expected: S(t | x) = exp(-H0(t) exp((x - mean)' beta)) with Efron's baseline hazard computed by brute
        // force in this test; and R survival 3.5-3, survfit(fit, newdata = (fin 1, age 25, race 1, wexp 0,
        // mar 0, paro 1, prio 2)): S(10) = 0.9747542055, S(20) = 0.9307719448, S(52) = 0.7905055206.
        SurvivalData data = TestData.rossi();
        CoxModel model = fitted(data);
        double[] x = {1, 25, 1, 0, 0, 1, 2};
        PredictedSurvival curve = model.predictSurvival(x);
        assertThat(curve.at(10)).isCloseTo(0.9747542055, within(1e-6));
        assertThat(curve.at(20)).isCloseTo(0.9307719448, within(1e-6));
        assertThat(curve.at(52)).isCloseTo(0.7905055206, within(1e-6));
        assertThat(curve.at(0.5)).isEqualTo(1.0);
        double[] beta = model.coefficients().stream().mapToDouble(CoxCoefficient::coef).toArray();
        for (double t : new double[] {1, 7, 30, 52}) {
            assertThat(curve.at(t)).isCloseTo(bruteForceSurvival(data, beta, x, t), within(1e-12));
        }
    }

    @Test
    void permutingSubjectsChangesNothing() {
        // Expected: the fit depends on the multiset of subjects only; a shuffled copy gives the same coefficients
        // (or also does not converge).
        qt().withFixedSeed(17).withExamples(60).forAll(RandomSubjects.specs()).checkAssert(spec -> {
            SurvivalData data = RandomSubjects.generate(spec.seed(), 30 + spec.size(), 1, 2);
            SurvivalData shuffled = RandomSubjects.shuffled(data, spec.seed() + 1);
            ModelFit<CoxModel> originalFit = CoxProportionalHazards.ofDefaults().fit(data);
            ModelFit<CoxModel> permutedFit = CoxProportionalHazards.ofDefaults().fit(shuffled);
            assertThat(permutedFit.converged()).isEqualTo(originalFit.converged());
            if (!originalFit.converged()) {
                return;
            }
            CoxModel original = originalFit.requireModel();
            CoxModel permuted = permutedFit.requireModel();
            for (int j = 0; j < 2; j++) {
                assertThat(permuted.coefficients().get(j).coef())
                        .isCloseTo(original.coefficients().get(j).coef(), within(1e-8));
            }
            assertThat(permuted.concordance()).isEqualTo(original.concordance());
        });
    }

    @Test
    void namesAConstantCovariate() {
        // Expected: a constant covariate's coefficient is not identified (closed form: the partial likelihood
        // does not depend on it), so the fit does not converge and names it.
        SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS, "plan", "seats")
                .add(3, true, "all", 1, 5).add(5, false, "all", 0, 5).add(7, true, "all", 1, 5).add(9, true, "all", 0, 5)
                .build();
        assertNotConverged(CoxProportionalHazards.ofDefaults().fit(data),
                "covariate seats: every subject has the value 5.0");
        // 0.1 does not centre to exact zeros (the mean of eleven 0.1s is not 0.1 in binary), yet is constant.
        SurvivalData.Builder tenths = SurvivalData.builder(ChronoUnit.DAYS, "plan", "rate");
        for (int i = 0; i < 11; i++) {
            tenths.add(1 + i, i % 3 != 0, "all", i % 2, 0.1);
        }
        assertNotConverged(CoxProportionalHazards.ofDefaults().fit(tenths.build()),
                "covariate rate: every subject has the value 0.1");
    }

    @Test
    void namesACollinearCovariate() {
        // seats = 2 plan + 1 for every subject: only two of the three coefficients are identified.
        SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS, "plan", "tickets", "seats")
                .add(3, true, "all", 1, 4, 3).add(5, false, "all", 0, 2, 1).add(7, true, "all", 1, 7, 3)
                .add(9, true, "all", 0, 1, 1).add(11, true, "all", 1, 0, 3)
                .build();
        assertNotConverged(CoxProportionalHazards.ofDefaults().fit(data),
                "covariate seats: it is a linear combination of [plan, tickets]");
    }

    @Test
    void namesACovariateThatSeparatesTheChurned() {
        // Every subject with plan 1 churns before any with plan 0: the likelihood grows without bound in plan.
        SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS, "plan", "tickets")
                .add(1, true, "all", 1, 3).add(2, true, "all", 1, 1).add(3, true, "all", 1, 2)
                .add(4, true, "all", 0, 2).add(5, false, "all", 0, 1).add(6, true, "all", 0, 3)
                .build();
        ModelFit<CoxModel> fit = CoxProportionalHazards.ofDefaults().fit(data);
        assertThat(fit.converged()).isFalse();
        assertThat(fit.model()).isEmpty();
        assertThat(fit.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("plan"));
    }

    @Test
    void separatedDataGiveANonConvergedFitBecauseThePartialLikelihoodHasNoMaximum() {
        // Expected: closed form. The three subjects with plan 1 churn at days 1, 2, 3, before any of plan 0
        // (churn at 4, censored at 5, churn at 6). With b the coefficient, the partial likelihood is
        // e^b/(3e^b + 3) * e^b/(2e^b + 3) * e^b/(e^b + 3) * 1/3 * 1, each factor strictly increasing in b, so it has
        // no maximum: it rises towards its supremum (1/3)(1/2)(1)(1/3) = 1/18 as b grows without bound. A fit
        // can therefore not converge; it must say so (not throw), naming plan, with the last iterate far out.
        SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS, "plan")
                .add(1, true, "all", 1).add(2, true, "all", 1).add(3, true, "all", 1)
                .add(4, true, "all", 0).add(5, false, "all", 0).add(6, true, "all", 0)
                .build();
        ModelFit<CoxModel> fit = CoxProportionalHazards.ofDefaults().fit(data);
        assertThat(fit.converged()).isFalse();
        assertThat(fit.model()).isEmpty();
        assertThat(fit.name()).isEqualTo("cox");
        assertThat(fit.problem().orElseThrow()).contains("plan");
        assertThat(fit.standardErrors()).isEmpty();
        double supremum = -Math.log(18);
        assertThat(fit.logLikelihood()).isLessThan(supremum).isGreaterThan(supremum - 1e-3);
        double last = fit.parameters().get("plan");
        assertThat(last).isGreaterThan(5);
        // Still rising beyond the last iterate, by the brute-force likelihood of this test, and still below 1/18.
        double at = bruteForceLogLikelihood(data, new double[] {last}, true);
        double further = bruteForceLogLikelihood(data, new double[] {last + 1}, true);
        assertThat(further).isGreaterThan(at).isLessThan(supremum);
        double closedForm = 3 * last - Math.log(3 * Math.exp(last) + 3) - Math.log(2 * Math.exp(last) + 3)
                - Math.log(Math.exp(last) + 3) - Math.log(3);
        assertThat(at).isCloseTo(closedForm, within(1e-9));
    }

    @Test
    void aFitStoppedAtTheIterationLimitSaysSoInsteadOfThrowing() {
        // Expected: the converged fit on Rossi takes more than one Newton step (asserted first), so with a limit
        // of one the fit is not converged, names the limit, and gives the last iterate for diagnosis. Its log
        // partial likelihood lies between R's null model's (-675.38) and R's optimum (-658.75), by the
        // step-halving rule (the likelihood never falls).
        assertThat(CoxProportionalHazards.ofDefaults().fit(TestData.rossi()).iterations()).isGreaterThan(1);
        ModelFit<CoxModel> fit = CoxProportionalHazards.custom().maxIterations(1).build().fit(TestData.rossi());
        assertThat(fit.converged()).isFalse();
        assertThat(fit.model()).isEmpty();
        assertThat(fit.iterations()).isEqualTo(1);
        assertThat(fit.problem().orElseThrow()).startsWith("no convergence in 1 iterations");
        assertThat(fit.parameters()).containsOnlyKeys(ROSSI_COVARIATES);
        assertThat(fit.logLikelihood()).isBetween(-675.38, -658.75);
        assertThat(fit.diagnostics().get(CoxProportionalHazards.NULL_LOG_LIKELIHOOD)).isCloseTo(-675.38, within(0.005));
        assertThatThrownBy(fit::requireModel).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no convergence in 1 iterations");
    }

    @Test
    void theFitCarriesRsEstimatesAsParametersAndDiagnostics() {
        // Expected: R's coxph on Rossi (Efron), as in the tests above: fin -0.379422 (se 0.191379), prio 0.091497
        // (se 0.028649), log partial likelihood -658.75, null -675.38, LR 33.27 on 7 df, concordance 0.640.
        ModelFit<CoxModel> fit = CoxProportionalHazards.ofDefaults().fit(TestData.rossi());
        assertThat(fit.converged()).isTrue();
        assertThat(fit.problem()).isEmpty();
        assertThat(fit.name()).isEqualTo("cox");
        assertThat(fit.parameters().keySet()).containsExactlyElementsOf(ROSSI_COVARIATES);
        assertThat(fit.parameters().get("fin")).isCloseTo(-0.379422, within(0.5e-6));
        assertThat(fit.standardErrors().get("fin")).isCloseTo(0.191379, within(0.5e-6));
        assertThat(fit.parameters().get("prio")).isCloseTo(0.091497, within(0.5e-6));
        assertThat(fit.standardErrors().get("prio")).isCloseTo(0.028649, within(0.5e-6));
        assertThat(fit.logLikelihood()).isCloseTo(-658.75, within(0.005));
        assertThat(fit.diagnostics().get(CoxProportionalHazards.NULL_LOG_LIKELIHOOD)).isCloseTo(-675.38, within(0.005));
        assertThat(fit.diagnostics().get(CoxProportionalHazards.LIKELIHOOD_RATIO)).isCloseTo(33.27, within(0.005));
        assertThat(fit.diagnostics().get(CoxProportionalHazards.LIKELIHOOD_RATIO_DF)).isEqualTo(7.0);
        assertThat(fit.diagnostics().get(CoxProportionalHazards.LIKELIHOOD_RATIO_P)).isCloseTo(2.36e-5, within(0.005e-5));
        assertThat(fit.diagnostics().get(CoxProportionalHazards.CONCORDANCE)).isCloseTo(0.640, within(0.0005));
        CoxModel model = fit.requireModel();
        assertThat(fit.iterations()).isEqualTo(model.iterations()).isPositive();
        assertThat(model.ties()).isEqualTo(TieMethod.EFRON);
        assertThat(model.level()).isEqualTo(0.95);
    }

    @Test
    void theBuilderRejectsEachBadValueAtOnceNamingIt() {
        // Expected: the configuration idiom: each setter refuses at once with the field, the value and the rule.
        assertThatThrownBy(() -> CoxProportionalHazards.custom().level(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("level: 1.5 is outside (0, 1)");
        assertThatThrownBy(() -> CoxProportionalHazards.custom().maxIterations(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxIterations: 0 is below 1");
        for (double tolerance : new double[] {0, -1e-9, 0.02, Double.NaN}) {
            assertThatThrownBy(() -> CoxProportionalHazards.custom().tolerance(tolerance))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tolerance: " + tolerance + " is outside (0, 0.01]");
        }
        assertThatThrownBy(() -> CoxProportionalHazards.custom().ties(null)).hasMessageContaining("ties");
    }

    @Test
    void configurationsCompareByValue() {
        // Expected: the configuration idiom: equal settings are equal; from(base) starts from base's settings.
        CoxProportionalHazards breslow = CoxProportionalHazards.custom().ties(TieMethod.BRESLOW).level(0.9)
                .maxIterations(50).tolerance(1e-8).build();
        assertThat(CoxProportionalHazards.custom().build()).isEqualTo(CoxProportionalHazards.ofDefaults())
                .hasSameHashCodeAs(CoxProportionalHazards.ofDefaults());
        assertThat(CoxProportionalHazards.from(breslow).build()).isEqualTo(breslow).hasSameHashCodeAs(breslow);
        assertThat(CoxProportionalHazards.from(breslow).ties(TieMethod.EFRON).level(0.95).maxIterations(20)
                .tolerance(1e-9).build()).isEqualTo(CoxProportionalHazards.ofDefaults());
        assertThat(breslow).isNotEqualTo(CoxProportionalHazards.ofDefaults());
        assertThat(breslow.ties()).isEqualTo(TieMethod.BRESLOW);
        assertThat(breslow.level()).isEqualTo(0.9);
        assertThat(breslow.maxIterations()).isEqualTo(50);
        assertThat(breslow.tolerance()).isEqualTo(1e-8);
        assertThat(CoxProportionalHazards.ofDefaults())
                .hasToString("CoxProportionalHazards[ties=EFRON, level=0.95, maxIterations=20, tolerance=1.0E-9]");
    }

    @Test
    void refusesDataWithoutChurnOrCovariates() {
        // Expected: without a churn the partial likelihood is the empty product 1 for every coefficient
        // (closed form), so nothing is identified: a non-converged fit whose log-likelihood is 0. Without a
        // covariate there is no model to fit: a malformed request.
        ModelFit<CoxModel> noChurn = CoxProportionalHazards.ofDefaults()
                .fit(SurvivalData.builder(ChronoUnit.DAYS, "plan").add(3, false, "all", 1).build());
        assertNotConverged(noChurn, "events: none of the 1 subjects churned");
        assertThat(noChurn.logLikelihood()).isZero();
        assertThatThrownBy(() -> CoxProportionalHazards.ofDefaults().fit(SurvivalData.builder(ChronoUnit.DAYS).add(3, true).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("covariates: the data have none");
    }

    @Test
    void rejectsNanCovariatesNegativeDurationsAndBadFlagsNamingTheRow() {
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS, "plan").add(3, true, "all", 1);
        assertThatThrownBy(() -> builder.add(4, true, "all", Double.NaN))
                .hasMessage("row 2: covariate plan is not a finite number; covariates must be finite numbers");
        assertThatThrownBy(() -> builder.add(-4, true, "all", 1))
                .hasMessage("row 2: the duration is negative; a duration must be a finite number, zero or more");
        assertThatThrownBy(() -> SurvivalData.parseEventFlag("yes"))
                .hasMessage("event: the value is not an event flag; expected 0, 1, true or false");
        assertThatThrownBy(() -> SurvivalData.builder(ChronoUnit.DAYS).groups("a", "b").add(1, true, "a").add(2, true, "c"))
                .hasMessage("row 2: the group is not one of the declared groups [a, b]");
    }

    private static CoxModel fitted(SurvivalData data) {
        return CoxProportionalHazards.ofDefaults().fit(data).requireModel();
    }

    private static void assertNotConverged(ModelFit<CoxModel> fit, String problemStart) {
        assertThat(fit.converged()).isFalse();
        assertThat(fit.model()).isEmpty();
        assertThat(fit.problem()).hasValueSatisfying(problem -> assertThat(problem).startsWith(problemStart));
        assertThat(fit.iterations()).isZero();
        assertThat(fit.parameters()).isEmpty();
    }

    // ---- brute force, straight from the definitions ----

    static double bruteForceLogLikelihood(SurvivalData data, double[] beta, boolean efron) {
        int n = data.size();
        double[] eta = linearPredictors(data, beta);
        double ll = 0;
        for (double t : distinctChurnTimes(data)) {
            double riskSum = 0;
            double tiedSum = 0;
            int d = 0;
            for (int i = 0; i < n; i++) {
                if (data.duration(i + 1) >= t) {
                    riskSum += Math.exp(eta[i]);
                }
                if (data.duration(i + 1) == t && data.observed(i + 1)) {
                    tiedSum += Math.exp(eta[i]);
                    ll += eta[i];
                    d++;
                }
            }
            for (int l = 0; l < d; l++) {
                ll -= Math.log(riskSum - (efron ? (double) l / d : 0) * tiedSum);
            }
        }
        return ll;
    }

    private static double bruteForceSurvival(SurvivalData data, double[] beta, double[] x, double time) {
        // Efron's baseline: the increment at t is sum_l 1 / (sum_risk exp(eta) - l/d sum_tied exp(eta)), with
        // eta uncentred; S(t | x) = exp(-H(t) exp(x' beta)).
        double[] eta = linearPredictors(data, beta);
        double hazard = 0;
        for (double t : distinctChurnTimes(data)) {
            if (t > time) {
                continue;
            }
            double riskSum = 0;
            double tiedSum = 0;
            int d = 0;
            for (int i = 0; i < data.size(); i++) {
                riskSum += data.duration(i + 1) >= t ? Math.exp(eta[i]) : 0;
                if (data.duration(i + 1) == t && data.observed(i + 1)) {
                    tiedSum += Math.exp(eta[i]);
                    d++;
                }
            }
            for (int l = 0; l < d; l++) {
                hazard += 1 / (riskSum - (double) l / d * tiedSum);
            }
        }
        double xBeta = 0;
        for (int j = 0; j < beta.length; j++) {
            xBeta += x[j] * beta[j];
        }
        return Math.exp(-hazard * Math.exp(xBeta));
    }

    private static double bruteForceConcordance(SurvivalData data, double[] eta) {
        long concordant = 0;
        long discordant = 0;
        long tied = 0;
        for (int i = 1; i <= data.size(); i++) {
            if (!data.observed(i)) {
                continue;
            }
            for (int j = 1; j <= data.size(); j++) {
                boolean comparable = data.duration(j) > data.duration(i)
                        || (data.duration(j) == data.duration(i) && !data.observed(j));
                if (j == i || !comparable) {
                    continue;
                }
                if (eta[i - 1] == eta[j - 1]) {
                    tied++;
                } else if (eta[i - 1] > eta[j - 1]) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        return (concordant + tied / 2.0) / (concordant + discordant + tied);
    }

    private static double[] numericalGradient(SurvivalData data, double[] beta, boolean efron) {
        double h = 1e-6;
        double[] gradient = new double[beta.length];
        for (int j = 0; j < beta.length; j++) {
            gradient[j] = (bruteForceLogLikelihood(data, shift(beta, j, h, j, 0), efron)
                    - bruteForceLogLikelihood(data, shift(beta, j, -h, j, 0), efron)) / (2 * h);
        }
        return gradient;
    }

    private static double[] shift(double[] beta, int j, double hj, int k, double hk) {
        double[] shifted = beta.clone();
        shifted[j] += hj;
        shifted[k] += hk;
        return shifted;
    }

    private static double[] linearPredictors(SurvivalData data, double[] beta) {
        double[] eta = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < beta.length; j++) {
                eta[i] += data.covariate(i + 1, data.covariateNames().get(j)) * beta[j];
            }
        }
        return eta;
    }

    private static double[] distinctChurnTimes(SurvivalData data) {
        return java.util.stream.IntStream.rangeClosed(1, data.size()).filter(data::observed)
                .mapToDouble(data::duration).distinct().toArray();
    }
}
