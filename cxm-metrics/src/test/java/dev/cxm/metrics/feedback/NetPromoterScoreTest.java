package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.NetScoreMethod;

/**
 * NPS results against hand computations of the definition (promoters 9-10, passives 7-8, detractors
 * 0-6; score = 100 × (promoter share - detractor share)) and of Rocks' adjusted Wald interval, worked out
 * step by step in the comments.
 */
class NetPromoterScoreTest {

    private final NetPromoterScore nps = NetPromoterScore.ofDefaults();

    @Test
    void classifiesEveryPointOfTheScaleAndComputesTheScore() {
        // One response per score 0..10: promoters {9, 10}, passives {7, 8}, detractors {0..6};
        // NPS = 100 * (2 - 7) / 11 = -45.4545.
        NpsResult result = nps.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

        assertThat(result.n()).isEqualTo(11);
        assertThat(result.promoters()).isEqualTo(2);
        assertThat(result.passives()).isEqualTo(2);
        assertThat(result.detractors()).isEqualTo(7);
        assertThat(result.score().getAsDouble()).isCloseTo(-500.0 / 11, within(1e-9));
        assertThat(result.promoterShare().getAsDouble()).isCloseTo(2.0 / 11, within(1e-12));
        assertThat(result.passiveShare().getAsDouble()).isCloseTo(2.0 / 11, within(1e-12));
        assertThat(result.detractorShare().getAsDouble()).isCloseTo(7.0 / 11, within(1e-12));
    }

    @Test
    void intervalIsTheAdjustedWaldIntervalInNpsPoints() {
        // P = 2, D = 7, n = 11. Adjusted: n' = 14, p+ = 2.75/14 = 0.196429, p- = 7.75/14 = 0.553571,
        // net = -0.357143, variance = 0.75 - 0.127551 = 0.622449, half width = 1.959964 * sqrt(0.622449/14)
        // = 0.413272: [-0.770415, 0.056129] -> [-77.0415, 5.6129] NPS points.
        ConfidenceInterval interval = nps.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).interval().orElseThrow();

