package dev.cxm.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Net score intervals: hand-computed cases of the closed forms (Rocks 2016 for the adjusted Wald
 * interval), and where the interval is widened against a brute force recorded in R. The coverage
 * simulation runs through {@code NetPromoterScore} in {@code NetPromoterScoreTest}.
 */
class NetScoreIntervalTest {

    @Test
    void adjustedWaldMatchesTheHandComputation() {
        // 40 promoters, 40 passives, 20 detractors. Adjusted: n' = 103, p+ = 40.75/103 = 0.395631,
        // p- = 20.75/103 = 0.201456, net = 20/103 = 0.194175, variance = 61.5/103 - net^2 = 0.559384,
        // half width = 1.959964 * sqrt(0.559384/103) = 0.144439: [0.049736, 0.338614].
        ConfidenceInterval interval = NetScoreInterval.of(NetScoreMethod.ADJUSTED_WALD, 40, 20, 100, 0.95);

        assertThat(interval.lower()).isCloseTo(0.049736, within(1e-6));
        assertThat(interval.upper()).isCloseTo(0.338614, within(1e-6));
        assertThat(interval.method()).isEqualTo("adjusted-wald");
    }

    @Test
    void waldMatchesTheHandComputation() {
        // Same counts, unadjusted: net 0.2, variance 0.6 - 0.04 = 0.56, half width 1.959964 * sqrt(0.0056)
        // = 1.959964 * 0.0748331 = 0.1466703: [0.0533297, 0.3466703].
        ConfidenceInterval interval = NetScoreInterval.of(NetScoreMethod.WALD, 40, 20, 100, 0.95);

        assertThat(interval.lower()).isCloseTo(0.0533297, within(1e-6));
        assertThat(interval.upper()).isCloseTo(0.3466703, within(1e-6));
        assertThat(interval.method()).isEqualTo("wald");
    }

    @Test
    void adjustedIntervalOfOneResponseReachesTheObservedScore() {
        // One promoter. Rocks' interval alone: n' = 4, p+ = 0.4375, p- = 0.1875, net 0.25,
        // variance 0.625 - 0.0625 = 0.5625, half width 1.959964 * 0.375 = 0.734986: [-0.484986, 0.984986],
        // which misses the observed 1; the bound moves out to 1.
        ConfidenceInterval interval = NetScoreInterval.of(NetScoreMethod.ADJUSTED_WALD, 1, 0, 1, 0.95);

        assertThat(interval.lower()).isCloseTo(-0.484986, within(1e-6));
        assertThat(interval.upper()).isEqualTo(1.0);
        assertThat(interval.method()).isEqualTo("adjusted-wald-widened");
    }

    @Test
    void widenedOnlyWhereTheObservedScoreFallsOutside() {
        // Oracle: recorded R output (src/test/resources/feedback-oracles.R, block 1), a brute force over every
        // (n, promoters, detractors) with n <= 200: the observed score lies outside Rocks' clipped interval
        // for 2 combinations at 95% (a single promoter or detractor) and 792 at 80%. The interval says so.
        assertThat(widenedCount(0.95)).isEqualTo(2);
        assertThat(widenedCount(0.80)).isEqualTo(792);
        assertThat(NetScoreInterval.of(NetScoreMethod.ADJUSTED_WALD, 2, 0, 2, 0.95).method()).isEqualTo("adjusted-wald");
        assertThat(NetScoreInterval.of(NetScoreMethod.WALD, 1, 0, 1, 0.95).method()).isEqualTo("wald");
    }

    private static int widenedCount(double level) {
        int widened = 0;
        for (int n = 1; n <= 200; n++) {
            for (int plus = 0; plus <= n; plus++) {
                for (int minus = 0; plus + minus <= n; minus++) {
                    if (NetScoreInterval.of(NetScoreMethod.ADJUSTED_WALD, plus, minus, n, level).method()
                            .equals(NetScoreInterval.WIDENED)) {
                        widened++;
                    }
                }
            }
        }
        return widened;
    }

    @Test
    void rejectsInconsistentCounts() {
        assertThatThrownBy(() -> NetScoreInterval.of(NetScoreMethod.WALD, 3, 3, 5, 0.95))
                .hasMessageStartingWith("counts: plus 3.0 and minus 3.0 must be 0 or more and add up to at most n 5.0");
        assertThatThrownBy(() -> NetScoreInterval.of(NetScoreMethod.WALD, 0, 0, 0, 0.95))
                .hasMessageStartingWith("n: 0.0 is not a positive finite number");
        assertThatThrownBy(() -> NetScoreInterval.of(NetScoreMethod.ADJUSTED_WALD, 1, 0, 1, 1.0))
                .hasMessageStartingWith("level: 1.0 is outside (0, 1)");
    }
}
