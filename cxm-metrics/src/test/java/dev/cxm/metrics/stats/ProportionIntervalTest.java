package dev.cxm.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wilson and Wald intervals against Newcombe (1998), "Two-sided confidence intervals for the single
 * proportion: comparison of seven methods", Statistics in Medicine 17, Table II (methods 1 and 3), and
 * against Wilson's own definition: the bounds are the proportions at which the score statistic equals z.
 */
class ProportionIntervalTest {

    @ParameterizedTest
    @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611",
            "1, 29, 0.0061, 0.1718"})
    void wilsonMatchesNewcombesTable(int successes, int trials, double lower, double upper) {
        ConfidenceInterval interval = ProportionInterval.wilson(successes, trials, 0.95);

        assertThat(interval.lower()).isCloseTo(lower, within(5e-5));
        assertThat(interval.upper()).isCloseTo(upper, within(5e-5));
        assertThat(interval.method()).isEqualTo("wilson");
    }

    @ParameterizedTest
    @CsvSource({"81, 263, 0.2522, 0.3638", "15, 148, 0.0527, 0.1500"})
    void waldMatchesNewcombesTable(int successes, int trials, double lower, double upper) {
        ConfidenceInterval interval = ProportionInterval.wald(successes, trials, 0.95);

        assertThat(interval.lower()).isCloseTo(lower, within(5e-5));
        assertThat(interval.upper()).isCloseTo(upper, within(5e-5));
        assertThat(interval.method()).isEqualTo("wald");
    }

    @Test
    void wilsonBoundsSolveTheScoreEquation() {
        // Wilson (1927): the bounds are the p with (phat - p)^2 = z^2 p (1 - p) / n; at phat = 0 or 1 one
        // bound is the end of [0, 1] and only the other solves it.
        qt().withExamples(300).forAll(integers().between(1, 5000), doubles().between(0, 1),
                doubles().between(0.5, 0.999)).checkAssert((trials, fraction, level) -> {
                    double successes = Math.floor(fraction * trials);
                    double phat = successes / trials;
                    double z = CriticalValues.z(level);
                    ConfidenceInterval interval = ProportionInterval.wilson(successes, trials, level);
                    for (double bound : new double[] {interval.lower(), interval.upper()}) {
                        if (bound == phat) {
                            continue;
                        }
                        double lhs = (phat - bound) * (phat - bound);
                        double rhs = z * z * bound * (1 - bound) / trials;
                        assertThat(lhs).isCloseTo(rhs, within(1e-9 * Math.max(1, rhs)));
                    }
                    assertThat(interval.contains(phat)).isTrue();
                });
    }

    @Test
    void rejectsInconsistentCounts() {
        assertThatThrownBy(() -> ProportionInterval.wilson(5, 0, 0.95)).hasMessageStartingWith("trials: 0.0 is not");
        assertThatThrownBy(() -> ProportionInterval.wilson(6, 5, 0.95)).hasMessageStartingWith("successes: 6.0 is outside");
        assertThatThrownBy(() -> ProportionInterval.wald(-1, 5, 0.95)).hasMessageStartingWith("successes: -1.0");
    }
}
