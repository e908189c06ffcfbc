package dev.cxm.core.internal.store.columns;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventType;

/**
 * Customers' timelines as primitive columns, customer after customer: each customer's events in time order
 * (events at one instant in append order, as {@code EventStore.timelines} gives them) as their instants in
 * microseconds since the epoch and a code that stands for their type and touchpoint. Calculators that look at
 * nothing but the type, the touchpoint and the time (funnel steps of touchpoints, discovery's activities by
 * touchpoint) decide once per code and then read two arrays in order, instead of an event object, its
 * {@link Instant} and its touchpoint per event.
 *
 * <p>Customer {@code c} (from 0, in no particular order) has the events {@code offsets()[c]} to
 * {@code offsets()[c + 1] - 1}, and at least one. The arrays are shared, not copied: callers must not write
 * them. Immutable otherwise, so any number of threads may read one.
 */
public final class TimelineColumns {

    private final CustomerId[] customers;
    private final long[] orderKeys;
    private final int[] offsets;
    private final long[] micros;
    private final int[] codes;
    private final List<CustomerEvent> samples;

    /**
     * Creates the columns; the arrays are taken as they are.
     *
     * @param customers each customer's id
     * @param orderKeys each customer's {@link #orderKey}
     * @param offsets per customer, where their events start, then one past the last event
     * @param micros each event's instant in microseconds since the epoch
     * @param codes each event's code
     * @param samples per code, an event of that code's type and touchpoint
     */
    public TimelineColumns(CustomerId[] customers, long[] orderKeys, int[] offsets, long[] micros, int[] codes,
            List<CustomerEvent> samples) {
        this.customers = customers;
        this.orderKeys = orderKeys;
        this.offsets = offsets;
        this.micros = micros;
        this.codes = codes;
        this.samples = List.copyOf(samples);
    }

    /**
     * Returns how many customers the columns hold.
     *
     * @return the number of customers
     */
    public int customers() {
        return customers.length;
    }

    /**
     * Returns every customer's id, in order.
     *
     * @return the ids; not to be written
     */
    public CustomerId[] customerIds() {
        return customers;
    }

    /**
     * Returns every customer's {@link #orderKey(CustomerId)}, in order.
     *
     * @return the keys; not to be written
     */
    public long[] orderKeys() {
        return orderKeys;
    }

    /**
     * Returns the id of customer {@code c}.
     *
     * @param c a customer, from 0
     * @return the id
     */
    public CustomerId customer(int c) {
        return customers[c];
    }

    /**
     * Returns the {@link #orderKey} of customer {@code c}'s id, kept beside the id so that a comparison it
     * decides does not load the id.
     *
     * @param c a customer, from 0
     * @return the key
     */
    public long orderKey(int c) {
        return orderKeys[c];
    }

    /**
     * Returns a key of the id's first 8 characters, one byte each, compared unsigned: when the keys of two ids
     * differ, they order the ids as {@link CustomerId#compareTo} does; equal keys say nothing. A character
     * beyond one byte, and every one after it, counts as {@code 0xFF}; missing characters as 0.
     *
     * @param customer the id
     * @return the key
     */
    public static long orderKey(CustomerId customer) {
        String value = customer.value();
        long key = 0;
        boolean saturated = false;
        for (int i = 0; i < Long.BYTES; i++) {
            int b = 0;
            if (saturated) {
                b = 0xFF;
            } else if (i < value.length()) {
                char ch = value.charAt(i);
                saturated = ch > 0xFF;
                b = saturated ? 0xFF : ch;
            }
            key = key << 8 | b;
        }
        return key;
    }

    /**
     * Returns where each customer's events start, and after the last customer the number of events.
     *
     * @return the offsets, one more than there are customers; not to be written
     */
    public int[] offsets() {
        return offsets;
    }

    /**
     * Returns how many events the columns hold.
     *
     * @return the number of events
     */
    public int events() {
        return offsets[customers.length];
    }

    /**
     * Returns each event's instant in microseconds since the epoch.
     *
     * @return the instants; not to be written
     */
    public long[] micros() {
        return micros;
    }

    /**
     * Returns each event's code, which stands for its type and touchpoint (equal by value).
     *
     * @return the codes; not to be written
     */
    public int[] codes() {
        return codes;
    }

    /**
     * Returns how many codes there are: every code is below this.
     *
     * @return the number of codes
     */
    public int codeCount() {
        return samples.size();
    }

    /**
     * Returns an event of the type and touchpoint that {@code code} stands for: a test that reads nothing but
     * the type and the touchpoint answers for every event of the code what it answers for this one.
     *
     * @param code a code
     * @return an event with that code
     */
    public CustomerEvent sample(int code) {
        return samples.get(code);
    }

    /**
     * Returns the columns of the events at or after {@code fromMicros}, before {@code toMicros} and of a type in
     * {@code typeMask} (bit {@link EventType#ordinal()}), leaving out customers left without events.
     *
     * @param fromMicros the first instant, inclusive
     * @param toMicros the end, exclusive
     * @param typeMask the types kept
     * @return the columns of the events kept, in new arrays
     */
    public TimelineColumns filtered(long fromMicros, long toMicros, int typeMask) {
        boolean[] typeKept = new boolean[samples.size()];
        for (int code = 0; code < typeKept.length; code++) {
            typeKept[code] = (typeMask >>> samples.get(code).eventType().ordinal() & 1) != 0;
        }
        int events = events();
        long[] keptMicros = new long[events];
        int[] keptCodes = new int[events];
        CustomerId[] keptCustomers = new CustomerId[customers.length];
        long[] keptKeys = new long[customers.length];
        int[] keptOffsets = new int[customers.length + 1];
        int kept = 0;
        int customerCount = 0;
        for (int c = 0; c < customers.length; c++) {
            int first = kept;
            for (int i = offsets[c]; i < offsets[c + 1]; i++) {
                long at = micros[i];
                if (at >= fromMicros && at < toMicros && typeKept[codes[i]]) {
                    keptMicros[kept] = at;
                    keptCodes[kept] = codes[i];
                    kept++;
                }
            }
            if (kept > first) {
                keptCustomers[customerCount] = customers[c];
                keptKeys[customerCount] = orderKeys[c];
                keptOffsets[customerCount] = first;
                customerCount++;
            }
        }
        keptOffsets[customerCount] = kept;
        return new TimelineColumns(Arrays.copyOf(keptCustomers, customerCount),
                Arrays.copyOf(keptKeys, customerCount), Arrays.copyOf(keptOffsets, customerCount + 1), Arrays.copyOf(keptMicros, kept),
                Arrays.copyOf(keptCodes, kept), samples);
    }
}
