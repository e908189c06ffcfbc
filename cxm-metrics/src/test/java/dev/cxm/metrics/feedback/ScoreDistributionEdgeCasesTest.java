package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.FeedbackScale;

/**
 * The state's rules at their edges: the validation guards each case of which no other test tries, the
 * boundaries of the documented tolerances, the empty state, and value equality. Every expected value is the
 * documented rule of {@link ScoreDistribution} or a closed form worked out in the test.
 */
class ScoreDistributionEdgeCasesTest {

    @Test
    void rejectsAWeightSumThatIsNotANumberEvenWhereTheOtherChecksCannotSeeIt() {
        // Rule: every weight sum is a finite number of 0 or more. NaN slips through every comparison of the
        // consistency check (all are false for NaN), so only the explicit finiteness check can catch it.
        assertThatThrownBy(() -> new ScoreDistribution(FeedbackScale.CSAT, new long[] {1, 0, 0, 0, 0},
                new double[] {Double.NaN, 0, 0, 0, 0}, new double[] {1, 0, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights: NaN at score 1 is not a finite number of 0 or more");
        assertThatThrownBy(() -> new ScoreDistribution(FeedbackScale.CSAT, new long[] {0, 1, 0, 0, 0},
                new double[] {0, 1, 0, 0, 0}, new double[] {0, Double.NaN, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("squaredWeights: NaN at score 2 is not a finite number of 0 or more");
    }

    @Test
    void rejectsANegativeWeightSumWhoseSquareLooksConsistent() {
        // Rule: weights are 0 or more. -1 with squared sum 1 and count 1 passes Cauchy-Schwarz
        // ((-1)^2 / 1 <= 1 <= (-1)^2), so the sign check alone refuses it.
        assertThatThrownBy(() -> new ScoreDistribution(FeedbackScale.CSAT, new long[] {0, 0, 1, 0, 0},
                new double[] {0, 0, -1, 0, 0}, new double[] {0, 0, 1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights: -1.0 at score 3 is not a finite number of 0 or more");
    }

    @Test
    void acceptsWeightSumsExactlyAtTheToleranceOfTheWeightRange() {
        // Rule (class Javadoc): a positive weight sum of one response is at least MIN_WEIGHT and at most
        // MAX_WEIGHT, up to the relative tolerance TOLERANCE; the bounds themselves are accepted.
        double lowest = ScoreDistribution.MIN_WEIGHT * (1 - ScoreDistribution.TOLERANCE);
        double highest = ScoreDistribution.MAX_WEIGHT * (1 + ScoreDistribution.TOLERANCE);
        for (double weight : new double[] {lowest, highest}) {
            ScoreDistribution state = new ScoreDistribution(FeedbackScale.CSAT, new long[] {1, 0, 0, 0, 0},
                    new double[] {weight, 0, 0, 0, 0}, new double[] {weight * weight, 0, 0, 0, 0});

            assertThat(state.totalWeight()).as("weight %s", weight).isEqualTo(weight);
        }
        assertThatThrownBy(() -> new ScoreDistribution(FeedbackScale.CSAT, new long[] {1, 0, 0, 0, 0},
                new double[] {lowest / 2, 0, 0, 0, 0}, new double[] {lowest * lowest / 4, 0, 0, 0, 0}))
                .hasMessageStartingWith("weights: " + lowest / 2 + " at score 1 cannot be the sum of 1 weights");
    }

    @Test
    void aSurveyWeightAtEitherEndOfTheRangeIsValid() {
        // Rule: a survey weight is 0 or within [MIN_WEIGHT, MAX_WEIGHT], both ends included.
        assertThat(ScoreDistribution.requireWeight(ScoreDistribution.MIN_WEIGHT)).isEqualTo(1e-100);
        assertThat(ScoreDistribution.requireWeight(ScoreDistribution.MAX_WEIGHT)).isEqualTo(1e100);
        assertThat(ScoreDistribution.requireWeight(0)).isZero();
    }

    @Test
    void ofCountPutsTheCountAtTheScoresPointOnAScaleThatDoesNotStartAtZero() {
        // Oracle: index i of the arrays is the score min + i, so CSAT's 5 is index 4.
        ScoreDistribution state = ScoreDistribution.ofCount(FeedbackScale.CSAT, 5, 3);

        assertThat(state.counts()).containsExactly(0, 0, 0, 0, 3);
        assertThat(state.weights()).containsExactly(0, 0, 0, 0, 3);
        assertThat(state.count(5, 5)).isEqualTo(3);
    }

    @Test
    void theEmptyStateHasZeroEffectiveCountAndZeroSpreadNotNaN() {
        // Closed form: no weight means no responses to count or spread; the documented results are 0.
        ScoreDistribution empty = ScoreDistribution.empty(FeedbackScale.NPS);

        assertThat(empty.effectiveCount(9, 10)).isZero();
        assertThat(empty.meanSquaredDeviation(5)).isZero();
        assertThat(empty.share(9, 10)).isEmpty();
        assertThat(empty.mean()).isEmpty();
    }

    @Test
    void mergeRefusesAStateOnAnotherScaleNamingBoth() {
        ScoreDistribution nps = ScoreDistribution.ofCount(FeedbackScale.NPS, 10, 1);
        ScoreDistribution csat = ScoreDistribution.ofCount(FeedbackScale.CSAT, 5, 1);

        assertThatThrownBy(() -> nps.merge(csat)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale: csat:1..5 is not nps:0..10; only states on the same scale merge");
        assertThatThrownBy(() -> csat.merge(nps)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale: nps:0..10 is not csat:1..5; only states on the same scale merge");
    }

    @Test
    void statesAreEqualByValueAndDifferWhenAnyArrayDiffers() {
        // Oracle: value semantics of the record, compared element by element (arrays are copied).
        ScoreDistribution a = ScoreDistribution.ofCount(FeedbackScale.CSAT, 4, 2);
        ScoreDistribution same = new ScoreDistribution(FeedbackScale.CSAT, new long[] {0, 0, 0, 2, 0},
                new double[] {0, 0, 0, 2, 0}, new double[] {0, 0, 0, 2, 0});

        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).hasToString("csat:1..5 [0, 0, 0, 2, 0]");
        assertThat(a).isNotEqualTo(ScoreDistribution.ofCount(FeedbackScale.CSAT, 4, 3))
                .isNotEqualTo(ScoreDistribution.ofCount(FeedbackScale.CSAT, 3, 2))
                .isNotEqualTo(new ScoreDistribution(FeedbackScale.CSAT, new long[] {0, 0, 0, 2, 0},
                        new double[] {0, 0, 0, 3, 0}, new double[] {0, 0, 0, 5, 0}))
                .isNotEqualTo(ScoreDistribution.ofCount(FeedbackScale.custom("five", 1, 5), 4, 2))
                .isNotEqualTo("csat:1..5 [0, 0, 0, 2, 0]");
    }

    @Test
    void hashCodesSpreadOverDistinctStates() {
        // Brute force: the 11 x 20 states of one NPS cell (score 0..10, count 1..20) are all distinct, so a
        // hash that keeps them apart lets a host key a map by state; allow a few collisions.
        Set<Integer> hashes = new HashSet<>();
        for (int score = 0; score <= 10; score++) {
            for (int count = 1; count <= 20; count++) {
                hashes.add(ScoreDistribution.ofCount(FeedbackScale.NPS, score, count).hashCode());
            }
        }

        assertThat(hashes).hasSizeGreaterThan(200);
    }
}