        assertThat(interval.lower()).isCloseTo(-77.0415, within(1e-4));
        assertThat(interval.upper()).isCloseTo(5.6129, within(1e-4));
        assertThat(interval.level()).isEqualTo(0.95);
        assertThat(interval.method()).isEqualTo("adjusted-wald");
    }

    @Test
    void waldIsAvailableAsAnOption() {
        // Same data, unadjusted: net -5/11 = -0.454545, variance 9/11 - 0.206612 = 0.611570,
        // half width 1.959964 * sqrt(0.611570/11) = 0.462141: [-91.6687, 0.7596] NPS points.
        NetPromoterScore wald = NetPromoterScore.custom().method(NetScoreMethod.WALD).build();

        ConfidenceInterval interval = wald.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).interval().orElseThrow();

        assertThat(interval.lower()).isCloseTo(-91.6687, within(1e-4));
        assertThat(interval.upper()).isCloseTo(0.7596, within(1e-4));
        assertThat(interval.method()).isEqualTo("wald");
    }

    @Test
    void unanimousSamplesReachTheEndsOfTheScale() {
        // Definition: all promoters -> +100, all detractors -> -100.
        assertThat(nps.of(10, 9, 9).score().getAsDouble()).isEqualTo(100.0);
        assertThat(nps.of(0, 6, 3).score().getAsDouble()).isEqualTo(-100.0);
        assertThat(nps.of(7, 8).score().getAsDouble()).isEqualTo(0.0);
    }

    @Test
    void emptyInputHasNoScoreNoSharesAndNoInterval() {
        NpsResult result = nps.of();

        assertThat(result.n()).isZero();
        assertThat(result.score()).isEmpty();
        assertThat(result.interval()).isEmpty();
        assertThat(result.promoterShare()).isEmpty();
        assertThat(result.effectiveN()).isZero();
    }

    @Test
    void weightedResponsesUseWeightedSharesAndTheEffectiveSampleSize() {
        // 10 weighing 2, 0 and 8 weighing 1: W = 4, promoters 2/4, detractors 1/4 -> NPS 25.
        // Kish n_eff = 4^2 / (4 + 1 + 1) = 8/3; effective promoters 2 * 4/6 = 4/3, detractors 2/3.
        // Adjusted: n' = 17/3, p+ = (4/3 + 0.75)/n' = 0.367647, p- = (2/3 + 0.75)/n' = 0.25,
        // net 0.117647, variance 0.617647 - 0.013841 = 0.603806, half width 1.959964 * sqrt(0.603806/(17/3))
        // = 0.639784: [-52.2136, 75.7431] NPS points.
        NpsResult result = nps.accumulator().add(10, 2).add(0, 1).add(8, 1).result();

        assertThat(result.n()).isEqualTo(3);
        assertThat(result.totalWeight()).isEqualTo(4.0);
        assertThat(result.effectiveN()).isCloseTo(8.0 / 3, within(1e-12));
        assertThat(result.score().getAsDouble()).isCloseTo(25.0, within(1e-12));
        assertThat(result.promoterShare().getAsDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(result.interval().orElseThrow().lower()).isCloseTo(-52.2136, within(1e-4));
        assertThat(result.interval().orElseThrow().upper()).isCloseTo(75.7431, within(1e-4));
    }

    @Test
    void equalWeightsChangeNothingButTheTotalWeight() {
        // Closed form: shares and Kish's n_eff are invariant under scaling every weight by the same factor.
        int[] scores = {10, 9, 8, 3, 6, 10, 7, 0, 9};
        NpsResult unweighted = nps.of(scores);
        FeedbackAccumulator<NpsResult> weighted = nps.accumulator();
        for (int score : scores) {
            weighted.add(score, 2.5);
        }
        NpsResult result = weighted.result();

        assertThat(result.score().getAsDouble()).isCloseTo(unweighted.score().getAsDouble(), within(1e-9));
        assertThat(result.effectiveN()).isCloseTo(9, within(1e-9));
        assertThat(result.totalWeight()).isCloseTo(22.5, within(1e-9));
        assertThat(result.interval().orElseThrow().lower())
                .isCloseTo(unweighted.interval().orElseThrow().lower(), within(1e-9));
        assertThat(result.interval().orElseThrow().upper())
                .isCloseTo(unweighted.interval().orElseThrow().upper(), within(1e-9));
    }

    @Test
    void aLevelCanBeChosen() {
        // Closed form: the 90% interval is the 95% one's half width scaled by 1.644854 / 1.959964 about the
        // same adjusted centre (20/103 for 40/40/20).
        int[] scores = new int[100];
        java.util.Arrays.fill(scores, 0, 40, 9);
        java.util.Arrays.fill(scores, 40, 80, 7);
        java.util.Arrays.fill(scores, 80, 100, 3);
        ConfidenceInterval at95 = nps.of(scores).interval().orElseThrow();
        ConfidenceInterval at90 = NetPromoterScore.custom().level(0.90).build().of(scores).interval().orElseThrow();
        double centre = 100 * 20.0 / 103;

        assertThat(at90.level()).isEqualTo(0.90);
        assertThat(at90.upper() - centre).isCloseTo((at95.upper() - centre) * 1.644854 / 1.959964, within(1e-4));
    }

    @Test
    void rejectsScoresOffTheScaleNamingThem() {
        assertThatThrownBy(() -> nps.accumulator().add(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score: is outside the NPS scale 0..10");
        assertThatThrownBy(() -> nps.accumulator().add(-1)).hasMessage("score: is outside the NPS scale 0..10");
    }

    @Test
    void rejectsLevelsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> NetPromoterScore.custom().level(1.5))
                .hasMessageStartingWith("level: 1.5 is outside (0, 1)");
        assertThatThrownBy(() -> NetPromoterScore.custom().level(0))
                .hasMessageStartingWith("level: 0.0 is outside (0, 1)");
    }

    @Test
    void rejectsAStateOnAnotherScale() {
        assertThatThrownBy(() -> nps.result(ScoreDistribution.empty(FeedbackScale.CSAT)))
                .hasMessage("scale: csat:1..5 is not nps:0..10; only states on the same scale merge");
    }

    @Test
    void fromCopiesTheConfiguration() {
        NetPromoterScore base = NetPromoterScore.custom().level(0.8).method(NetScoreMethod.WALD).build();

        NetPromoterScore copy = NetPromoterScore.from(base).build();

        assertThat(copy.level()).isEqualTo(0.8);
        assertThat(copy.method()).isEqualTo(NetScoreMethod.WALD);
    }

    @ParameterizedTest(name = "true mix {0}/{1}/{2}, n = {3}")
    @CsvSource({"0.5, 0.3, 0.2, 100", "0.3, 0.4, 0.3, 100", "0.7, 0.2, 0.1, 100", "0.1, 0.3, 0.6, 100",
            "0.8, 0.15, 0.05, 20", "0.6, 0.3, 0.1, 30"})
    void adjustedWaldCoversTheTrueScoreAboutNinetyFivePercentOfTheTime(double promoters, double passives,
            double detractors, int n) {
        // Simulation oracle: 10,000 samples of n responses drawn here from the true mix (scores 10, 7 and 0),
        // each through NetPromoterScore; the share of 95% intervals that contain the true NPS must be within
        // 0.94..0.96 (Monte Carlo SE 0.0022).
        SplittableRandom random = new SplittableRandom(20160101L + n);
        double truth = 100 * (promoters - detractors);
        NetPromoterScore wald = NetPromoterScore.custom().method(NetScoreMethod.WALD).build();
        int samples = 10_000;
        int adjustedCovers = 0;
        int waldCovers = 0;
        for (int s = 0; s < samples; s++) {
            int[] scores = new int[n];
            for (int i = 0; i < n; i++) {
                double u = random.nextDouble();
                scores[i] = u < promoters ? 10 : u >= promoters + passives ? 0 : 7;
            }
            if (nps.of(scores).interval().orElseThrow().contains(truth)) {
                adjustedCovers++;
            }
            if (wald.of(scores).interval().orElseThrow().contains(truth)) {
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
}
