package dev.cxm.engage.action;

import dev.cxm.core.internal.Checks;

/**
 * Why an action was not chosen.
 *
 * @param action the action's name
 * @param reason the first rule it failed
 * @param detail the rule in words, naming ids and settings only
 */
public record Rejection(String action, Reason reason, String detail) {

    /** The rules an action can fail, in the order they are checked. */
    public enum Reason {
        /** The customer is in none of the action's segments. */
        NOT_IN_SEGMENT,
        /** The customer has not granted the action's consent purpose. */
        NO_CONSENT,
        /** The customer has had the most contacts the policy allows in the period. */
        CAPPED,
        /** It is within the quiet hours of the customer's time zone. */
        QUIET_HOURS,
        /** The customer had this action within its cooldown. */
        COOLING_DOWN,
        /** The profile lacks the number the action's value is computed from. */
        NO_VALUE,
        /** Eligible, but another action is worth more (or as much and comes first in the catalogue). */
        LOWER_VALUE
    }

    /**
     * Validates the rejection.
     *
     * @param action the action's name
     * @param reason the reason
     * @param detail the rule in words
     */
    public Rejection {
        Checks.nonBlank("action", action);
        Checks.present("reason", reason);
        Checks.nonBlank("detail", detail);
    }
}
