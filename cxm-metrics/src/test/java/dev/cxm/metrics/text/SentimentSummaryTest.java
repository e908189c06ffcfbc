package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.Estimate;

/**
 * The summary of scores against hand computations: means and sample variances by the two-pass formula in the
 * test, t quantiles from the NIST table (t(0.975, 2) = 4.303, t(0.975, 3) = 3.182), Wilson's formula written
 * out in {@link #wilson}.
 */
class SentimentSummaryTest {

    private static final SentimentSummary SUMMARY = SentimentSummary.ofDefaults();

    /** Wilson's interval, written out: (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), z = 1.959964. */
    private static double[] wilson(double k, double n) {
        double z = 1.959964;
        double p = k / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return new double[] {centre - half, centre + half};
    }

    @Test
    void threeScoresByHand() {
        // 0.5, -0.3, -0.7: mean -1/6; deviations 2/3, -2/15, -8/15 -> s² = (4/9 + 4/225 + 64/225) / 2 = 0.37333;
        // se = sqrt(0.37333 / 3) = 0.352767; t(0.975, 2) = 4.303 -> half width 1.51796 -> [-1.6846, 1.3513],
        // clipped to [-1, 1]. |x|: 0.5, 0.3, 0.7, mean 0.5, s² = (0 + 0.04 + 0.04) / 2 = 0.04, se 0.11547,
        // half width 0.49687 -> [0.00313, 0.99687]. Positive 1/3, negative 2/3, strongly negative (<= -0.5) 1/3.
        SentimentResult result = SUMMARY.accumulator().add(Texts.score(0.5, false)).add(Texts.score(-0.3, true))
                .add(Texts.score(-0.7, false)).result();
        assertThat(result.n()).isEqualTo(3);
        assertThat(result.truncated()).isEqualTo(1);
        assertThat(result.blank()).isZero();
        Estimate mean = result.meanCompound().orElseThrow();
        assertThat(mean.value()).isCloseTo(-1.0 / 6, within(1e-12));
        ConfidenceInterval meanInterval = mean.interval().orElseThrow();
        assertThat(meanInterval.lower()).isEqualTo(-1);
        assertThat(meanInterval.upper()).isEqualTo(1);
        assertThat(meanInterval.method()).isEqualTo("t");
        Estimate intensity = result.intensity().orElseThrow();
        assertThat(intensity.value()).isCloseTo(0.5, within(1e-12));
        assertThat(intensity.interval().orElseThrow().lower()).isCloseTo(0.5 - 0.49687, within(2e-4));
        assertThat(intensity.interval().orElseThrow().upper()).isCloseTo(0.5 + 0.49687, within(2e-4));
        assertShare(result.positiveShare().orElseThrow(), 1, 3);
        assertShare(result.negativeShare().orElseThrow(), 2, 3);
        assertShare(result.strongNegativeShare().orElseThrow(), 1, 3);
        assertThat(result.neutralBand()).isEqualTo(0.05);
        assertThat(result.strongNegativeThreshold()).isEqualTo(-0.5);
    }

    @Test
    void aMeanIntervalInsideTheScale() {
        // 0.2, 0.4, 0.6, 0.8: mean 0.5, s² = (0.09 + 0.01 + 0.01 + 0.09) / 3 = 0.066667, se = 0.129099;
        // t(0.975, 3) = 3.182 -> half width 0.41079 -> [0.08921, 0.91079].
        SentimentAccumulator accumulator = SUMMARY.accumulator();
        for (double x : new double[] {0.2, 0.4, 0.6, 0.8}) {
            accumulator.add(Texts.score(x, false));
        }
        ConfidenceInterval interval = accumulator.result().meanCompound().orElseThrow().interval().orElseThrow();
        assertThat(interval.lower()).isCloseTo(0.08921, within(2e-4));
        assertThat(interval.upper()).isCloseTo(0.91079, within(2e-4));
    }

    private static void assertShare(Estimate share, int k, int n) {
        assertThat(share.value()).isCloseTo((double) k / n, within(1e-12));
        double[] bounds = wilson(k, n);
        assertThat(share.interval().orElseThrow().lower()).isCloseTo(bounds[0], within(1e-6));
        assertThat(share.interval().orElseThrow().upper()).isCloseTo(bounds[1], within(1e-6));
        assertThat(share.interval().orElseThrow().method()).isEqualTo("wilson");
    }

    @Test
    void thresholdsAreInclusiveAndBlankTextsAreNeutral() {
        // 0.05 is positive, -0.05 negative, -0.5 strongly negative, 0.0499 neutral; a blank text is neutral.
        SentimentResult result = SUMMARY.accumulator().add(Texts.score(0.05, false)).add(Texts.score(-0.05, false))
                .add(Texts.score(-0.5, false)).add(Texts.score(0.0499, false)).add(SentimentScore.ofBlankText())
                .result();
        assertThat(result.positiveShare().orElseThrow().value()).isEqualTo(1.0 / 5);
        assertThat(result.negativeShare().orElseThrow().value()).isEqualTo(2.0 / 5);
        assertThat(result.strongNegativeShare().orElseThrow().value()).isEqualTo(1.0 / 5);
        assertThat(result.blank()).isEqualTo(1);
        assertThat(result.n()).isEqualTo(5);
    }

