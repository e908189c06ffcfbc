package dev.cxm.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Net score intervals: hand-computed cases of the closed forms (Rocks 2016 for the adjusted Wald
 * interval), and a simulation that draws 10,000 seeded trinomial samples per true mix and counts how
 * often the 95% interval covers the true net score.
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
    }

    @ParameterizedTest(name = "true mix {0}/{1}/{2}, n = {3}")
    @CsvSource({"0.5, 0.3, 0.2, 100", "0.3, 0.4, 0.3, 100", "0.7, 0.2, 0.1, 100", "0.1, 0.3, 0.6, 100",
            "0.8, 0.15, 0.05, 20", "0.6, 0.3, 0.1, 30"})
    void adjustedWaldCoversTheTrueScoreAboutNinetyFivePercentOfTheTime(double promoters, double passives,
            double detractors, int n) {
        // Simulation oracle: 10,000 samples of n responses drawn here from the true mix; the share of 95%
        // intervals that contain the true net score must be within 0.94..0.96 (Monte Carlo SE 0.0022).
        SplittableRandom random = new SplittableRandom(20160101L + n);
        double truth = promoters - detractors;
        int samples = 10_000;
        int adjustedCovers = 0;
        int waldCovers = 0;
        for (int s = 0; s < samples; s++) {
            int plus = 0;
            int minus = 0;
            for (int i = 0; i < n; i++) {
                double u = random.nextDouble();
                if (u < promoters) {
                    plus++;
                } else if (u >= promoters + passives) {
                    minus++;
                }
            }
            if (NetScoreInterval.of(NetScoreMethod.ADJUSTED_WALD, plus, minus, n, 0.95).contains(truth)) {
                adjustedCovers++;
            }
            if (NetScoreInterval.of(NetScoreMethod.WALD, plus, minus, n, 0.95).contains(truth)) {
                waldCovers++;
            }
        }
        double coverage = (double) adjustedCovers / samples;
        double waldCoverage = (double) waldCovers / samples;
        System.out.printf("coverage of 95%% intervals, mix %s/%s/%s, n = %d: adjusted-Wald %.4f, Wald %.4f%n",
                promoters, passives, detractors, n, coverage, waldCoverage);

        assertThat(coverage)
                .as("adjusted-Wald coverage %.4f (Wald %.4f) for mix %s/%s/%s at n = %d", coverage, waldCoverage,
                        promoters, passives, detractors, n)
                .isBetween(0.94, 0.96);
        // Rocks' finding: the adjustment never does worse than the plain Wald interval.
        assertThat(coverage).as("adjusted %.4f vs Wald %.4f", coverage, waldCoverage).isGreaterThanOrEqualTo(waldCoverage);
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
