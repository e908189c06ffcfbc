package dev.cxm.core.model;

import java.time.Instant;
import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.EventCopies;
import dev.cxm.core.internal.EventTimeParts;

/**
 * What every event holds: its id, its customer and its instant, the last as the {@link Instant}'s own two
 * primitives (epoch second, and nanosecond of that second truncated to {@link CustomerEvent#PRECISION}) instead
 * of a reference to an {@code Instant} object, which would cost 24 bytes more per event held in memory.
 *
 * <p>Not a {@code long} of microseconds: that spans about 292,000 years either side of 1970, and an event may
 * be at any instant ({@link Instant#MAX} included). The two fields take no more room than one {@code long}
 * (the {@code int} fills a gap the object's header leaves).
 *
 * <p>Package-private: the public type is {@link CustomerEvent}. It hands {@link EventTimeParts} a reader of
 * the two fields, so the stores and calculators read an event's time without making an {@code Instant}.
 */
abstract sealed class EventBase permits Interaction, Purchase, FeedbackResponse {

    private static final int NANOS_PER_MICRO = 1_000;

    static {
        EventTimeParts.install(new FieldReader());
        EventCopies.install(new SharedPartsCopier());
    }

    private final EventId eventId;
    private final CustomerId customerId;
    private final long epochSecond;
    private final int nano;

    /**
     * Checks and keeps what every event holds, the instant truncated toward the past to microseconds.
     *
     * @throws NullPointerException when a component is null, naming it
     */
    EventBase(EventId eventId, CustomerId customerId, Instant occurredAt) {
        Checks.eventIdentity(eventId, customerId, occurredAt);
        this.eventId = eventId;
        this.customerId = customerId;
        this.epochSecond = occurredAt.getEpochSecond();
        // The nanosecond field is in 0..999,999,999 also before the epoch, so dropping digits is a floor.
        int nanoOfSecond = occurredAt.getNano();
        this.nano = nanoOfSecond - nanoOfSecond % NANOS_PER_MICRO;
    }

    /** Takes {@code source}'s id and instant as they are, for a copy with {@code customerId} (equal to its own). */
    EventBase(EventBase source, CustomerId customerId) {
        this.eventId = source.eventId;
        this.customerId = customerId;
        this.epochSecond = source.epochSecond;
        this.nano = source.nano;
    }

    /**
     * Returns the id that makes appending this event idempotent.
     *
     * @return the event id
     */
    public EventId eventId() {
        return eventId;
    }

    /**
     * Returns the customer the event is about.
     *
     * @return the customer id
     */
    public CustomerId customerId() {
        return customerId;
    }

    /**
     * Returns when the event happened, to the microsecond; a new {@link Instant} on each call.
     *
     * @return the instant, with no nanoseconds below a microsecond
     */
    public Instant occurredAt() {
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    /** Returns whether {@code that} has the same id, customer and instant, for the events' {@code equals}. */
    final boolean sameBase(EventBase that) {
        return epochSecond == that.epochSecond && nano == that.nano && eventId.equals(that.eventId)
                && customerId.equals(that.customerId);
    }

    /**
     * Returns the hash a record of the id, the customer and the instant (as {@link Instant#hashCode()}) starts
     * with, for the events' {@code hashCode}, which go on from it with their other components.
     */
    final int baseHash() {
        int hash = eventId.hashCode();
        hash = hash * 31 + customerId.hashCode();
        return hash * 31 + Long.hashCode(epochSecond) + 51 * nano;
    }

    /** The events' time fields, read for {@link EventTimeParts}. */
    private static final class FieldReader implements EventTimeParts.Reader {

        @Override
        public long epochSecond(CustomerEvent event) {
            return ((EventBase) event).epochSecond;
        }

        @Override
        public int nano(CustomerEvent event) {
            return ((EventBase) event).nano;
        }
    }

    /** Copies for {@link EventCopies}, through the events' constructors that move fields across unchecked. */
    private static final class SharedPartsCopier implements EventCopies.Copier {

        @Override
        public Interaction interaction(Interaction source, CustomerId customerId, Touchpoint touchpoint,
                String outcome) {
            return new Interaction(source, customerId, touchpoint, outcome);
        }

        @Override
        public Purchase purchase(Purchase source, CustomerId customerId, Optional<Touchpoint> touchpoint) {
            return new Purchase(source, customerId, touchpoint);
        }

        @Override
        public FeedbackResponse feedbackResponse(FeedbackResponse source, CustomerId customerId,
                Optional<Touchpoint> touchpoint, FeedbackScale scale, String surveyId) {
            return new FeedbackResponse(source, customerId, touchpoint, scale, surveyId);
        }
    }
}
