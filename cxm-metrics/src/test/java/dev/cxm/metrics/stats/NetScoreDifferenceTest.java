package dev.cxm.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Comparing two net scores: a hand-computed case of the adjusted Wald test (Lewis and Sauro 2020), its
 * p-value checked against a numerical integral of the normal density computed here, and simulations of the
 * test's size under "no difference" and of the interval's coverage under a true difference.
 */
class NetScoreDifferenceTest {

    @Test
    void adjustedWaldTestMatchesTheHandComputation() {
        // First: 40/40/20 of 100 -> adjusted net 20/103 = 0.194175, variance 0.559384, n' 103.
        // Second: 60/45/15 of 120 -> adjusted net 45/123 = 0.365854, variance 76.5/123 - (45/123)^2 = 0.488102, n' 123.
        // SE = sqrt(0.559384/103 + 0.488102/123) = 0.096950; z = 0.171679/0.096950 = 1.770806.
        TwoSampleComparison comparison = NetScoreDifference.compare(NetScoreMethod.ADJUSTED_WALD, 40, 20, 100, 60, 15,
                120, 0.95);

        assertThat(comparison.difference()).isCloseTo(0.375 - 0.2, within(1e-12));
        assertThat(comparison.zStatistic()).isCloseTo(1.770806, within(1e-6));
        assertThat(comparison.pValue()).isCloseTo(2 * upperNormalTail(1.770806), within(1e-6));
        // Interval: 0.171679 -/+ 1.959964 * 0.096950 = [-0.018339, 0.361697].
        assertThat(comparison.interval().lower()).isCloseTo(-0.018339, within(1e-6));
        assertThat(comparison.interval().upper()).isCloseTo(0.361697, within(1e-6));
        assertThat(comparison.significantAt(0.05)).isFalse();
        assertThat(comparison.significantAt(0.10)).isTrue();
    }

    @Test
    void waldTestMatchesTheHandComputation() {
        // Unadjusted: 0.175 / sqrt(0.56/100 + (0.625 - 0.375^2)/120) = 0.175 / 0.098165 = 1.782704.
        TwoSampleComparison comparison = NetScoreDifference.compare(NetScoreMethod.WALD, 40, 20, 100, 60, 15, 120, 0.95);

        assertThat(comparison.zStatistic()).isCloseTo(1.782704, within(1e-6));
        assertThat(comparison.interval().method()).isEqualTo("wald");
    }

    @Test
    void anIntervalWidenedToContainTheObservedDifferenceSaysSo() {
        // All 10 first responses detractors, all 10 second ones promoters: observed difference 2. Adjusted:
        // first net (0.75 - 10.75)/13 = -0.769231, variance 11.5/13 - 0.591716 = 0.292899; second net
        // +0.769231, same variance; centre 1.538462, SE sqrt(2 * 0.292899/13) = 0.212275, upper bound
        // 1.538462 + 1.959964 * 0.212275 = 1.954515 < 2, so the interval is widened to 2.
        TwoSampleComparison extreme = NetScoreDifference.compare(NetScoreMethod.ADJUSTED_WALD, 0, 10, 10, 10, 0, 10,
                0.95);

        assertThat(extreme.difference()).isEqualTo(2.0);
        assertThat(extreme.interval().upper()).isEqualTo(2.0);
        assertThat(extreme.interval().lower()).isCloseTo(1.538462 - 1.959964 * 0.212275, within(1e-5));
        assertThat(extreme.interval().method()).isEqualTo(NetScoreInterval.WIDENED);
        assertThat(NetScoreDifference.compare(NetScoreMethod.ADJUSTED_WALD, 40, 20, 100, 60, 15, 120, 0.95)
                .interval().method()).isEqualTo("adjusted-wald");
    }

    @Test
    void rejectsAboutFivePercentWhenThereIsNoDifference() {
        // Simulation oracle: 10,000 seeded pairs of samples (n = 80 and 120) from the same mix 0.45/0.35/0.2;
        // a test of size 0.05 should reject about 5% of them (Monte Carlo SE 0.0022).
        SplittableRandom random = new SplittableRandom(7);
        int rejections = 0;
        int pairs = 10_000;
        for (int i = 0; i < pairs; i++) {
            int[] first = trinomial(random, 80, 0.45, 0.2);
            int[] second = trinomial(random, 120, 0.45, 0.2);
            if (NetScoreDifference.compare(NetScoreMethod.ADJUSTED_WALD, first[0], first[1], 80, second[0], second[1],
                    120, 0.95).significantAt(0.05)) {
                rejections++;
            }
        }
        double size = (double) rejections / pairs;
        System.out.printf("rejection rate at 0.05 under no difference: %.4f%n", size);

        assertThat(size).as("rejection rate under no difference: %.4f", size).isBetween(0.04, 0.06);
    }

    @Test
    void intervalCoversATrueDifferenceAboutNinetyFivePercentOfTheTime() {
        // Simulation oracle: true net scores 0.3 (0.5/0.3/0.2) and 0.5 (0.6/0.3/0.1), n = 60 and 90.
        SplittableRandom random = new SplittableRandom(11);
        int covers = 0;
        int pairs = 10_000;
        for (int i = 0; i < pairs; i++) {
            int[] first = trinomial(random, 60, 0.5, 0.2);
            int[] second = trinomial(random, 90, 0.6, 0.1);
            if (NetScoreDifference.compare(NetScoreMethod.ADJUSTED_WALD, first[0], first[1], 60, second[0], second[1],
                    90, 0.95).interval().contains(0.2)) {
                covers++;
            }
        }
        double coverage = (double) covers / pairs;
        System.out.printf("coverage of the 95%% difference interval: %.4f%n", coverage);

        assertThat(coverage).as("coverage of the difference interval: %.4f", coverage).isBetween(0.94, 0.96);
    }

    /** Draws {plus, minus} counts of n responses, response by response. */
    static int[] trinomial(SplittableRandom random, int n, double plus, double minus) {
        int[] counts = new int[2];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            if (u < plus) {
                counts[0]++;
            } else if (u >= 1 - minus) {
                counts[1]++;
            }
        }
        return counts;
    }

    /** P(Z > z) by Simpson's rule over [z, z + 12] of the standard normal density; independent of Hipparchus. */
    static double upperNormalTail(double z) {
        int steps = 20_000;
        double h = 12.0 / steps;
        double sum = density(z) + density(z + 12);
        for (int i = 1; i < steps; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * density(z + i * h);
        }
        return sum * h / 3;
    }

    private static double density(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }
}
