package dev.cxm.kafka;

import java.time.Instant;

import dev.cxm.core.internal.Checks;

/**
 * A result of one group in one time window, as a windowed aggregation emits it (a feedback metric's result,
 * a funnel's {@link FunnelStepCounts}): what the {@code cxm stream} command writes to its output topic, as JSON.
 *
 * @param group the group's value under the aggregation's key ({@code web}), or {@value FeedbackAggregation#ALL}
 * @param windowStart the window's first instant, inclusive
 * @param windowEnd the window's end, exclusive
 * @param result the result over the group's events in the window
 * @param <R> the result's type
 */
public record WindowedResult<R>(String group, Instant windowStart, Instant windowEnd, R result) {

    /**
     * Validates the result.
     *
     * @param group the group's value
     * @param windowStart the window's first instant, inclusive
     * @param windowEnd the window's end, exclusive
     * @param result the result
     * @throws IllegalArgumentException when the window ends before it starts
     */
    public WindowedResult {
        Checks.present("group", group);
        Checks.present("windowStart", windowStart);
        Checks.present("windowEnd", windowEnd);
        Checks.present("result", result);
        if (!windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("windowEnd: " + windowEnd + " is not after windowStart "
                    + windowStart);
        }
    }
}
