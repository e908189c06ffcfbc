package dev.cxm.core.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Something that happened between one customer and the company at one instant.
 *
 * <p>The hierarchy is closed: an event is an {@link Interaction}, a {@link Purchase} or a
 * {@link FeedbackResponse}. What the host application knows beyond that goes into {@link #attributes()}.
 *
 * <h2>Time precision</h2>
 * Every event holds its instant to the microsecond: the constructors truncate {@link #occurredAt()} toward
 * the past to {@link #PRECISION} ({@code 12:00:00.123456789Z} becomes {@code 12:00:00.123456Z}). Databases
 * such as PostgreSQL keep microseconds, so an event reads back from every store exactly equal to the event
 * that was appended; two events that differ only below a microsecond are equal. Compare instants taken
 * elsewhere (a clock, a query bound) with that in mind, or pass them through {@link #atPrecision} first.
 */
public sealed interface CustomerEvent permits Interaction, Purchase, FeedbackResponse {

    /** The precision of {@link #occurredAt()}: microseconds, what every store keeps. */
    ChronoUnit PRECISION = ChronoUnit.MICROS;

    /**
     * Returns {@code instant} truncated toward the past to {@link #PRECISION}, as an event holds it.
     *
     * @param instant any instant
     * @return the instant without its nanoseconds below a microsecond; {@code instant} itself when it has none
     */
    static Instant atPrecision(Instant instant) {
        // Instant keeps its nanosecond field in 0..999,999,999 also before the epoch, so this is a floor.
        int belowPrecision = instant.getNano() % 1_000;
        return belowPrecision == 0 ? instant : instant.minusNanos(belowPrecision);
    }

    /**
     * Returns the id that makes appending this event idempotent.
     *
     * @return the event id
     */
    EventId eventId();

    /**
     * Returns the customer the event is about.
     *
     * @return the customer id
     */
    CustomerId customerId();

    /**
     * Returns when the event happened, to the microsecond ({@link #PRECISION}).
     *
     * @return the instant, with no nanoseconds below a microsecond
     */
    Instant occurredAt();

    /**
     * Returns the host application's own attributes of the event.
     *
     * @return the attributes; immutable, possibly empty
     */
    Map<String, String> attributes();

    /**
     * Returns the kind of event.
     *
     * @return the event type
     */
    EventType eventType();

    /**
     * Returns the touchpoint the event happened at or rates, when it has one.
     *
     * @return the touchpoint, or empty
     */
    Optional<Touchpoint> atTouchpoint();
}
