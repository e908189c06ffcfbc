package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.CriticalValues;
import dev.cxm.metrics.stats.Estimate;

/**
 * CSAT, CES and custom rating scores against hand computations: shares counted by hand, Wilson's interval
 * worked from its closed form, means and standard deviations by the two-pass formula, t quantiles from the
 * t table (t(0.975, 4) = 2.776, t(0.975, 6) = 2.447).
 */
class RatingScoreTest {

    @Test
    void csatReportsTheTopTwoBoxShareInPercentWithWilsonsInterval() {
        // {5, 4, 4, 2, 5}: 4 of 5 in the top two boxes = 80%. Wilson: z^2/n = 0.768292,
        // centre (0.8 + 0.384146) / 1.768292 = 0.669655, half 1.959964/1.768292 * sqrt(0.032 + 0.038415)
        // = 0.294121: [0.375535, 0.963776].
        RatingResult result = RatingScore.csat().of(5, 4, 4, 2, 5);

        assertThat(result.reported()).isEqualTo(RatingMeasure.GOOD_SHARE);
        assertThat(result.score().getAsDouble()).isCloseTo(80.0, within(1e-9));
        assertThat(result.goodCount()).isEqualTo(4);
        assertThat(result.good()).isEqualTo(new ScoreRange(4, 5));
        ConfidenceInterval interval = result.interval().orElseThrow();
        assertThat(interval.method()).isEqualTo("wilson");
        assertThat(interval.lower()).isCloseTo(37.5535, within(1e-4));
        assertThat(interval.upper()).isCloseTo(96.3776, within(1e-4));
        Estimate share = result.goodShare().orElseThrow();
        assertThat(share.value()).isCloseTo(0.8, within(1e-12));
        assertThat(share.interval().orElseThrow().lower()).isCloseTo(0.375535, within(1e-6));
    }

    @Test
    void csatAlsoCarriesTheMeanWithItsTInterval() {
        // Mean 4.0; squared deviations 1 + 0 + 0 + 4 + 1 = 6, s^2 = 1.5, se = sqrt(1.5/5) = 0.547723;
        // half width 2.776 * 0.547723 = 1.5205: [2.4795, 5.5205] clipped to the scale's end 5.
        Estimate mean = RatingScore.csat().of(5, 4, 4, 2, 5).mean().orElseThrow();

        assertThat(mean.value()).isCloseTo(4.0, within(1e-12));
        assertThat(mean.interval().orElseThrow().lower()).isCloseTo(4.0 - 2.776 * 0.547723, within(1e-3));
        assertThat(mean.interval().orElseThrow().upper()).isEqualTo(5.0);
        assertThat(mean.interval().orElseThrow().method()).isEqualTo("t");
    }

    @Test
    void topBoxesAreConfigurable() {
        // Top three boxes of {5, 4, 3, 3, 2, 1}: 4 of 6 = 66.67%.
        RatingScore top3 = RatingScore.from(RatingScore.csat()).topBoxes(3).build();

        RatingResult result = top3.of(5, 4, 3, 3, 2, 1);

        assertThat(result.good()).isEqualTo(new ScoreRange(3, 5));
        assertThat(result.score().getAsDouble()).isCloseTo(400.0 / 6, within(1e-9));
    }

