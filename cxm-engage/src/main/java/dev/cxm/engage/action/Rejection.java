package dev.cxm.engage.action;

import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;

/**
 * Why an action was not chosen.
 *
 * @param action the action's name
 * @param reason the first rule it failed
 * @param detail the rule in words, naming ids and settings only
 * @param value what the action was worth, when it was eligible and lost on value ({@link Reason#LOWER_VALUE})
 */
public record Rejection(String action, Reason reason, String detail, OptionalDouble value) {

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
     * @param value what the action was worth; present exactly for {@link Reason#LOWER_VALUE}
     * @throws IllegalArgumentException when the value is present for another reason or missing for
     *     {@code LOWER_VALUE}
     */
    public Rejection {
        Checks.nonBlank("action", action);
        Checks.present("reason", reason);
        Checks.nonBlank("detail", detail);
        Checks.present("value", value);
        if (value.isPresent() != (reason == Reason.LOWER_VALUE)) {
            throw new IllegalArgumentException("value: is given exactly when the reason is LOWER_VALUE, here "
                    + reason);
        }
    }

    /**
     * Returns the rejection of an action that was not eligible.
     *
     * @param action the action's name
     * @param reason the rule it failed; not {@link Reason#LOWER_VALUE}
     * @param detail the rule in words
     * @return the rejection
     */
    public static Rejection of(String action, Reason reason, String detail) {
        return new Rejection(action, reason, detail, OptionalDouble.empty());
    }
}
