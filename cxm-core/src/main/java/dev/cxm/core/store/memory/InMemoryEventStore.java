package dev.cxm.core.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.store.EventInterner;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;

/**
 * The default {@link EventStore}: every event on the heap, indexed by id, by customer and by time.
 *
 * <h2>Thread safety</h2>
 * Every method may be called from any number of threads at once. Each {@code append} or {@code appendAll}
 * is atomic and linearizable: once it returns, every read that starts later sees all of its events, and no
 * read ever sees part of it. A stream returned by {@link #query} is a snapshot of the store when
 * {@code query} was called: it does not see later writes, holds no lock, and may be consumed at leisure (or
 * in parallel); it need not be closed.
 *
 * <h2>Memory</h2>
 * Customer ids, touchpoints, scales, survey ids and outcomes are shared: events that refer to equal ones
 * are stored holding one instance. Per event the store adds an id-index entry and two array slots. Reads
 * copy no events: snapshots share the time-ordered array, which is copied only when an out-of-order append
 * forces a re-sort or an erasure removes events.
 */
public final class InMemoryEventStore implements EventStore {

    private static final Comparator<CustomerEvent> BY_TIME = Comparator.comparing(CustomerEvent::occurredAt);
    private static final int INITIAL_CAPACITY = 1024;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<EventId, CustomerEvent> byId = new HashMap<>();
    private final Map<CustomerId, List<CustomerEvent>> byCustomer = new HashMap<>();
    private final EventInterner interner = new EventInterner();

    /*
     * The time-ordered log. Slots [0, size) are never written again in the same array: appends write at
     * size (growing into a new array when full), while re-sorting and erasure publish a new array. A reader
     * that captured (log, size) under the lock may therefore read those slots later without it.
     */
    private CustomerEvent[] log = new CustomerEvent[INITIAL_CAPACITY];
    private int size;
    private boolean ordered = true;

    private InMemoryEventStore() {}

    /** Returns a new, empty store. */
    public static InMemoryEventStore create() {
        return new InMemoryEventStore();
    }

    @Override
    public AppendResult appendAll(Collection<? extends CustomerEvent> events) {
        List<CustomerEvent> batch = List.copyOf(events);
        lock.writeLock().lock();
        try {
            Map<EventId, CustomerEvent> fresh = new LinkedHashMap<>();
            int duplicates = 0;
            for (CustomerEvent event : batch) {
                CustomerEvent stored = byId.get(event.eventId());
                if (stored == null) {
                    stored = fresh.putIfAbsent(event.eventId(), event);
                }
                if (stored != null) {
                    if (!stored.equals(event)) {
                        throw new IllegalArgumentException("eventId: " + event.eventId()
                                + " already identifies a different event; an event id must identify one event;"
                                + " nothing of this append was stored");
                    }
                    duplicates++;
                }
            }
            fresh.values().forEach(this::store);
            return new AppendResult(fresh.size(), duplicates);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void store(CustomerEvent event) {
        List<CustomerEvent> timeline = byCustomer.get(event.customerId());
        CustomerId sharedId = event.customerId();
        if (timeline == null) {
            timeline = new ArrayList<>(4);
            byCustomer.put(sharedId, timeline);
        } else {
            sharedId = timeline.get(0).customerId();
        }
        CustomerEvent shared = interner.intern(event, sharedId);
        byId.put(shared.eventId(), shared);
        insertInTimeOrder(timeline, shared);
        if (size == log.length) {
            log = Arrays.copyOf(log, size + (size >> 1));
        }
        if (size > 0 && shared.occurredAt().isBefore(log[size - 1].occurredAt())) {
            ordered = false;
        }
        log[size++] = shared;
    }

    private static void insertInTimeOrder(List<CustomerEvent> timeline, CustomerEvent event) {
        int position = timeline.size();
        while (position > 0 && timeline.get(position - 1).occurredAt().isAfter(event.occurredAt())) {
            position--;
        }
        timeline.add(position, event);
    }

    @Override
    public Optional<CustomerEvent> get(EventId id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byId.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Stream<CustomerEvent> query(EventQuery query) {
        if (query.customer().isPresent()) {
            return eventsOf(query.customer().get()).stream().filter(query::matches);
        }
        Stream<CustomerEvent> events = timeRange(query);
        return rangeOnly(query) ? events : events.filter(query::matches);
    }

    /**
     * Returns the events of one type matching {@code query}, in time order: as the default, but filtering,
     * checking the type and casting in one stream stage instead of three, which halves the cost per event of
     * a scan (feedback metrics over millions of responses, say).
     */
    @Override
    public <E extends CustomerEvent> Stream<E> query(EventQuery query, Class<E> type) {
        Checks.present("query", query);
        Checks.present("type", type);
        if (query.customer().isPresent()) {
            return EventStore.super.query(query, type);
        }
        boolean rangeOnly = rangeOnly(query);
        return timeRange(query).mapMulti((event, sink) -> {
            if (type.isInstance(event) && (rangeOnly || query.matches(event))) {
                sink.accept(type.cast(event));
            }
        });
    }

    /** Returns the snapshot's events in the query's time range, unfiltered otherwise. */
    private Stream<CustomerEvent> timeRange(EventQuery query) {
        Snapshot snapshot = snapshot();
        int from = query.from().map(snapshot::firstAtOrAfter).orElse(0);
        int to = query.to().map(snapshot::firstAtOrAfter).orElse(snapshot.size);
        return Arrays.stream(snapshot.events, from, Math.max(from, to));
    }

    /** Returns whether the time range is the query's only criterion (its customer aside). */
    private static boolean rangeOnly(EventQuery query) {
        return query.types().isEmpty() && query.touchpoint().isEmpty();
    }

    @Override
    public List<CustomerEvent> eventsOf(CustomerId customer) {
        lock.readLock().lock();
        try {
            List<CustomerEvent> timeline = byCustomer.get(customer);
            return timeline == null ? List.of() : List.copyOf(timeline);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long count() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long erase(CustomerId customer) {
        lock.writeLock().lock();
        try {
            List<CustomerEvent> timeline = byCustomer.remove(customer);
            if (timeline == null) {
                return 0;
            }
            timeline.forEach(event -> byId.remove(event.eventId()));
            CustomerEvent[] kept = new CustomerEvent[Math.max(INITIAL_CAPACITY, size - timeline.size())];
            int keptSize = 0;
            for (int i = 0; i < size; i++) {
                if (!log[i].customerId().equals(customer)) {
                    kept[keptSize++] = log[i];
                }
            }
            log = kept;
            size = keptSize;
            return timeline.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Snapshot snapshot() {
        lock.readLock().lock();
        try {
            if (ordered) {
                return new Snapshot(log, size);
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            if (!ordered) {
                // Sort a copy: readers may still hold the current array. The sort is stable, so events at
                // one instant keep their append order.
                CustomerEvent[] sorted = Arrays.copyOf(log, log.length);
                Arrays.sort(sorted, 0, size, BY_TIME);
                log = sorted;
                ordered = true;
            }
            return new Snapshot(log, size);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** An immutable view of the time-ordered log: slots {@code [0, size)} of {@code events}. */
    private record Snapshot(CustomerEvent[] events, int size) {

        /** Returns the index of the first event at or after {@code instant}, or {@code size} if none. */
        int firstAtOrAfter(Instant instant) {
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
