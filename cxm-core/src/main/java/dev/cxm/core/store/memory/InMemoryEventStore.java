package dev.cxm.core.store.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.store.EventInterner;
import dev.cxm.core.internal.store.TimeLog;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
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
 * are stored holding one instance. Per event the store adds an id-index entry, a slot in its customer's
 * timeline and a slot in two time-ordered logs: one of every event and one of its type, so that a query of
 * one type reads only events of that type. Reads copy no events: snapshots share the logs' arrays, which are
 * copied only when an out-of-order append forces a re-sort or an erasure removes events.
 */
public final class InMemoryEventStore implements EventStore {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<EventId, CustomerEvent> byId = new HashMap<>();
    private final Map<CustomerId, List<CustomerEvent>> byCustomer = new HashMap<>();
    private final EventInterner interner = new EventInterner();
    /** Every event in time order. */
    private final TimeLog all = new TimeLog();
    /** The events of each type in time order, indexed by {@link EventType#ordinal()}. */
    private final TimeLog[] byType = {new TimeLog(), new TimeLog(), new TimeLog()};

    private InMemoryEventStore() {}

    /** Returns a new, empty store. */
    public static InMemoryEventStore create() {
        return new InMemoryEventStore();
    }

    @Override
    public AppendResult appendAll(Collection<? extends CustomerEvent> events) {
        List<CustomerEvent> batch = List.copyOf(Checks.noNullElements("events", events));
        lock.writeLock().lock();
        try {
            // Claim each new id in the index at once (one lookup, no second map for the batch); on a conflict,
            // release the claims, so that no reader, all of whom wait for the lock, ever sees any of them.
            List<CustomerEvent> fresh = new ArrayList<>(batch.size());
            int duplicates = 0;
            for (CustomerEvent event : batch) {
                CustomerEvent stored = byId.putIfAbsent(event.eventId(), event);
                if (stored == null) {
                    fresh.add(event);
                } else if (stored.equals(event)) {
                    duplicates++;
                } else {
                    fresh.forEach(claimed -> byId.remove(claimed.eventId()));
                    throw new IllegalArgumentException("eventId: " + event.eventId()
                            + " already identifies a different event; an event id must identify one event;"
                            + " nothing of this append was stored");
                }
            }
            fresh.forEach(this::store);
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
        all.append(shared);
        byType[shared.eventType().ordinal()].append(shared);
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
        Checks.present("query", query);
        if (query.customer().isPresent()) {
            return eventsOf(query.customer().get()).stream().filter(query::matches);
        }
        boolean oneType = query.types().size() == 1;
        TimeLog log = oneType ? byType[query.types().iterator().next().ordinal()] : all;
        Stream<CustomerEvent> events = timeRange(log, query);
        boolean filtered = query.touchpoint().isPresent() || !oneType && !query.types().isEmpty();
        return filtered ? events.filter(query::matches) : events;
    }

    /**
     * Returns the events of one type matching {@code query}, in time order. When {@code type} is one of the
     * event records, the events come straight from that type's own time-ordered log, without a filtering
     * or casting stage per event, which is what makes a scan of millions of feedback responses fast.
     */
    @Override
    public <E extends CustomerEvent> Stream<E> query(EventQuery query, Class<E> type) {
        Checks.present("query", query);
        Checks.present("type", type);
        Optional<EventType> eventType = Arrays.stream(EventType.values())
                .filter(candidate -> candidate.eventClass() == type).findFirst();
        if (query.customer().isPresent() || eventType.isEmpty()) {
            return EventStore.super.query(query, type);
        }
        if (!query.types().isEmpty() && !query.types().contains(eventType.get())) {
            return Stream.empty();
        }
        Stream<CustomerEvent> events = timeRange(byType[eventType.get().ordinal()], query);
        if (query.touchpoint().isPresent()) {
            events = events.filter(query::matches);
        }
        @SuppressWarnings("unchecked") // the type's log holds events of that type only
        Stream<E> typed = (Stream<E>) (Stream<?>) events;
        return typed;
    }

    /** Returns the log's events in the query's time range, from a snapshot. */
    private Stream<CustomerEvent> timeRange(TimeLog log, EventQuery query) {
        return snapshot(log).between(query.from(), query.to());
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
            return all.size();
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
            all.remove(customer);
            for (TimeLog log : byType) {
                log.remove(customer);
            }
            return timeline.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Returns a snapshot of {@code log}, sorting it first (under the write lock) if an append left it unordered. */
    private TimeLog.Snapshot snapshot(TimeLog log) {
        lock.readLock().lock();
        try {
            if (log.ordered()) {
                return log.snapshot();
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            log.sort();
            return log.snapshot();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
