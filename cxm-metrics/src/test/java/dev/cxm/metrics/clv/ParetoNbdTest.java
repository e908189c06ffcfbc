package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

import dev.cxm.metrics.clv.internal.Packed;
import dev.cxm.metrics.clv.internal.ParetoNbdLikelihood;
import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;

class ParetoNbdTest {

    /** The estimates of R's BTYD walkthrough on the unrounded CDNOW recencies. */
    private static final ParetoNbdModel BTYD = ParetoNbdModel.of(0.5534, 10.5802, 0.6061, 11.6562, ChronoUnit.WEEKS);
    /** The parameters of the examples in R's BTYD manual. */
    private static final ParetoNbdModel MANUAL = ParetoNbdModel.of(0.55, 10.56, 0.61, 11.64, ChronoUnit.WEEKS);

    @Test
    void reproducesThePublishedCdnowEstimatesAndLogLikelihood() {
        // Oracle: on cdnow_customers_summary.csv the maximum is at r = 0.553, alpha = 10.578, s = 0.606,
        // beta = 11.668 with log-likelihood -9594.97 (shared/data README; lifetimes' and BTYD's fits).
        ModelFit<ParetoNbdModel> fit = ParetoNbd.ofDefaults().fit(ClvData.cdnowCells());
        assertThat(fit.converged()).isTrue();
        assertThat(fit.parameters().get("r")).isCloseTo(0.553, within(0.0005));
        assertThat(fit.parameters().get("alpha")).isCloseTo(10.578, within(0.0005));
        assertThat(fit.parameters().get("s")).isCloseTo(0.606, within(0.0005));
        assertThat(fit.parameters().get("beta")).isCloseTo(11.668, within(0.0005));
        assertThat(fit.logLikelihood()).isCloseTo(-9594.97, within(0.005));
        assertThat(fit.standardErrors()).containsOnlyKeys("r", "alpha", "s", "beta");
        assertThat(ParetoNbdModel.of(0.553, 10.578, 0.606, 11.668, ChronoUnit.WEEKS)
                .logLikelihood(ClvData.cdnowCells()))
                .isCloseTo(-9594.97, within(0.01));
    }

    @Test
    void predictionsMatchTheBtydWalkthrough() {
        // Oracle: R's BTYD walkthrough at its estimates: P(alive) 0.9979 and 25.46 expected
        // transactions in 52 weeks for x = 26, t_x = 30.86, T = 31 (2 d.p.; BTYD's own parameters were not
        // rounded to 4 d.p. as here, which moves the expectation by up to 0.001); and the examples of the BTYD
        // manual at (0.55, 10.56, 0.61, 11.64): pnbd.Expectation for t = 1..10, pnbd.PAlive 0.2924031 for a
        // customer without repeat purchases at T = 39, and 1 when t_x = T.
        assertThat(BTYD.probabilityAlive(CustomerHistory.of(26, 30.86, 31))).isCloseTo(0.9979, within(0.00005));
        assertThat(BTYD.conditionalExpectedPurchases(52, CustomerHistory.of(26, 30.86, 31))).isCloseTo(25.46,
                within(0.006));
        double[] expected = {0.00000000, 0.05077821, 0.09916088, 0.14542507, 0.18979930,
                0.23247466, 0.27361274, 0.31335159, 0.35181024, 0.38909211};
        for (int t = 0; t < 10; t++) {
            assertThat(MANUAL.expectedPurchases(t)).as("E[X(%d)]", t).isCloseTo(expected[t], within(5e-9));
        }
        assertThat(MANUAL.probabilityAlive(CustomerHistory.of(0, 0, 39))).isCloseTo(0.2924031, within(5e-8));
        assertThat(MANUAL.probabilityAlive(CustomerHistory.of(23, 39, 39))).isEqualTo(1.0);
    }

