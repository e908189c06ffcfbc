package dev.cxm.metrics.clv;

import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.stats.ModelFit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MbgNbdTest {

    private static final MbgNbdModel CDNOW = MbgNbdModel.of(0.525, 6.183, 0.891, 1.614, ChronoUnit.WEEKS);

    @Test
    void reproducesTheBtydPlusCdnowEstimates() {
        // Oracle: R's BTYDplus on cdnow_customers_summary.csv: r = 0.525, alpha = 6.183, a = 0.891,
        // b = 1.614 (3 d.p., as asserted in lifetimes' tests).
        ModelFit<MbgNbdModel> fit = MbgNbd.ofDefaults().fit(ClvData.cdnowCells());
        assertThat(fit.converged()).isTrue();
        assertThat(fit.parameters().get("r")).isCloseTo(0.525, within(0.0005));
        assertThat(fit.parameters().get("alpha")).isCloseTo(6.183, within(0.0005));
        assertThat(fit.parameters().get("a")).isCloseTo(0.891, within(0.0005));
        assertThat(fit.parameters().get("b")).isCloseTo(1.614, within(0.0005));
        assertThat(fit.standardErrors()).containsOnlyKeys("r", "alpha", "a", "b");
    }

    @Test
    void expectationsMatchNumericalIntegrationOfTheModel() {
        // Oracle: E[(1 - p)/p (1 - exp(-lambda p t))] for a new customer (who may drop out at once) and
        // E[(1 - exp(-lambda p t))/p] under the posterior Beta(a, b + x + 1) for a customer alive at T,
        // integrated numerically in this test.
        for (double t : new double[] {1, 39, 520, 5200}) {
            double oracle = Quadrature.betaExpectation(p -> (1 - p) * -Math.expm1(-0.525 * Math.log1p(p * t / 6.183)) / p,
                    0.891, 1.614);
            assertThat(CDNOW.expectedPurchases(t)).as("E[X(%s)]", t).isCloseTo(oracle, within(1e-8 * oracle));
            for (int x : new int[] {0, 1, 6}) {
                double recency = x == 0 ? 0 : 20;
                double whileAlive = CDNOW.conditionalExpectedPurchases(t, CustomerHistory.of(x, recency,
                        30)) / CDNOW.probabilityAlive(CustomerHistory.of(x, recency, 30));
                double posterior = Quadrature.expectedWhileAlive(0.525 + x, 6.183 + 30, 0.891, 1.614 + x + 1, t);
                assertThat(whileAlive).as("x = %d, t = %s", x, t).isCloseTo(posterior, within(1e-8 * posterior));
            }
        }
    }

    @Test
    void predictionsMatchASimulationCellByCell() {
        // Oracle: 200,000 customers simulated in this test from the MBG/NBD story (a drop-out chance after the
        // first purchase too) at the CDNOW estimates, T = 39 weeks, 52 weeks of holdout.
        GenerativeSimulation simulation = new GenerativeSimulation(2007);
        List<GenerativeSimulation.Customer> customers = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            customers.add(simulation.betaGeometric(0.525, 6.183, 0.891, 1.614, true, 39, 52));
        }
        assertThat(SimulatedCells.check(customers, CDNOW, 52)).isGreaterThanOrEqualTo(12);
        SimulatedCells.checkFrequencyDistribution(customers, CDNOW, 39);
        assertThat(CDNOW.probabilityAlive(CustomerHistory.of(0, 0, 39))).isLessThan(1);
    }

    @Test
    void fitRecoversTheParametersItsDataWereSimulatedFrom() {
        // Oracle: the parameters the 30,000 customers were simulated from, within four standard errors.
        MbgNbdModel truth = MbgNbdModel.of(0.7, 5.0, 1.2, 2.5, ChronoUnit.WEEKS);
        double[] ages = new double[30_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 30 + (i % 20) * 0.5;
        }
        ModelFit<MbgNbdModel> fit = MbgNbd.ofDefaults().fit(truth.simulate(ages, 7));
        assertThat(fit.converged()).isTrue();
        truth.parameters().forEach((name, value) -> assertThat(fit.parameters().get(name)).as(name)
                .isCloseTo(value, within(4 * fit.standardErrors().get(name))));
    }

    @Test
    void expectationsWithAnIntegerShapeDifferenceMatchMpmath() {
        // Oracle: mpmath quadrature over the Beta(a, b + x + 1) drop-out probability, checked against mpmath's
        // hyp2f1 closed form (clv-oracles.py, first section): r - a an integer, t > 3 (alpha + T).
        assertThat(MbgNbdModel.of(2, 1, 3, 0.5, ChronoUnit.WEEKS).expectedPurchases(10))
                .isCloseTo(0.23970938821430435, within(1e-12));
        assertThat(MbgNbdModel.of(0.75, 3, 0.75, 1.5, ChronoUnit.WEEKS).conditionalExpectedPurchases(200,
                CustomerHistory.of(1, 2, 10)))
                .isCloseTo(3.5690142609608398, within(1e-10));
    }
}