    @Test
    void compoundScoresCountToFourDecimals() {
        // 0.12345 counts as 0.1235 (1234.5 rounds up), 0.00004 as 0: the state holds 1235 and 0; the mean 0.06175.
        SentimentAccumulator accumulator = SUMMARY.accumulator().add(Texts.score(0.12345, false))
                .add(Texts.score(0.00004, false));
        assertThat(accumulator.state().compoundSum()).isEqualTo(1235);
        assertThat(accumulator.state().squareSum()).isEqualTo(1235L * 1235);
        assertThat(accumulator.result().meanCompound().orElseThrow().value()).isCloseTo(0.06175, within(1e-15));
    }

    @Test
    void noScoresGiveNEqualZeroAndNoEstimates() {
        SentimentResult empty = SUMMARY.accumulator().result();
        assertThat(empty.n()).isZero();
        assertThat(List.of(empty.meanCompound(), empty.positiveShare(), empty.negativeShare(), empty.intensity(),
                empty.strongNegativeShare())).allMatch(java.util.Optional::isEmpty);
        SentimentResult one = SUMMARY.accumulator().add(Texts.score(-0.6, false)).result();
        assertThat(one.meanCompound().orElseThrow().interval()).as("a mean of one text").isEmpty();
        assertThat(one.strongNegativeShare().orElseThrow().interval()).isPresent();
    }

    @Test
    void aStateContinuesOnlyUnderTheSameThresholds() {
        SentimentTally state = SUMMARY.accumulator().add(Texts.score(-0.6, false)).state();
        SentimentSummary stricter = SentimentSummary.custom().strongNegativeThreshold(-0.8).build();
        assertThatThrownBy(() -> stricter.accumulator(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strongNegativeThreshold");
        assertThatThrownBy(() -> stricter.accumulator().merge(SUMMARY.accumulator()))
                .isInstanceOf(IllegalArgumentException.class);
        // The level is not part of the state: a state continues at another level.
        SentimentSummary level90 = SentimentSummary.custom().level(0.9).build();
        assertThat(level90.accumulator(state).result().strongNegativeShare().orElseThrow().interval().orElseThrow()
                .level()).isEqualTo(0.9);
    }

    @Test
    void aStateNoScoresCanProduceIsRefused() {
        // More negatives than texts; an absolute sum below the compound sum; squares below Cauchy-Schwarz:
        // two texts with |x| summing to 1.0 have Σx² >= 0.5.
        assertThatThrownBy(() -> new SentimentTally(0.05, -0.5, 1, 0, 0, 0, 2, 0, 0, 0, 0))
                .hasMessageStartingWith("negatives: 2");
        assertThatThrownBy(() -> new SentimentTally(0.05, -0.5, 1, 0, 0, 1, 0, 0, 5000, 4000, 25_000_000))
                .hasMessageStartingWith("absoluteSum");
        assertThatThrownBy(() -> new SentimentTally(0.05, -0.5, 2, 0, 0, 2, 0, 0, 10_000, 10_000, 49_999_999))
                .hasMessageStartingWith("squareSum");
        assertThat(new SentimentTally(0.05, -0.5, 2, 0, 0, 2, 0, 0, 10_000, 10_000, 50_000_000).n()).isEqualTo(2);
    }

    @Test
    void anOverflowingAddChangesNothing() {
        // A state at the edge: squareSum one short of Long.MAX_VALUE / 1e8 texts' worth of 1.0 scores.
        long n = Long.MAX_VALUE / 100_000_000L;
        SentimentTally full = new SentimentTally(0.05, -0.5, n, 0, 0, n, 0, 0, n * 10_000, n * 10_000,
                n * 100_000_000L);
        SentimentAccumulator accumulator = SUMMARY.accumulator(full);
        assertThatThrownBy(() -> accumulator.add(Texts.score(1, false))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overflow");
        assertThat(accumulator.state()).isEqualTo(full);
    }

    @Test
    void theCollectorRunsOnParallelStreams() {
        List<SentimentScore> scores = java.util.stream.IntStream.range(0, 2_000)
                .mapToObj(i -> Texts.score((i % 201 - 100) / 100.0, i % 7 == 0)).toList();
        SentimentAccumulator one = SUMMARY.accumulator();
        scores.forEach(one::add);
        assertThat(scores.parallelStream().collect(SUMMARY.collector())).isEqualTo(one.result());
    }
}
