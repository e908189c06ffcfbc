package dev.cxm.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.stats.ModelFit;

/**
 * The configuration idiom of the CLV calculators (decision 1 of the brief): {@code ofDefaults()},
 * {@code custom()} whose setters refuse a bad value at once, {@code from(base)}, value equality, and the verb
 * on the configured object. Oracle: the documented defaults and the rules of each setter.
 */
class ClvConfigurationTest {

    @Test
    void fitOptionsHaveDocumentedDefaultsValueEqualityAndCopies() {
        FitOptions defaults = FitOptions.ofDefaults();
        assertThat(defaults).isEqualTo(new FitOptions(0, 200, 1e-8, Map.of()));
        FitOptions custom = FitOptions.custom().l2Penalty(0.01).maxIterations(50).tolerance(1e-6)
                .initialParameters(Map.of("r", 1.0)).build();
        assertThat(FitOptions.from(custom).build()).isEqualTo(custom).hasSameHashCodeAs(custom);
        assertThat(FitOptions.from(custom).maxIterations(60).build()).isNotEqualTo(custom);
        assertThat(custom.toString()).contains("l2Penalty=0.01").contains("maxIterations=50");
        FitOptions.Builder builder = FitOptions.custom();
        assertThatThrownBy(() -> builder.l2Penalty(-1)).hasMessage("l2Penalty: -1.0 is negative; it must be 0 or more");
        assertThatThrownBy(() -> builder.maxIterations(0))
                .hasMessage("maxIterations: 0 is not positive; it must be 1 or"
                + " more");
        assertThatThrownBy(() -> builder.tolerance(Double.NaN))
                .hasMessageStartingWith("tolerance: NaN is not a finite");
        assertThatThrownBy(() -> builder.initialParameters(Map.of("r", -2.0)))
                .hasMessageStartingWith("initialParameters r: -2.0 is not positive");
        assertThat(builder.build()).as("a refused value leaves the builder as it was").isEqualTo(defaults);
    }

    @Test
    void everyFitterIsAConfiguredValueWithTheVerbFit() {
        List<Object> defaults = List.of(BgNbd.ofDefaults(), MbgNbd.ofDefaults(), ParetoNbd.ofDefaults(),
                BgBb.ofDefaults(), GammaGamma.ofDefaults());
        assertThat(BgNbd.ofDefaults()).isEqualTo(new BgNbd(FitOptions.ofDefaults()));
        assertThat(BgNbd.custom().l2Penalty(1e-3).build()).isEqualTo(new BgNbd(FitOptions.custom().l2Penalty(1e-3)
                .build())).hasSameHashCodeAs(new BgNbd(FitOptions.custom().l2Penalty(1e-3).build()));
        assertThat(MbgNbd.from(MbgNbd.custom().maxIterations(7).build()).build().options().maxIterations())
                .isEqualTo(7);
        assertThat(ParetoNbd.custom().options(FitOptions.custom().tolerance(1e-6).build()).build().options()
                .tolerance())
                .isEqualTo(1e-6);
        assertThat(BgBb.from(BgBb.ofDefaults()).build()).isEqualTo(BgBb.ofDefaults());
        GammaGamma refusing = GammaGamma.custom().zeroSpend(GammaGamma.ZeroSpend.REFUSE).l2Penalty(0.1).build();
        assertThat(GammaGamma.ofDefaults().zeroSpend()).isEqualTo(GammaGamma.ZeroSpend.SKIP);
        assertThat(GammaGamma.from(refusing).build()).isEqualTo(refusing);
        assertThat(refusing.toString()).contains("zeroSpend=REFUSE").contains("l2Penalty=0.1");
        assertThat(defaults).doesNotHaveDuplicates();
        assertThatThrownBy(() -> BgNbd.custom().l2Penalty(-0.5)).hasMessageStartingWith("l2Penalty: -0.5 is negative");
        assertThatThrownBy(() -> GammaGamma.custom().maxIterations(-3)).hasMessageStartingWith("maxIterations: -3");
        // The same options reach the fit: one iteration is not enough for CDNOW.
        ModelFit<BgNbdModel> early = BgNbd.custom().maxIterations(1).build().fit(ClvData.cdnowCells());
        assertThat(early.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("no convergence after 1 iterations"));
    }

