package dev.cxm.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.stats.ModelFit;

/**
 * The BG/BB fitter as configured: its options reach the fit, its builder chains, the model comes back in the
 * cells' unit, and identical customers given as one weighted cell or one by one fit alike. Oracles: the
 * documented options (an iteration limit of 1 cannot reach the donation data's maximum from (1, 1, 1, 1),
 * which takes several Newton steps; the published estimates of Fader, Hardie &amp; Shang (2010), alpha 1.204,
 * beta 0.750, gamma 0.657, delta 2.783, from the same data in any unit), and the Javadoc's refusal of more
 * transactions than opportunities naming the row.
 */
class BgBbFitterTest {

    @Test
    void theBuilderChainsEveryOptionIntoTheFitter() {
        FitOptions options = FitOptions.custom().l2Penalty(0.01).maxIterations(50).tolerance(1e-9)
                .initialParameters(Map.of("alpha", 1.0, "beta", 1.0, "gamma", 1.0, "delta", 1.0)).build();
        BgBb fitter = BgBb.custom().l2Penalty(0.01).maxIterations(50).tolerance(1e-9)
                .initialParameters(Map.of("alpha", 1.0, "beta", 1.0, "gamma", 1.0, "delta", 1.0)).build();
        assertThat(fitter.options()).isEqualTo(options);
        assertThat(BgBb.custom().options(options).build()).isEqualTo(fitter);
        assertThat(BgBb.from(fitter).maxIterations(7).build().options().maxIterations()).isEqualTo(7);
        assertThat(BgBb.ofDefaults().options()).isEqualTo(FitOptions.ofDefaults());
        assertThat(BgBb.ofDefaults().modelName()).isEqualTo("bg-bb");
    }

    @Test
    void theOptionsReachTheFit() {
        RfmCells donations = ClvData.donations();
        ModelFit<BgBbModel> short_ = BgBb.custom().maxIterations(1).build().fit(donations);
        assertThat(short_.converged()).isFalse();
        assertThat(short_.iterations()).isEqualTo(1);
        assertThat(short_.problem()).hasValueSatisfying(problem -> assertThat(problem).startsWith(
                "no convergence after 1 iterations"));
        ModelFit<BgBbModel> full = BgBb.ofDefaults().fit(donations);
        assertThat(full.converged()).isTrue();
        assertThat(full.iterations()).isGreaterThan(1);
    }

    @Test
    void theModelIsInTheCellsUnitAndCellsFitLikeTheirCustomers() {
        RfmCells years = ClvData.donations();
        RfmCells.Builder months = RfmCells.builder(ChronoUnit.MONTHS);
        RfmCells.Builder oneByOne = RfmCells.builder(ChronoUnit.YEARS);
        for (int i = 0; i < years.size(); i++) {
            months.add(years.frequency(i), years.recency(i), years.age(i), OptionalDouble.empty(), years.weight(i));
            for (int k = 0; k < years.weight(i); k++) {
                oneByOne.add(years.frequency(i), years.recency(i), years.age(i));
            }
        }
        BgBbModel yearly = BgBb.ofDefaults().fit(years).requireModel();
        BgBbModel monthly = BgBb.ofDefaults().fit(months.build()).requireModel();
        ModelFit<BgBbModel> each = BgBb.ofDefaults().fit(oneByOne.build());
        assertThat(yearly.unit()).isEqualTo(ChronoUnit.YEARS);
        assertThat(monthly.unit()).isEqualTo(ChronoUnit.MONTHS);
        assertThat(monthly.alpha()).isCloseTo(yearly.alpha(), within(1e-9));
        assertThat(yearly.alpha()).isCloseTo(1.204, within(0.001));
        assertThat(yearly.delta()).isCloseTo(2.783, within(0.001));
        assertThat(each.requireModel().alpha()).isCloseTo(yearly.alpha(), within(1e-9));
        assertThat(each.logLikelihood()).isCloseTo(BgBb.ofDefaults().fit(years).logLikelihood(), within(1e-6));
    }

    @Test
    void moreTransactionsThanOpportunitiesAreRefusedNamingTheRow() {
        RfmCells cells = RfmCells.builder(ChronoUnit.YEARS).add(1, 2, 6).add(1, 1, 6).build();
        RfmCells impossible = RfmCells.builder(ChronoUnit.YEARS).add(1, 2, 6).add(3, 2.0, 6).build();
        assertThat(BgBb.ofDefaults().fit(cells).name()).isEqualTo("bg-bb");
        assertThatThrownBy(() -> BgBb.ofDefaults().fit(impossible)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frequency: above the recency (row 2); each repeat transaction takes its own opportunity,"
                        + " the last at the recency");
    }
}
