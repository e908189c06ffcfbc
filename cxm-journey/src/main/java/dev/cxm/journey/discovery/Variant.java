package dev.cxm.journey.discovery;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * A journey variant: one distinct sequence of activities, and how many cases took exactly it.
 *
 * @param steps the activities in order, repeats included
 * @param count how many cases
 * @param share {@code count} over every case
 */
public record Variant(List<String> steps, long count, double share) {

    /**
     * Validates the variant.
     *
     * @param steps the activities; not empty
     * @param count the cases; 1 or more
     * @param share the share, in (0, 1]
     */
    public Variant {
        steps = List.copyOf(Checks.noNullElements("steps", steps));
        if (steps.isEmpty() || count < 1 || !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("variant: " + steps.size() + " steps, count " + count + ", share "
                    + share + "; a variant has steps, a count of 1 or more and a share in (0, 1]");
        }
    }
}
