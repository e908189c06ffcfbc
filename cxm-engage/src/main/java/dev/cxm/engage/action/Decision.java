package dev.cxm.engage.action;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * The next-best action for one customer at one instant: the action chosen (if any) and why, and every other
 * action with the rule that kept it out.
 *
 * @param customer the customer
 * @param at the instant of the decision
 * @param chosen the action chosen; empty when none is eligible
 * @param reason why it was chosen, or why nothing was
 * @param rejected every other action of the catalogue, in catalogue order, with its reason
 */
public record Decision(CustomerId customer, Instant at, Optional<ChosenAction> chosen, String reason,
        List<Rejection> rejected) {

    /**
     * Validates the decision.
     *
     * @param customer the customer
     * @param at the instant
     * @param chosen the action chosen
     * @param reason why
     * @param rejected the other actions
     */
    public Decision {
        Checks.present("customer", customer);
        Checks.present("at", at);
        Checks.present("chosen", chosen);
        Checks.nonBlank("reason", reason);
        // A decider's own immutable list is kept; any other list is copied.
        rejected = rejected instanceof RejectionList ? rejected
                : List.copyOf(Checks.noNullElements("rejected", rejected));
    }
}
