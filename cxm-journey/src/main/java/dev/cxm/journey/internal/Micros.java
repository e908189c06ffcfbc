package dev.cxm.journey.internal;

import java.time.Instant;

import dev.cxm.core.internal.EventTimeParts;
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
        long seconds = EventTimeParts.epochSecond(event);
        if (seconds > Long.MAX_VALUE / 1_000_000 - 1 || seconds < Long.MIN_VALUE / 1_000_000 + 1) {
            throw new IllegalArgumentException("occurredAt: event " + event.eventId() + " lies beyond the years"
                    + " journey calculations count in (about 292,000 years either side of 1970)");
        }
        return seconds * 1_000_000 + EventTimeParts.nano(event) / 1_000;
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
     * Returns an instant in microseconds since the epoch, saturated at the ends of a {@code long} (for lookups
     * by instant, where any instant is allowed).
     *
     * @param instant the instant
     * @return the microseconds, or {@code Long.MAX_VALUE} / {@code Long.MIN_VALUE + 1} beyond the range
     */
    public static long saturated(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / 1_000_000 - 1) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / 1_000_000 + 1) {
            return Long.MIN_VALUE + 1;
        }
        return seconds * 1_000_000 + instant.getNano() / 1_000;
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
}
