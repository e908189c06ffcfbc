package dev.cxm.metrics.feedback;

import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.internal.SampleSizes;
import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * A Net Promoter Score with its confidence interval.
 *
 * <p>The score is {@code 100 × (share of promoters - share of detractors)}, from -100 to 100; the shares
 * are weighted when the responses carry survey weights, and fractions from 0 to 1. With no response (or no
 * weight) there is no score, no shares and no interval: the {@code Optional}s are empty, never NaN.
 *
 * @param score the NPS, -100..100
 * @param interval its confidence interval in NPS points; its method names how it was computed
 * @param n the number of responses
 * @param promoters responses scoring 9 or 10
 * @param passives responses scoring 7 or 8
 * @param detractors responses scoring 0 to 6
 * @param promoterShare the (weighted) share of promoters
 * @param passiveShare the (weighted) share of passives
 * @param detractorShare the (weighted) share of detractors
 * @param totalWeight the sum of the survey weights ({@code n} without weights)
 * @param effectiveN Kish's effective sample size ({@code n} without weights); the intervals use it
 */
public record NpsResult(
        OptionalDouble score,
        Optional<ConfidenceInterval> interval,
        long n,
        long promoters,
        long passives,
        long detractors,
        OptionalDouble promoterShare,
        OptionalDouble passiveShare,
        OptionalDouble detractorShare,
        double totalWeight,
        double effectiveN) implements FeedbackResult {

    /**
     * Validates the result.
     *
     * @param score the NPS, -100..100
     * @param interval its confidence interval in NPS points; its method names how it was computed
     * @param n the number of responses
     * @param promoters responses scoring 9 or 10
     * @param passives responses scoring 7 or 8
     * @param detractors responses scoring 0 to 6
     * @param promoterShare the (weighted) share of promoters
     * @param passiveShare the (weighted) share of passives
     * @param detractorShare the (weighted) share of detractors
     * @param totalWeight the sum of the survey weights ({@code n} without weights)
     * @param effectiveN Kish's effective sample size ({@code n} without weights); the intervals use it
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public NpsResult {
        Checks.present("score", score);
        Checks.present("interval", interval);
        Checks.present("promoterShare", promoterShare);
        Checks.present("passiveShare", passiveShare);
        Checks.present("detractorShare", detractorShare);
        if (promoters < 0 || passives < 0 || detractors < 0 || promoters + passives + detractors != n) {
            throw new IllegalArgumentException("n: " + n + " is not the sum of promoters " + promoters
                    + ", passives " + passives + " and detractors " + detractors + " (each 0 or more)");
        }
        score.ifPresent(value -> {
            if (!(value >= -100 && value <= 100)) {
                throw new IllegalArgumentException("score: " + value + " is outside -100..100");
            }
        });
        SampleSizes.require(n, totalWeight, effectiveN);
        if (n == 0 && (score.isPresent() || interval.isPresent() || promoterShare.isPresent()
                || passiveShare.isPresent() || detractorShare.isPresent())) {
            throw new IllegalArgumentException("score: " + score + " with n 0; without a response there is no score,"
                    + " share or interval");
        }
    }

    /** Returns the NPS scale. */
    @Override
    public FeedbackScale scale() {
        return FeedbackScale.NPS;
    }
}
