package dev.cxm.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The t interval against a hand computation: the sample's mean and standard deviation by the two-pass
 * formula here, and t(0.975, 9) = 2.262 from the t table (NIST/SEMATECH e-Handbook 1.3.6.7.2).
 */
class MeanIntervalTest {

    private static final double[] SAMPLE = {3, 4, 5, 5, 2, 4, 3, 5, 4, 1};

    @Test
    void matchesTheHandComputedInterval() {
        double mean = 0;
        for (double x : SAMPLE) {
            mean += x / SAMPLE.length;
        }
        double squares = 0;
        for (double x : SAMPLE) {
            squares += (x - mean) * (x - mean);
        }
        double standardError = Math.sqrt(squares / (SAMPLE.length - 1) / SAMPLE.length);
        // mean 3.6, s^2 = 16.4 / 9, se = 0.42687; half width 2.262 * 0.42687 = 0.9656.
        ConfidenceInterval interval = MeanInterval.t(mean, standardError, SAMPLE.length - 1, 0.95, 1, 5);

        assertThat(mean).isCloseTo(3.6, within(1e-12));
        assertThat(interval.lower()).isCloseTo(3.6 - 2.262 * 0.426875, within(5e-4));
        assertThat(interval.upper()).isCloseTo(3.6 + 2.262 * 0.426875, within(5e-4));
        assertThat(interval.method()).isEqualTo("t");
    }

    @Test
    void clipsToTheRangeTheMeanCanTake() {
        // Closed form: 4.8 + 12.706 * 0.2 = 7.34 lies above the scale's end 5.
        ConfidenceInterval interval = MeanInterval.t(4.8, 0.2, 1, 0.95, 1, 5);

        assertThat(interval.upper()).isEqualTo(5.0);
        assertThat(interval.lower()).isCloseTo(4.8 - 12.706 * 0.2, within(1e-3));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> MeanInterval.t(Double.NaN, 1, 5, 0.95, 1, 5)).hasMessageStartingWith("mean: NaN");
        assertThatThrownBy(() -> MeanInterval.t(3, -1, 5, 0.95, 1, 5)).hasMessageStartingWith("standardError: -1.0");
        assertThatThrownBy(() -> MeanInterval.t(3, 1, 0, 0.95, 1, 5)).hasMessageStartingWith("degreesOfFreedom: 0.0");
    }
}
