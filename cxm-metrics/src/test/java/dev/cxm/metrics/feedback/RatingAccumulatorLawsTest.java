package dev.cxm.metrics.feedback;

import org.junit.jupiter.api.Nested;

import dev.cxm.core.model.FeedbackScale;

/**
 * The accumulator laws for the rating scores: CSAT, CES and a custom scale with good and bad scores and a
 * net headline. The oracle of each law is the same responses added to one accumulator (see
 * {@link ScoreLaws}); results compare exactly.
 */
class RatingAccumulatorLawsTest {

    /** CSAT on 1..5, the top-2-box share as headline. */
    @Nested
    class Csat extends ScoreLaws<RatingResult> {
        @Override
        FeedbackMetric<RatingResult> metric() {
            return RatingScore.csat();
        }
    }

    /** CES 2.0 on 1..7, the mean as headline. */
    @Nested
    class Ces extends ScoreLaws<RatingResult> {
        @Override
        FeedbackMetric<RatingResult> metric() {
            return RatingScore.ces();
        }
    }

    /** A custom 1..10 scale with good 8..10 and bad 1..4, the net score as headline, at 90%. */
    @Nested
    class CustomNet extends ScoreLaws<RatingResult> {
        @Override
        FeedbackMetric<RatingResult> metric() {
            return RatingScore.custom(FeedbackScale.custom("stars", 1, 10)).good(8, 10).bad(1, 4)
                    .report(RatingMeasure.NET).level(0.9).build();
        }
    }

    /** A custom scale off zero, -3..3, with the mean as headline. */
    @Nested
    class CustomMean extends ScoreLaws<RatingResult> {
        @Override
        FeedbackMetric<RatingResult> metric() {
            return RatingScore.custom(FeedbackScale.custom("agree", -3, 3)).report(RatingMeasure.MEAN).build();
        }
    }
}
