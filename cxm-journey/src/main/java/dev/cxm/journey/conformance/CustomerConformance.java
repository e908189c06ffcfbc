package dev.cxm.journey.conformance;

import java.util.List;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.track.StageVisit;

/**
 * One customer's journey checked against the map.
 *
 * @param customer the customer
 * @param visits the customer's stays in stages, in time order
 * @param moves how many moves between stages the customer made
 * @param allowedMoves how many of them the map allows
 * @param fitness {@code allowedMoves / moves}; empty for a customer who never moved
 * @param deviations every deviation, in time order
 */
public record CustomerConformance(CustomerId customer, List<StageVisit> visits, int moves, int allowedMoves,
        OptionalDouble fitness, List<Deviation> deviations) {

    /**
     * Validates the check.
     *
     * @param customer the customer
     * @param visits the stays
     * @param moves the moves
     * @param allowedMoves the allowed moves
     * @param fitness the fitness
     * @param deviations the deviations
     */
    public CustomerConformance {
        Checks.present("customer", customer);
        visits = List.copyOf(Checks.noNullElements("visits", visits));
        Checks.present("fitness", fitness);
        deviations = List.copyOf(Checks.noNullElements("deviations", deviations));
        if (allowedMoves < 0 || allowedMoves > moves) {
            throw new IllegalArgumentException("allowedMoves: " + allowedMoves + " of " + moves + " moves");
        }
    }

    /**
     * Returns whether the journey has no deviation at all.
     *
     * @return whether it conforms
     */
    public boolean conforms() {
        return deviations.isEmpty();
    }
}