    @Test
    void logLikelihoodMatchesNumericalIntegrationOfTheDropOutTerm() {
        // Oracle: L = Gamma(r+x) alpha^r beta^s / Gamma(r) [E + s * integral of (alpha+tau)^-(r+x)
        // (beta+tau)^-(s+1) over (t_x, T)], the integral taken numerically in this test, for beta above and
        // below alpha, equal to it, and frequencies up to 10,000.
        double[][] parameters = {{0.553, 10.578, 0.606, 11.668}, {0.553, 30, 0.606, 2}, {2, 5, 3, 5}, {0.3, 0.05, 1.5,
                400}};
        int[] frequencies = {0, 1, 7, 60, 10_000};
        for (double[] p : parameters) {
            ParetoNbdModel model = ParetoNbdModel.of(p[0], p[1], p[2], p[3], ChronoUnit.DAYS);
            for (int x : frequencies) {
                double recency = x == 0 ? 0 : 17.5;
                double age = 3650;
                double start = -(p[0] + x) * Math.log(p[1] + recency) - (p[2] + 1) * Math.log(p[3] + recency);
                double integral = Quadrature.integrate(tau -> Math.exp(-(p[0] + x) * Math.log(p[1] + tau)
                        - (p[2] + 1) * Math.log(p[3] + tau) - start), recency, age);
                double alive = -(p[0] + x) * Math.log(p[1] + age) - p[2] * Math.log(p[3] + age);
                double logBracket = Math.log(Math.exp(alive - start) + p[2] * integral) + start;
                double oracle = Gamma.logGamma(p[0] + x) - Gamma.logGamma(p[0]) + p[0] * Math.log(p[1])
                        + p[2] * Math.log(p[3]) + logBracket;
                assertThat(model.logLikelihood(CustomerHistory.of(x, recency, age))).as("x = %d at %s", x,
                        java.util.Arrays.toString(p))
                        .isCloseTo(oracle, within(1e-9 * Math.abs(oracle) + 1e-9));
                assertThat(model.probabilityAlive(CustomerHistory.of(x, recency, age)))
                        .isCloseTo(Math.exp(alive - logBracket),
                        within(1e-9));
            }
        }
    }

    @Test
    void analyticGradientAndHessianMatchFiniteDifferences() {
        // Oracle: central finite differences of the log-likelihood value, on either side of alpha = beta
        // (where the integral switches form), exactly on it, and where one scale dwarfs the other (z near 1,
        // where derivatives come from quadrature and values from the hypergeometric connection formula).
        RfmCells cells = RfmCells.builder(ChronoUnit.WEEKS).add(0, 0, 30).add(1, 2, 30).add(7, 29.5, 30)
                .add(2, 5, 12).add(3, 12, 12).add(40, 20, 35).build();
        double[][] points = {{0.55, 10.5, 0.6, 11.7}, {0.8, 12, 1.4, 6}, {1.2, 7, 0.9, 7}, {0.9, 0.01, 1.2, 3000},
                {0.9, 3000, 1.2, 0.01}};
        ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(CellAccess.columns(cells));
        for (double[] p : points) {
            double[] packed = likelihood.evaluate(p, 2);
            double[] gradient = FiniteDifferences.gradient(q -> likelihood.evaluate(q, 0)[0], p, 1e-6);
            double[][] hessian = FiniteDifferences.hessian(q -> likelihood.evaluate(q, 0)[0], p, 1e-3);
            for (int i = 0; i < 4; i++) {
                assertThat(packed[Packed.gradient(i)]).as("gradient %d at %s", i, java.util.Arrays.toString(p))
                        .isCloseTo(gradient[i], within(1e-6 * (1 + Math.abs(gradient[i]))));
                for (int j = i; j < 4; j++) {
                    assertThat(packed[Packed.hessian(4, i, j)]).as("H[%d][%d] at %s", i, j,
                            java.util.Arrays.toString(p))
                            .isCloseTo(hessian[i][j], within(1e-4 * (1 + Math.abs(hessian[i][j]))));
                }
            }
            assertThat(packed[0]).isCloseTo(likelihood.evaluate(p, 0)[0], within(1e-9));
        }
    }

