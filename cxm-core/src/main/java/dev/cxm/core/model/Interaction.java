package dev.cxm.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * A customer's contact with the company at a touchpoint: a call, a visit to a page, a chat, a store visit.
 *
 * @param eventId the event's id
 * @param customerId the customer
 * @param occurredAt when the interaction started; truncated to microseconds ({@link CustomerEvent#PRECISION})
 * @param touchpoint where it happened
 * @param outcome the host's word for how it ended, such as {@code "resolved"} or {@code "abandoned"};
 *     {@code "unknown"} when not recorded
 * @param duration how long it lasted; zero or positive
 * @param attributes host attributes
 */
public record Interaction(
        EventId eventId,
        CustomerId customerId,
        Instant occurredAt,
        Touchpoint touchpoint,
        String outcome,
        Duration duration,
        Map<String, String> attributes) implements CustomerEvent {

    /** The outcome recorded when the host gives none. */
    public static final String UNKNOWN_OUTCOME = "unknown";

    /**
     * Validates the interaction and truncates its instant to {@link CustomerEvent#PRECISION}.
     *
     * @param eventId the event's id
     * @param customerId the customer
     * @param occurredAt when the interaction started; truncated to microseconds
     * @param touchpoint where it happened
     * @param outcome the host's word for how it ended; non-blank
     * @param duration how long it lasted; zero or positive
     * @param attributes host attributes
     * @throws IllegalArgumentException when the outcome is blank, the duration negative or an attribute key blank
     * @throws NullPointerException when a component is null
     */
    public Interaction {
        Checks.eventIdentity(eventId, customerId, occurredAt);
        occurredAt = CustomerEvent.atPrecision(occurredAt);
        Checks.present("touchpoint", touchpoint);
        Checks.nonBlank("outcome", outcome);
        Checks.present("duration", duration);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: is negative; a duration must be zero or positive");
        }
        attributes = Checks.attributes("attributes", attributes);
    }

    /**
     * Starts an interaction of {@code customerId} at {@code touchpoint} at {@code occurredAt}.
     *
     * @param customerId the customer
     * @param occurredAt when the interaction started; truncated to microseconds when the event is built
     * @param touchpoint where it happened
     * @return a builder with outcome {@code "unknown"}, zero duration and no attributes
     */
    public static Builder builder(CustomerId customerId, Instant occurredAt, Touchpoint touchpoint) {
        return new Builder(customerId, occurredAt, touchpoint);
    }

    @Override
    public EventType eventType() {
        return EventType.INTERACTION;
    }

    @Override
    public Optional<Touchpoint> atTouchpoint() {
        return Optional.of(touchpoint);
    }

    /** Builds an {@link Interaction}; outcome defaults to {@code "unknown"} and duration to zero. */
    public static final class Builder extends EventBuilder<Builder, Interaction> {
        private final Touchpoint touchpoint;
        private String outcome = UNKNOWN_OUTCOME;
        private Duration duration = Duration.ZERO;

        private Builder(CustomerId customerId, Instant occurredAt, Touchpoint touchpoint) {
            super(customerId, occurredAt);
            this.touchpoint = Checks.present("touchpoint", touchpoint);
        }

        /**
         * Sets how the interaction ended.
         *
         * @param value the host's word for the outcome, such as {@code "resolved"}; non-blank
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is blank
         */
        public Builder outcome(String value) {
            this.outcome = Checks.nonBlank("outcome", value);
            return this;
        }

        /**
         * Sets how long the interaction lasted.
         *
         * @param value the duration, zero or positive (a negative one is refused when the event is built)
         * @return this builder
         */
        public Builder duration(Duration value) {
            this.duration = Checks.present("duration", value);
            return this;
        }

        @Override
        public Interaction build() {
            return new Interaction(eventIdOrRandom(), customerId, occurredAt, touchpoint, outcome, duration, attributes);
        }
    }
}
