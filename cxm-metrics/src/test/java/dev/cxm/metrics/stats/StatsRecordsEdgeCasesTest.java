package dev.cxm.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The statistics records' validation guards and decision boundaries that no other test tries: a p-value
 * exactly at alpha, the ends of the open interval (0, 1), NaN statistics and bounds, and a degenerate
 * interval. Expected values are the documented rules; the one p-value is the closed form 2 (1 - Phi(1.96)).
 */
class StatsRecordsEdgeCasesTest {

    private static final ConfidenceInterval INTERVAL = new ConfidenceInterval(-1, 3, 0.95, "wald");

    @Test
    void aPValueExactlyAtAlphaIsNotSignificant() {
        // Rule: significant means pValue < alpha, strictly.
        TwoSampleComparison atAlpha = new TwoSampleComparison(1, INTERVAL, 1.96, 0.05);
        TwoSampleComparison below = new TwoSampleComparison(1, INTERVAL, 1.96, Math.nextDown(0.05));

        assertThat(atAlpha.significantAt(0.05)).isFalse();
        assertThat(below.significantAt(0.05)).isTrue();
    }

    @Test
    void significanceLevelsOutsideTheOpenUnitIntervalAreRefused() {
        TwoSampleComparison comparison = new TwoSampleComparison(1, INTERVAL, 1.96, 0.05);

        for (double alpha : new double[] {0, 1, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> comparison.significantAt(alpha)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("alpha: " + alpha + " is outside (0, 1)");
        }
        assertThat(comparison.significantAt(Math.nextUp(0.0))).isFalse();
        assertThat(comparison.significantAt(Math.nextDown(1.0))).isTrue();
    }

    @Test
    void aComparisonRefusesANonFiniteDifferenceANaNStatisticAndAPValueOffTheUnitInterval() {
        assertThatThrownBy(() -> new TwoSampleComparison(Double.NaN, INTERVAL, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("difference: NaN is not a finite number");
        assertThatThrownBy(() -> new TwoSampleComparison(Double.POSITIVE_INFINITY, INTERVAL, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("difference: Infinity is not a finite number");
        assertThatThrownBy(() -> new TwoSampleComparison(0, INTERVAL, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("zStatistic: NaN is not a test statistic");
        assertThatThrownBy(() -> new TwoSampleComparison(0, INTERVAL, 0, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pValue: 1.5 is outside [0, 1]");
        assertThatThrownBy(() -> new TwoSampleComparison(0, INTERVAL, 0, -0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pValue: -0.5 is outside [0, 1]");
        // Both ends of [0, 1] are p-values; an infinite statistic is a (degenerate) test statistic.
        assertThat(new TwoSampleComparison(0, INTERVAL, Double.POSITIVE_INFINITY, 0).pValue()).isZero();
        assertThat(new TwoSampleComparison(0, INTERVAL, 0, 1).pValue()).isEqualTo(1);
    }

    @Test
    void anIntervalRefusesNaNBoundsAndReversedBoundsButAcceptsAPoint() {
        assertThatThrownBy(() -> new ConfidenceInterval(Double.NaN, 1, 0.95, "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("interval: [NaN, 1.0] has a NaN bound");
        assertThatThrownBy(() -> new ConfidenceInterval(0, Double.NaN, 0.95, "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("interval: [0.0, NaN] has a NaN bound");
        assertThatThrownBy(() -> new ConfidenceInterval(2, 1, 0.95, "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("interval: upper 1.0 is below lower 2.0");
        ConfidenceInterval point = new ConfidenceInterval(2, 2, 0.95, "t");
        assertThat(point.contains(2)).isTrue();
        assertThat(point.contains(Math.nextUp(2.0))).isFalse();
        assertThat(point.contains(Math.nextDown(2.0))).isFalse();
    }

    @Test
    void confidenceLevelsOutsideTheOpenUnitIntervalAreRefused() {
        for (double level : new double[] {0, 1, Double.NaN}) {
            assertThatThrownBy(() -> ConfidenceInterval.requireLevel(level)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("level: " + level + " is outside (0, 1); a confidence level is a probability such as 0.95");
        }
        assertThat(ConfidenceInterval.requireLevel(Math.nextUp(0.0))).isEqualTo(Math.nextUp(0.0));
        assertThat(ConfidenceInterval.requireLevel(Math.nextDown(1.0))).isEqualTo(Math.nextDown(1.0));
    }

    @Test
    void theTwoSidedPValueOfTheNormalQuantileIsFivePercentAndNaNIsRefused() {
        // Closed form: P(|Z| >= 1.959963984540054) = 0.05 exactly (the 97.5% standard normal quantile);
        // z = 0 gives 1, and the sign of z does not matter.
        assertThat(CriticalValues.twoSidedPValue(1.959963984540054)).isCloseTo(0.05, within(1e-12));
        assertThat(CriticalValues.twoSidedPValue(-1.959963984540054)).isCloseTo(0.05, within(1e-12));
        assertThat(CriticalValues.twoSidedPValue(0)).isEqualTo(1.0);
        assertThatThrownBy(() -> CriticalValues.twoSidedPValue(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("z: NaN is not a test statistic");
    }
}
