package dev.cxm.journey.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;

/**
 * Remembers a number computed from an event's type and touchpoint, so that a calculator that reads millions
 * of events at a few touchpoints computes it once per touchpoint. Stores share touchpoint instances, so the
 * first lookup is by identity (one comparison); touchpoints parsed afresh per event fall through to a lookup
 * by value. Not thread-safe: one per calculator run.
 */
public final class TouchpointCache {

    private static final int TYPES = EventType.values().length;
    /** Identity slots before the table is cleared: stores share far fewer touchpoints than this. */
    private static final int MAX_IDENTITY_ENTRIES = 1 << 12;
    /** Distinct touchpoints by value beyond which nothing more is remembered. */
    private static final int MAX_VALUE_ENTRIES = 1 << 16;

    private final ToLongFunction<CustomerEvent> compute;
    private Object[] keys = new Object[64];
    private long[] values = new long[64 * TYPES];
    private byte[] known = new byte[64];
    private int size;
    private final long[] withoutTouchpoint = new long[TYPES];
    private int withoutTouchpointKnown;
    private final Map<Touchpoint, long[]> byValue = new HashMap<>();
    private final Map<Touchpoint, Integer> byValueKnown = new HashMap<>();

    /**
     * Creates a cache of {@code compute}, which must depend on nothing but the event's type and touchpoint.
     *
     * @param compute the number of an event
     */
    public TouchpointCache(ToLongFunction<CustomerEvent> compute) {
        this.compute = compute;
    }

    /**
     * Returns the number of {@code event}, computed at most once per type and touchpoint.
     *
     * @param event the event
     * @return its number
     */
    public long valueOf(CustomerEvent event) {
        Touchpoint touchpoint;
        if (event instanceof Interaction interaction) {
            touchpoint = interaction.touchpoint();
        } else {
            touchpoint = event.atTouchpoint().orElse(null);
        }
        int type = event.eventType().ordinal();
        if (touchpoint == null) {
            if ((withoutTouchpointKnown & (1 << type)) == 0) {
                withoutTouchpoint[type] = compute.applyAsLong(event);
                withoutTouchpointKnown |= 1 << type;
            }
            return withoutTouchpoint[type];
        }
        int mask = keys.length - 1;
        int slot = mix(System.identityHashCode(touchpoint)) & mask;
        while (true) {
            Object key = keys[slot];
            if (key == touchpoint) {
                if ((known[slot] & (1 << type)) != 0) {
                    return values[slot * TYPES + type];
                }
                long value = byValue(touchpoint, type, event);
                values[slot * TYPES + type] = value;
                known[slot] |= (byte) (1 << type);
                return value;
            }
            if (key == null) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        long value = byValue(touchpoint, type, event);
        if (size >= MAX_IDENTITY_ENTRIES) {
            return value;
        }
        keys[slot] = touchpoint;
        values[slot * TYPES + type] = value;
        known[slot] = (byte) (1 << type);
        if (++size * 2 > keys.length) {
            grow();
        }
        return value;
    }

    private long byValue(Touchpoint touchpoint, int type, CustomerEvent event) {
        long[] stored = byValue.get(touchpoint);
        Integer knownTypes = byValueKnown.get(touchpoint);
        if (stored != null && knownTypes != null && (knownTypes & (1 << type)) != 0) {
            return stored[type];
        }
        long value = compute.applyAsLong(event);
        if (byValue.size() < MAX_VALUE_ENTRIES) {
            long[] slots = stored == null ? new long[TYPES] : stored;
            slots[type] = value;
            byValue.put(touchpoint, slots);
            byValueKnown.put(touchpoint, (knownTypes == null ? 0 : knownTypes) | (1 << type));
        }
        return value;
    }

    private void grow() {
        Object[] oldKeys = keys;
        long[] oldValues = values;
        byte[] oldKnown = known;
        keys = new Object[oldKeys.length * 2];
        values = new long[keys.length * TYPES];
        known = new byte[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = mix(System.identityHashCode(oldKeys[i])) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                System.arraycopy(oldValues, i * TYPES, values, slot * TYPES, TYPES);
                known[slot] = oldKnown[i];
            }
        }
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
