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
    public static Optional<Built> build(EventLog slots, Timelines timelines) {
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
            long key = InstantKey.of(event);
            if (InstantKey.isBound(key)) {
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
        int[] numbers = layout.numbers();
        int[] columnByNumber = new int[numbers.length == 0 ? 0 : numbers[numbers.length - 1] + 1];
        java.util.Arrays.fill(columnByNumber, -1);
        for (int c = 0; c < numbers.length; c++) {
            columnByNumber[numbers[c]] = c;
        }
        return Optional.of(new Built(new TimelineColumns(customers, orderKeys, layout.offsets(), micros, codes,
                coder.samples), columnByNumber, coder, slotCount));
    }

    /**
     * Extends columns built before some appends (and no erasure) by the events appended since, without reading
     * the others again; empty when an appended event comes before the latest event of its customer in the
     * columns (the caller builds anew), or lies beyond what a {@code long} of microseconds holds.
     *
     * @param built the columns of the slots below {@link Built#slotCount()}
     * @param slots the events by slot, the appended ones after the built ones
     * @param timelines the customers' timelines, for the appended events' customer numbers
     * @return the columns of every slot, or empty
     */
    public static Optional<Built> extend(Built built, EventLog slots, Timelines timelines) {
        TimelineColumns old = built.columns;
        int from = built.slotCount;
        int added = slots.size() - from;
        int oldCustomers = old.customers();
        Codes coder = built.codes.copy();
        int[] columnByNumber = built.columnByNumber;
        List<CustomerId> newCustomers = new ArrayList<>();
        // Per appended event, in append order: its column, instant and code.
        int[] eventColumns = new int[added];
        long[] eventMicros = new long[added];
        int[] eventCodes = new int[added];
        for (int i = 0; i < added; i++) {
            CustomerEvent event = slots.get(from + i);
            int number = timelines.numberOf(event.customerId());
            if (number >= columnByNumber.length) {
                int length = Math.max(number + 1, columnByNumber.length + (columnByNumber.length >> 1) + 16);
                int oldLength = columnByNumber.length;
                columnByNumber = java.util.Arrays.copyOf(columnByNumber, length);
                java.util.Arrays.fill(columnByNumber, oldLength, length, -1);
            } else if (columnByNumber == built.columnByNumber) {
                columnByNumber = columnByNumber.clone();
            }
            if (columnByNumber[number] < 0) {
                columnByNumber[number] = oldCustomers + newCustomers.size();
                newCustomers.add(timelines.customer(number));
            }
            long key = InstantKey.of(event);
            if (InstantKey.isBound(key)) {
                return Optional.empty();
            }
            eventColumns[i] = columnByNumber[number];
            eventMicros[i] = key;
            eventCodes[i] = coder.codeOf(event);
        }
        // The appended events by column, each column's in append order (a stable sort of their indexes).
        Integer[] order = new Integer[added];
        for (int i = 0; i < added; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(eventColumns[a], eventColumns[b]));
        int columns = oldCustomers + newCustomers.size();
        int[] oldOffsets = old.offsets();
        long[] oldMicros = old.micros();
        int[] oldCodes = old.codes();
        int total = old.events() + added;
        long[] micros = new long[total];
        int[] codes = new int[total];
        int[] offsets = new int[columns + 1];
        int copiedOld = 0;
        int written = 0;
        int column = 0;
        int k = 0;
        while (column < columns) {
            // Copy, in one run, the old columns up to the next one that takes appended events.
            int next = k < added ? eventColumns[order[k]] : columns;
            int runEnd = Math.min(next, oldCustomers);
            if (runEnd > column) {
                int oldEnd = oldOffsets[runEnd];
                int shift = written - copiedOld;
                for (int c = column; c < runEnd; c++) {
                    offsets[c] = oldOffsets[c] + shift;
                }
                System.arraycopy(oldMicros, copiedOld, micros, written, oldEnd - copiedOld);
                System.arraycopy(oldCodes, copiedOld, codes, written, oldEnd - copiedOld);
                written += oldEnd - copiedOld;
                copiedOld = oldEnd;
                column = runEnd;
            }
            if (column == columns) {
                break;
            }
            if (column != next) {
                return Optional.empty(); // a new customer without an appended event: cannot happen
            }
            offsets[column] = written;
            long last = Long.MIN_VALUE;
            if (column < oldCustomers) {
                int oldEnd = oldOffsets[column + 1];
                System.arraycopy(oldMicros, copiedOld, micros, written, oldEnd - copiedOld);
                System.arraycopy(oldCodes, copiedOld, codes, written, oldEnd - copiedOld);
                written += oldEnd - copiedOld;
                copiedOld = oldEnd;
                last = micros[written - 1];
            }
            for (; k < added && eventColumns[order[k]] == column; k++) {
                int event = order[k];
                if (eventMicros[event] < last) {
                    return Optional.empty();
                }
                last = eventMicros[event];
                micros[written] = last;
                codes[written++] = eventCodes[event];
            }
            column++;
        }
        offsets[columns] = written;
        CustomerId[] customers = java.util.Arrays.copyOf(old.customerIds(), columns);
        long[] orderKeys = java.util.Arrays.copyOf(old.orderKeys(), columns);
        for (int c = oldCustomers; c < columns; c++) {
            customers[c] = newCustomers.get(c - oldCustomers);
            orderKeys[c] = TimelineColumns.orderKey(customers[c]);
        }
        return Optional.of(new Built(new TimelineColumns(customers, orderKeys, offsets, micros, codes, coder.samples),
                columnByNumber, coder, slots.size()));
    }

    /**
     * Columns as built, with what extending them needs: the column of each customer number, the numbering of
     * codes and how many slots they cover.
     */
    public static final class Built {
        private final TimelineColumns columns;
        private final int[] columnByNumber;
        private final Codes codes;
        private final int slotCount;

        private Built(TimelineColumns columns, int[] columnByNumber, Codes codes, int slotCount) {
            this.columns = columns;
            this.columnByNumber = columnByNumber;
            this.codes = codes;
            this.slotCount = slotCount;
        }

        /**
         * Returns the columns.
         *
         * @return the columns
         */
        public TimelineColumns columns() {
            return columns;
        }

        /**
         * Returns how many slots the columns cover: every slot below this.
         *
         * @return the slots covered
         */
        public int slotCount() {
            return slotCount;
        }
    }

    /**
     * Numbers the distinct (type, touchpoint) pairs of the events, touchpoints equal by value. The store shares
     * touchpoint instances ({@link EventInterner}), so a lookup by identity answers almost always; a new
     * instance falls back to a map by value, which alone numbers the pairs. Since the store shares them, the
     * identity map holds no more touchpoints than the store has distinct ones.
     */
    private static final class Codes {
        private static final int TYPES = EventType.values().length;
        /** Stands for "no touchpoint" in the identity map. */
        private static final Object NONE = new Object();

        private final Map<CodeKey, Integer> byValue = new HashMap<>();
        private final List<CustomerEvent> samples = new ArrayList<>();
        /** Per touchpoint instance, the code of each event type, -1 until known. */
        private final java.util.IdentityHashMap<Object, int[]> byIdentity = new java.util.IdentityHashMap<>();

        /** Returns a copy that numbers on from where this one is, leaving this one as it is. */
        Codes copy() {
            Codes copy = new Codes();
            copy.byValue.putAll(byValue);
            copy.samples.addAll(samples);
            byIdentity.forEach((touchpoint, codes) -> copy.byIdentity.put(touchpoint, codes.clone()));
            return copy;
        }

        int codeOf(CustomerEvent event) {
            Object touchpoint = event instanceof Interaction interaction ? interaction.touchpoint()
                    : event.atTouchpoint().<Object>map(t -> t).orElse(NONE);
            int type = event.eventType().ordinal();
            int[] codes = byIdentity.computeIfAbsent(touchpoint, key -> unknownCodes());
            int code = codes[type];
            if (code < 0) {
                code = byValue(event, type, touchpoint);
                codes[type] = code;
            }
            return code;
        }

        private static int[] unknownCodes() {
            int[] codes = new int[TYPES];
            java.util.Arrays.fill(codes, -1);
            return codes;
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
    }

    /** A type and a touchpoint, equal by value. */
    private record CodeKey(int type, Optional<Touchpoint> touchpoint) {}
}