    @Test
    void csatWorksOnAnyKPointScale() {
        // A 1..7 satisfaction scale, top two boxes {6, 7}: {7, 6, 5, 1} -> 50%.
        RatingScore sevenPoint = RatingScore.custom(FeedbackScale.custom("sat7", 1, 7)).build();

        assertThat(sevenPoint.of(7, 6, 5, 1).score().getAsDouble()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void cesReportsTheMeanAndTheShareAgreeing() {
        // {5, 4, 4, 2, 5, 7, 1}: mean 28/7 = 4; squared deviations 1+0+0+4+1+9+9 = 24, s^2 = 4,
        // se = sqrt(4/7) = 0.755929; half width 2.447 * 0.755929 = 1.8497: [2.1503, 5.8497].
        // Agreeing (5..7): 3 of 7.
        RatingResult result = RatingScore.ces().of(5, 4, 4, 2, 5, 7, 1);

        assertThat(result.reported()).isEqualTo(RatingMeasure.MEAN);
        assertThat(result.scale()).isEqualTo(FeedbackScale.CES);
        assertThat(result.score().getAsDouble()).isCloseTo(4.0, within(1e-12));
        assertThat(result.interval().orElseThrow().lower()).isCloseTo(4 - 2.447 * 0.755929, within(1e-3));
        assertThat(result.interval().orElseThrow().upper()).isCloseTo(4 + 2.447 * 0.755929, within(1e-3));
        assertThat(result.good()).isEqualTo(new ScoreRange(5, 7));
        assertThat(result.goodShare().orElseThrow().value()).isCloseTo(3.0 / 7, within(1e-12));
    }

    @Test
    void customScaleWithGoodAndBadScoresReportsANetScore() {
        // Stars 1..10, good 8..10, bad 1..4: {10, 9, 8, 8, 5, 3, 1, 2, 7, 10} has 5 good, 3 bad -> net 20.
        // Adjusted Wald: n' = 13, p+ = 5.75/13, p- = 3.75/13, net 2/13 = 0.153846, variance
        // 9.5/13 - 0.023669 = 0.707101, half 1.959964 * sqrt(0.707101/13) = 0.457106: [-30.3260, 61.0952].
        RatingScore stars = RatingScore.custom(FeedbackScale.custom("stars", 1, 10)).good(8, 10).bad(1, 4)
                .report(RatingMeasure.NET).build();

        RatingResult result = stars.of(10, 9, 8, 8, 5, 3, 1, 2, 7, 10);

        assertThat(result.goodCount()).isEqualTo(5);
        assertThat(result.badCount()).isEqualTo(3);
        assertThat(result.score().getAsDouble()).isCloseTo(20.0, within(1e-9));
        assertThat(result.interval().orElseThrow().lower()).isCloseTo(-30.3260, within(1e-4));
        assertThat(result.interval().orElseThrow().upper()).isCloseTo(61.0952, within(1e-4));
        assertThat(result.interval().orElseThrow().method()).isEqualTo("adjusted-wald");
        assertThat(result.badShare().orElseThrow().value()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void emptyInputHasNoScoreAndNoEstimates() {
        RatingResult result = RatingScore.csat().of();

        assertThat(result.n()).isZero();
        assertThat(result.score()).isEmpty();
        assertThat(result.interval()).isEmpty();
        assertThat(result.goodShare()).isEmpty();
        assertThat(result.mean()).isEmpty();
    }

    @Test
    void aMeanOfOneResponseHasNoInterval() {
        // One response: the mean is the score; s is undefined (n - 1 = 0), so there is no t interval.
        RatingResult result = RatingScore.ces().of(6);

        assertThat(result.score().getAsDouble()).isEqualTo(6.0);
        assertThat(result.interval()).isEmpty();
        assertThat(result.goodShare().orElseThrow().interval()).isPresent();
    }

    @Test
    void weightedMeanUsesReliabilityWeights() {
        // (score, weight) = (5,3) (1,1) (4,2) (3,1) (4,1) (2,1): W = 9, mean 33/9 = 11/3; sum w^2 = 17,
        // n_eff = 81/17; sum w (x - m)^2 = 16, so s^2 = 16/9 * n_eff/(n_eff - 1) = 9/4; se = sqrt(2.25/n_eff)
        // = 0.687184 with n_eff - 1 = 64/17 degrees of freedom (the t quantile itself is tested against
        // the table in CriticalValuesTest).
        FeedbackAccumulator<RatingResult> accumulator = RatingScore.csat().accumulator();
        accumulator.add(5, 3).add(1, 1).add(4, 2).add(3, 1).add(4, 1).add(2, 1);
        RatingResult result = accumulator.result();
        Estimate mean = result.mean().orElseThrow();

        assertThat(mean.value()).isCloseTo(11.0 / 3, within(1e-12));
        assertThat(result.effectiveN()).isCloseTo(81.0 / 17, within(1e-12));
        double half = mean.value() - mean.interval().orElseThrow().lower();
        assertThat(half).isCloseTo(CriticalValues.t(0.95, 64.0 / 17) * 0.6871843, within(1e-6));
        assertThat(mean.interval().orElseThrow().upper()).isEqualTo(5.0);
    }

    @Test
    void rejectsScoresOffTheScaleAndBadConfigurations() {
        assertThatThrownBy(() -> RatingScore.csat().accumulator().add(6)).hasMessage("score: is outside the CSAT scale 1..5");
        assertThatThrownBy(() -> RatingScore.ces().of(4, 0)).hasMessage("score: is outside the CES scale 1..7 (at position 1)");
        assertThatThrownBy(() -> RatingScore.custom(FeedbackScale.CSAT).topBoxes(5))
                .hasMessage("topBoxes: 5 is outside 1..4 for the 5-point scale csat:1..5");
        assertThatThrownBy(() -> RatingScore.custom(FeedbackScale.CSAT).good(4, 6))
                .hasMessage("score: is outside the CSAT scale 1..5");
        assertThatThrownBy(() -> RatingScore.custom(FeedbackScale.CSAT).bad(1, 4).build())
                .hasMessage("bad: 1..4 overlaps good 4..5; a score is good, bad or neither");
        assertThatThrownBy(() -> RatingScore.custom(FeedbackScale.CSAT).report(RatingMeasure.NET).build())
                .hasMessageStartingWith("report: net needs bad scores");
        assertThatThrownBy(() -> RatingScore.custom(FeedbackScale.CSAT).level(-0.1))
                .hasMessageStartingWith("level: -0.1 is outside (0, 1)");
    }

    @Test
    void onATwoPointScaleTheDefaultGoodIsTheTopBoxAsTopBoxesAllows() {
        // The rule: good never covers the whole scale by default (topBoxes(k) needs k < points). On 0..1 the
        // default is the top box {1}: 1, 1, 0 -> 2 of 3 good.
        FeedbackScale yesNo = FeedbackScale.custom("yesno", 0, 1);

        RatingScore score = RatingScore.custom(yesNo).build();

        assertThat(score.good()).isEqualTo(new ScoreRange(1, 1));
        assertThat(score.of(1, 1, 0).score().getAsDouble()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(RatingScore.custom(yesNo).topBoxes(1).build().good()).isEqualTo(score.good());
        assertThatThrownBy(() -> RatingScore.custom(yesNo).topBoxes(2)).hasMessageStartingWith("topBoxes: 2 is outside 1..1");
        assertThat(RatingScore.custom(FeedbackScale.CSAT).build().good()).isEqualTo(new ScoreRange(4, 5));
    }
}