    @Test
    void standardErrorsAreTheInverseOfTheObservedInformation() {
        // Oracle: the Hessian of the log-likelihood by central finite differences in this test, inverted.
        RfmCells cells = ClvData.cdnowCells();
        ModelFit<ParetoNbdModel> fit = ParetoNbd.ofDefaults().fit(cells);
        double[] estimate = fit.parameters().values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] errors = FiniteDifferences.standardErrors(FiniteDifferences.hessian(
                p -> ParetoNbdModel.of(p[0], p[1], p[2], p[3], ChronoUnit.WEEKS).logLikelihood(cells), estimate, 1e-4));
        String[] names = {"r", "alpha", "s", "beta"};
        for (int i = 0; i < 4; i++) {
            assertThat(fit.standardErrors().get(names[i])).as(names[i]).isCloseTo(errors[i], within(1e-3 * errors[i]));
        }
    }

    @Test
    void predictionsMatchASimulationCellByCell() {
        // Oracle: 200,000 customers simulated in this test from the Pareto/NBD story at the CDNOW estimates,
        // T = 39 weeks, 52 weeks of holdout; per frequency/recency cell, holdout purchases and the share alive.
        ParetoNbdModel model = ParetoNbdModel.of(0.553, 10.578, 0.606, 11.668, ChronoUnit.WEEKS);
        GenerativeSimulation simulation = new GenerativeSimulation(1987);
        List<GenerativeSimulation.Customer> customers = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            customers.add(simulation.paretoNbd(0.553, 10.578, 0.606, 11.668, 39, 52));
        }
        assertThat(SimulatedCells.check(customers, model, 52)).isGreaterThanOrEqualTo(12);
        SimulatedCells.checkFrequencyDistribution(customers, model, 39);
        double total = 0;
        for (int n = 0; n < 200; n++) {
            total += model.probabilityOfPurchases(n, 39);
        }
        assertThat(total).isCloseTo(1, within(1e-6));
    }

    @Test
    void fitRecoversTheParametersItsDataWereSimulatedFrom() {
        // Oracle: the parameters the 40,000 customers were simulated from, within four standard errors.
        ParetoNbdModel truth = ParetoNbdModel.of(0.8, 12, 1.1, 20, ChronoUnit.WEEKS);
        double[] ages = new double[40_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 40 + (i % 60);
        }
        ModelFit<ParetoNbdModel> fit = ParetoNbd.ofDefaults().fit(truth.simulate(ages, 11));
        assertThat(fit.converged()).isTrue();
        truth.parameters().forEach((name, value) -> assertThat(fit.parameters().get(name)).as(name)
                .isCloseTo(value, within(4 * fit.standardErrors().get(name))));
    }

    @Test
    void integerShapesWithDistantRatesMatchNumericalIntegration() {
        // Oracle: mpmath quadrature of the drop-out integral G at 40 digits (clv-oracles.py, Pareto section):
        // r an integer with beta > 4 alpha, and s = 1 with alpha > 4 beta, where the hypergeometric form of G
        // has an integer c - a - b. The model's log-likelihood of cells equals the fit's own evaluation.
        double[][] cases = {
                {1, 1, 0.5, 10, 0, 0, 38, 0.10640578230982667, -2.207374246552507},
                {1, 1, 0.5, 10, 3, 20, 38, 0.4579416662861543, -12.865781605080304},
                {2, 1, 0.7, 20, 1, 5, 30, 0.063799022267829298, -7.4982005315029271},
                {0.55, 10, 1, 2, 0, 0, 38, 0.025066668643297563, -0.17225477056710619},
                {0.55, 10, 1, 2, 4, 30, 39, 0.67906438628623533, -17.031287217812554}};
        for (double[] c : cases) {
            ParetoNbdModel model = ParetoNbdModel.of(c[0], c[1], c[2], c[3], ChronoUnit.WEEKS);
            int x = (int) c[4];
            assertThat(model.probabilityAlive(CustomerHistory.of(x, c[5], c[6]))).as("%s P(alive)", model)
                    .isCloseTo(c[7], within(1e-11));
            assertThat(model.logLikelihood(CustomerHistory.of(x, c[5], c[6]))).as("%s LL", model).isCloseTo(c[8],
                    within(1e-10));
            RfmCells cells = RfmCells.builder(ChronoUnit.WEEKS).add(x, c[5], c[6]).build();
            double[] p = {c[0], c[1], c[2], c[3]};
            assertThat(new ParetoNbdLikelihood(CellAccess.columns(cells)).evaluate(p, 2)[0]).as("%s fit's LL", model)
                    .isCloseTo(model.logLikelihood(cells), within(1e-12));
        }
    }
}
