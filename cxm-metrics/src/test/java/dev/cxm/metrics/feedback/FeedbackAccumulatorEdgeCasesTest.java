package dev.cxm.metrics.feedback;

import static dev.cxm.metrics.feedback.Responses.WEB;
import static dev.cxm.metrics.feedback.Responses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;

/**
 * The accumulator's paths that the main test does not take: bulk adds on scales that do not start at 0 and on
 * scales far from 0 (the slow path), a bad score at the very first position, unit-weight responses after
 * weighted ones, resuming from weighted states, and states or responses on another scale. Every expected
 * count comes from a brute-force loop or a closed form written here.
 */
class FeedbackAccumulatorEdgeCasesTest {

    @Test
    void bulkAddCountsLikeABruteForceLoopOnEveryKindOfScale() {
        // Oracle: a plain loop counting each score of the same seeded array. Scales starting at 1 (CSAT, CES),
        // at a negative score and at 0 with two points exercise every lane of the unrolled loop with an offset.
        SplittableRandom random = new SplittableRandom(11);
        FeedbackScale[] scales = {FeedbackScale.CSAT, FeedbackScale.CES, FeedbackScale.custom("signed", -3, 3),
                FeedbackScale.custom("yes-no", 0, 1), FeedbackScale.custom("wide", 1, 1000)};
        for (FeedbackScale scale : scales) {
            for (int length : new int[] {8, 17, 999}) {
                int[] scores = random.ints(length, scale.min(), scale.max() + 1).toArray();
                long[] expected = new long[scale.points()];
                for (int score : scores) {
                    expected[score - scale.min()]++;
                }

                ScoreDistribution state = RatingScore.ofDefaults(scale).accumulator().addAll(scores).state();

                assertThat(state.counts()).as("%s, length %d", scale, length).containsExactly(expected);
            }
        }
    }

    @Test
    void bulkAddOnAScaleFarFromZeroTakesTheCheckedPathAndCountsTheSame() {
        // Oracle: brute-force count. Scales whose ends lie beyond +-2^30 take the loop that checks each score;
        // a score off such a scale is refused by its value, and nothing is added.
        FeedbackScale far = FeedbackScale.custom("far", 2_000_000_000, 2_000_000_004);
        int[] scores = {2_000_000_004, 2_000_000_000, 2_000_000_004, 2_000_000_002};
        FeedbackAccumulator<RatingResult> accumulator = RatingScore.ofDefaults(far).accumulator().addAll(scores);

        assertThat(accumulator.state().counts()).containsExactly(1, 0, 1, 0, 2);
        assertThatThrownBy(() -> accumulator.addAll(new int[] {2_000_000_001, 7}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("score: is outside the far scale 2000000000..2000000004");
        assertThat(accumulator.n()).isEqualTo(4);
    }

    @Test
    void bulkAddRejectsAScoreOffTheScaleAtTheFirstPosition() {
        // Rule: the first score off the scale is named with its position, here 0, and nothing is added.
        FeedbackAccumulator<NpsResult> accumulator = NetPromoterScore.ofDefaults().accumulator().add(9);

        assertThatThrownBy(() -> accumulator.addAll(new int[] {12, 5, 6}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score: is outside the NPS scale 0..10 (at position 0)");
        assertThat(accumulator.state().counts()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
    }

    @Test
    void bulkAddRejectsAScoreJustAboveOrBelowTheScale() {
        // Rule: every score off the scale is refused, the nearest ones too: max + 1 and min - 1 at position 1.
        for (int[] scores : new int[][] {{5, 11, 6}, {5, -1, 6}}) {
            FeedbackAccumulator<NpsResult> accumulator = NetPromoterScore.ofDefaults().accumulator();

            assertThatThrownBy(() -> accumulator.addAll(scores)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("score: is outside the NPS scale 0..10 (at position 1)");
            assertThat(accumulator.n()).isZero();
        }
        FeedbackAccumulator<RatingResult> csat = RatingScore.csat().accumulator();
        assertThatThrownBy(() -> csat.addAll(new int[] {6})).hasMessage("score: is outside the CSAT scale 1..5 (at"
                + " position 0)");
        assertThatThrownBy(() -> csat.addAll(new int[] {0})).hasMessage("score: is outside the CSAT scale 1..5 (at"
                + " position 0)");
    }

    @Test
    void aResponseWithoutWeightAfterWeightedOnesWeighsOne() {
        // Closed form: weights 2.5 and 1 at score 9 sum to 3.5, their squares to 6.25 + 1 = 7.25.
        FeedbackResponse nine = response("e1", FeedbackScale.NPS, 9, "2026-03-01T10:00:00Z", WEB);
        FeedbackAccumulator<NpsResult> accumulator = NetPromoterScore.ofDefaults().accumulator()
                .add(nine, 2.5).add(nine);

        ScoreDistribution state = accumulator.state();
        assertThat(state.counts()[9]).isEqualTo(2);
        assertThat(state.weights()[9]).isEqualTo(3.5);
        assertThat(state.squaredWeights()[9]).isEqualTo(7.25);
    }

    @Test
    void aWeightedResponseOnAnotherScaleIsRefusedNamingItsId() {
        FeedbackResponse csat = response("e7", FeedbackScale.CSAT, 4, "2026-03-01T10:00:00Z", WEB);
        FeedbackAccumulator<NpsResult> accumulator = NetPromoterScore.ofDefaults().accumulator();

        assertThatThrownBy(() -> accumulator.add(csat, 2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale: response e7 is on the scale csat:1..5; this accumulator counts the scale nps:0..10");
        assertThat(accumulator.n()).isZero();
    }

    @Test
    void resumingFromAStateOnAnotherScaleIsRefused() {
        ScoreDistribution csat = ScoreDistribution.ofCount(FeedbackScale.CSAT, 5, 2);

        assertThatThrownBy(() -> NetPromoterScore.ofDefaults().accumulator(csat))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale: csat:1..5 is not nps:0..10; only states on the same scale merge");
    }

    @Test
    void resumingFromAWeightedStateKeepsItsWeightsEvenWhenOneSumEqualsTheCount() {
        // Closed form: two responses weighing 1.4 and 0.2 sum to 1.6 with squares 1.96 + 0.04 = 2 (squared sum
        // equal to the count); two weighing 1.5 and 0.5 sum to 2 (weight sum equal to the count) with squares
        // 2.25 + 0.25 = 2.5. Put on every point of the scale, neither is the unit-weight state (weight and
        // squared sums both equal to the counts), so both must come back unchanged.
        ScoreDistribution squaredLikeCount = new ScoreDistribution(FeedbackScale.CSAT, new long[] {2, 2, 2, 2, 2},
                new double[] {1.6, 1.6, 1.6, 1.6, 1.6}, new double[] {2, 2, 2, 2, 2});
        ScoreDistribution weightLikeCount = new ScoreDistribution(FeedbackScale.CSAT, new long[] {2, 2, 2, 2, 2},
                new double[] {2, 2, 2, 2, 2}, new double[] {2.5, 2.5, 2.5, 2.5, 2.5});

        for (ScoreDistribution state : new ScoreDistribution[] {squaredLikeCount, weightLikeCount}) {
            ScoreDistribution resumed = RatingScore.csat().accumulator(state).state();

            assertThat(resumed).isEqualTo(state);
            // Kish: n_eff = (sum w)^2 / sum w^2, the same five points on both sides.
            assertThat(resumed.effectiveN()).isCloseTo(state.totalWeight() * state.totalWeight()
                    / (5 * state.squaredWeights()[0]), within(1e-12));
        }
    }
}
