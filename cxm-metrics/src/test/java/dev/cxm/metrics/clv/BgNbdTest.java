package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.clv.internal.BetaGeometricLikelihood;
import dev.cxm.metrics.clv.internal.Packed;
import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;

class BgNbdTest {

    private static final BgNbdModel PUBLISHED = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS);

    @Test
    void reproducesThePublishedCdnowEstimatesAndLogLikelihood() {
        // Oracle: Fader, Hardie & Lee (2005) on cdnow_customers_summary.csv: the maximum is at r = 0.2426,
        // alpha = 4.4135, a = 0.7929, b = 2.4258 with log-likelihood -9582.43 (shared/data README).
        ModelFit<BgNbdModel> fit = BgNbd.ofDefaults().fit(ClvData.cdnowCells());
        assertThat(fit.converged()).isTrue();
        assertThat(fit.parameters().get("r")).isCloseTo(0.2426, within(0.00005));
        assertThat(fit.parameters().get("alpha")).isCloseTo(4.4135, within(0.00005));
        assertThat(fit.parameters().get("a")).isCloseTo(0.7929, within(0.00005));
        assertThat(fit.parameters().get("b")).isCloseTo(2.4258, within(0.00005));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.43, within(0.005));
        assertThat(fit.requireModel().logLikelihood(ClvData.cdnowCells())).isCloseTo(fit.logLikelihood(), within(1e-6));
    }

    @Test
    void predictionsMatchHardiesSpreadsheetAndBtyd() {
        // Oracles: Hardie's BG/NBD spreadsheet (conditional expectation 1.226 for x = 2, t_x = 30.43,
        // T = 38.86, t = 39; E[X(t)] 0.0078 ... 1.8576) and the BTYD manual's P(X(t) = n) at r = 0.243,
        // alpha = 4.414, a = 0.793, b = 2.426, as quoted in lifetimes' tests.
        BgNbdModel fitted = BgNbd.ofDefaults().fit(ClvData.cdnowCells()).requireModel();
        assertThat(fitted.conditionalExpectedPurchases(39, CustomerHistory.of(2, 30.43, 38.86))).isCloseTo(1.226,
                within(0.001));
        double[] times = {0.1429, 1.0, 3.00, 31.8571, 32.00, 78.00};
        double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < times.length; i++) {
            assertThat(fitted.expectedPurchases(times[i])).as("E[X(%s)]", times[i]).isCloseTo(expected[i],
                    within(0.0015));
        }
        assertThat(PUBLISHED.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, within(1e-12));
        assertThat(PUBLISHED.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(1e-7));
        double[] pmf = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638,
                0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
        for (int n = 11; n <= 20; n++) {
            assertThat(PUBLISHED.probabilityOfPurchases(n, 30)).as("P(X(30) = %d)", n).isCloseTo(pmf[n - 11],
                    within(1e-10));
        }
        assertThat(PUBLISHED.expectedPurchases(Duration.ofDays(7 * 39))).isCloseTo(PUBLISHED.expectedPurchases(39),
                within(1e-12));
    }

    @Test
    void expectedPurchasesWhileAliveMatchNumericalIntegration() {
        // Oracle: E[(1 - exp(-lambda p t)) / p] integrated numerically over the posterior Beta(a, b + x) in
        // this test (lambda in closed form); short and very long horizons (z near 1, where the library
        // switches to the connection formula), and a below, at and above 1, where the closed form is 0/0.
        double[] shapesA = {0.35, 0.793, 1.0, 1.0 + 1e-7, 2.5, 7};
        double[] horizons = {0.5, 39, 520, 5200, 52000};
        int[][] histories = {{0, 0}, {2, 30}, {25, 38}};
        for (double a : shapesA) {
            BgNbdModel model = BgNbdModel.of(0.243, 4.414, a, 2.426, ChronoUnit.WEEKS);
            for (double t : horizons) {
                assertThat(model.expectedPurchases(t)).as("E[X(%s)] at a = %s", t, a)
                        .isCloseTo(Quadrature.expectedWhileAlive(0.243, 4.414, a, 2.426, t),
                                within(1e-8 * Quadrature.expectedWhileAlive(0.243, 4.414, a, 2.426, t)));
                for (int[] history : histories) {
                    int x = history[0];
                    double recency = history[1];
                    double age = 38.86;
                    double whileAlive = model.conditionalExpectedPurchases(t, CustomerHistory.of(x, recency, age))
                            / model.probabilityAlive(CustomerHistory.of(x, recency, age));
                    double oracle = Quadrature.expectedWhileAlive(0.243 + x, 4.414 + age, a, 2.426 + x, t);
                    assertThat(whileAlive).as("x = %d, t = %s, a = %s", x, t, a).isCloseTo(oracle,
                            within(1e-8 * oracle));
                }
            }
        }
    }

    @Test
    void conditionalExpectationsAndProbabilityAliveMatchASimulationCellByCell() {
        // Oracle: 200,000 customers simulated in this test from the BG/NBD story at the published CDNOW
        // parameters, observed for T = 39 weeks and 52 weeks after; per frequency/recency cell the mean
        // holdout purchases and the share still alive at T.
        GenerativeSimulation simulation = new GenerativeSimulation(20050101);
        List<GenerativeSimulation.Customer> customers = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            customers.add(simulation.betaGeometric(0.243, 4.414, 0.793, 2.426, false, 39, 52));
        }
        assertThat(SimulatedCells.check(customers, PUBLISHED, 52)).isGreaterThanOrEqualTo(12);
        SimulatedCells.checkFrequencyDistribution(customers, PUBLISHED, 39);
    }

    @Test
    void fitRecoversTheParametersItsDataWereSimulatedFrom() {
        // Oracle: the parameters the 30,000 customers were simulated from; each estimate must lie within four
        // of its standard errors of the truth.
        BgNbdModel truth = BgNbdModel.of(0.6, 8.0, 0.9, 3.0, ChronoUnit.DAYS);
        double[] ages = new double[30_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 200 + (i % 100);
        }
        ModelFit<BgNbdModel> fit = BgNbd.ofDefaults().fit(truth.simulate(ages, 42));
        assertThat(fit.converged()).isTrue();
        truth.parameters().forEach((name, value) -> assertThat(fit.parameters().get(name)).as(name)
                .isCloseTo(value, within(4 * fit.standardErrors().get(name))));
    }

    @Test
    void standardErrorsAreTheInverseOfTheObservedInformation() {
        // Oracle: the Hessian of the log-likelihood by central finite differences in this test, inverted.
        RfmCells cells = ClvData.cdnowCells();
        ModelFit<BgNbdModel> fit = BgNbd.ofDefaults().fit(cells);
        double[] estimate = fit.parameters().values().stream().mapToDouble(Double::doubleValue).toArray();
        double[][] hessian = FiniteDifferences.hessian(
                p -> BgNbdModel.of(p[0], p[1], p[2], p[3], ChronoUnit.WEEKS).logLikelihood(cells), estimate, 1e-4);
        double[] errors = FiniteDifferences.standardErrors(hessian);
        String[] names = {"r", "alpha", "a", "b"};
        for (int i = 0; i < 4; i++) {
            assertThat(fit.standardErrors().get(names[i])).as(names[i]).isCloseTo(errors[i], within(1e-4 * errors[i]));
        }
    }

    @Test
    void analyticGradientAndHessianMatchFiniteDifferences() {
        // Oracle: central finite differences of the log-likelihood value, for BG/NBD (k = 0) and MBG/NBD (k = 1),
        // on CDNOW and on cells weighted unevenly.
        RfmCells weighted = RfmCells.builder(ChronoUnit.WEEKS).add(0, 0, 30, java.util.OptionalDouble.empty(), 3)
                .add(1, 2, 30, java.util.OptionalDouble.empty(), 0.5).add(7, 29.5, 30,
                        java.util.OptionalDouble.empty(), 2)
                .add(2, 5, 12, java.util.OptionalDouble.empty(), 1).build();
        for (RfmCells cells : List.of(ClvData.cdnowCells(), weighted)) {
            for (int k = 0; k <= 1; k++) {
                BetaGeometricLikelihood likelihood = new BetaGeometricLikelihood(CellAccess.columns(cells), k);
                double[] p = {0.4, 6.0, 1.3, 2.2};
                double[] packed = likelihood.evaluate(p, 2);
                double[] gradient = FiniteDifferences.gradient(q -> likelihood.evaluate(q, 0)[0], p, 1e-6);
                double[][] hessian = FiniteDifferences.hessian(q -> likelihood.evaluate(q, 0)[0], p, 1e-4);
                for (int i = 0; i < 4; i++) {
                    assertThat(packed[Packed.gradient(i)]).isCloseTo(gradient[i],
                            within(1e-6 * (1 + Math.abs(gradient[i]))));
                    for (int j = i; j < 4; j++) {
                        assertThat(packed[Packed.hessian(4, i, j)]).as("k=%d H[%d][%d]", k, i, j)
                                .isCloseTo(hessian[i][j], within(1e-4 * (1 + Math.abs(hessian[i][j]))));
                    }
                }
                assertThat(likelihood.evaluate(p, 0)[0]).isEqualTo(packed[0]);
            }
        }
    }

    @Test
    void compressedCellsGiveTheSameFit() {
        // Oracle: the fit on one row per customer; identical customers merged into weighted cells must give
        // the same estimates and log-likelihood.
        RfmCells cells = ClvData.cdnowCells();
        RfmCells compressed = cells.compress();
        assertThat(compressed.size()).isLessThan(cells.size());
        ModelFit<BgNbdModel> perCustomer = BgNbd.ofDefaults().fit(cells);
        ModelFit<BgNbdModel> perCell = BgNbd.ofDefaults().fit(compressed);
        assertThat(perCell.logLikelihood()).isCloseTo(perCustomer.logLikelihood(), within(1e-6));
        perCustomer.parameters().forEach((name, value) ->
                assertThat(perCell.parameters().get(name)).isCloseTo(value, within(1e-6 * value)));
    }

    @Test
    void penalisedFitIsStationaryForThePenalisedObjectiveAndShrinks() {
        // Oracle: the gradient of the penalised mean objective -LL/n + lambda * sum(p^2), by finite differences
        // in this test, vanishes at the estimate; and the penalty pulls every parameter below the plain MLE.
        RfmCells cells = ClvData.cdnowCells();
        double lambda = 0.1;
        ModelFit<BgNbdModel> plain = BgNbd.ofDefaults().fit(cells);
        ModelFit<BgNbdModel> penalised = BgNbd.custom().l2Penalty(lambda).build().fit(cells);
        assertThat(penalised.converged()).isTrue();
        double[] estimate = penalised.parameters().values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] gradient = FiniteDifferences.gradient(p -> -BgNbdModel.of(p[0], p[1], p[2], p[3], ChronoUnit.WEEKS)
                .logLikelihood(cells) / cells.totalWeight() + lambda * (p[0] * p[0] + p[1] * p[1] + p[2] * p[2] + p[3] * p[3]),
                estimate, 1e-6);
        for (double component : gradient) {
            assertThat(component).isCloseTo(0, within(1e-6));
        }
        plain.parameters().forEach((name, value) -> assertThat(penalised.parameters().get(name)).as(name)
                .isLessThan(value));
    }

    @Test
    void saysSoWhenItDoesNotConverge() {
        ModelFit<BgNbdModel> fit = BgNbd.custom().maxIterations(1).build().fit(ClvData.cdnowCells());
        assertThat(fit.converged()).isFalse();
        assertThat(fit.model()).isEmpty();
        assertThat(fit.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("no convergence after 1 iterations"));
        assertThatThrownBy(fit::requireModel).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bg-nbd: the fit did not converge: no convergence after 1 iterations");
        // CDNOW identifies every parameter (the published fit): stopping early far from the maximum is an
        // iteration limit, not a failure of identification.
        for (int limit = 1; limit <= 3; limit++) {
            ModelFit<BgNbdModel> early = BgNbd.custom().maxIterations(limit).build().fit(ClvData.cdnowCells());
            assertThat(early.problem()).as("%d iterations", limit).hasValueSatisfying(problem -> assertThat(problem)
                    .contains("no convergence after").doesNotContain("identify"));
        }
    }

    @Test
    void reportsADropOutProcessTheDataCannotIdentify() {
        // Every customer buys three times and the last purchase is at T: nobody ever drops out, and nobody's
        // rate differs from anyone's, so the likelihood keeps rising as the parameters run off to the
        // boundary; the fit must say so rather than return the last iterate as an estimate.
        RfmCells.Builder builder = RfmCells.builder(ChronoUnit.WEEKS);
        for (int i = 0; i < 200; i++) {
            builder.add(3, 10 + i % 7, 10 + i % 7);
        }
        ModelFit<BgNbdModel> fit = BgNbd.ofDefaults().fit(builder.build());
        assertThat(fit.converged()).isFalse();
        assertThat(fit.model()).isEmpty();
        assertThat(fit.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("do not identify"));
    }

    @Test
    void dataWithoutRepeatPurchasesOrCustomersGiveAFitThatSaysItIsNotIdentified() {
        // Oracle: the models' identification: without a repeat purchase (or a customer) no purchase rate or
        // drop-out can be estimated, which is a fit that did not converge, not malformed input; the same on
        // every purchase model.
        RfmCells nobodyRepeats = RfmCells.builder(ChronoUnit.WEEKS).add(0, 0, 10).add(0, 0, 20).build();
        for (String name : PurchaseModels.names()) {
            PurchaseModelFitter<?> fitter = PurchaseModels.named(name).orElseThrow();
            ModelFit<?> fit = fitter.fit(nobodyRepeats);
            assertThat(fit.converged()).as(name).isFalse();
            assertThat(fit.model()).as(name).isEmpty();
            assertThat(fit.name()).isEqualTo(name);
            assertThat(fit.problem()).as(name).hasValueSatisfying(problem -> assertThat(problem)
                    .contains("no customer made a repeat purchase").contains("not identified"));
            assertThat(fitter.fit(RfmCells.builder(ChronoUnit.WEEKS).build()).problem()).as(name)
                    .hasValueSatisfying(problem -> assertThat(problem).startsWith("no customers"));
            assertThatThrownBy(() -> fitter.fit(nobodyRepeats).requireModel()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(name + ": the fit did not converge: no customer made a repeat purchase");
        }
        assertThatThrownBy(() -> BgNbdModel.of(0.2, -1, 1, 1, ChronoUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha: -1.0 is not positive");
        assertThatThrownBy(() -> PUBLISHED.probabilityAlive(CustomerHistory.of(2, 40, 39)))
                .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("recency: 40.0 is greater than T 39.0");
    }

    @Test
    void expectationsWithAnIntegerShapeDifferenceMatchMpmath() {
        // Oracle: mpmath quadrature of E[(1 - (A / (A + p t))^(r + x)) / p] over Beta(a, b + x), checked
        // against mpmath's hyp2f1 closed form (clv-oracles.py, first section): r - a is an integer and
        // t > 3 (alpha + T), where 2F1 is in its logarithmic case.
        assertThat(BgNbdModel.of(2, 1, 3, 0.5, ChronoUnit.WEEKS).expectedPurchases(10))
                .isCloseTo(1.226636251086972, within(1e-12));
        assertThat(BgNbdModel.of(1, 2, 1, 2.5, ChronoUnit.WEEKS).conditionalExpectedPurchases(100,
                CustomerHistory.of(2, 5, 8)))
                .isCloseTo(4.896387462708869, within(1e-10));
        assertThat(BgNbdModel.of(3, 0.5, 1, 0.7, ChronoUnit.WEEKS).conditionalExpectedPurchases(60,
                CustomerHistory.of(4, 6, 9)))
                .isCloseTo(2.2986583696862558, within(1e-10));
        assertThat(BgNbdModel.of(0.75, 3, 0.75, 1.5, ChronoUnit.WEEKS).conditionalExpectedPurchases(200,
                CustomerHistory.of(1, 2, 10)))
                .isCloseTo(2.159969637219368, within(1e-10));
        assertThat(BgNbdModel.of(2.5, 4, 1.5, 3, ChronoUnit.WEEKS).conditionalExpectedPurchases(500,
                CustomerHistory.of(0, 0, 20)))
                .isCloseTo(5.1640721252518907, within(1e-10));
    }

    @Test
    void staysFiniteAndExactWhereTheDropOutShapesAddUpToOne() {
        // Oracle: mpmath quadrature over the Beta(a, b) drop-out probability (clv-oracles.py, section a + b = 1):
        // a + b = 1 makes c = a + b - 1 = 0 for a customer without repeat purchases; also 1e-9 beside it and
        // away from it.
        double[][] cases = {
                {0.5, 0.5, 0.051127297634013256, 0.90968982857177791, 0.26614277279434235},
                {0.3, 0.7, 0.05246298899958124, 1.2665885574428703, 0.300710913266902},
                {0.3, 0.7 + 1e-9, 0.052462989001561308, 1.266588557898334, 0.30071091331584821},
                {0.3, 0.6, 0.052243545874725595, 1.2171368355312999, 0.29533081603105362}};
        for (double[] c : cases) {
            BgNbdModel model = BgNbdModel.of(0.24, 4.4, c[0], c[1], ChronoUnit.WEEKS);
            assertThat(model.expectedPurchases(1)).as("%s E[X(1)]", model).isCloseTo(c[2], within(1e-12));
            assertThat(model.expectedPurchases(39)).as("%s E[X(39)]", model).isCloseTo(c[3], within(1e-11));
            assertThat(model.conditionalExpectedPurchases(52, CustomerHistory.of(0, 0, 30))).as("%s conditional", model)
                    .isCloseTo(c[4], within(1e-11));
            assertThat(model.conditionalExpectedPurchases(new double[] {52}, CustomerHistory.of(0, 0, 30))[0])
                    .as("%s tracking", model)
                    .isCloseTo(c[4], within(1e-11));
        }
    }

    @Test
    void refusesUnitsThatAreNotCustomerTime() {
        // Oracle: the rule itself (SECONDS to WEEKS, or MONTHS and YEARS as whole periods); FOREVER once gave
        // E[X(7 days)] = 3.8e-15 instead of an error.
        for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.NANOS, ChronoUnit.MILLIS, ChronoUnit.DECADES,
                ChronoUnit.ERAS,
                ChronoUnit.FOREVER}) {
            assertThatThrownBy(() -> BgNbdModel.of(0.24, 4.4, 0.79, 2.4, unit)).as("%s", unit)
                    .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageStartingWith("unit: " + unit + " is not a unit");
            assertThatThrownBy(() -> ParetoNbdModel.of(0.55, 10, 0.6, 11, unit)).as("%s", unit)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unit: ");
            assertThatThrownBy(() -> RfmCells.builder(unit)).as("%s", unit)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unit: ");
        }
        for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.SECONDS, ChronoUnit.DAYS, ChronoUnit.WEEKS,
                ChronoUnit.MONTHS,
                ChronoUnit.YEARS}) {
            assertThat(MbgNbdModel.of(0.24, 4.4, 0.79, 2.4, unit).unit()).isEqualTo(unit);
            assertThat(RfmCells.builder(unit).build().unit()).isEqualTo(unit);
        }
    }
}
