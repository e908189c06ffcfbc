package dev.cxm.engage.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.clv.ClvSettings;
import dev.cxm.metrics.clv.CustomerLifetimeValue;
import dev.cxm.metrics.clv.CustomerValue;
import dev.cxm.metrics.clv.GammaGammaModel;
import dev.cxm.metrics.clv.rfm.CustomerSummary;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;

/**
 * The profile's CLV estimate equals what cxm-metrics computes for the same customer from a continuous-time RFM
 * summary (the independent path: RfmSummary over the raw purchases, then CustomerLifetimeValue.valueOf). The
 * models are the published CDNOW BG/NBD (Fader, Hardie and Lee 2005) and Gamma-Gamma (Fader, Hardie and Lee
 * 2005b) parameters, read as days.
 */
class ClvValuationTest {

    private static final Instant DAY0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final BgNbdModel BG_NBD = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.DAYS);
    private static final GammaGammaModel GAMMA_GAMMA = GammaGammaModel.of(6.25, 3.74, 15.44);
    private static final ClvSettings SETTINGS = ClvSettings.custom(Duration.ofDays(360)).period(Duration.ofDays(30))
            .discountRate(0.01).build();

    private static Purchase purchase(String id, int day, String amount) {
        return Purchase.builder(CustomerId.of("cat"), DAY0.plus(Duration.ofDays(day)), Money.of(amount, "EUR"))
                .eventId(id).build();
    }

    @Test
    void theEstimateEqualsTheLifetimeValueOfTheContinuousTimeSummary() {
        List<Purchase> purchases = List.of(purchase("p1", 0, "30"), purchase("p2", 10, "20"), purchase("p3", 30, "50"));
        Instant asOf = DAY0.plus(Duration.ofDays(60));
        ClvValuation valuation = ClvValuation.of(BG_NBD, GAMMA_GAMMA, SETTINGS, Currency.getInstance("EUR"));
        ProfileBuilder builder = ProfileBuilder.custom().valuation(valuation).build();
        CustomerProfile cat = builder.valued(builder.rebuild(CustomerId.of("cat"), Optional.empty(), purchases), asOf);

        RfmSummary summary = RfmSummary.of(purchases.stream(),
                RfmSummaryOptions.custom(asOf, ChronoUnit.DAYS).continuousTime().build());
        CustomerSummary row = summary.customers().get(0);
        // frequency 2, recency 30 days, T 60 days, mean repeat spend (20 + 50) / 2 = 35
        assertThat(row.frequency()).isEqualTo(2);
        assertThat(row.recency()).isEqualTo(30.0);
        assertThat(row.age()).isEqualTo(60.0);
        assertThat(row.monetaryValue().getAsDouble()).isEqualTo(35.0);
        CustomerValue expected = CustomerLifetimeValue.of(BG_NBD, GAMMA_GAMMA, SETTINGS).valueOf(row);

        ClvEstimate estimate = cat.clv().orElseThrow();
        assertThat(estimate.probabilityAlive()).isCloseTo(expected.probabilityAlive(), within(1e-12));
        assertThat(estimate.expectedPurchases()).isCloseTo(expected.expectedPurchases(), within(1e-9));
        assertThat(estimate.lifetimeValue().getAsDouble()).isCloseTo(expected.value(), within(1e-9));
        assertThat(estimate.valueAtRisk().getAsDouble())
                .isCloseTo(expected.value() * (1 - expected.probabilityAlive()), within(1e-9));
    }

    @Test
    void aCustomerWithoutPurchasesHasNoEstimateAndOneInAnotherCurrencyNoValue() {
        ClvValuation valuation = ClvValuation.of(BG_NBD, GAMMA_GAMMA, SETTINGS, Currency.getInstance("USD"));
        ProfileBuilder builder = ProfileBuilder.custom().valuation(valuation).build();
        Instant asOf = DAY0.plus(Duration.ofDays(60));
        assertThat(builder.valued(builder.empty(CustomerId.of("cat")), asOf).clv()).isEmpty();
        CustomerProfile euros = builder.valued(builder.rebuild(CustomerId.of("cat"), Optional.empty(),
                List.of(purchase("p1", 0, "30"))), asOf);
        assertThat(euros.clv().orElseThrow().lifetimeValue()).isEmpty();
        assertThat(euros.clv().orElseThrow().probabilityAlive()).isEqualTo(1.0);
    }

    @Test
    void aCurrencyWithoutASpendModelIsRefused() {
        assertThatThrownBy(() -> new ClvValuation(BG_NBD, Optional.empty(), SETTINGS,
                Optional.of(Currency.getInstance("EUR"))))
                .hasMessageStartingWith("currency: a spend model needs the currency");
    }
}
