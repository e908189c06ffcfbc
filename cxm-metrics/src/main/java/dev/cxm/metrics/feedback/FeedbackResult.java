package dev.cxm.metrics.feedback;

import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * What every feedback metric's result reports, whatever the metric: the headline score with its interval,
 * and how much data it rests on. Breakdowns, trends and the command line work with this view.
 */
public interface FeedbackResult {

    /**
     * Returns the scale the responses were on.
     *
     * @return the scale
     */
    FeedbackScale scale();

    /**
     * Returns the number of responses.
     *
     * @return the count, 0 or more
     */
    long n();

    /**
     * Returns the sum of the survey weights; equal to {@link #n()} without weights.
     *
     * @return the total weight, 0 or more
     */
    double totalWeight();

    /**
     * Returns Kish's effective sample size; equal to {@link #n()} without weights.
     *
     * @return the effective sample size, from 0 to {@link #n()}
     */
    double effectiveN();

    /**
     * Returns the headline score, in the unit the metric documents; empty when there is no response (or no weight).
     *
     * @return the score, or empty
     */
    OptionalDouble score();

    /**
     * Returns the confidence interval of {@link #score()}, in its unit; empty when the data allow none.
     *
     * @return the interval, or empty
     */
    Optional<ConfidenceInterval> interval();
}
