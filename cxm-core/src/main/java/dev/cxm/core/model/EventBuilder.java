package dev.cxm.core.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cxm.core.internal.Checks;

/**
 * What every event builder sets: the event id, the customer, the instant and the attributes.
 *
 * <p>The event id defaults to a {@linkplain EventId#random() random} id; set a stable one
 * when the same event may be delivered twice, so that the second append is a no-op.
 *
 * @param <B> the concrete builder, returned by each setter for chaining
 * @param <E> the event the builder builds
 */
public abstract sealed class EventBuilder<B extends EventBuilder<B, E>, E extends CustomerEvent>
        permits Interaction.Builder, Purchase.Builder, FeedbackResponse.Builder {

    EventId eventId;
    final CustomerId customerId;
    final Instant occurredAt;
    final Map<String, String> attributes = new LinkedHashMap<>();

    EventBuilder(CustomerId customerId, Instant occurredAt) {
        this.customerId = Checks.present("customerId", customerId);
        this.occurredAt = Checks.present("occurredAt", occurredAt);
    }

    /**
     * Sets the event id; without it, a random id is drawn when the event is built.
     *
     * @param id the event's id, stable across re-deliveries of the same event
     * @return this builder
     */
    public B eventId(EventId id) {
        this.eventId = Checks.present("eventId", id);
        return self();
    }

    /**
     * Sets the event id from its text.
     *
     * @param id the event's id; non-blank, at most 256 characters
     * @return this builder
     * @throws IllegalArgumentException if {@code id} is blank or longer than 256 characters
     */
    public B eventId(String id) {
        return eventId(EventId.of(id));
    }

    /**
     * Adds one host attribute, replacing an earlier value of the same key.
     *
     * @param key the attribute's name, such as {@code region}; non-blank
     * @param value the attribute's value
     * @return this builder
     * @throws IllegalArgumentException if {@code key} is blank
     */
    public B attribute(String key, String value) {
        attributes.put(Checks.nonBlank("attributes key", key), Checks.present("attributes value", value));
        return self();
    }

    /**
     * Adds every entry of {@code values} as host attributes.
     *
     * @param values the attributes by name; keys non-blank, values present
     * @return this builder
     * @throws IllegalArgumentException if a key is blank
     */
    public B attributes(Map<String, String> values) {
        values.forEach(this::attribute);
        return self();
    }

    /**
     * Builds the event, validating every field.
     *
     * @return the event, its instant truncated to {@link CustomerEvent#PRECISION}
     * @throws IllegalArgumentException naming the field and the rule when a field is invalid
     */
    public abstract E build();

    EventId eventIdOrRandom() {
        return eventId != null ? eventId : EventId.random();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
