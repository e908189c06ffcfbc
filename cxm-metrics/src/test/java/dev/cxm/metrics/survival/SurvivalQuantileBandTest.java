package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Quantile limits where a curve sits exactly at the target: R's rule (survival's quantile.survfit) takes the
 * midpoint between that time and the first later time the curve falls below. Oracle: Kaplan-Meier by the product
 * formula and Greenwood's sum worked in the test, the log-log band S^exp(-+z sqrt(G) / ln S), and a level chosen
 * in the test so that the lower band at the first step is exactly 0.5.
 */
class SurvivalQuantileBandTest {

    @Test
    void aLowerBandAtTheTargetGivesTheMidpointToTheNextStepBelow() {
        // Ten subjects churn at days 1..10: S(1) = 0.9 with Greenwood G(1) = 1 / (10 * 9), S(2) = 0.8 with
        // G(2) = G(1) + 1 / (9 * 8). The lower band at day 1 is 0.9^exp(z sqrt(G(1)) / -ln 0.9), which is 0.5 for
        // z = ln(ln 0.5 / ln 0.9) (-ln 0.9) / sqrt(G(1)).
        double g1 = 1.0 / (10 * 9);
        double g2 = g1 + 1.0 / (9 * 8);
        double z = Math.log(Math.log(0.5) / Math.log(0.9)) * -Math.log(0.9) / Math.sqrt(g1);
        double level = 2 * new NormalDistribution(0, 1).cumulativeProbability(z) - 1;
        double lowerAtDay2 = Math.pow(0.8, Math.exp(-z * Math.sqrt(g2) / Math.log(0.8)));
        assertThat(lowerAtDay2).isLessThan(0.5 - 1e-3);
        double[] days = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        boolean[] churned = new boolean[10];
        java.util.Arrays.fill(churned, true);

        SurvivalCurve curve = KaplanMeier.custom().level(level).build().fit(SurvivalData.of(ChronoUnit.DAYS, days,
                churned));
        SurvivalQuantile median = curve.median();

        assertThat(curve.at(1).interval().orElseThrow().lower()).isCloseTo(0.5, within(1e-12));
        // The lower band is 0.5 at day 1 and below it at day 2: the midpoint, 1.5.
        assertThat(median.lower()).hasValueCloseTo(1.5, within(1e-12));
        // S is 0.5 exactly from day 5 to day 6: the midpoint, 5.5.
        assertThat(median.estimate()).hasValueCloseTo(5.5, within(1e-12));
    }

    @Test
    void aCurveAtTheTargetUntilTheEndOfFollowUpGivesTheTimeItGotThere() {
        // Churns at days 1 and 2, censored at 3 and 4: S(1) = 3/4, S(2) = 3/4 * 2/3 = 1/2, and S stays 1/2 to the
        // end, never falling below: the median is day 2 (no later time to take a midpoint with).
        SurvivalCurve curve = KaplanMeier.ofDefaults().fit(SurvivalData.of(ChronoUnit.DAYS, new double[] {1, 2, 3, 4},
                new boolean[] {true, true, false, false}));

        assertThat(curve.at(4).survival()).isEqualTo(0.5);
        assertThat(curve.median().estimate()).hasValue(2.0);
    }
}
