package dev.cxm.journey.path;

import dev.cxm.core.internal.Checks;

/**
 * An edge of the paths' Sankey chart: from one step at a position of the path to the step after it.
 *
 * @param position the position of {@code from} in the path, from 1
 * @param from the step at that position
 * @param to the step after it
 * @param count how many cases went that way
 */
public record PathEdge(int position, String from, String to, long count) {

    /**
     * Validates the edge.
     *
     * @param position the position of {@code from}, from 1
     * @param from the step there
     * @param to the next step
     * @param count the cases; 1 or more
     * @throws IllegalArgumentException when the position or the count is below 1
     */
    public PathEdge {
        Checks.positive("position", position);
        Checks.present("from", from);
        Checks.present("to", to);
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count + " is below 1");
        }
    }
}
