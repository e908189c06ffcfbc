package dev.cxm.core.model;

import java.time.Instant;

import dev.cxm.core.internal.Checks;

/**
 * How the events hold their instant: as the {@link Instant}'s own two primitives (epoch second and
 * nanosecond of that second, the latter truncated to {@link CustomerEvent#PRECISION}) instead of a reference to
 * an {@code Instant} object, which would cost 24 bytes more per event held in memory.
 *
 * <p>Not a {@code long} of microseconds: that spans about 292,000 years either side of 1970, and an event may
 * be at any instant ({@link Instant#MAX} included). The two fields take no more room than one {@code long}
 * in a feedback response or an interaction (the {@code int} fills a gap the object's alignment leaves).
 */
final class EventTimes {

    private static final int NANOS_PER_MICRO = 1_000;

    private EventTimes() {}

    /**
     * Checks the fields every event has (its id, its customer and its instant, in that order) and returns the
     * instant's epoch second. Small, so that an event's public constructor, which only splits its
     * {@code Instant} into the two fields before calling the constructor proper, is inlined where it is called
     * and the {@code Instant} an event's {@code occurredAt()} made for it need never exist (as when the store
     * rebuilds an event with shared parts).
     */
    static long epochSecond(EventId eventId, CustomerId customerId, Instant occurredAt) {
        Checks.eventIdentity(eventId, customerId, occurredAt);
        return occurredAt.getEpochSecond();
    }

    /**
     * Returns the nanosecond of the second of {@code instant} truncated toward the past to microseconds, as
     * {@link CustomerEvent#atPrecision} truncates: the nanosecond field is in 0..999,999,999 also before the
     * epoch, so dropping its last three digits is a floor.
     */
    static int nanoAtPrecision(Instant instant) {
        int nano = instant.getNano();
        return nano - nano % NANOS_PER_MICRO;
    }

    /** Returns {@link Instant#hashCode()} of the instant of these fields, without making the instant. */
    static int hashCode(long epochSecond, int nano) {
        return Long.hashCode(epochSecond) + 51 * nano;
    }
}
