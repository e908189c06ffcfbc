package dev.cxm.core.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.store.EventInterner;
import dev.cxm.core.internal.store.PagePosition;
import dev.cxm.core.internal.store.Pager;
import dev.cxm.core.internal.store.TimeLog;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventPage;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.PageCursor;
import dev.cxm.core.store.TimeSpan;

/**
 * The default {@link EventStore}: every event on the heap, indexed by id, by customer and by time.
 *
 * <h2>Thread safety</h2>
 * Every method may be called from any number of threads at once. Each {@code append} or {@code appendAll}
 * is atomic and linearizable: once it returns, every read that starts later sees all of its events, and no
 * read ever sees part of it. A stream returned by {@link #query} is a snapshot of the store when
 * {@code query} was called: it does not see later writes, holds no lock, and may be consumed at leisure (or
 * in parallel). {@link #timelines} reads the customers' ids at the call and each customer's timeline when
 * the stream reaches it. No stream holds a resource, so forgetting to close one leaks nothing; close them
 * anyway, for code that may run on another backend.
 *
 * <h2>Indexes</h2>
 * Per event the store adds an id-index entry, a slot in its customer's timeline and a slot in two
 * time-ordered logs: one of every event and one of its type, so that a query of one type reads only events
 * of that type. A time range is found by binary search; {@link #count(EventQuery)} of a time range and at
 * most one type is two binary searches, and {@link #span} reads the ends of the range. A query of a few
 * customers reads their timelines (and, for events of different customers at one instant, the log of every
 * event for their append order); a query by touchpoint or attribute checks each event of the time range.
 * {@link #page} finds its cursor's instant by binary search.
 *
 * <h2>Memory</h2>
 * Customer ids, touchpoints, scales, survey ids and outcomes are shared: events that refer to equal ones
 * are stored holding one instance. Reads of the logs copy no events: snapshots share the logs' arrays, which
 * are copied only when an out-of-order append forces a re-sort or an erasure removes events; reads of
 * customers copy references to their events.
 */
public final class InMemoryEventStore implements EventStore {

    private static final Comparator<CustomerEvent> BY_TIME = Comparator.comparing(CustomerEvent::occurredAt);
    /**
     * A query of several customers reads their timelines when they hold fewer than one in this many of the
     * store's events, and scans the time-ordered log otherwise.
     */
    private static final int SCAN_RATIO = 4;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<EventId, CustomerEvent> byId = new HashMap<>();
    private final Map<CustomerId, List<CustomerEvent>> byCustomer = new HashMap<>();
    private final EventInterner interner = new EventInterner();
    /** Every event in time order. */
    private final TimeLog all = new TimeLog();
    /** The events of each type in time order, indexed by {@link EventType#ordinal()}. */
    private final TimeLog[] byType = {new TimeLog(), new TimeLog(), new TimeLog()};

    private InMemoryEventStore() {}

