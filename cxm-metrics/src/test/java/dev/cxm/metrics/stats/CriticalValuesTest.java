package dev.cxm.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Critical values and p-values against published tables: standard normal quantiles from Abramowitz and
 * Stegun (1964), Table 26.5 (1.959964, 1.644854, 2.575829), Student's t from the usual two-sided t table
 * (NIST/SEMATECH e-Handbook, section 1.3.6.7.2: 12.706, 2.262, 2.750), and normal tail areas from
 * Abramowitz and Stegun Table 26.1 (P(Z > 3) = 0.0013499).
 */
class CriticalValuesTest {

    @ParameterizedTest
    @CsvSource({"0.95, 1.959964", "0.90, 1.644854", "0.99, 2.575829"})
    void normalCriticalValuesMatchTheTable(double level, double tabulated) {
        assertThat(CriticalValues.z(level)).isCloseTo(tabulated, within(1e-6));
    }

    @ParameterizedTest
    @CsvSource({"0.95, 1, 12.706", "0.95, 9, 2.262", "0.99, 30, 2.750"})
    void studentCriticalValuesMatchTheTable(double level, double degreesOfFreedom, double tabulated) {
        assertThat(CriticalValues.t(level, degreesOfFreedom)).isCloseTo(tabulated, within(5e-4));
    }

    @Test
    void studentTendsToNormalForManyDegreesOfFreedom() {
        // Closed form: t(df) converges to the standard normal as df grows.
        assertThat(CriticalValues.t(0.95, 1e7)).isCloseTo(CriticalValues.z(0.95), within(1e-6));
    }

    @Test
    void twoSidedPValuesMatchTheNormalTable() {
        assertThat(CriticalValues.twoSidedPValue(3)).isCloseTo(2 * 0.0013499, within(1e-7));
        assertThat(CriticalValues.twoSidedPValue(-3)).isCloseTo(2 * 0.0013499, within(1e-7));
        assertThat(CriticalValues.twoSidedPValue(1.959964)).isCloseTo(0.05, within(1e-6));
        assertThat(CriticalValues.twoSidedPValue(0)).isEqualTo(1.0);
        // Far tail kept precise by the lower-tail form: 2 * Phi(-10) = 1.5239e-23 (Abramowitz and Stegun 26.2.12).
        assertThat(CriticalValues.twoSidedPValue(10)).isCloseTo(1.5239e-23, within(1e-26));
    }

    @Test
    void rejectsBadLevelsAndDegreesOfFreedom() {
        assertThatThrownBy(() -> CriticalValues.z(1.5)).hasMessageStartingWith("level: 1.5 is outside (0, 1)");
        assertThatThrownBy(() -> CriticalValues.t(0.95, 0)).hasMessageStartingWith("degreesOfFreedom: 0.0 is not");
        assertThatThrownBy(() -> CriticalValues.twoSidedPValue(Double.NaN)).hasMessageStartingWith("z: NaN");
    }
}
