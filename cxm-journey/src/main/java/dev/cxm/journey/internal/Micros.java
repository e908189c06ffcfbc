package dev.cxm.journey.internal;

import java.time.Instant;

import dev.cxm.core.model.CustomerEvent;

/**
 * Instants as microseconds since the epoch in a {@code long}, the unit every journey calculation counts in
 * (events are held to the microsecond, {@link CustomerEvent#PRECISION}); a {@code long} of microseconds
 * reaches about 292,000 years either side of 1970.
 */
public final class Micros {

    private Micros() {}

    /**
     * Returns the event's instant in microseconds since the epoch.
     *
     * @param event the event
     * @return the microseconds
     * @throws IllegalArgumentException naming the event when its instant is beyond what a {@code long} of
     *     microseconds holds
     */
    public static long of(CustomerEvent event) {
        Instant at = event.occurredAt();
        long seconds = at.getEpochSecond();
        if (seconds > Long.MAX_VALUE / 1_000_000 - 1 || seconds < Long.MIN_VALUE / 1_000_000 + 1) {
            throw new IllegalArgumentException("occurredAt: event " + event.eventId() + " lies beyond the years"
                    + " journey calculations count in (about 292,000 years either side of 1970)");
        }
        return seconds * 1_000_000 + at.getNano() / 1_000;
    }

    /**
     * Returns an instant in microseconds since the epoch, truncated toward the past.
     *
     * @param at the instant
     * @return the microseconds
     * @throws IllegalArgumentException when the instant is beyond what a {@code long} of microseconds holds
     */
    public static long of(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds > Long.MAX_VALUE / 1_000_000 - 1 || seconds < Long.MIN_VALUE / 1_000_000 + 1) {
            throw new IllegalArgumentException("instant: lies beyond the years journey calculations count in (about"
                    + " 292,000 years either side of 1970)");
        }
        return seconds * 1_000_000 + at.getNano() / 1_000;
    }

    /**
     * Returns the instant of a count of microseconds since the epoch.
     *
     * @param micros the microseconds
     * @return the instant
     */
    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }

    /**
     * Returns a 64-bit FNV-1a hash of an event's id, which tells two events at one instant apart.
     *
     * @param event the event
     * @return the hash
     */
    public static long idHash(CustomerEvent event) {
        String id = event.eventId().value();
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
