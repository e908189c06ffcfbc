package dev.cxm.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.CustomerSummary;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;

class CustomerLifetimeValueTest {

    private static final BgNbdModel PURCHASES = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS);
    private static final GammaGammaModel SPEND = GammaGammaModel.of(6.25, 3.74, 15.44);
    private static final ClvSettings YEAR_IN_FOUR_WEEK_PERIODS = ClvSettings.custom(Duration.ofDays(364))
            .period(Duration.ofDays(28)).discountRate(0.01).build();

    @Test
    void newCustomerValueMatchesTheSimulatedDiscountedSpend() {
        // Oracle: 200,000 new customers simulated in this test from the BG/NBD and Gamma-Gamma stories: every
        // purchase in the first 52 weeks is drawn with its spend and discounted by 1.01 per started 4-week period.
        GenerativeSimulation simulation = new GenerativeSimulation(1999);
        int customers = 200_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < customers; i++) {
            double nu = simulation.gamma(3.74) / 15.44;
            double value = 0;
            for (double time : simulation.betaGeometricPurchaseTimes(0.243, 4.414, 0.793, 2.426, 52)) {
                value += simulation.gamma(6.25) / nu * Math.pow(1.01, -Math.ceil(time / 4));
            }
            sum += value;
            sumSquares += value * value;
        }
        double mean = sum / customers;
        double standardError = Math.sqrt((sumSquares / customers - mean * mean) / customers);
        CustomerLifetimeValue clv = CustomerLifetimeValue.of(PURCHASES, SPEND, YEAR_IN_FOUR_WEEK_PERIODS);
        assertThat(clv.value(CustomerHistory.of(0, 0, 0), OptionalDouble.empty())).isCloseTo(mean,
                within(4 * standardError));
    }

    @Test
    void withoutDiscountingTheValueIsSpendTimesExpectedPurchases() {
        // Oracle: with rate 0 the per-period increments telescope to E[purchases over the horizon] times the
        // expected spend, both from the models' own closed forms.
        CustomerLifetimeValue clv = CustomerLifetimeValue.of(PURCHASES, SPEND,
                ClvSettings.custom(Duration.ofDays(364)).period(Duration.ofDays(28)).discountRate(0).build());
        double expected = PURCHASES.conditionalExpectedPurchases(52, CustomerHistory.of(2, 30.43,
                38.86)) * SPEND.expectedAverageSpend(2, 22.35);
        assertThat(clv.value(CustomerHistory.of(2, 30.43, 38.86), OptionalDouble.of(22.35))).isCloseTo(expected,
                within(1e-9 * expected));
        CustomerLifetimeValue onePeriod = CustomerLifetimeValue.of(PURCHASES, SPEND,
                ClvSettings.custom(Duration.ofDays(28)).period(Duration.ofDays(28)).discountRate(0.05).build());
        double single = PURCHASES.conditionalExpectedPurchases(4, CustomerHistory.of(2, 30.43,
                38.86)) * SPEND.expectedAverageSpend(2, 22.35) / 1.05;
        assertThat(onePeriod.value(CustomerHistory.of(2, 30.43, 38.86), OptionalDouble.of(22.35))).isCloseTo(single,
                within(1e-9 * single));
    }

    @Test
    void valuesDoNotDependOnTheTimeUnitOfTheData() {
        // Oracle: the same CDNOW customers summarised in weeks; in days every recency and T is 7 times larger,
        // alpha comes out 7 times larger, and every lifetime value must be the same (the weekly-data,
        // daily-steps mistake of lifetimes cannot happen when the period is a Duration).
        RfmCells weeks = ClvData.cdnowCellsWithSpend();
        RfmCells.Builder inDays = RfmCells.builder(ChronoUnit.DAYS);
        for (int i = 0; i < weeks.size(); i++) {
            inDays.add(weeks.frequency(i), 7 * weeks.recency(i), 7 * weeks.age(i), weeks.monetaryValue(i), 1);
        }
        RfmCells days = inDays.build();
        BgNbdModel weekly = BgNbd.ofDefaults().fit(weeks).requireModel();
        BgNbdModel daily = BgNbd.ofDefaults().fit(days).requireModel();
        assertThat(daily.alpha()).isCloseTo(7 * weekly.alpha(), within(1e-5 * weekly.alpha()));
        GammaGammaModel spend = GammaGamma.ofDefaults().fit(weeks).requireModel();
        double[] perWeek = CustomerLifetimeValue.of(weekly, spend, YEAR_IN_FOUR_WEEK_PERIODS).values(weeks);
        double[] perDay = CustomerLifetimeValue.of(daily, spend, YEAR_IN_FOUR_WEEK_PERIODS).values(days);
        for (int i = 0; i < perWeek.length; i++) {
            assertThat(perDay[i]).as("customer %d", i + 1).isCloseTo(perWeek[i], within(1e-5 * perWeek[i] + 1e-9));
        }
    }

    @Test
    void bulkValuesEqualTheValuesOfEachCustomer() {
        // Oracle: the per-customer computation, row by row (the bulk path expands the hypergeometric tail of
        // each frequency in Chebyshev polynomials, to 1e-14).
        RfmCells cells = ClvData.cdnowCellsWithSpend();
        CustomerLifetimeValue clv = CustomerLifetimeValue.of(PURCHASES, SPEND, YEAR_IN_FOUR_WEEK_PERIODS);
        double[] bulk = clv.values(cells);
        for (int i = 0; i < cells.size(); i++) {
            double single = clv.value(CustomerHistory.of(cells.frequency(i), cells.recency(i), cells.age(i)),
                    cells.monetaryValue(i));
            assertThat(bulk[i]).isCloseTo(single, within(1e-12 * single + 1e-12));
        }
        RfmSummaryOptions options = RfmSummaryOptions.custom(Instant.parse("1997-10-01T00:00:00Z"), ChronoUnit.WEEKS)
                .build();
        CustomerSummary customer = new CustomerSummary(CustomerId.of("1"), 2, 30.43, 38.86, OptionalDouble.of(22.35),
                OptionalDouble.of(74.0), Optional.empty());
        LifetimeValues values = clv.valuesOf(new RfmSummary(options, Optional.empty(), List.of(customer)));
        CustomerValue value = values.customers().get(0);
        assertThat(value.value()).isEqualTo(clv.value(CustomerHistory.of(2, 30.43, 38.86), OptionalDouble.of(22.35)));
        assertThat(value.probabilityAlive()).isEqualTo(PURCHASES.probabilityAlive(CustomerHistory.of(2, 30.43, 38.86)));
        assertThat(value.expectedPurchases()).isCloseTo(PURCHASES.conditionalExpectedPurchases(52,
                CustomerHistory.of(2, 30.43, 38.86)), within(1e-12));
        assertThat(value.expectedAverageSpend()).isEqualTo(SPEND.expectedAverageSpend(2, 22.35));
        assertThat(values.total()).isEqualTo(value.value());
        assertThat(values.unit()).isEqualTo(ChronoUnit.WEEKS);
        assertThat(values.settings()).isEqualTo(YEAR_IN_FOUR_WEEK_PERIODS);
    }

    @Test
    void expectedCumulativeRepeatPurchasesTrackASimulatedCohort() {
        // Oracle: a cohort of 100,000 customers simulated in this test, first purchases spread over 12 weeks
        // before a calibration of 39 weeks: none before the first purchase, then the repeat purchases by the
        // calibration end and 26 weeks later.
        GenerativeSimulation simulation = new GenerativeSimulation(3);
        RfmCells.Builder cohort = RfmCells.builder(ChronoUnit.WEEKS);
        double calibration = 0;
        double withHoldout = 0;
        double variance = 0;
        for (int i = 0; i < 100_000; i++) {
            double age = 27 + (i % 84) / 7.0;
            GenerativeSimulation.Customer customer = simulation.betaGeometric(0.243, 4.414, 0.793, 2.426, false, age,
                    26);
            calibration += customer.frequency();
            int total = customer.frequency() + customer.holdoutPurchases();
            withHoldout += total;
            variance += total * total;
            cohort.add(customer.frequency(), customer.recency(), age);
        }
        double[] expected = TransactionTracking.expectedRepeatPurchases(PURCHASES, cohort.build(), new double[] {-39,
                0, 26});
        double spread = 4 * Math.sqrt(variance);
        assertThat(expected[0]).isZero();
        assertThat(expected[1]).isCloseTo(calibration, within(spread));
        assertThat(expected[2]).isCloseTo(withHoldout, within(spread));
    }

    @Test
    void rejectsMismatchedUnitsAndHorizons() {
        assertThatThrownBy(() -> ClvSettings.custom(Duration.ofDays(100)).period(Duration.ofDays(30))
                .discountRate(0.01).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon: PT2400H is not a whole number of periods of PT720H");
        assertThatThrownBy(() -> ClvSettings.custom(Duration.ofDays(90)).period(Duration.ofDays(30))
                .discountRate(-0.1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("discountRate: -0.1 is negative");
        assertThat(ClvSettings.custom(Duration.ofDays(ClvSettings.MAX_PERIODS)).period(Duration.ofDays(1))
                .discountRate(0).build().periods())
                .isEqualTo(10_000);
        assertThatThrownBy(() -> ClvSettings.custom(Duration.ofDays(364)).period(Duration.ofSeconds(1))
                .discountRate(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("horizon: PT8736H is 31449600 periods of PT1S; at most 10000 periods are discounted one by"
                        + " one, so choose a longer period");
        RfmCells days = RfmCells.builder(ChronoUnit.DAYS).add(1, 2, 3, OptionalDouble.of(10), 1).build();
        assertThatThrownBy(() -> CustomerLifetimeValue.of(PURCHASES, SPEND, YEAR_IN_FOUR_WEEK_PERIODS).values(days))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit: the customers are summarised in Days but the bg-nbd model in Weeks");
        assertThatThrownBy(() -> CustomerLifetimeValue.of(PURCHASES, SPEND, YEAR_IN_FOUR_WEEK_PERIODS)
                .value(CustomerHistory.of(2, 1, 3), OptionalDouble.empty()))
                        .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no spend");
    }
}
