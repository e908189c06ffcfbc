package dev.cxm.core.internal.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;

/**
 * A time-ordered, append-mostly array of events whose snapshots readers may use without a lock.
 *
 * <p>Slots {@code [0, size)} are never written again in the same array: appends write at {@code size}
 * (growing into a new array when full), while re-sorting and erasure publish a new array. A reader that took
 * a {@link Snapshot} while holding the owner's lock may therefore read it later without the lock.
 *
 * <p>Not thread-safe: the owning store guards every call with its lock (appends, sorts and removals under
 * the write lock, snapshots of an ordered log under the read lock).
 */
public final class TimeLog {

    private static final Comparator<CustomerEvent> BY_TIME = Comparator.comparing(CustomerEvent::occurredAt);
    private static final int INITIAL_CAPACITY = 256;

    private CustomerEvent[] events = new CustomerEvent[INITIAL_CAPACITY];
    private int size;
    private boolean ordered = true;

    /** Appends an event; an event earlier than the last one marks the log for sorting before the next read. */
    public void append(CustomerEvent event) {
        if (size == events.length) {
            events = Arrays.copyOf(events, size + (size >> 1));
        }
        if (size > 0 && event.occurredAt().isBefore(events[size - 1].occurredAt())) {
            ordered = false;
        }
        events[size++] = event;
    }

    /** Returns how many events the log holds. */
    public int size() {
        return size;
    }

    /** Returns whether the log is in time order, so that a snapshot may be taken under a read lock. */
    public boolean ordered() {
        return ordered;
    }

    /**
     * Puts the log in time order, sorting a copy since readers may hold the current array. The sort is
     * stable, so events at one instant keep their append order.
     */
    public void sort() {
        if (!ordered) {
            CustomerEvent[] sorted = Arrays.copyOf(events, events.length);
            Arrays.sort(sorted, 0, size, BY_TIME);
            events = sorted;
            ordered = true;
        }
    }

    /** Returns a snapshot of the log, which must be {@linkplain #ordered() ordered}. */
    public Snapshot snapshot() {
        if (!ordered) {
            throw new IllegalStateException("the log must be sorted before a snapshot is taken");
        }
        return new Snapshot(events, size);
    }

    /** Removes every event of {@code customer}, publishing a new array. */
    public void remove(CustomerId customer) {
        CustomerEvent[] kept = new CustomerEvent[Math.max(INITIAL_CAPACITY, size)];
        int keptSize = 0;
        for (int i = 0; i < size; i++) {
            if (!events[i].customerId().equals(customer)) {
                kept[keptSize++] = events[i];
            }
        }
        events = kept;
        size = keptSize;
    }

    /** An immutable, time-ordered view: slots {@code [0, size)} of {@code events}. */
    public record Snapshot(CustomerEvent[] events, int size) {

        /** Returns the events at or after {@code from} (if given) and before {@code to} (if given), in time order. */
        public Stream<CustomerEvent> between(Optional<Instant> from, Optional<Instant> to) {
            int start = from.map(this::firstAtOrAfter).orElse(0);
            int end = Math.max(start, to.map(this::firstAtOrAfter).orElse(size));
            return Arrays.stream(events, start, end);
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
}
