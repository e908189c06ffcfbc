package dev.cxm.core.internal.store;

import java.time.Instant;
import java.util.function.IntFunction;

import dev.cxm.core.internal.EventTimeParts;
import dev.cxm.core.model.CustomerEvent;

/**
 * An instant as a primitive {@code long}: microseconds since the epoch, which is every event's precision,
 * so that the store compares times without loading the events that hold them.
 *
 * <p>A long of microseconds spans about 292,000 years either side of 1970, while an {@link Instant} spans a
 * billion years. Instants beyond the span get the key {@link Long#MIN_VALUE} or {@link Long#MAX_VALUE}: keys
 * still order instants (a smaller key means an earlier instant), but two equal keys at either bound say
 * nothing, and {@link #compare} then compares the instants themselves.
 */
public final class InstantKey {

    private static final long MICROS_PER_SECOND = 1_000_000;
    /** The seconds whose microseconds, plus up to a second's, still fit between the bounds. */
    private static final long MAX_SECOND = Long.MAX_VALUE / MICROS_PER_SECOND - 1;
    private static final long MIN_SECOND = Long.MIN_VALUE / MICROS_PER_SECOND + 1;

    private InstantKey() {}

    /**
     * Returns the key of {@code instant}: its microseconds since the epoch, or a bound when they do not fit.
     *
     * @param instant an instant
     * @return the key
     */
    public static long of(Instant instant) {
        return of(instant.getEpochSecond(), instant.getNano());
    }

    /**
     * Returns the key of {@code event}'s time, read without making an {@link Instant}.
     *
     * @param event an event
     * @return the key of {@code event.occurredAt()}
     */
    public static long of(CustomerEvent event) {
        return of(EventTimeParts.epochSecond(event), EventTimeParts.nano(event));
    }

    private static long of(long second, int nano) {
        if (second > MAX_SECOND) {
            return Long.MAX_VALUE;
        }
        if (second < MIN_SECOND) {
            return Long.MIN_VALUE;
        }
        return second * MICROS_PER_SECOND + nano / 1_000;
    }

    /**
     * Returns whether instants with this key may differ although their keys are equal.
     *
     * @param key a key
     * @return whether it is one of the two bounds
     */
    public static boolean isBound(long key) {
        return key == Long.MAX_VALUE || key == Long.MIN_VALUE;
    }

    /**
     * Compares the instant {@code at}, of key {@code key}, with the time of the event in slot {@code slot},
     * of key {@code slotKey}: from the keys, and from the instants only when the keys cannot tell.
     *
     * @param key the key of {@code at}
     * @param slotKey the key of the event's time
     * @param at an instant
     * @param slot the slot of the event
     * @param events the events by slot
     * @return negative, zero or positive as {@code at} is before, at or after the event's time
     */
    public static int compare(long key, long slotKey, Instant at, int slot, IntFunction<CustomerEvent> events) {
        if (key != slotKey || !isBound(key)) {
            return Long.compare(key, slotKey);
        }
        return at.compareTo(events.apply(slot).occurredAt());
    }
}
