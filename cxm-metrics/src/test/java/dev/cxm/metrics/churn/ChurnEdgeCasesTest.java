package dev.cxm.metrics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Bounds, hashes and texts of the churn calculators and records. Expected values: the documented rules (a bound
 * is inclusive or not as its Javadoc says), distinct configurations hashing apart, and the sBG log-likelihood in
 * closed form (Fader and Hardie 2007: P(T = 1) = a / (a + b), P(T = 2) = a b / ((a + b)(a + b + 1)),
 * S(2) = b (b + 1) / ((a + b)(a + b + 1))).
 */
class ChurnEdgeCasesTest {

    @Test
    void aRankingLimitOfOneIsTheSmallest() {
        assertThat(AtRiskRanking.custom(0.3).limit(1).build().limit()).isEqualTo(1);
        assertThatThrownBy(() -> AtRiskRanking.custom(0.3).limit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit: 0");
    }

    @Test
    void distinctConfigurationsHashApart() {
        Set<Integer> rankings = new HashSet<>();
        for (int limit = 1; limit <= 20; limit++) {
            AtRiskRanking ranking = AtRiskRanking.custom(0.3).limit(limit).build();
            assertThat(ranking.hashCode()).isEqualTo(AtRiskRanking.from(ranking).build().hashCode());
            rankings.add(ranking.hashCode());
        }
        assertThat(rankings).hasSize(20);

        Set<Integer> fitters = new HashSet<>();
        for (int evaluations = 10; evaluations < 30; evaluations++) {
            fitters.add(ShiftedBetaGeometric.custom().maxEvaluations(evaluations).build().hashCode());
        }
        assertThat(fitters).hasSize(20);

        ChurnDefinition definition = ChurnDefinition.contractual(event -> false);
        ChurnRates monthly = ChurnRates.ofDefaults(definition);
        ChurnRates weekly = ChurnRates.custom(definition).period(CalendarPeriod.WEEK, ZoneOffset.UTC).build();
        assertThat(monthly.hashCode()).isEqualTo(ChurnRates.from(monthly).build().hashCode())
                .isNotEqualTo(weekly.hashCode());

        CohortRetention cohorts = CohortRetention.ofDefaults();
        CohortRetention weeklyCohorts = CohortRetention.custom().period(CalendarPeriod.WEEK, ZoneOffset.UTC).build();
        assertThat(cohorts.hashCode()).isEqualTo(CohortRetention.from(cohorts).build().hashCode())
                .isNotEqualTo(weeklyCohorts.hashCode());
    }

    @Test
    void theLargestToleranceIsAllowed() {
        assertThat(ShiftedBetaGeometric.custom().tolerance(1e-3).build())
                .isNotEqualTo(ShiftedBetaGeometric.ofDefaults());
        assertThatThrownBy(() -> ShiftedBetaGeometric.custom().tolerance(1.0001e-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
    }

    @Test
    void textsNameTheSettingsAndTheCustomersCounted() {
        CohortRetention retention = CohortRetention.custom().period(CalendarPeriod.MONTH, ZoneOffset.UTC).build();
        assertThat(retention.toString()).contains("every event");
        CohortAccumulator accumulator = retention.accumulator()
                .add(CustomerId.of("a"), Instant.parse("2025-01-03T00:00:00Z"))
                .add(CustomerId.of("b"), Instant.parse("2025-02-03T00:00:00Z"))
                .add(CustomerId.of("a"), Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(accumulator.toString()).contains("2 customers").contains("MONTH");
        assertThat(accumulator.state().toString()).isEqualTo("MONTH in Z, 2 customers");
    }

    @Test
    void aPeriodsRatesMustBeItsCountsOverTheCustomersAtStart() {
        LocalDate start = LocalDate.parse("2025-01-01");
        LocalDate end = LocalDate.parse("2025-02-01");
        PeriodChurn period = PeriodChurn.of("all", start, end, 4, 1, 0, 0, 3);
        assertThat(period.churnRate()).isEqualTo(OptionalDouble.of(0.25));
        assertThatThrownBy(() -> new PeriodChurn("all", start, end, 4, 3, 1, 0, 0, 3, OptionalDouble.of(0.5),
                OptionalDouble.of(0.75))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("churnRate");
        assertThatThrownBy(() -> new PeriodChurn("all", start, end, 4, 3, 1, 0, 0, 3, OptionalDouble.of(0.25),
                OptionalDouble.of(0.5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retentionRate");
    }

    @Test
    void theModelsLogLikelihoodIsTheClosedForm() {
        double a = 0.7;
        double b = 2.5;
        double p1 = a / (a + b);
        double p2 = a * b / ((a + b) * (a + b + 1));
        double s2 = b * (b + 1) / ((a + b) * (a + b + 1));
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.of(a, b);
        assertThat(model.logLikelihood(List.of(10L, 7L, 4L)))
                .isCloseTo(3 * Math.log(p1) + 3 * Math.log(p2) + 4 * Math.log(s2), within(1e-12));
        // Equal counts (nobody churned) and a last count of 0 are survivor counts.
        assertThat(model.logLikelihood(List.of(10L, 10L, 0L))).isCloseTo(10 * Math.log(p2), within(1e-12));
        assertThat(model.logLikelihood(List.of(1L, 0L))).isCloseTo(Math.log(p1), within(1e-12));
        assertThatThrownBy(() -> model.logLikelihood(List.of(10L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("survivors: 1 counts");
        assertThatThrownBy(() -> model.logLikelihood(List.of(0L, 0L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cohort size 0");
        assertThatThrownBy(() -> model.logLikelihood(List.of(5L, 6L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("survivors: 6 after 1 periods");
        assertThatThrownBy(() -> model.logLikelihood(List.of(5L, -1L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("survivors: -1");
    }

    @Test
    void bothShapesMustBePositiveAndFinite() {
        assertThatThrownBy(() -> ShiftedBetaGeometricModel.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha: 0.0");
        assertThatThrownBy(() -> ShiftedBetaGeometricModel.of(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha: -1.0");
        assertThatThrownBy(() -> ShiftedBetaGeometricModel.of(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beta: 0.0");
        assertThatThrownBy(() -> ShiftedBetaGeometricModel.of(Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha: Infinity");
        assertThat(ShiftedBetaGeometricModel.of(Double.MIN_VALUE, 1).alpha()).isEqualTo(Double.MIN_VALUE);
    }
}
