package dev.cxm.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * The CLV calculators' refusals that no other test tries: a repeat buyer without spend (named by row, never by
 * value), cells or a summary in another unit than the model's, a spend model without a finite population mean, and a BG/BB
 * period that is not a whole number of opportunities. Expected values are the documented rules; the
 * parameters are those of the CDNOW fits used across the CLV tests.
 */
class ClvGuardsEdgeCasesTest {

    private static final BgNbdModel PURCHASES = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS);
    private static final GammaGammaModel SPEND = GammaGammaModel.of(6.25, 3.74, 15.44);
    private static final ClvSettings YEAR = ClvSettings.custom(Duration.ofDays(364)).period(Duration.ofDays(28))
            .discountRate(0.01).build();

    @Test
    void aRepeatBuyerWithoutSpendIsRefusedNamingTheRow() {
        RfmCells cells = RfmCells.builder(ChronoUnit.WEEKS).add(0, 0, 30).add(2, 10, 30).build();
        CustomerLifetimeValue clv = CustomerLifetimeValue.of(PURCHASES, SPEND, YEAR);

        assertThatThrownBy(() -> clv.values(cells)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monetaryValue: the repeat buyer row 2 has no spend; lifetime value needs the mean repeat"
                        + " spend of every repeat buyer");
        assertThatThrownBy(() -> clv.value(CustomerHistory.of(3, 10, 30), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monetaryValue: a customer with 3 repeat purchases has no spend; lifetime value needs the"
                        + " mean repeat spend of every repeat buyer");
        assertThatThrownBy(() -> GammaGamma.ofDefaults().fit(cells)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monetaryValue: the repeat buyer row 2 has no spend; the Gamma-Gamma model needs the spend"
                        + " of every repeat buyer");
    }

    @Test
    void cellsInAnotherUnitThanTheModelsAreRefused() {
        RfmCells days = RfmCells.builder(ChronoUnit.DAYS).add(1, 10, 30).build();

        assertThatThrownBy(() -> PURCHASES.logLikelihood(days)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cells: their unit Days differs from the model's Weeks");
    }

    @Test
    void aSummaryInAnotherUnitThanTheModelsIsRefused() {
        RfmSummaryOptions inDays = RfmSummaryOptions.custom(Instant.parse("1997-10-01T00:00:00Z"), ChronoUnit.DAYS)
                .build();
        CustomerSummary customer = new CustomerSummary(CustomerId.of("1"), 2, 213, 272, OptionalDouble.of(22.35),
                OptionalDouble.of(74.0), Optional.empty());
        CustomerLifetimeValue clv = CustomerLifetimeValue.of(PURCHASES, SPEND, YEAR);

        assertThatThrownBy(() -> clv.valuesOf(new RfmSummary(inDays, Optional.empty(), List.of(customer))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit: the customers are summarised in Days but the bg-nbd model in Weeks; fit and"
                        + " predict in one unit");
    }

    @Test
    void aSpendModelWithoutAFinitePopulationMeanHasNoLifetimeValue() {
        // Closed form: the Gamma-Gamma population mean spend p v / (q - 1) is infinite for q <= 1; q = 1 exactly.
        GammaGammaModel heavyTailed = GammaGammaModel.of(6.25, 1, 15.44);

        assertThatThrownBy(() -> CustomerLifetimeValue.of(PURCHASES, heavyTailed, YEAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("spend: q = 1.0 is at most 1, so the Gamma-Gamma population mean spend");
    }

    @Test
    void aBgBbPeriodMustBeAWholeNumberOfOpportunities() {
        BgBbModel yearly = BgBbModel.of(1.2, 0.75, 0.66, 2.78, ChronoUnit.YEARS);
        ClvSettings halfYears = ClvSettings.custom(ChronoUnit.YEARS.getDuration().multipliedBy(3)).period(ChronoUnit.YEARS.getDuration()
                .dividedBy(2)).discountRate(0).build();

        assertThatThrownBy(() -> CustomerLifetimeValue.of(yearly, SPEND, halfYears))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("settings: the period " + halfYears.period() + " is not a whole number of the"
                        + " bg-bb model's opportunities (Years)");
    }
}
