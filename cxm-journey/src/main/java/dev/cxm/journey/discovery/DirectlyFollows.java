package dev.cxm.journey.discovery;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.internal.Checks;

/**
 * An edge of the directly-follows graph: how often one activity came right after another in a case (repeats
 * included), and the time between them.
 *
 * @param from the earlier activity
 * @param to the activity right after it
 * @param count how often
 * @param meanTime the mean time between the two, truncated to the microsecond
 * @param medianTime the median time between the two (nearest rank)
 */
@JsonPropertyOrder({"from", "to", "count", "medianTime", "meanTime"})
public record DirectlyFollows(String from, String to, long count, Duration meanTime, Duration medianTime) {

    /**
     * Validates the edge.
     *
     * @param from the earlier activity
     * @param to the later activity
     * @param count how often; 1 or more
     * @param meanTime the mean time between
     * @param medianTime the median time between
     */
    public DirectlyFollows {
        Checks.present("from", from);
        Checks.present("to", to);
        Checks.present("meanTime", meanTime);
        Checks.present("medianTime", medianTime);
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count + " is below 1");
        }
    }
}
