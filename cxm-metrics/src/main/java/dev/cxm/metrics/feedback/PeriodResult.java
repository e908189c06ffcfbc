package dev.cxm.metrics.feedback;

import dev.cxm.core.internal.Checks;

/**
 * A metric's result in one period of a trend.
 *
 * @param period the period
 * @param belowMinimumN whether the period's effective sample size is below the breakdown's minimum n: shown, but
 *     not to be trusted
 * @param result the metric's result over the period's responses (n = 0 and no score when there were none)
 * @param <R> the metric's result type
 */
public record PeriodResult<R extends FeedbackResult>(TimeBucket period, boolean belowMinimumN, R result) {

    /**
     * Validates the period result.
     *
     * @param period the period
     * @param belowMinimumN whether the period's effective sample size is below the breakdown's minimum n: shown,
     *     but not to be trusted
     * @param result the metric's result over the period's responses (n = 0 and no score when there were none)
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public PeriodResult {
        Checks.present("period", period);
        Checks.present("result", result);
    }
}
