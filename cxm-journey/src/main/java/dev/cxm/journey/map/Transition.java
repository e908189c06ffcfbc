package dev.cxm.journey.map;

import dev.cxm.core.internal.Checks;

/**
 * A move between two stages that a journey map allows.
 *
 * @param from the stage left
 * @param to the stage entered; another stage
 */
public record Transition(String from, String to) {

    /**
     * Validates the transition.
     *
     * @param from the stage left; non-blank
     * @param to the stage entered; non-blank, not {@code from}
     * @throws IllegalArgumentException when a name is blank or both are the same
     */
    public Transition {
        Checks.nonBlank("transition.from", from);
        Checks.nonBlank("transition.to", to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("transition: from " + from + " to itself; staying in a stage is no"
                    + " transition");
        }
    }

    /**
     * Returns the transition from {@code from} to {@code to}.
     *
     * @param from the stage left
     * @param to the stage entered
     * @return the transition
     * @throws IllegalArgumentException when a name is blank or both are the same
     */
    public static Transition of(String from, String to) {
        return new Transition(from, to);
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
