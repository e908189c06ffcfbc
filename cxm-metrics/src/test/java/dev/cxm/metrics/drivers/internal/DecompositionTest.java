package dev.cxm.metrics.drivers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shares of R²: each part over R² (by hand), all 0 when R² is 0 (the documented rule). */
class DecompositionTest {

    @Test
    void sharesArePartsOverRSquaredAndZeroWhenNothingIsExplained() {
        assertThat(new Decomposition(0.5, new double[] {0.125, 0.375}).shares()).containsExactly(0.25, 0.75);
        assertThat(new Decomposition(0, new double[] {0, 0}).shares()).containsExactly(0, 0);
    }
}