    /**
     * Returns a new, empty store.
     *
     * @return the store
     */
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
        return ordered(query, Optional.empty());
    }

    /**
     * Returns the events matching {@code query} in time order, leaving out those before {@code notBefore}.
     * The events of a few customers come from their timelines; otherwise from the time-ordered log of every
     * event or, for one type, of that type, cut to the time range by binary search and filtered only when
     * the query looks at more than type and time.
     */
    private Stream<CustomerEvent> ordered(EventQuery query, Optional<Instant> notBefore) {
        Optional<List<CustomerEvent>> ofCustomers = eventsOfCustomers(query);
        if (ofCustomers.isPresent()) {
            List<CustomerEvent> events = ofCustomers.get();
            int start = notBefore.map(instant -> firstAtOrAfter(events, instant)).orElse(0);
            return events.subList(start, events.size()).stream();
        }
        Optional<Instant> from = notBefore.isEmpty() ? query.from()
                : Optional.of(query.from().filter(start -> start.isAfter(notBefore.get())).orElse(notBefore.get()));
        Stream<CustomerEvent> events = snapshot(logOf(query)).between(from, query.to());
        return filtered(query) ? events.filter(query::matches) : events;
    }

    /** Returns the log that holds every event the query may match: its type's, when it names one type. */
    private TimeLog logOf(EventQuery query) {
        return query.types().size() == 1 ? byType[query.types().iterator().next().ordinal()] : all;
    }

    /** Returns whether the events of {@link #logOf}'s time range need a check against the query. */
    private static boolean filtered(EventQuery query) {
        return !query.customers().isEmpty() || query.touchpoint().isPresent() || !query.attributes().isEmpty()
                || query.types().size() > 1;
    }

    /**
     * Returns the matching events of the query's customers in time order, read from their timelines, when
     * the query names customers and their timelines are clearly shorter than a scan of the whole log.
     */
    private Optional<List<CustomerEvent>> eventsOfCustomers(EventQuery query) {
        Set<CustomerId> customers = query.customers();
        if (customers.isEmpty()) {
            return Optional.empty();
        }
        if (customers.size() == 1) {
            List<CustomerEvent> timeline = eventsOf(customers.iterator().next());
            return Optional.of(timeline.stream().filter(query::matches).toList());
        }
        return readOrdered(all, allEvents -> {
            long held = 0;
            for (CustomerId customer : customers) {
                held += byCustomer.getOrDefault(customer, List.of()).size();
            }
            if (held * SCAN_RATIO > allEvents.size()) {
                return Optional.empty();
            }
            List<CustomerEvent> found = new ArrayList<>();
            for (CustomerId customer : customers) {
                for (CustomerEvent event : byCustomer.getOrDefault(customer, List.of())) {
                    if (query.matches(event)) {
                        found.add(event);
                    }
                }
            }
            orderAcrossCustomers(found, allEvents);
            return Optional.of(found);
        });
    }

    /**
     * Puts the events of several timelines in the store's order. A stable sort by time keeps each timeline's
     * order; events of different customers at one instant then take the order of the log of every event,
     * which is their append order.
     */
    private static void orderAcrossCustomers(List<CustomerEvent> events, TimeLog.Snapshot allEvents) {
        events.sort(BY_TIME);
        int runStart = 0;
        while (runStart < events.size()) {
            Instant instant = events.get(runStart).occurredAt();
            int runEnd = runStart + 1;
            boolean severalCustomers = false;
            while (runEnd < events.size() && events.get(runEnd).occurredAt().equals(instant)) {
                severalCustomers |= !events.get(runEnd).customerId().equals(events.get(runStart).customerId());
                runEnd++;
            }
            if (severalCustomers) {
                Set<EventId> run = new HashSet<>();
                events.subList(runStart, runEnd).forEach(event -> run.add(event.eventId()));
                int slot = runStart;
                CustomerEvent[] logged = allEvents.events();
                for (int i = allEvents.firstAtOrAfter(instant); i < allEvents.size()
                        && logged[i].occurredAt().equals(instant); i++) {
                    if (run.contains(logged[i].eventId())) {
                        events.set(slot++, logged[i]);
                    }
                }
            }
            runStart = runEnd;
        }
    }

    /** Returns the index of the first event of the time-ordered {@code events} at or after {@code instant}. */
    private static int firstAtOrAfter(List<CustomerEvent> events, Instant instant) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (events.get(mid).occurredAt().isBefore(instant)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
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
        if (!query.customers().isEmpty() || eventType.isEmpty()) {
            return EventStore.super.query(query, type);
        }
        if (!query.types().isEmpty() && !query.types().contains(eventType.get())) {
            return Stream.empty();
        }
        Stream<CustomerEvent> events = timeRange(byType[eventType.get().ordinal()], query);
        if (query.touchpoint().isPresent() || !query.attributes().isEmpty()) {
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

    /**
     * Returns each customer's matching events, customers in ascending order of their id. The ids are read
     * at the call; each timeline is read (and copied) under the read lock when the stream reaches its
     * customer, so memory holds one timeline at a time and a timeline never shows part of an append.
     */
    @Override
    public Stream<CustomerTimeline> timelines(EventQuery query) {
        Checks.present("query", query);
        List<CustomerId> customers;
        lock.readLock().lock();
        try {
            customers = query.customers().isEmpty() ? new ArrayList<>(byCustomer.keySet())
                    : query.customers().stream().filter(byCustomer::containsKey)
                            .collect(Collectors.toCollection(ArrayList::new));
        } finally {
            lock.readLock().unlock();
        }
        customers.sort(null);
        return customers.stream().map(customer -> timelineOf(customer, query)).flatMap(Optional::stream);
    }

    private Optional<CustomerTimeline> timelineOf(CustomerId customer, EventQuery query) {
        List<CustomerEvent> matching = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (CustomerEvent event : byCustomer.getOrDefault(customer, List.of())) {
                if (query.matches(event)) {
                    matching.add(event);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return matching.isEmpty() ? Optional.empty() : Optional.of(new CustomerTimeline(customer, matching));
    }

    /** Answers from the ends of a time-ordered log (or the customers' timelines), reading no more than it must. */
    @Override
    public Optional<TimeSpan> span(EventQuery query) {
        Checks.present("query", query);
        if (!query.customers().isEmpty()) {
            return spanOfCustomers(query);
        }
        TimeLog.Snapshot log = snapshot(logOf(query));
        int start = query.from().map(log::firstAtOrAfter).orElse(0);
        int end = Math.max(start, query.to().map(log::firstAtOrAfter).orElse(log.size()));
        CustomerEvent[] events = log.events();
        boolean filtered = filtered(query);
        int first = start;
        while (first < end && filtered && !query.matches(events[first])) {
            first++;
        }
        if (first == end) {
            return Optional.empty();
        }
        int last = end - 1;
        while (filtered && !query.matches(events[last])) {
            last--;
        }
        return Optional.of(new TimeSpan(events[first].occurredAt(), events[last].occurredAt()));
    }

    private Optional<TimeSpan> spanOfCustomers(EventQuery query) {
        Instant first = null;
        Instant last = null;
        lock.readLock().lock();
        try {
            for (CustomerId customer : query.customers()) {
                List<CustomerEvent> timeline = byCustomer.getOrDefault(customer, List.of());
                for (CustomerEvent event : timeline) {
                    if (query.matches(event)) {
                        first = first == null || event.occurredAt().isBefore(first) ? event.occurredAt() : first;
                        break;
                    }
                }
                for (int i = timeline.size() - 1; i >= 0; i--) {
                    CustomerEvent event = timeline.get(i);
                    if (query.matches(event)) {
                        last = last == null || event.occurredAt().isAfter(last) ? event.occurredAt() : last;
                        break;
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return first == null ? Optional.empty() : Optional.of(new TimeSpan(first, last));
    }

    /**
     * Answers from the indexes: a query of a time range and at most one type by two binary searches in a
     * time-ordered log, a query of customers from their timelines, any other by counting the events of the
     * time range that match, without a stream.
     */
    @Override
    public long count(EventQuery query) {
        Checks.present("query", query);
        if (!query.customers().isEmpty()) {
            long count = 0;
            lock.readLock().lock();
            try {
                for (CustomerId customer : query.customers()) {
                    for (CustomerEvent event : byCustomer.getOrDefault(customer, List.of())) {
                        if (query.matches(event)) {
                            count++;
                        }
                    }
                }
            } finally {
                lock.readLock().unlock();
            }
            return count;
        }
        TimeLog.Snapshot log = snapshot(logOf(query));
        int start = query.from().map(log::firstAtOrAfter).orElse(0);
        int end = Math.max(start, query.to().map(log::firstAtOrAfter).orElse(log.size()));
        if (!filtered(query)) {
            return end - start;
        }
        CustomerEvent[] events = log.events();
        long count = 0;
        for (int i = start; i < end; i++) {
            if (query.matches(events[i])) {
                count++;
            }
        }
        return count;
    }

    /**
     * Pages with cursors that mark a position in time (see {@link EventStore#page} for the guarantees). A page
     * starts with a binary search for the cursor's instant, so reading a page costs its own events plus the
     * events at that one instant, not the events before it.
     */
    @Override
    public EventPage page(EventQuery query, PageCursor after, int limit) {
        Checks.present("query", query);
        Optional<PagePosition> position = PagePosition.of(Checks.present("after", after));
        Pager.requireLimit(limit);
        try (Stream<CustomerEvent> events = ordered(query, position.map(PagePosition::instant))) {
            return Pager.page(events.iterator(), position, limit);
        }
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
        return readOrdered(log, snapshot -> snapshot);
    }

    /**
     * Runs {@code read} on a snapshot of {@code log} while holding a lock, so that it may read the other
     * indexes consistently with that snapshot: the read lock when the log is in order, else the write lock,
     * under which the log is sorted first.
     */
    private <T> T readOrdered(TimeLog log, Function<TimeLog.Snapshot, T> read) {
        lock.readLock().lock();
        try {
            if (log.ordered()) {
                return read.apply(log.snapshot());
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            log.sort();
            return read.apply(log.snapshot());
        } finally {
            lock.writeLock().unlock();
        }
    }
}
