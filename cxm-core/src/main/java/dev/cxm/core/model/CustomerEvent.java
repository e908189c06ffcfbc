package dev.cxm.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Something that happened between one customer and the company at one instant.
 *
 * <p>The hierarchy is closed: an event is an {@link Interaction}, a {@link Purchase} or a
 * {@link FeedbackResponse}. What the host application knows beyond that goes into {@link #attributes()}.
 */
public sealed interface CustomerEvent permits Interaction, Purchase, FeedbackResponse {

    /** Returns the id that makes appending this event idempotent. */
    EventId eventId();

    /** Returns the customer the event is about. */
    CustomerId customerId();

    /** Returns when the event happened. */
    Instant occurredAt();

    /** Returns the host application's own attributes of the event; immutable, possibly empty. */
    Map<String, String> attributes();

    /** Returns the kind of event. */
    EventType eventType();

    /** Returns the touchpoint the event happened at or rates, when it has one. */
    Optional<Touchpoint> atTouchpoint();
}
