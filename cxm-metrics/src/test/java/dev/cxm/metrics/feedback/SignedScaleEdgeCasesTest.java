package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.FeedbackScale;

/**
 * Bulk adds on scales with a negative minimum, where the score just above the maximum lies closer to 0 than the
 * minimum's distance (a range test written with the wrong sign would let it through), and configurations that hash
 * apart, and a rating asked for the result of a state on another scale. Expected values are the documented rules: a score off the scale is refused with its position and nothing
 * is added; distinct configurations are unequal and, for these, hash differently as Objects.hash of their fields.
 */
class SignedScaleEdgeCasesTest {

    @Test
    void theScoreJustAboveASignedScaleIsRefused() {
        FeedbackScale signed = FeedbackScale.custom("signed", -3, 3);
        FeedbackAccumulator<RatingResult> accumulator = RatingScore.ofDefaults(signed).accumulator().add(-3);

        assertThatThrownBy(() -> accumulator.addAll(new int[] {0, 4, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("score: is outside").hasMessageEndingWith("(at position 1)");
        assertThatThrownBy(() -> accumulator.addAll(new int[] {-4})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("(at position 0)");
        assertThat(accumulator.state().counts()).containsExactly(1, 0, 0, 0, 0, 0, 0);

        FeedbackScale negative = FeedbackScale.custom("negative", -10, -6);
        FeedbackAccumulator<RatingResult> below = RatingScore.ofDefaults(negative).accumulator();
        assertThatThrownBy(() -> below.addAll(new int[] {-6, -5})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("(at position 1)");
        assertThat(below.n()).isZero();
        assertThat(below.addAll(new int[] {-10, -6, -6}).state().counts()).containsExactly(1, 0, 0, 0, 2);
    }

    @Test
    void distinctRatingConfigurationsHashApart() {
        assertThat(RatingScore.csat()).isNotEqualTo(RatingScore.ces());
        assertThat(RatingScore.csat().hashCode()).isNotEqualTo(RatingScore.ces().hashCode());
        assertThat(RatingScore.csat()).hasSameHashCodeAs(RatingScore.from(RatingScore.csat()).build());
    }

    @Test
    void aRatingRefusesAStateOnAnotherScale() {
        ScoreDistribution nps = ScoreDistribution.ofCount(FeedbackScale.NPS, 5, 3);

        assertThatThrownBy(() -> RatingScore.csat().result(nps)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale: " + FeedbackScale.NPS + " is not " + FeedbackScale.CSAT
                        + "; only states on the same scale merge");
    }
}
