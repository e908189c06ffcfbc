package dev.cxm.engage.action;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.cxm.core.internal.Checks;

/**
 * What a decision needs besides the profile: the instant, the segments the customer is in, and the contacts
 * already made to them.
 *
 * @param now the instant of the decision
 * @param segments the names of the segments the customer is in
 * @param contacts the contacts made to the customer, in any order
 */
public record DecisionContext(Instant now, Set<String> segments, List<Contact> contacts) {

    /**
     * Validates the context.
     *
     * @param now the instant of the decision
     * @param segments the customer's segments
     * @param contacts the customer's contacts
     */
    public DecisionContext {
        Checks.present("now", now);
        segments = Set.copyOf(Checks.noNullElements("segments", segments));
        contacts = List.copyOf(Checks.noNullElements("contacts", contacts));
    }
}
