package dev.cxm.engage.action;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Channel;

/**
 * The action a decision chose, with the channel to use and what it is worth.
 *
 * @param action the action's name
 * @param kind what it does
 * @param channel the channel to use
 * @param value what it is worth for the customer
 * @param consentPurpose the consent purpose it relies on
 */
public record ChosenAction(String action, ActionKind kind, Channel channel, double value, String consentPurpose) {

    /**
     * Validates the choice.
     *
     * @param action the action's name
     * @param kind what it does
     * @param channel the channel
     * @param value the value, finite
     * @param consentPurpose the consent purpose
     */
    public ChosenAction {
        Checks.nonBlank("action", action);
        Checks.present("kind", kind);
        Checks.present("channel", channel);
        Checks.finite("value", value);
        Checks.nonBlank("consentPurpose", consentPurpose);
    }
}
