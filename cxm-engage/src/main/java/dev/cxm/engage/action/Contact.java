package dev.cxm.engage.action;

import java.time.Instant;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;

/**
 * A contact made: which action reached which customer, on which channel, when.
 *
 * @param customer the customer
 * @param action the action's name
 * @param channel the channel used
 * @param at when
 */
public record Contact(CustomerId customer, String action, Channel channel, Instant at) {

    /**
     * Validates the contact.
     *
     * @param customer the customer
     * @param action the action's name
     * @param channel the channel used
     * @param at when
     */
    public Contact {
        Checks.present("customer", customer);
        Checks.nonBlank("action", action);
        Checks.present("channel", channel);
        Checks.present("at", at);
    }
}
