package dev.cxm.engage.profile.internal;

import java.time.Instant;

import dev.cxm.core.internal.EventTimeParts;
import dev.cxm.core.model.EventId;

/**
 * The order in which a profile decides "first", "last" and "latest": by instant (as epoch seconds and
 * nanoseconds, so that a comparison reads no {@link Instant} object), then by event id.
 */
public final class EventOrder {

    private EventOrder() {}

    /**
     * Returns whether an instant is before another.
     *
     * @param second the instant's epoch seconds
     * @param nano its nanoseconds
     * @param otherSecond the other instant's epoch seconds
     * @param otherNano its nanoseconds
     * @return whether the first is strictly before the other
     */
    public static boolean before(long second, long nano, long otherSecond, long otherNano) {
        return second < otherSecond || second == otherSecond && nano < otherNano;
    }

    /**
     * Orders an event before, at or after another.
     *
     * @param second the event's epoch seconds
     * @param nano its nanoseconds
     * @param eventId its id
     * @param otherSecond the other event's epoch seconds
     * @param otherNano its nanoseconds
     * @param otherEventId its id
     * @return negative, zero or positive as the event is before, the same as or after the other
     */
    public static int compare(long second, int nano, EventId eventId, long otherSecond, int otherNano,
            EventId otherEventId) {
        int byTime = EventTimeParts.compare(second, nano, otherSecond, otherNano);
        return byTime != 0 ? byTime : eventId.compareTo(otherEventId);
    }

    /**
     * Orders an event before, at or after another of which the instant is given as an {@link Instant}.
     *
     * @param second the event's epoch seconds
     * @param nano its nanoseconds
     * @param eventId its id
     * @param otherAt the other event's instant
     * @param otherEventId its id
     * @return negative, zero or positive as the event is before, the same as or after the other
     */
    public static int compare(long second, int nano, EventId eventId, Instant otherAt, EventId otherEventId) {
        return compare(second, nano, eventId, otherAt.getEpochSecond(), otherAt.getNano(), otherEventId);
    }
}
