package dev.cxm.journey.track;

import java.time.Instant;
import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * A customer's move into a stage, as a {@link JourneyListener} hears it.
 *
 * @param customer the customer
 * @param from the stage left; empty for the customer's first stage
 * @param to the stage entered
 * @param at when the customer entered it
 * @param retroactive whether a late event placed the move before the customer's latest event (the history
 *     changed in the past, and moves heard before may no longer hold)
 */
public record StageChange(CustomerId customer, Optional<String> from, String to, Instant at, boolean retroactive) {

    /**
     * Validates the change.
     *
     * @param customer the customer
     * @param from the stage left, if any
     * @param to the stage entered
     * @param at when
     * @param retroactive whether it lies before the customer's latest event
     * @throws IllegalArgumentException when a stage name is blank
     */
    public StageChange {
        Checks.present("customer", customer);
        Checks.present("from", from).ifPresent(stage -> Checks.nonBlank("from", stage));
        Checks.nonBlank("to", to);
        Checks.present("at", at);
    }
}
