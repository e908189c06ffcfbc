package dev.cxm.journey.conformance;

import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * A move between two stages: how often customers made it, and whether the map allows it. Every transition
 * the map allows is listed, taken or not, and every move customers made.
 *
 * @param from the stage left
 * @param to the stage entered
 * @param count how many moves
 * @param allowed whether the map allows it
 * @param deviation the kind of deviation a move not allowed is
 */
public record TransitionConformance(String from, String to, long count, boolean allowed,
        Optional<DeviationKind> deviation) {

    /**
     * Validates the totals.
     *
     * @param from the stage left
     * @param to the stage entered
     * @param count the moves
     * @param allowed whether allowed
     * @param deviation the kind, for a move not allowed
     */
    public TransitionConformance {
        Checks.nonBlank("from", from);
        Checks.nonBlank("to", to);
        Checks.present("deviation", deviation);
    }
}
