package dev.cxm.metrics.feedback;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * A metric's result for one group of a breakdown (a channel, a segment, a journey stage, ...).
 *
 * @param group the group's key
 * @param belowMinimumN whether the group's effective sample size is below the breakdown's minimum n: shown, but
 *     not to be trusted
 * @param result the metric's result over the group's responses
 * @param periods the group's trend, one entry per period of the whole breakdown's range (empty periods
 *     included); empty when the breakdown has no periods
 * @param <R> the metric's result type
 */
public record GroupResult<R extends FeedbackResult>(String group, boolean belowMinimumN, R result,
        List<PeriodResult<R>> periods) {

    /**
     * Validates the group result and copies the periods.
     *
     * @param group the group's key
     * @param belowMinimumN whether the group's effective sample size is below the breakdown's minimum n: shown,
     *     but not to be trusted
     * @param result the metric's result over the group's responses
     * @param periods the group's trend, one entry per period of the whole breakdown's range (empty periods
     *     included); empty when the breakdown has no periods
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public GroupResult {
        Checks.present("group", group);
        Checks.present("result", result);
        periods = List.copyOf(Checks.present("periods", periods));
    }
}
