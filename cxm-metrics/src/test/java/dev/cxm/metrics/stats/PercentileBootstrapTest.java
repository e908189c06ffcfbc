package dev.cxm.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The percentile bootstrap: quantiles against the type-7 definition worked by hand, reproducibility from
 * the seed, and the net-score difference bootstrap against a brute-force bootstrap written here that
 * resamples individual responses by index.
 */
class PercentileBootstrapTest {

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        // Type 7 on {1, 2, 3, 4}: position p * 3; p = 0.25 -> 1.75, p = 0.9 -> 3.7.
        double[] sorted = {1, 2, 3, 4};

        assertThat(PercentileBootstrap.quantile(sorted, 0.25)).isCloseTo(1.75, within(1e-12));
        assertThat(PercentileBootstrap.quantile(sorted, 0.9)).isCloseTo(3.7, within(1e-12));
        assertThat(PercentileBootstrap.quantile(sorted, 0)).isEqualTo(1);
        assertThat(PercentileBootstrap.quantile(sorted, 1)).isEqualTo(4);
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        ConfidenceInterval first = NetScoreDifference.bootstrapInterval(40, 20, 100, 60, 15, 120, 0.95, 500, 42L);
        ConfidenceInterval again = NetScoreDifference.bootstrapInterval(40, 20, 100, 60, 15, 120, 0.95, 500, 42L);
        ConfidenceInterval otherSeed = NetScoreDifference.bootstrapInterval(40, 20, 100, 60, 15, 120, 0.95, 500, 43L);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first.method()).isEqualTo("bootstrap-percentile");
    }

    @Test
    void netScoreDifferenceBootstrapAgreesWithABruteForceBootstrap() {
        // Oracle: resample the 100 + 120 individual responses (+1/0/-1) with replacement, 4,000 times, and
        // take the 2.5% and 97.5% quantiles of the difference of means; both bootstraps estimate the same
        // quantiles, so they agree within Monte Carlo error (about 0.01 here).
        int[] first = responses(40, 40, 20);
        int[] second = responses(60, 45, 15);
        SplittableRandom random = new SplittableRandom(99);
        int resamples = 4000;
        double[] differences = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            differences[r] = resampledMean(random, second) - resampledMean(random, first);
        }
        Arrays.sort(differences);

        ConfidenceInterval bootstrap = NetScoreDifference.bootstrapInterval(40, 20, 100, 60, 15, 120, 0.95, 4000, 5L);

        assertThat(bootstrap.lower()).isCloseTo(PercentileBootstrap.quantile(differences, 0.025), within(0.015));
        assertThat(bootstrap.upper()).isCloseTo(PercentileBootstrap.quantile(differences, 0.975), within(0.015));
    }

    @Test
    void rejectsTooFewResamples() {
        assertThatThrownBy(() -> PercentileBootstrap.interval(99, 1L, 0.95, random -> 0))
                .hasMessageStartingWith("resamples: 99 is below 100");
    }

    @Test
    void rejectsAStatisticThatIsNotFinite() {
        assertThatThrownBy(() -> PercentileBootstrap.interval(100, 1L, 0.95, random -> Double.NaN))
                .hasMessageStartingWith("statistic: resample 0 gave NaN");
    }

    @Test
    void ofReplicatesTakesTheType7QuantilesOfTheGivenValuesAndLeavesThemUnchanged() {
        // Oracle: 0, 1, ..., 100 in reverse; the 2.5% quantile sits at position 0.025 x 100 = 2.5, between 2 and
        // 3 (2.5), the 97.5% at 97.5 (97.5), by the definition of type 7.
        double[] replicates = new double[101];
        for (int i = 0; i < replicates.length; i++) {
            replicates[i] = 100 - i;
        }
        ConfidenceInterval interval = PercentileBootstrap.ofReplicates(replicates, 0.95);
        assertThat(interval.lower()).isCloseTo(2.5, within(1e-12));
        assertThat(interval.upper()).isCloseTo(97.5, within(1e-12));
        assertThat(interval.method()).isEqualTo(PercentileBootstrap.METHOD);
        assertThat(replicates[0]).as("the caller's array is not sorted in place").isEqualTo(100);
        assertThatThrownBy(() -> PercentileBootstrap.ofReplicates(new double[99], 0.95))
                .hasMessageStartingWith("resamples: 99 is below 100");
        double[] withNaN = new double[100];
        withNaN[7] = Double.NaN;
        assertThatThrownBy(() -> PercentileBootstrap.ofReplicates(withNaN, 0.95))
                .hasMessageStartingWith("replicates: resample 7 gave NaN");
    }

    private static int[] responses(int promoters, int passives, int detractors) {
        int[] values = new int[promoters + passives + detractors];
        Arrays.fill(values, 0, promoters, 1);
        Arrays.fill(values, promoters + passives, values.length, -1);
        return values;
    }

    private static double resampledMean(SplittableRandom random, int[] values) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }
}
