package dev.cxm.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The interval's own rules; the rules are the oracle. */
class ConfidenceIntervalTest {

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
    void rejectsLevelsOutsideTheOpenUnitInterval(double level) {
        assertThatThrownBy(() -> ConfidenceInterval.requireLevel(level))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("level: " + level + " is outside (0, 1)");
    }

    @Test
    void rejectsReversedBounds() {
        assertThatThrownBy(() -> new ConfidenceInterval(2, 1, 0.95, "wald"))
                .hasMessage("interval: upper 1.0 is below lower 2.0");
    }

    @Test
    void containsItsBoundsAndKnowsItsWidth() {
        ConfidenceInterval interval = new ConfidenceInterval(-1.5, 2.5, 0.9, "t");
        assertThat(interval.contains(-1.5)).isTrue();
        assertThat(interval.contains(2.5)).isTrue();
        assertThat(interval.contains(2.6)).isFalse();
        assertThat(interval.width()).isEqualTo(4.0);
    }
}
