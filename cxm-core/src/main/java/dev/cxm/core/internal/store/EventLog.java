package dev.cxm.core.internal.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;

/**
 * An append-mostly array of events with a column of their types, whose snapshots readers may use without a
 * lock: the in-memory store's events in append order, and the same events in time order.
 *
 * <p>Slots {@code [0, size)} are never written again in the same array, with one exception below: appends
 * write at {@code size} (growing into new arrays when full), while sorting and removal publish new arrays. A
 * reader that took a {@link Snapshot} while holding the owner's lock may therefore read it later without the
 * lock. The exception is {@link #clear(int)}, which the owner calls only on a log whose arrays no snapshot
 * has seen.
 *
 * <p>The type column holds {@link EventType#ordinal()} of each event, so that a read of one type passes over
 * the others without loading them; the log counts the events of each type, so that a read of a type that is
 * alone in the log needs no check at all. A log that has held events of one type only (a store of survey
 * responses, say) has no type column: it starts when the first event of a second type arrives.
 *
 * <p>Not thread-safe: the owning store guards every call with its lock.
 */
public final class EventLog {

    private static final Comparator<CustomerEvent> BY_TIME = Comparator.comparing(CustomerEvent::occurredAt);
    private static final int INITIAL_CAPACITY = 64;
    private static final int TYPES = EventType.values().length;
    /** The type column of a log that has held one type only: none. */
    private static final byte[] NO_COLUMN = new byte[0];
    /** The type mask that admits every type. */
    public static final int ALL_TYPES = (1 << TYPES) - 1;

    private CustomerEvent[] events;
    private byte[] types;
    private final int[] typeCounts;
    private int size;
    private boolean ordered;

    /** Creates an empty log. */
    public EventLog() {
        this(new CustomerEvent[INITIAL_CAPACITY], NO_COLUMN, new int[TYPES], 0, true);
    }

    private EventLog(CustomerEvent[] events, byte[] types, int[] typeCounts, int size, boolean ordered) {
        this.events = events;
        this.types = types;
        this.typeCounts = typeCounts;
        this.size = size;
        this.ordered = ordered;
    }

    /** Returns the mask of one type, for {@link Snapshot#between}. */
    public static int maskOf(EventType type) {
        return 1 << type.ordinal();
    }

    /** Makes room for {@code more} appends, so that a batch grows the arrays at most once. */
    public void ensureRoomFor(int more) {
        int needed = size + more;
        if (needed > events.length) {
            int capacity = Math.max(needed, events.length + (events.length >> 1));
            events = Arrays.copyOf(events, capacity);
            if (types != NO_COLUMN) {
                types = Arrays.copyOf(types, capacity);
            }
        }
    }

    /** Appends an event; an event earlier than the last one marks the log for sorting before the next read. */
    public void append(CustomerEvent event) {
        ensureRoomFor(1);
        if (isEarlierThanLast(event)) {
            ordered = false;
        }
        int type = event.eventType().ordinal();
        if (types == NO_COLUMN && typesPresent() != 0 && typesPresent() != 1 << type) {
            startTypeColumn();
        }
        events[size] = event;
        if (types != NO_COLUMN) {
            types[size] = (byte) type;
        }
        typeCounts[type]++;
        size++;
    }

    /** Starts the type column of a log that held one type only, in new arrays since snapshots hold none. */
    private void startTypeColumn() {
        byte[] column = new byte[events.length];
        Arrays.fill(column, 0, size, (byte) Integer.numberOfTrailingZeros(typesPresent()));
        types = column;
    }

    /**
     * Returns whether {@code event} is earlier than the event in the last slot; false for an empty log, and
     * for a log whose last slot was {@linkplain #clear(int) cleared} (whose order no one reads any more).
     */
    public boolean isEarlierThanLast(CustomerEvent event) {
        CustomerEvent last = size == 0 ? null : events[size - 1];
        return last != null && event.occurredAt().isBefore(last.occurredAt());
    }

    /** Returns the event in slot {@code index}; null where {@link #clear(int)} removed one. */
    public CustomerEvent get(int index) {
        return events[index];
    }

    /** Returns how many slots the log has used, the cleared ones included. */
    public int size() {
        return size;
    }

    /** Returns whether the log is in time order, so that a snapshot may be taken under a read lock. */
    public boolean ordered() {
        return ordered;
    }

    /**
     * Puts the log in time order, sorting a copy since readers may hold the current arrays. The sort is
     * stable, so events at one instant keep their order in the log.
     */
    public void sort() {
        if (!ordered) {
            CustomerEvent[] sorted = Arrays.copyOf(events, events.length);
            Arrays.sort(sorted, 0, size, BY_TIME);
            if (types != NO_COLUMN) {
                byte[] sortedTypes = new byte[types.length];
                for (int i = 0; i < size; i++) {
                    sortedTypes[i] = (byte) sorted[i].eventType().ordinal();
                }
                types = sortedTypes;
            }
            events = sorted;
            ordered = true;
        }
    }

