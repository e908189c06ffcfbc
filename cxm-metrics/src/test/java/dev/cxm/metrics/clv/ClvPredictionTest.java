package dev.cxm.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.SummaryCsvReader;

class ClvPredictionTest {

    private static final BgNbdModel PURCHASES = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS);
    private static final GammaGammaModel SPEND = GammaGammaModel.of(6.25, 3.74, 15.44);

    /** The CDNOW summary with spend (Hardie's file), each row named by its customer id. */
    private static RfmCells cdnow() throws IOException {
        try (InputStream in = ClvPredictionTest.class.getResourceAsStream(
                "/data/cdnow_customers_summary_with_transactions.csv")) {
            return SummaryCsvReader.ofDefaults(ChronoUnit.WEEKS).read(in);
        }
    }

    @Test
    void predictsHardiesNumbersForEveryCustomerWithTotalsAndTheTopCustomers() throws IOException {
        // Oracles: Hardie's BG/NBD and Gamma-Gamma spreadsheets for CDNOW customer 1 (x = 2, t_x = 30.43,
        // T = 38.86): 1.226 expected purchases in 39 weeks and 24.65 expected spend per purchase; undiscounted,
        // the value is their product (the per-period increments telescope). Totals and the top ten are checked
        // against a brute-force sum and sort of the per-customer predictions in this test.
        RfmCells cells = cdnow();
        BgNbdModel purchases = BgNbd.ofDefaults().fit(cells).requireModel();
        GammaGammaModel spend = GammaGamma.ofDefaults().fit(cells).requireModel();
        ClvPrediction prediction = ClvPrediction.custom(Duration.ofDays(7 * 39)).period(Duration.ofDays(7 * 13))
                .build();
        CustomerPredictions predictions = prediction.predict(purchases, spend, cells);
        assertThat(predictions.size()).isEqualTo(2357);
        assertThat(predictions.purchaseModel()).contains("bg-nbd");
        assertThat(predictions.hasValue()).isTrue();
        CustomerPrediction first = predictions.get(0);
        assertThat(first.customerId()).contains(CustomerId.of("1"));
        assertThat(first.history()).isEqualTo(CustomerHistory.of(2, 30.43, 38.86));
        assertThat(first.expectedPurchases().getAsDouble()).isCloseTo(1.226, within(0.001));
        assertThat(first.expectedSpend().getAsDouble()).isCloseTo(24.65, within(0.01));
        double product = first.expectedPurchases().getAsDouble() * first.expectedSpend().getAsDouble();
        assertThat(first.value().getAsDouble()).isCloseTo(product, within(1e-9 * product));
        assertThat(first.probabilityAlive().getAsDouble()).isEqualTo(purchases.probabilityAlive(first.history()));
        double purchasesTotal = 0;
        double valueTotal = 0;
        List<CustomerPrediction> all = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            CustomerPrediction p = predictions.get(i);
            all.add(p);
            purchasesTotal += p.weight() * p.expectedPurchases().getAsDouble();
            valueTotal += p.weight() * p.value().getAsDouble();
        }
        assertThat(predictions.totalExpectedPurchases().getAsDouble()).isCloseTo(purchasesTotal,
                within(1e-9 * purchasesTotal));
        assertThat(predictions.totalValue().getAsDouble()).isCloseTo(valueTotal, within(1e-9 * valueTotal));
        List<CustomerPrediction> sorted = all.stream()
                .sorted(Comparator.comparingDouble((CustomerPrediction p) -> p.value().getAsDouble()).reversed())
                        .toList();
        assertThat(predictions.top()).isEqualTo(sorted.subList(0, ClvPrediction.DEFAULT_TOP));
    }

    @Test
    void bgBbAnswersThroughTheSamePredictionsWithHardiesTotal() {
        // Oracle: Hardie's BG/BB spreadsheet: 12,884.2 expected donations of the 11,104 donors in the next five
        // years at the estimates fitted to the donations; a donor who gave at every one of the six
        // opportunities is alive now for sure (P(alive) at opportunity 6 is 1), and less surely at the next.
        RfmCells donations = ClvData.donations();
        BgBbModel model = BgBb.ofDefaults().fit(donations).requireModel();
        CustomerPredictions predictions = ClvPrediction.ofDefaults(ChronoUnit.YEARS.getDuration().multipliedBy(5))
                .predict(model, donations);
        assertThat(predictions.totalExpectedPurchases().getAsDouble()).isCloseTo(12884.2, within(0.05));
        assertThat(predictions.totalValue()).isEmpty();
        assertThat(predictions.hasValue()).isFalse();
        for (int i = 0; i < donations.size(); i++) {
            CustomerPrediction p = predictions.get(i);
            if (p.history().frequency() == 6) {
                assertThat(p.probabilityAlive()).hasValue(1.0);
                assertThat(model.probabilityAliveAtNextOpportunity(p.history())).isLessThan(1.0);
            }
        }
        assertThatThrownBy(() -> ClvPrediction.ofDefaults(Duration.ofDays(400)).predict(model, donations))
                .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("is not a whole number of opportunities");
    }

    @Test
    void bgBbHasALifetimeValueWhereASpendModelGivesOne() {
        // Oracle: the telescoping identity: undiscounted, a donor's value over five yearly periods is the
        // Gamma-Gamma expected spend times BG/BB's conditional expected transactions, from the models' own
        // closed forms; discounted at 10% a year, each year's expected transactions (differences of the
        // cumulative expectation) divided by 1.1^year.
        BgBbModel model = BgBbModel.of(1.204, 0.750, 0.657, 2.783, ChronoUnit.YEARS);
        RfmCells donors = RfmCells.builder(ChronoUnit.YEARS).add(3, 5, 6, OptionalDouble.of(40), 1)
                .add(0, 0, 6, OptionalDouble.empty(), 1).build();
        Duration year = ChronoUnit.YEARS.getDuration();
        CustomerPredictions plain = ClvPrediction.custom(year.multipliedBy(5)).period(year).build()
                .predict(model, SPEND, donors);
        CustomerHistory history = CustomerHistory.of(3, 5, 6);
        double expected = model.conditionalExpectedPurchases(5, history) * SPEND.expectedAverageSpend(3, 40);
        assertThat(plain.get(0).value().getAsDouble()).isCloseTo(expected, within(1e-9 * expected));
        CustomerPredictions discounted = ClvPrediction.custom(year.multipliedBy(5)).period(year).discountRate(0.1)
                .build().predict(model, SPEND, donors);
        double sum = 0;
        for (int k = 1; k <= 5; k++) {
            sum += (model.conditionalExpectedPurchases(k, history) - model.conditionalExpectedPurchases(k - 1, history))
                    / Math.pow(1.1, k);
        }
        double oracle = sum * SPEND.expectedAverageSpend(3, 40);
        assertThat(discounted.get(0).value().getAsDouble()).isCloseTo(oracle, within(1e-9 * oracle));
        assertThatThrownBy(() -> CustomerLifetimeValue.of(model, SPEND, ClvSettings.custom(Duration.ofDays(730))
                .period(Duration.ofDays(365)).build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a whole number of the bg-bb model's opportunities");
    }

    @Test
    void spendAloneAndSpendWithoutAFiniteMeanGiveNoValue() {
        // Oracle: Gamma-Gamma's closed form p (v + x zbar) / (p x + q - 1) per customer; with q <= 1 the
        // population mean is infinite, so customers without repeat purchases have no expected spend and
        // nobody a value (the algebra of the model).
        RfmCells cells = RfmCells.builder(ChronoUnit.WEEKS).add(2, 30, 38, OptionalDouble.of(20), 1)
                .add(0, 0, 38, OptionalDouble.empty(), 2).add(5, 35, 38, OptionalDouble.of(60), 1).build();
        CustomerPredictions spendOnly = ClvPrediction.ofDefaults(Duration.ofDays(364)).predictSpend(SPEND, cells);
        assertThat(spendOnly.purchaseModel()).isEmpty();
        assertThat(spendOnly.get(0).expectedSpend().getAsDouble()).isEqualTo(SPEND.expectedAverageSpend(2, 20));
        assertThat(spendOnly.get(1).expectedSpend().getAsDouble()).isEqualTo(SPEND.expectedAverageSpend());
        assertThat(spendOnly.get(0).probabilityAlive()).isEmpty();
        assertThat(spendOnly.totalExpectedPurchases()).isEmpty();
        assertThat(spendOnly.top().get(0).row()).isEqualTo(2);
        GammaGammaModel heavy = GammaGammaModel.of(6, 0.7, 15);
        CustomerPredictions noMean = ClvPrediction.ofDefaults(Duration.ofDays(364)).predict(PURCHASES, heavy, cells);
        assertThat(noMean.hasValue()).isFalse();
        assertThat(noMean.totalValue()).isEmpty();
        assertThat(noMean.get(0).expectedSpend()).isPresent();
        assertThat(noMean.get(1).expectedSpend()).isEmpty();
        assertThat(noMean.totalExpectedPurchases().getAsDouble()).isCloseTo(
                PURCHASES.conditionalExpectedPurchases(52, cells.history(0))
                        + 2 * PURCHASES.conditionalExpectedPurchases(52, cells.history(1))
                        + PURCHASES.conditionalExpectedPurchases(52, cells.history(2)), within(1e-12));
    }

    @Test
    void topCustomersBreakTiesByRowAndRefuseAMismatchedUnit() {
        // Oracle: the ranking rule (highest first, ties in row order), on identical customers whose keys tie.
        RfmCells same = RfmCells.builder(ChronoUnit.WEEKS).add(1, 2, 10).add(3, 9, 10).add(1, 2, 10).add(1, 2, 10)
                .build();
        CustomerPredictions predictions = ClvPrediction.custom(Duration.ofDays(70)).top(3).build().predict(PURCHASES,
                same);
        assertThat(predictions.top()).extracting(CustomerPrediction::row).containsExactly(1, 0, 2);
        assertThat(ClvPrediction.custom(Duration.ofDays(70)).top(0).build().predict(PURCHASES, same).top()).isEmpty();
        RfmCells days = RfmCells.builder(ChronoUnit.DAYS).add(1, 2, 10).build();
        assertThatThrownBy(() -> ClvPrediction.ofDefaults(Duration.ofDays(70)).predict(PURCHASES, days))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customers: their unit Days");
        RfmCells missing = RfmCells.builder(ChronoUnit.WEEKS).add(1, 2, 10).build();
        assertThatThrownBy(() -> ClvPrediction.ofDefaults(Duration.ofDays(70)).predict(PURCHASES, SPEND, missing))
                .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("the repeat buyer row 1 has no spend");
        assertThat(predictions.get(0).customerId()).isEmpty();
    }
}
