package dev.cxm.journey.path;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * One path and how many cases took it.
 *
 * @param steps the path's steps, in order
 * @param count how many cases (customers or sessions) took it
 * @param share {@code count} over the cases that have a path
 */
public record PathCount(List<String> steps, long count, double share) {

    /**
     * Validates the path count.
     *
     * @param steps the steps; not empty
     * @param count how many cases took the path; 1 or more
     * @param share the share of cases, in (0, 1]
     * @throws IllegalArgumentException when the steps are empty or a number is out of range
     */
    public PathCount {
        steps = List.copyOf(Checks.noNullElements("steps", steps));
        if (steps.isEmpty() || count < 1 || !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("path: " + steps.size() + " steps, count " + count + ", share " + share
                    + "; a path has steps, a count of 1 or more and a share in (0, 1]");
        }
    }
}
