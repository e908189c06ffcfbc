package dev.cxm.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.stats.ModelFit;

/**
 * What a BG/BB fit takes as opportunities: recency and T whole numbers from 0 to {@code Integer.MAX_VALUE}.
 * Expected values are the documented rules of {@link BgBb#fit} (a fractional or too large count is malformed
 * input and throws naming the field and the row; data without repeat purchases return an unconverged fit),
 * and of the model's questions (more repeat transactions than opportunities up to the recency is refused).
 */
class BgBbFitInputTest {

    @Test
    void aFractionalNumberOfOpportunitiesIsRefusedNamingTheRow() {
        RfmCells fractionalAge = RfmCells.builder(ChronoUnit.YEARS).add(1, 2, 6).add(1, 2, 6.5).build();

        assertThatThrownBy(() -> BgBb.ofDefaults().fit(fractionalAge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("T: not a whole number of opportunities (row 2); BG/BB counts discrete opportunities");
    }

    @Test
    void opportunitiesUpToTheLargestIntAreTakenAndOneMoreIsRefused() {
        // Integer.MAX_VALUE opportunities are whole and in range: the fit goes on to find the data unidentified
        // (no repeat purchase), the answer for data that cannot identify the model. 2^31 is out of range.
        RfmCells largest = RfmCells.builder(ChronoUnit.YEARS).add(0, 0, Integer.MAX_VALUE).build();
        ModelFit<BgBbModel> fit = BgBb.ofDefaults().fit(largest);
        assertThat(fit.converged()).isFalse();
        assertThat(fit.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("no customer made a"
                + " repeat purchase"));

        RfmCells beyond = RfmCells.builder(ChronoUnit.YEARS).add(0, 0, Integer.MAX_VALUE + 1.0).build();
        assertThatThrownBy(() -> BgBb.ofDefaults().fit(beyond)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("T: not a whole number of opportunities (row 1); BG/BB counts discrete opportunities");
        RfmCells recencyBeyond = RfmCells.builder(ChronoUnit.YEARS).add(1, Integer.MAX_VALUE + 1.0,
                Integer.MAX_VALUE + 1.0).build();
        assertThatThrownBy(() -> BgBb.ofDefaults().fit(recencyBeyond)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("recency: not a whole number of opportunities (row 1)");
    }

    @Test
    void theModelRefusesMoreTransactionsThanOpportunities() {
        BgBbModel model = BgBbModel.of(1.204, 0.750, 0.657, 2.783, ChronoUnit.YEARS);
        CustomerHistory crowded = CustomerHistory.of(4, 3, 6);

        assertThatThrownBy(() -> model.probabilityAlive(crowded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("frequency: above the recency; each repeat transaction takes its own"
                        + " opportunity");
        assertThatThrownBy(() -> model.logLikelihood(crowded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("frequency: above the recency");
    }
}