    /** Returns a snapshot of the log, which must be {@linkplain #ordered() ordered}. */
    public Snapshot snapshot() {
        if (!ordered) {
            throw new IllegalStateException("the log must be sorted before a snapshot is taken");
        }
        return new Snapshot(events, types, size, typesPresent());
    }

    private int typesPresent() {
        int mask = 0;
        for (int type = 0; type < TYPES; type++) {
            if (typeCounts[type] > 0) {
                mask |= 1 << type;
            }
        }
        return mask;
    }

    /** Returns a copy of this log in new arrays, which no snapshot has seen. */
    public EventLog copy() {
        return new EventLog(Arrays.copyOf(events, events.length), types == NO_COLUMN ? NO_COLUMN
                : Arrays.copyOf(types, types.length), typeCounts.clone(), size, ordered);
    }

    /** Returns a new log of the events for which {@code removed} is false, in the same order, in new arrays. */
    public EventLog without(IntPredicate removed) {
        EventLog kept = new EventLog(new CustomerEvent[Math.max(INITIAL_CAPACITY, size)],
                types == NO_COLUMN ? NO_COLUMN : new byte[Math.max(INITIAL_CAPACITY, size)], new int[TYPES], 0,
                ordered);
        for (int i = 0; i < size; i++) {
            if (!removed.test(i) && events[i] != null) {
                int type = typeAt(i);
                kept.events[kept.size] = events[i];
                if (types != NO_COLUMN) {
                    kept.types[kept.size] = (byte) type;
                }
                kept.typeCounts[type]++;
                kept.size++;
            }
        }
        return kept;
    }

    /**
     * Empties slot {@code index} in place, keeping the other slots where they are; only for a log whose
     * arrays no snapshot has seen (see the class comment).
     */
    public void clear(int index) {
        typeCounts[typeAt(index)]--;
        events[index] = null;
    }

    /** Returns the type ordinal of the event in slot {@code index}. */
    private int typeAt(int index) {
        return types == NO_COLUMN ? Integer.numberOfTrailingZeros(typesPresent()) : types[index];
    }

    /**
     * An immutable, time-ordered view: slots {@code [0, size)} of {@code events} and {@code types}, with the
     * mask of the types that occur in it.
     *
     * @param events the events
     * @param types the type of each event; empty when the view holds one type only
     * @param size the number of slots in the view
     * @param typesPresent the mask of the types that occur in the view
     */
    public record Snapshot(CustomerEvent[] events, byte[] types, int size, int typesPresent) {

        /**
         * Returns the events at or after {@code from} (if given) and before {@code to} (if given) whose type is
         * in {@code typeMask}, in time order. When every event of the log is of an admitted type the stream
         * reads the array directly.
         */
        public Stream<CustomerEvent> between(Optional<Instant> from, Optional<Instant> to, int typeMask) {
            int start = from.map(this::firstAtOrAfter).orElse(0);
            int end = Math.max(start, to.map(this::firstAtOrAfter).orElse(size));
            if ((typesPresent & ~typeMask) == 0) {
                return Arrays.stream(events, start, end);
            }
            if ((typesPresent & typeMask) == 0) {
                return Stream.empty();
            }
            return StreamSupport.stream(new OfTypes(events, types, start, end, typeMask), false);
        }

        /** Returns whether slot {@code index} holds an event of a type in {@code typeMask}. */
        public boolean admits(int index, int typeMask) {
            return types.length == 0 ? (typesPresent & typeMask) != 0 : (typeMask >>> types[index] & 1) != 0;
        }

        /** Returns whether every event of the view is of a type in {@code typeMask}. */
        public boolean admitsAll(int typeMask) {
            return (typesPresent & ~typeMask) == 0;
        }

        /** Returns the index of the first event at or after {@code instant}, or {@code size} if none. */
        public int firstAtOrAfter(Instant instant) {
            int low = 0;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (events[mid].occurredAt().isBefore(instant)) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    /** The events of some types among slots {@code [index, end)}, read with one loop and no stream stage. */
    private static final class OfTypes extends Spliterators.AbstractSpliterator<CustomerEvent> {
        private final CustomerEvent[] events;
        private final byte[] types;
        private final int end;
        private final int typeMask;
        private int index;

        OfTypes(CustomerEvent[] events, byte[] types, int start, int end, int typeMask) {
            super(end - start, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
            this.events = events;
            this.types = types;
            this.index = start;
            this.end = end;
            this.typeMask = typeMask;
        }

        @Override
        public boolean tryAdvance(Consumer<? super CustomerEvent> action) {
            while (index < end) {
                int at = index++;
                if ((typeMask >>> types[at] & 1) != 0) {
                    action.accept(events[at]);
                    return true;
                }
            }
            return false;
        }

        @Override
        public void forEachRemaining(Consumer<? super CustomerEvent> action) {
            int at = index;
            index = end;
            for (; at < end; at++) {
                if ((typeMask >>> types[at] & 1) != 0) {
                    action.accept(events[at]);
                }
            }
        }
    }
}
