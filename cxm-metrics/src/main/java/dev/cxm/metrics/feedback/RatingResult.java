package dev.cxm.metrics.feedback;

import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.internal.SampleSizes;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.Estimate;

/**
 * The result of a rating score (CSAT, CES or a custom scale): every measure the metric computes, each with
 * its interval, and which of them is the headline {@link #score()}, named in {@link #reported()} so that
 * it is never implied.
 *
 * <p>Shares are fractions 0..1 with Wilson intervals; the mean is on the scale's units with a t interval
 * (clipped to the scale). The headline is in percent for {@link RatingMeasure#GOOD_SHARE} and
 * {@link RatingMeasure#NET}, in scale units for {@link RatingMeasure#MEAN}. With no response (or no weight)
 * the {@code Optional}s are empty, never NaN; a mean of fewer than two (effective) responses has no interval.
 *
 * @param reported which measure {@code score} and {@code interval} are
 * @param score the headline score
 * @param interval the confidence interval of the headline score
 * @param n the number of responses
 * @param scale the scale
 * @param good the scores that count as good (the top boxes, or "agree")
 * @param goodCount responses with a good score
 * @param goodShare the (weighted) share of good responses with its Wilson interval
 * @param bad the scores that count as bad, when the metric defines them
 * @param badCount responses with a bad score (0 when none are defined)
 * @param badShare the (weighted) share of bad responses with its Wilson interval
 * @param mean the (weighted) mean score with its t interval
 * @param totalWeight the sum of the survey weights ({@code n} without weights)
 * @param effectiveN Kish's effective sample size ({@code n} without weights); the intervals use it
 */
public record RatingResult(
        RatingMeasure reported,
        OptionalDouble score,
        Optional<ConfidenceInterval> interval,
        long n,
        FeedbackScale scale,
        ScoreRange good,
        long goodCount,
        Optional<Estimate> goodShare,
        Optional<ScoreRange> bad,
        long badCount,
        Optional<Estimate> badShare,
        Optional<Estimate> mean,
        double totalWeight,
        double effectiveN) implements FeedbackResult {

    /**
     * Validates the result.
     *
     * @param reported which measure {@code score} and {@code interval} are
     * @param score the headline score
     * @param interval the confidence interval of the headline score
     * @param n the number of responses
     * @param scale the scale
     * @param good the scores that count as good (the top boxes, or "agree")
     * @param goodCount responses with a good score
     * @param goodShare the (weighted) share of good responses with its Wilson interval
     * @param bad the scores that count as bad, when the metric defines them
     * @param badCount responses with a bad score (0 when none are defined)
     * @param badShare the (weighted) share of bad responses with its Wilson interval
     * @param mean the (weighted) mean score with its t interval
     * @param totalWeight the sum of the survey weights ({@code n} without weights)
     * @param effectiveN Kish's effective sample size ({@code n} without weights); the intervals use it
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public RatingResult {
        Checks.present("reported", reported);
        Checks.present("score", score);
        Checks.present("interval", interval);
        Checks.present("scale", scale);
        Checks.present("good", good);
        Checks.present("goodShare", goodShare);
        Checks.present("bad", bad);
        Checks.present("badShare", badShare);
        Checks.present("mean", mean);
        if (n < 0 || goodCount < 0 || badCount < 0 || goodCount + badCount > n) {
            throw new IllegalArgumentException("n: " + n + " responses cannot hold " + goodCount + " good and "
                    + badCount + " bad ones");
        }
        SampleSizes.require(n, totalWeight, effectiveN);
        if (n == 0 && (score.isPresent() || interval.isPresent() || goodShare.isPresent() || badShare.isPresent()
                || mean.isPresent())) {
            throw new IllegalArgumentException("score: " + score + " with n 0; without a response there is no score,"
                    + " share, mean or interval");
        }
    }
}
