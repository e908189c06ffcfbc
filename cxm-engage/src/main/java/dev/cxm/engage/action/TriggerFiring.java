package dev.cxm.engage.action;

import java.time.Instant;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * One firing of a {@link Trigger}: which rule, for whom, what occurrence caused it, and by when the action is due.
 *
 * @param trigger the rule's name
 * @param action the action it starts
 * @param customer the customer
 * @param occurrence what caused it, naming ids only: {@code event:<id>}, {@code stall:<stage>@<instant>} or
 *     {@code p-alive-below:<threshold>@<instant>}
 * @param at when it happened
 * @param due by when the action is due ({@code at} itself when the rule states no time)
 */
public record TriggerFiring(String trigger, String action, CustomerId customer, String occurrence, Instant at,
        Instant due) {

    /**
     * Validates the firing.
     *
     * @param trigger the rule's name
     * @param action the action's name
     * @param customer the customer
     * @param occurrence what caused it
     * @param at when it happened
     * @param due by when the action is due; not before {@code at}
     */
    public TriggerFiring {
        Checks.nonBlank("trigger", trigger);
        Checks.nonBlank("action", action);
        Checks.present("customer", customer);
        Checks.nonBlank("occurrence", occurrence);
        Checks.present("at", at);
        Checks.present("due", due);
        if (due.isBefore(at)) {
            throw new IllegalArgumentException("due: " + due + " is before the occurrence at " + at);
        }
    }
}
