package dev.cxm.core.internal.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.internal.store.columns.TimelineColumns;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;

/**
 * Builds the {@link TimelineColumns} of an in-memory store from its slots and its timelines: the timelines'
 * links give each slot its place (customer after customer, each in time order), then one pass over the slots
 * in append order, which is close to the order the events lie in memory, writes each event's instant and
 * code to its place. So the events are read once, nearly in sequence, instead of customer by customer all
 * over the heap.
 *
 * <p>Not thread-safe: the owning store calls it under its read lock.
 */
public final class TimelineColumnsBuilder {

    private TimelineColumnsBuilder() {}

    /**
     * Builds the columns of every event in {@code slots}.
     *
     * @param slots the events by slot; erased slots are empty
     * @param timelines the customers' timelines through those slots
     * @return the columns, or empty when an event's instant lies beyond what a {@code long} of microseconds
     *     holds
     */
    public static Optional<TimelineColumns> build(EventLog slots, Timelines timelines) {
        int slotCount = slots.size();
        Timelines.Layout layout = timelines.layout(slotCount);
        int[] places = layout.places();
        int events = layout.offsets()[layout.customers().length];
        long[] micros = new long[events];
        int[] codes = new int[events];
        Codes coder = new Codes();
        for (int slot = 0; slot < slotCount; slot++) {
            CustomerEvent event = slots.get(slot);
            if (event == null) {
                continue;
            }
            long key = InstantKey.of(event.occurredAt());
            if (key == Long.MIN_VALUE || key == Long.MAX_VALUE) {
                return Optional.empty();
            }
            int place = places[slot];
            micros[place] = key;
            codes[place] = coder.codeOf(event);
        }
        CustomerId[] customers = layout.customers();
        long[] orderKeys = new long[customers.length];
        for (int c = 0; c < customers.length; c++) {
            orderKeys[c] = TimelineColumns.orderKey(customers[c]);
        }
        return Optional.of(new TimelineColumns(customers, orderKeys, layout.offsets(), micros, codes,
                coder.samples));
    }

    /**
     * Numbers the distinct (type, touchpoint) pairs of the events, touchpoints equal by value. The store shares
     * touchpoint instances, so a lookup by identity answers almost always; a new instance falls back to a map
     * by value.
     */
    private static final class Codes {
        private static final int TYPES = EventType.values().length;
        /** Identity entries kept at most; beyond, lookups go by value only. */
        private static final int MAX_IDENTITIES = 1 << 12;
        /** Stands for "no touchpoint" in the identity table. */
        private static final Object NONE = new Object();

        private final Map<CodeKey, Integer> byValue = new HashMap<>();
        private final List<CustomerEvent> samples = new ArrayList<>();
        private Object[] keys = new Object[64];
        private int[] values = newValues(64);
        private int size;

        private static int[] newValues(int capacity) {
            int[] values = new int[capacity * TYPES];
            java.util.Arrays.fill(values, -1);
            return values;
        }

        int codeOf(CustomerEvent event) {
            Object touchpoint = event instanceof Interaction interaction ? interaction.touchpoint()
                    : event.atTouchpoint().<Object>map(t -> t).orElse(NONE);
            int type = event.eventType().ordinal();
            int mask = keys.length - 1;
            int slot = mix(System.identityHashCode(touchpoint)) & mask;
            while (keys[slot] != null && keys[slot] != touchpoint) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == touchpoint && values[slot * TYPES + type] >= 0) {
                return values[slot * TYPES + type];
            }
            int code = byValue(event, type, touchpoint);
            if (keys[slot] == touchpoint) {
                values[slot * TYPES + type] = code;
            } else if (size < MAX_IDENTITIES) {
                keys[slot] = touchpoint;
                values[slot * TYPES + type] = code;
                if (++size * 2 > keys.length) {
                    grow();
                }
            }
            return code;
        }

        private int byValue(CustomerEvent event, int type, Object touchpoint) {
            CodeKey key = new CodeKey(type, touchpoint == NONE ? Optional.empty() : Optional.of((Touchpoint) touchpoint));
            Integer code = byValue.get(key);
            if (code == null) {
                code = samples.size();
                samples.add(event);
                byValue.put(key, code);
            }
            return code;
        }

        private void grow() {
            Object[] oldKeys = keys;
            int[] oldValues = values;
            keys = new Object[oldKeys.length * 2];
            values = newValues(keys.length);
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int slot = mix(System.identityHashCode(oldKeys[i])) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    System.arraycopy(oldValues, i * TYPES, values, slot * TYPES, TYPES);
                }
            }
        }

        private static int mix(int hash) {
            int h = hash * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /** A type and a touchpoint, equal by value. */
    private record CodeKey(int type, Optional<Touchpoint> touchpoint) {}
}
