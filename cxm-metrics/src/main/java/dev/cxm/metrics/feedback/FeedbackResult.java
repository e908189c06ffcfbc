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

    /** Returns the scale the responses were on. */
    FeedbackScale scale();

    /** Returns the number of responses. */
    long n();

    /** Returns the sum of the survey weights; equal to {@link #n()} without weights. */
    double totalWeight();

    /** Returns Kish's effective sample size; equal to {@link #n()} without weights. */
    double effectiveN();

    /** Returns the headline score, in the unit the metric documents; empty when there is no response (or no weight). */
    OptionalDouble score();

    /** Returns the confidence interval of {@link #score()}, in its unit; empty when the data allow none. */
    Optional<ConfidenceInterval> interval();
}
