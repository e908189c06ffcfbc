package dev.cxm.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * A customer's contact with the company at a touchpoint: a call, a visit to a page, a chat, a store visit.
 *
 * <p>An immutable value with the equality of a record of its components (in the order of its constructor's
 * parameters). It is a final class rather than a record so that it holds its instant as two primitives, not
 * as an {@link Instant} object of its own: 24 bytes less per event held in memory ({@code docs/PERFORMANCE.md}).
 */
public final class Interaction extends EventBase implements CustomerEvent {

    /** The outcome recorded when the host gives none. */
    public static final String UNKNOWN_OUTCOME = "unknown";

    private final Touchpoint touchpoint;
    private final String outcome;
    private final Duration duration;
    private final Map<String, String> attributes;

    /**
     * Validates the interaction and truncates its instant to {@link CustomerEvent#PRECISION}.
     *
     * @param eventId the event's id
     * @param customerId the customer
     * @param occurredAt when the interaction started; truncated to microseconds
     * @param touchpoint where it happened
     * @param outcome the host's word for how it ended, such as {@code "resolved"} or {@code "abandoned"};
     *     non-blank ({@link #UNKNOWN_OUTCOME} when not recorded)
     * @param duration how long it lasted; zero or positive
     * @param attributes host attributes
     * @throws IllegalArgumentException when the outcome is blank, the duration negative or an attribute key blank
     * @throws NullPointerException when a component is null
     */
    public Interaction(EventId eventId, CustomerId customerId, Instant occurredAt, Touchpoint touchpoint,
            String outcome, Duration duration, Map<String, String> attributes) {
        super(eventId, customerId, occurredAt);
        Checks.present("touchpoint", touchpoint);
        Checks.nonBlank("outcome", outcome);
        Checks.present("duration", duration);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: is negative; a duration must be zero or positive");
        }
        this.touchpoint = touchpoint;
        this.outcome = outcome;
        this.duration = duration;
        this.attributes = Checks.attributes("attributes", attributes);
    }

    /** A copy of {@code source} with equal, shared parts; for {@link EventBase}'s copier, which checks nothing. */
    Interaction(Interaction source, CustomerId customerId, Touchpoint touchpoint, String outcome) {
        super(source, customerId);
        this.touchpoint = touchpoint;
        this.outcome = outcome;
        this.duration = source.duration;
        this.attributes = source.attributes;
    }

    /**
     * Returns where the interaction happened.
     *
     * @return the touchpoint
     */
    public Touchpoint touchpoint() {
        return touchpoint;
    }

    /**
     * Returns the host's word for how the interaction ended.
     *
     * @return the outcome, such as {@code "resolved"}; {@link #UNKNOWN_OUTCOME} when not recorded
     */
    public String outcome() {
        return outcome;
    }

    /**
     * Returns how long the interaction lasted.
     *
     * @return the duration; zero or positive
     */
    public Duration duration() {
        return duration;
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
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

    /**
     * Returns whether {@code other} is an interaction with equal components, as a record compares.
     *
     * @param other any object
     * @return whether it is an equal interaction
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Interaction that
                && sameBase(that)
                && touchpoint.equals(that.touchpoint) && outcome.equals(that.outcome)
                && duration.equals(that.duration) && attributes.equals(that.attributes);
    }

    /**
     * Returns the hash a record of these components returns (the instant's as {@link Instant#hashCode()}).
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int hash = baseHash();
        hash = hash * 31 + touchpoint.hashCode();
        hash = hash * 31 + outcome.hashCode();
        hash = hash * 31 + duration.hashCode();
        return hash * 31 + attributes.hashCode();
    }

    /**
     * Returns the components as a record shows them: {@code Interaction[eventId=..., ...]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Interaction[eventId=" + eventId() + ", customerId=" + customerId() + ", occurredAt=" + occurredAt()
                + ", touchpoint=" + touchpoint + ", outcome=" + outcome + ", duration=" + duration
                + ", attributes=" + attributes + "]";
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
