package dev.cxm.examples.simulate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.hipparchus.special.Beta;
import org.junit.jupiter.api.Test;

import dev.cxm.examples.simulate.internal.WorldModel.Plan;

/**
 * The truth the simulator reports is the model's own: sBG survival S(t) = B(alpha, beta + t) / B(alpha, beta)
 * (Fader &amp; Hardie 2007, eq. 4, with Hipparchus's log-beta as the oracle), the median the first whole period
 * where it reaches one half, and every value of truth.json carries a unit.
 */
class WorldModelTest {

    @Test
    void survivalIsTheClosedFormOfTheShiftedBetaGeometric() {
        for (Plan plan : Plan.values()) {
            for (int t = 0; t <= 24; t++) {
                double closedForm = Math.exp(Beta.logBeta(plan.alpha(), plan.beta() + t)
                        - Beta.logBeta(plan.alpha(), plan.beta()));
                assertThat(plan.survival(t)).as("%s, t = %d", plan, t).isCloseTo(closedForm, within(1e-12));
            }
            int median = plan.medianPeriods();
            assertThat(plan.survival(median)).isLessThanOrEqualTo(0.5);
            assertThat(plan.survival(median - 1)).isGreaterThan(0.5);
        }
    }

    @Test
    void theMedianOfEachPlanLiesClearOfOneHalfSoThatTheKaplanMeierMedianSettlesOnIt() {
        for (Plan plan : java.util.List.of(Plan.BASIC, Plan.PLUS, Plan.PREMIUM)) {
            int median = plan.medianPeriods();
            assertThat(plan.survival(median - 1) - 0.5).as(plan.label()).isGreaterThan(0.03);
            assertThat(0.5 - plan.survival(median)).as(plan.label()).isGreaterThan(0.02);
        }
    }

    @Test
    void everyParameterOfTheTruthHasAValueAndAUnit() {
        Map<String, Object> truth = WorldModel.truth(100, 1);
        assertThat(truth).containsKeys("observation", "bgNbd", "gammaGamma", "churn", "drivers", "service", "surveys");
        checkUnits(truth);
    }

    @SuppressWarnings("unchecked")
    private static void checkUnits(Map<String, Object> node) {
        if (node.containsKey("value")) {
            assertThat(node).containsOnlyKeys("value", "unit");
            assertThat((String) node.get("unit")).isNotBlank();
            return;
        }
        node.values().forEach(child -> {
            if (child instanceof Map<?, ?> map) {
                checkUnits((Map<String, Object>) map);
            }
        });
    }
}
