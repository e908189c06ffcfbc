package dev.cxm.core.internal.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.cxm.core.internal.EventTimeParts;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;

/**
 * An append-mostly sequence of events with a column of their types, whose snapshots readers may use without
 * a lock: the in-memory store's events in append order, and the same events in time order. Both live in
 * {@link Chunks}.
 *
 * <p>Slots {@code [0, size)} are never written again in the same chunk, with one exception below: appends
 * write at {@code size} (chunk 0 grows into a new array and a new chunk directory; later chunks are added to
 * the directory at places no snapshot reads), while sorting and removal publish new chunks. A reader that
 * took a {@link Snapshot} while holding the owner's lock may therefore read it later without the lock. The
 * exception is {@link #clear(int)}, which the owner calls only on a log whose chunks no snapshot has seen.
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
    private static final int TYPES = EventType.values().length;
    /** The type column of a log that has held one type only: none. */
    private static final byte[][] NO_COLUMN = new byte[0][];
    /** The type mask that admits every type. */
    public static final int ALL_TYPES = (1 << TYPES) - 1;

    private CustomerEvent[][] events;
    private byte[][] types;
    private final int[] typeCounts;
    private int capacity;
    private int size;
    private boolean ordered;

    /** Creates an empty log. */
    public EventLog() {
        this(new CustomerEvent[][] {new CustomerEvent[Chunks.FIRST]}, NO_COLUMN, Chunks.FIRST, new int[TYPES], 0,
                true);
    }

    private EventLog(CustomerEvent[][] events, byte[][] types, int capacity, int[] typeCounts, int size,
            boolean ordered) {
        this.events = events;
        this.types = types;
        this.capacity = capacity;
        this.typeCounts = typeCounts;
        this.size = size;
        this.ordered = ordered;
    }

    /**
     * Returns the mask of one type, for {@link Snapshot#between}.
     *
     * @param type the type
     * @return the mask with that type's bit set
     */
    public static int maskOf(EventType type) {
        return 1 << type.ordinal();
    }

    /**
     * Makes room for {@code more} appends, so that a batch allocates its chunks at once.
     *
     * @param more the number of appends to come
     */
    public void ensureRoomFor(int more) {
        int needed = size + more;
        if (needed <= capacity) {
            return;
        }
        if (capacity < Chunks.SIZE) {
            // Chunk 0 grows into a new array, under a new directory: snapshots hold the old ones.
            int length = Chunks.firstChunkFor(capacity, needed);
            events = new CustomerEvent[][] {Arrays.copyOf(events[0], length)};
            if (types != NO_COLUMN) {
                types = new byte[][] {Arrays.copyOf(types[0], length)};
            }
            capacity = length;
            if (needed <= capacity) {
                return;
            }
        }
        // Chunk 0 is full: add full chunks, in places of the directory no snapshot reads.
        int chunks = Chunks.chunksFor(needed);
        if (chunks > events.length) {
            events = Arrays.copyOf(events, Math.max(chunks, 2 * events.length));
            if (types != NO_COLUMN) {
                types = Arrays.copyOf(types, events.length);
            }
        }
        for (int chunk = capacity >>> Chunks.BITS; chunk < chunks; chunk++) {
            events[chunk] = new CustomerEvent[Chunks.SIZE];
            if (types != NO_COLUMN) {
                types[chunk] = new byte[Chunks.SIZE];
            }
        }
        capacity = chunks << Chunks.BITS;
    }

    /**
     * Appends an event; an event earlier than the last one marks the log for sorting before the next read.
     *
     * @param event the event
     */
    public void append(CustomerEvent event) {
        ensureRoomFor(1);
        if (isEarlierThanLast(event)) {
            ordered = false;
        }
        int type = event.eventType().ordinal();
        if (types == NO_COLUMN && typesPresent() != 0 && typesPresent() != 1 << type) {
            startTypeColumn();
        }
        events[size >>> Chunks.BITS][size & Chunks.MASK] = event;
        if (types != NO_COLUMN) {
            types[size >>> Chunks.BITS][size & Chunks.MASK] = (byte) type;
        }
        typeCounts[type]++;
        size++;
    }

    /** Starts the type column of a log that held one type only, in new arrays since snapshots hold none. */
    private void startTypeColumn() {
        byte only = (byte) Integer.numberOfTrailingZeros(typesPresent());
        byte[][] column = new byte[events.length][];
        for (int chunk = 0; chunk < events.length && events[chunk] != null; chunk++) {
            column[chunk] = new byte[events[chunk].length];
            Arrays.fill(column[chunk], only);
        }
        types = column;
    }

    /**
     * Returns whether {@code event} is earlier than the event in the last slot; false for an empty log, and
     * for a log whose last slot was {@linkplain #clear(int) cleared} (whose order no one reads any more).
     *
     * @param event an event
     * @return whether it comes before the last one
     */
    public boolean isEarlierThanLast(CustomerEvent event) {
        CustomerEvent last = size == 0 ? null : get(size - 1);
        return last != null && EventTimeParts.compare(event, last) < 0;
    }

    /**
     * Returns the event in slot {@code index}; null where {@link #clear(int)} removed one.
     *
     * @param index a slot below {@link #size()}
     * @return the event, or null
     */
    public CustomerEvent get(int index) {
        return events[index >>> Chunks.BITS][index & Chunks.MASK];
    }

    /**
     * Returns how many slots the log has used, the cleared ones included.
     *
     * @return the number of slots
     */
    public int size() {
        return size;
    }

    /**
     * Returns whether the log is in time order, so that a snapshot may be taken under a read lock.
     *
     * @return whether it is ordered
     */
    public boolean ordered() {
        return ordered;
    }

    /**
     * Puts the log in time order, sorting into new chunks since readers may hold the current ones. The sort
     * is stable, so events at one instant keep their order in the log.
     */
    public void sort() {
        if (ordered) {
            return;
        }
        CustomerEvent[] sorted = new CustomerEvent[size];
        for (int i = 0; i < size; i++) {
            sorted[i] = get(i);
        }
        Arrays.sort(sorted, BY_TIME);
        EventLog rebuilt = new EventLog();
        rebuilt.ensureRoomFor(size);
        if (types != NO_COLUMN) {
            rebuilt.startTypeColumnForEvery();
        }
        for (CustomerEvent event : sorted) {
            rebuilt.append(event);
        }
        events = rebuilt.events;
        types = rebuilt.types;
        capacity = rebuilt.capacity;
        ordered = true;
    }

    /** Starts an empty type column in an empty log, for a copy of a log that has one. */
    private void startTypeColumnForEvery() {
        byte[][] column = new byte[events.length][];
        for (int chunk = 0; chunk < events.length && events[chunk] != null; chunk++) {
            column[chunk] = new byte[events[chunk].length];
        }
        types = column;
    }

    /**
     * Returns a snapshot of the log, which must be {@linkplain #ordered() ordered}.
     *
     * @return the snapshot
     * @throws IllegalStateException when the log is not in order
     */
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

    /**
     * Returns a copy of this log in new chunks, which no snapshot has seen.
     *
     * @return the copy
     */
    public EventLog copy() {
        CustomerEvent[][] eventChunks = events.clone();
        byte[][] typeChunks = types == NO_COLUMN ? NO_COLUMN : types.clone();
        for (int chunk = 0; chunk < eventChunks.length && eventChunks[chunk] != null; chunk++) {
            eventChunks[chunk] = eventChunks[chunk].clone();
            if (types != NO_COLUMN) {
                typeChunks[chunk] = typeChunks[chunk].clone();
            }
        }
        return new EventLog(eventChunks, typeChunks, capacity, typeCounts.clone(), size, ordered);
    }

    /**
     * Returns a new log of the events for which {@code removed} is false, in the same order, in new chunks.
     *
     * @param removed whether the event in a slot is left out
     * @return the new log
     */
    public EventLog without(IntPredicate removed) {
        EventLog kept = new EventLog();
        kept.ordered = ordered;
        if (types != NO_COLUMN) {
            kept.startTypeColumnForEvery();
        }
        for (int i = 0; i < size; i++) {
            CustomerEvent event = get(i);
            if (event != null && !removed.test(i)) {
                kept.append(event);
            }
        }
        kept.ordered = ordered;
        return kept;
    }

    /**
     * Empties slot {@code index} in place, keeping the other slots where they are; only for a log whose
     * chunks no snapshot has seen (see the class comment).
     *
     * @param index a slot holding an event
     */
    public void clear(int index) {
        typeCounts[get(index).eventType().ordinal()]--;
        events[index >>> Chunks.BITS][index & Chunks.MASK] = null;
    }

    /**
     * An immutable, time-ordered view: slots {@code [0, size)} of the chunks of events and of their types,
     * with the mask of the types that occur in it.
     *
     * @param events the chunks of events
     * @param types the chunks of the events' types; none when the view holds one type only
     * @param size the number of slots in the view
     * @param typesPresent the mask of the types that occur in the view
     */
    public record Snapshot(CustomerEvent[][] events, byte[][] types, int size, int typesPresent) {

        /**
         * Returns the events at or after {@code from} (if given) and before {@code to} (if given) whose type is
         * in {@code typeMask}, in time order. When every event of the log is of an admitted type the stream
         * checks no type.
         *
         * @param from the first instant, inclusive, if any
         * @param to the end, exclusive, if any
         * @param typeMask the types to read
         * @return the events
         */
        public Stream<CustomerEvent> between(Optional<Instant> from, Optional<Instant> to, int typeMask) {
            int start = from.map(this::firstAtOrAfter).orElse(0);
            int end = Math.max(start, to.map(this::firstAtOrAfter).orElse(size));
            if ((typesPresent & typeMask) == 0) {
                return Stream.empty();
            }
            return StreamSupport.stream(new Range(events, admitsAll(typeMask) ? NO_COLUMN : types, start, end,
                    typeMask), false);
        }

        /**
         * Returns the event in slot {@code index}.
         *
         * @param index a slot below {@link #size()}
         * @return the event
         */
        public CustomerEvent get(int index) {
            return events[index >>> Chunks.BITS][index & Chunks.MASK];
        }

        /**
         * Returns whether slot {@code index} holds an event of a type in {@code typeMask}.
         *
         * @param index a slot below {@link #size()}
         * @param typeMask the types admitted
         * @return whether the event's type is admitted
         */
        public boolean admits(int index, int typeMask) {
            return types.length == 0 ? (typesPresent & typeMask) != 0
                    : (typeMask >>> types[index >>> Chunks.BITS][index & Chunks.MASK] & 1) != 0;
        }

        /**
         * Returns whether every event of the view is of a type in {@code typeMask}.
         *
         * @param typeMask the types admitted
         * @return whether no other type occurs
         */
        public boolean admitsAll(int typeMask) {
            return (typesPresent & ~typeMask) == 0;
        }

        /**
         * Returns the index of the first event at or after {@code instant}, or {@code size} if none.
         *
         * @param instant the instant
         * @return the index
         */
        public int firstAtOrAfter(Instant instant) {
            int low = 0;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (EventTimeParts.compare(get(mid), instant) < 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    /**
     * The events among slots {@code [index, end)}, those of the types in a mask when a type column is given,
     * read chunk by chunk with one loop and no stream stage; splits in halves for parallel streams.
     */
    private static final class Range implements Spliterator<CustomerEvent> {
        /** A range is split only when each half holds at least this many slots. */
        private static final int SPLIT_BELOW = 4096;

        private final CustomerEvent[][] events;
        /** The type chunks to check; none when every event in the range is admitted. */
        private final byte[][] types;
        private final int typeMask;
        private int index;
        private final int end;

        Range(CustomerEvent[][] events, byte[][] types, int start, int end, int typeMask) {
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
                if (types.length == 0 || (typeMask >>> types[at >>> Chunks.BITS][at & Chunks.MASK] & 1) != 0) {
                    action.accept(events[at >>> Chunks.BITS][at & Chunks.MASK]);
                    return true;
                }
            }
            return false;
        }

        @Override
        public void forEachRemaining(Consumer<? super CustomerEvent> action) {
            int at = index;
            int stop = end;
            index = stop;
            while (at < stop) {
                int chunk = at >>> Chunks.BITS;
                int base = chunk << Chunks.BITS;
                CustomerEvent[] slots = events[chunk];
                int to = Math.min(stop - base, slots.length);
                if (types.length == 0) {
                    for (int offset = at - base; offset < to; offset++) {
                        action.accept(slots[offset]);
                    }
                } else {
                    byte[] typeSlots = types[chunk];
                    for (int offset = at - base; offset < to; offset++) {
                        if ((typeMask >>> typeSlots[offset] & 1) != 0) {
                            action.accept(slots[offset]);
                        }
                    }
                }
                at = base + to;
            }
        }

        @Override
        public Spliterator<CustomerEvent> trySplit() {
            int middle = (index + end) >>> 1;
            if (middle - index < SPLIT_BELOW) {
                return null;
            }
            Range first = new Range(events, types, index, middle, typeMask);
            index = middle;
            return first;
        }

        @Override
        public long estimateSize() {
            return end - index;
        }

        @Override
        public int characteristics() {
            int exact = types.length == 0 ? Spliterator.SIZED | Spliterator.SUBSIZED : 0;
            return Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE | exact;
        }
    }
}
