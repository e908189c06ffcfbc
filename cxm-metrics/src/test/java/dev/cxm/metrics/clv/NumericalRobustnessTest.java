package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.clv.internal.BetaGeometricLikelihood;
import dev.cxm.metrics.clv.internal.BgBbLikelihood;
import dev.cxm.metrics.clv.internal.ParetoNbdLikelihood;
import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;

/**
 * Frequencies up to 10,000 and recencies up to ten years (in days) give finite results for every model: the
 * overflow users of lifetimes report in its hypergeometric terms cannot happen here. The oracle is the
 * property itself (finite, probabilities within [0, 1], expectations non-negative); ParetoNbdTest also checks
 * the value at x = 10,000 against numerical integration.
 */
class NumericalRobustnessTest {

    private static final int[] FREQUENCIES = {0, 1, 100, 10_000};
    private static final double[] RECENCIES = {0, 1, 1825, 3650};
    private static final double TEN_YEARS = 3650;
    private static final double[] HORIZONS = {1, 365, TEN_YEARS};

    private static final List<PurchaseModel> MODELS = List.of(
            BgNbdModel.of(0.243, 30.9, 0.793, 2.426, ChronoUnit.DAYS),
            BgNbdModel.of(4, 0.05, 40, 0.02, ChronoUnit.DAYS),
            MbgNbdModel.of(0.525, 43.3, 0.891, 1.614, ChronoUnit.DAYS),
            MbgNbdModel.of(4, 0.05, 0.02, 40, ChronoUnit.DAYS),
            ParetoNbdModel.of(0.553, 74.0, 0.606, 81.7, ChronoUnit.DAYS),
            ParetoNbdModel.of(10.465, 7.98565181e-03, 3.0516, 2.820, ChronoUnit.DAYS),
            ParetoNbdModel.of(0.3, 2, 0.5, 5000, ChronoUnit.DAYS));

    @Test
    void purchaseModelsStayFiniteForExtremeHistories() {
        for (PurchaseModel model : MODELS) {
            for (int x : FREQUENCIES) {
                for (double recency : RECENCIES) {
                    if (x == 0 && recency > 0 || x > 0 && recency == 0) {
                        continue;
                    }
                    String at = model + " x=" + x + " t_x=" + recency;
                    assertThat(model.logLikelihood(CustomerHistory.of(x, recency, TEN_YEARS))).as(at).isFinite();
                    assertThat(model.probabilityAlive(CustomerHistory.of(x, recency, TEN_YEARS))).as(at)
                            .isBetween(0.0, 1.0);
                    for (double t : HORIZONS) {
                        assertThat(model.conditionalExpectedPurchases(t, CustomerHistory.of(x, recency, TEN_YEARS)))
                                .as(at + " t=" + t)
                                .isFinite().isGreaterThanOrEqualTo(0);
                    }
                }
            }
            for (double t : HORIZONS) {
                assertThat(model.expectedPurchases(t)).as(model + " E[X(%s)]", t).isFinite().isGreaterThanOrEqualTo(0);
                for (int n : new int[] {0, 10, 10_000}) {
                    assertThat(model.probabilityOfPurchases(n, t)).as(model + " P(X(%s) = %d)", t, n).isBetween(0.0,
                            1.0);
                }
            }
        }
    }

    @Test
    void likelihoodsAndTheirDerivativesStayFiniteForExtremeRows() {
        RfmCells.Builder builder = RfmCells.builder(ChronoUnit.DAYS);
        for (int x : FREQUENCIES) {
            for (double recency : RECENCIES) {
                if (x == 0 && recency == 0 || x > 0 && recency > 0) {
                    builder.add(x, recency, TEN_YEARS, x > 0 ? OptionalDouble.of(1e6) : OptionalDouble.empty(), 1);
                }
            }
        }
        RfmCells cells = builder.build();
        double[][] points = {{0.243, 30.9, 0.793, 2.426}, {4, 0.05, 40, 0.02}, {10.465, 7.98565181e-03, 3.0516, 2.820}};
        for (double[] p : points) {
            for (double[] value : List.of(new BetaGeometricLikelihood(CellAccess.columns(cells), 0).evaluate(p, 2),
                    new BetaGeometricLikelihood(CellAccess.columns(cells), 1).evaluate(p, 2),
                    new ParetoNbdLikelihood(CellAccess.columns(cells)).evaluate(p, 2))) {
                for (double entry : value) {
                    assertThat(entry).as(java.util.Arrays.toString(p)).isFinite();
                }
            }
        }
        assertThat(BgNbd.ofDefaults().fit(cells).converged()).isTrue();
        assertThat(ParetoNbd.ofDefaults().fit(cells).logLikelihood()).isFinite();
        ModelFit<GammaGammaModel> spend = GammaGamma.ofDefaults().fit(cells);
        assertThat(spend.logLikelihood()).isFinite();
        GammaGammaModel gammaGamma = GammaGammaModel.of(6.25, 3.74, 15.44);
        assertThat(gammaGamma.expectedAverageSpend(10_000, 1e6)).isFinite();
        assertThat(gammaGamma.logLikelihood(10_000, 1e6)).isFinite();
        CustomerLifetimeValue clv = CustomerLifetimeValue.of(MODELS.get(0), gammaGamma,
                ClvSettings.custom(Duration.ofDays(3640)).period(Duration.ofDays(28)).discountRate(0.01).build());
        for (double value : clv.values(cells)) {
            assertThat(value).isFinite().isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void bgBbStaysFiniteForTenThousandTransactions() {
        BgBbModel model = BgBbModel.of(1.204, 0.750, 0.657, 2.783, ChronoUnit.DAYS);
        int[][] histories = {{0, 0, 3650}, {10_000, 10_000, 10_000}, {10_000, 15_000, 20_000}, {1, 1, 20_000}};
        for (int[] h : histories) {
            assertThat(model.logLikelihood(CustomerHistory.of(h[0], h[1], h[2]))).isFinite();
            assertThat(model.probabilityAlive(CustomerHistory.of(h[0], h[1], h[2]))).isBetween(0.0, 1.0);
            assertThat(model.conditionalExpectedPurchases(3650, CustomerHistory.of(h[0], h[1], h[2]))).isFinite()
                    .isGreaterThanOrEqualTo(0);
        }
        assertThat(model.probabilityOfPurchases(10_000, 20_000)).isBetween(0.0, 1.0);
        RfmCells extreme = RfmCells.builder(ChronoUnit.DAYS).add(10_000, 15_000, 20_000).add(0, 0, 20_000).add(3, 50,
                3650).build();
        double[] packed = new BgBbLikelihood(CellAccess.columns(extreme)).evaluate(new double[] {1.2, 0.75, 0.66,
                2.8}, 1);
        for (double entry : packed) {
            assertThat(entry).isFinite();
        }
    }
}
