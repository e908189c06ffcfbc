package dev.cxm.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;

/**
 * The questions a {@link PurchaseModel} answers for a {@link Duration}, for many horizons at once and for a set
 * of cells, on every model. Oracle: the same model's answer in plain numbers of its unit (a week is 7 days, a
 * year 365.2425 days, so the durations below are exact), horizon by horizon, and the weighted sum of the
 * customers' log-likelihoods taken one by one in this test; and the documented refusal of cells in another
 * unit. BG/BB, which answers in whole opportunities, also has its lifetime values in bulk equal to the values
 * customer by customer (it takes no Chebyshev expansion in T, which would ask it about fractional T).
 */
class PurchaseModelDefaultsTest {

    private static final Duration YEAR = ChronoUnit.YEARS.getDuration();

    private static final PurchaseModel[] MODELS = {BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS),
            MbgNbdModel.of(0.525, 6.18, 0.891, 1.614, ChronoUnit.WEEKS),
            ParetoNbdModel.of(0.55, 10.6, 0.61, 11.7, ChronoUnit.WEEKS),
            BgBbModel.of(1.2, 0.75, 0.66, 2.78, ChronoUnit.YEARS)};

    private static Duration units(PurchaseModel model, long count) {
        return model.unit() == ChronoUnit.WEEKS ? Duration.ofDays(7 * count) : YEAR.multipliedBy(count);
    }

    @Test
    void durationsAreAnsweredAsTheirNumberOfUnits() {
        CustomerHistory customer = CustomerHistory.of(2, 4, 6);
        for (PurchaseModel model : MODELS) {
            for (long t : new long[] {1, 3, 5}) {
                assertThat(model.expectedPurchases(units(model, t))).as("%s E[X(%d)]", model.name(), t)
                        .isCloseTo(model.expectedPurchases(t), within(1e-12));
                assertThat(model.conditionalExpectedPurchases(units(model, t), customer))
                        .as("%s conditional %d", model.name(), t)
                        .isCloseTo(model.conditionalExpectedPurchases(t, customer), within(1e-12));
                for (int count = 0; count <= 3; count++) {
                    assertThat(model.probabilityOfPurchases(count, units(model, t)))
                            .as("%s P(X(%d) = %d)", model.name(), t, count)
                            .isCloseTo(model.probabilityOfPurchases(count, (double) t), within(1e-12));
                }
            }
        }
    }

    @Test
    void manyHorizonsAreAnsweredHorizonByHorizon() {
        CustomerHistory customer = CustomerHistory.of(3, 5, 8);
        double[] horizons = {0, 1, 2, 5, 10};
        for (PurchaseModel model : MODELS) {
            double[] all = model.conditionalExpectedPurchases(horizons, customer);
            assertThat(all).as(model.name()).hasSize(horizons.length);
            for (int i = 0; i < horizons.length; i++) {
                assertThat(all[i]).as("%s at %s", model.name(), horizons[i])
                        .isCloseTo(model.conditionalExpectedPurchases(horizons[i], customer), within(1e-12));
            }
            assertThat(model.conditionalExpectedPurchases(new double[0], customer)).isEmpty();
        }
    }

    @Test
    void theLogLikelihoodOfCellsIsTheWeightedSumOfTheCustomers() {
        for (PurchaseModel model : MODELS) {
            RfmCells cells = RfmCells.builder(model.unit()).add(0, 0, 6, OptionalDouble.empty(), 2.5)
                    .add(2, 4, 6, OptionalDouble.empty(), 1).add(5, 7, 8, OptionalDouble.empty(), 3).build();
            double expected = 2.5 * model.logLikelihood(CustomerHistory.of(0, 0, 6))
                    + model.logLikelihood(CustomerHistory.of(2, 4, 6)) + 3 * model.logLikelihood(CustomerHistory.of(5, 7, 8));
            assertThat(model.logLikelihood(cells)).as(model.name()).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
            ChronoUnit other = model.unit() == ChronoUnit.WEEKS ? ChronoUnit.DAYS : ChronoUnit.MONTHS;
            RfmCells elsewhere = RfmCells.builder(other).add(2, 4, 6).build();
            assertThatThrownBy(() -> model.logLikelihood(elsewhere)).as(model.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cells: their unit " + other + " differs from the model's " + model.unit());
        }
    }

    @Test
    void bgBbLifetimeValuesInBulkEqualTheValuesOfEachCustomer() {
        BgBbModel model = BgBbModel.of(1.2, 0.75, 0.66, 2.78, ChronoUnit.YEARS);
        GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
        CustomerLifetimeValue clv = CustomerLifetimeValue.of(model, spend,
                ClvSettings.custom(YEAR.multipliedBy(5)).period(YEAR).discountRate(0.1).build());
        RfmCells.Builder builder = RfmCells.builder(ChronoUnit.YEARS);
        for (int age = 3; age <= 9; age++) {
            builder.add(0, 0, age, OptionalDouble.empty(), 1);
            builder.add(1, age - 1, age, OptionalDouble.of(20 + age), 1);
            builder.add(2, age, age, OptionalDouble.of(35), 2);
        }
        RfmCells cells = builder.build();
        double[] bulk = clv.values(cells);
        for (int i = 0; i < cells.size(); i++) {
            double single = clv.value(cells.history(i), cells.monetaryValue(i));
            assertThat(bulk[i]).as("row %d", i).isCloseTo(single, within(1e-12 * single));
            assertThat(single).as("row %d", i).isPositive();
        }
    }
}