    @Test
    void purchaseModelsAreFoundByName() {
        // Oracle: the four names and the fits of the fitters themselves, with the options given.
        assertThat(PurchaseModels.names()).containsExactly("bg-nbd", "pareto-nbd", "mbg-nbd", "bg-bb");
        assertThat(PurchaseModels.named("bg-nbd")).contains(BgNbd.ofDefaults());
        assertThat(PurchaseModels.named(" Pareto-NBD ")).contains(ParetoNbd.ofDefaults());
        FitOptions penalised = FitOptions.custom().l2Penalty(0.1).build();
        assertThat(PurchaseModels.named("mbg-nbd", penalised)).contains(new MbgNbd(penalised));
        assertThat(PurchaseModels.named("bg-bb")).contains(BgBb.ofDefaults());
        assertThat(PurchaseModels.named("gamma-gamma")).isEmpty();
        assertThat(PurchaseModels.named("bg-nb")).isEmpty();
        for (String name : PurchaseModels.names()) {
            assertThat(PurchaseModels.named(name).orElseThrow().modelName()).isEqualTo(name);
        }
        assertThat(PurchaseModels.named("bg-nbd").orElseThrow().fit(ClvData.cdnowCells()).parameters())
                .isEqualTo(BgNbd.ofDefaults().fit(ClvData.cdnowCells()).parameters());
    }

    @Test
    void lifetimeValueSettingsAndPredictionsFollowTheIdiom() {
        Duration year = Duration.ofDays(364);
        ClvSettings plain = ClvSettings.ofDefaults(year);
        assertThat(plain).isEqualTo(new ClvSettings(year, year, 0));
        assertThat(plain.periods()).isEqualTo(1);
        ClvSettings monthly = ClvSettings.custom(year).period(Duration.ofDays(28)).discountRate(0.01).build();
        assertThat(monthly.periods()).isEqualTo(13);
        assertThat(ClvSettings.from(monthly).build()).isEqualTo(monthly).hasSameHashCodeAs(monthly);
        ClvSettings.Builder builder = ClvSettings.custom(year);
        assertThatThrownBy(() -> builder.period(Duration.ofDays(30)))
                .hasMessage("horizon: PT8736H is not a whole number"
                + " of periods of PT720H");
        assertThatThrownBy(() -> builder.period(Duration.ofSeconds(1))).hasMessageContaining("at most 10000 periods");
        assertThatThrownBy(() -> builder.discountRate(-0.1)).hasMessageStartingWith("discountRate: -0.1 is negative");
        assertThatThrownBy(() -> ClvSettings.ofDefaults(Duration.ZERO)).hasMessage("horizon: PT0S is not positive");
        ClvPrediction prediction = ClvPrediction.custom(year).period(Duration.ofDays(28)).discountRate(0.01).top(5)
                .build();
        assertThat(prediction).isEqualTo(new ClvPrediction(monthly, 5));
        assertThat(ClvPrediction.from(prediction).build()).isEqualTo(prediction);
        assertThat(ClvPrediction.ofDefaults(year)).isEqualTo(new ClvPrediction(plain, ClvPrediction.DEFAULT_TOP));
        assertThatThrownBy(() -> ClvPrediction.custom(year).top(-1)).hasMessageStartingWith("top: -1 is negative");
        BgNbdModel purchases = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS);
        GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
        assertThat(CustomerLifetimeValue.of(purchases, spend, monthly))
                .isEqualTo(CustomerLifetimeValue.of(BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS), spend,
                        ClvSettings.from(monthly).build()))
                .hasSameHashCodeAs(CustomerLifetimeValue.of(purchases, spend, monthly))
                .isNotEqualTo(CustomerLifetimeValue.of(purchases, spend, plain));
        assertThat(CustomerLifetimeValue.of(purchases, spend, monthly).toString()).contains("settings=ClvSettings[");
    }
}
