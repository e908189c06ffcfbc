package dev.cxm.core.store.memory;

import java.lang.ref.SoftReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.EventTimeParts;
import dev.cxm.core.internal.store.EventInterner;
import dev.cxm.core.internal.store.EventLog;
import dev.cxm.core.internal.store.HandleTable;
import dev.cxm.core.internal.store.PagePosition;
import dev.cxm.core.internal.store.Pager;
import dev.cxm.core.internal.store.InstantKey;
import dev.cxm.core.internal.store.TimelineColumnsBuilder;
import dev.cxm.core.internal.store.Timelines;
import dev.cxm.core.internal.store.columns.ColumnarTimelines;
import dev.cxm.core.internal.store.columns.TimelineColumns;
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
 * the stream reaches it (customers are read 64 at a time); {@link #timelineColumns} is a snapshot at the
 * call. No stream holds a resource, so forgetting to close one leaks nothing; close them
 * anyway, for code that may run on another backend.
 *
 * <h2>Indexes</h2>
 * Each event has a slot, its place in append order. The store keeps the events in a time-ordered log, with
 * a byte per event for its type once it holds several types (while events arrive in time order, as an import
 * of a sorted file or a live feed appends them, that log is the sequence of slots itself), an id index of one
 * {@code int} per table slot,
 * and the customers' timelines as one {@code int} link per event, with each customer's latest time beside
 * them. A time range is found by binary search in the log; a query of one type passes over the type bytes
 * of other events without loading them, and reads the log directly when the store holds no other type.
 * {@link #count(EventQuery)} of a time range and types is two binary searches (and a pass over the type
 * bytes when the store holds other types too), and {@link #span} reads the ends of the range. A query of a
 * few customers reads their timelines; a query by touchpoint or attribute checks each event of the time
 * range. {@link #page} finds its cursor's instant by binary search.
 *
 * <h2>Memory</h2>
 * Customer ids, touchpoints, scales, survey ids and outcomes are shared: events that refer to equal ones
 * are stored holding one instance. Beside the events themselves, the store keeps per event a reference in
 * its slots, a timeline link and an id-index slot (4 + 4 + 4.4 to 6.7 bytes), and per customer an id, a
 * latest slot and time and an index slot (about 20 bytes); a type byte per event once it holds several
 * event types, and a second reference and type byte per event once events have arrived out of time order.
 * {@code docs/PERFORMANCE.md} measures it: about 103 bytes per NPS response in all, events included (111 with
 * an id derived from a file's line, as an import makes it). Every
 * array lives in chunks of 16,384 entries, so growing never copies much and no array is a humongous object
 * for G1. Reads of the log copy no events: snapshots share its chunks, which are copied only when an
 * out-of-order append forces a re-sort or an erasure removes events; reads of customers copy references to
 * their events. The journey calculators' columns (see {@link #timelineColumns}) cost 12 bytes per event and 8
 * per customer while they are kept (from the first such read, softly).
 */
public final class InMemoryEventStore implements EventStore, ColumnarTimelines {

    private static final Comparator<CustomerEvent> BY_TIME = Comparator.comparing(CustomerEvent::occurredAt);
    /**
     * A query of several customers reads their timelines when they hold fewer than one in this many of the
     * store's events, and scans the time-ordered log otherwise.
     */
    private static final int SCAN_RATIO = 4;
    /**
     * How many customers' timelines {@link #timelines} reads at once: walking several timelines side by side
     * overlaps their cache misses, and a batch of this many keeps what it holds small.
     */
    private static final int TIMELINE_BATCH = 64;
    /**
     * Events an append handles together: it reads ahead, for all of them, what each needs (their ids' and
     * customers' index slots, the customers' latest times), so that the cache misses of a group overlap.
     */
    private static final int GROUP = 32;
    /**
     * Cached columns are extended by the events appended since they were built while those are at most one in
     * this many of the store's events (and came after their customers' latest), and built anew otherwise.
     */
    private static final int EXTEND_RATIO = 4;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Every event stored, by slot (append order); erased slots are empty. */
    private EventLog slots = new EventLog();
    /**
     * Every event in time order: the same object as {@link #slots} while every append came in time order and
     * nothing was erased, a separate log afterwards.
     */
    private EventLog timeOrder = slots;
    /** The events of the batch being appended, whose slots follow {@link #slots}' size. */
    private List<CustomerEvent> pending = List.of();
    private final HandleTable<EventId> byId = new HandleTable<>(new HandleTable.Keys<>() {
        @Override
        public int hash(int slot) {
            return eventAt(slot).eventId().hashCode();
        }

        @Override
        public boolean matches(int slot, EventId id) {
            return eventAt(slot).eventId().equals(id);
        }
    });
    private final Timelines byCustomer = new Timelines();
    /** Where appends leave what they read ahead, so that the reads are not optimised away. */
    private int readAhead;
    private final EventInterner interner = new EventInterner();
    /**
     * Counts the erasures, after which cached columns are built anew rather than extended. With the count of
     * slots, which only an append that stores an event changes (erased slots stay, empty), it tells which
     * writes came since columns were built: the pair changes with every write that changes the events held.
     */
    private long erasures;
    /** The columns of every event as of a count of slots and of erasures, for the journey calculators; kept softly. */
    private CachedColumns cachedColumns = new CachedColumns(-1, new SoftReference<>(null));
    /** Guards {@link #cachedColumns}: readers holding the read lock build or extend them one at a time. */
    private final Object columnsLock = new Object();

    /** Columns built after {@code erasures} erasures, of the slots below their {@code slotCount()}. */
    private record CachedColumns(long erasures, SoftReference<TimelineColumnsBuilder.Built> built) {}

    private InMemoryEventStore() {}

    /**
     * Returns a new, empty store.
     *
     * @return the store
     */
    public static InMemoryEventStore create() {
        return new InMemoryEventStore();
    }

    /** Returns the event in {@code slot}: stored, or of the batch being appended. */
    private CustomerEvent eventAt(int slot) {
        int stored = slots.size();
        return slot < stored ? slots.get(slot) : pending.get(slot - stored);
    }

    @Override
    public AppendResult appendAll(Collection<? extends CustomerEvent> events) {
        List<CustomerEvent> batch = List.copyOf(Checks.noNullElements("events", events));
        lock.writeLock().lock();
        try {
            int firstSlot = slots.size();
            byId.ensureCapacity(byId.size() + batch.size(), firstSlot + batch.size());
            // Claim each new id in the index at once, under the slot it will take (one lookup per event, no
            // second map for the batch); on a conflict, release the claims, so that no reader, all of whom
            // wait for the lock, ever sees any of them.
            List<CustomerEvent> fresh = new ArrayList<>(batch.size());
            pending = fresh;
            int duplicates = 0;
            for (int from = 0; from < batch.size(); from += GROUP) {
                int to = Math.min(batch.size(), from + GROUP);
                int touched = 0;
                for (int i = from; i < to; i++) {
                    touched |= byId.touch(batch.get(i).eventId().hashCode());
                }
                readAhead = touched;
                for (int i = from; i < to; i++) {
                    CustomerEvent event = batch.get(i);
                    EventId id = event.eventId();
                    int stored = byId.putIfAbsent(id, id.hashCode(), firstSlot + fresh.size());
                    if (stored < 0) {
                        fresh.add(event);
                    } else if (eventAt(stored).equals(event)) {
                        duplicates++;
                    } else {
                        fresh.forEach(claimed -> byId.remove(claimed.eventId(), claimed.eventId().hashCode()));
                        throw new IllegalArgumentException("eventId: " + id
                                + " already identifies a different event; an event id must identify one event;"
                                + " nothing of this append was stored");
                    }
                }
            }
            pending = List.of();
            store(fresh);
            return new AppendResult(fresh.size(), duplicates);
        } finally {
            pending = List.of();
            lock.writeLock().unlock();
        }
    }

    /** Stores the new events of a batch in the slots their ids claimed. */
    private void store(List<CustomerEvent> fresh) {
        slots.ensureRoomFor(fresh.size());
        if (timeOrder != slots) {
            timeOrder.ensureRoomFor(fresh.size());
        }
        byCustomer.ensureSlots(slots.size() + fresh.size());
        int[] customers = new int[GROUP];
        for (int from = 0; from < fresh.size(); from += GROUP) {
            int to = Math.min(fresh.size(), from + GROUP);
            // Each pass reads what the next one needs for the whole group, so that its cache misses overlap.
            int touched = 0;
            for (int i = from; i < to; i++) {
                touched |= byCustomer.touch(fresh.get(i).customerId());
            }
            for (int i = from; i < to; i++) {
                customers[i - from] = byCustomer.numberOf(fresh.get(i).customerId());
                touched |= byCustomer.touchLatest(customers[i - from]);
            }
            readAhead = touched;
            for (int i = from; i < to; i++) {
                // A customer new in this group has a number once their first event here is stored.
                int customer = customers[i - from] >= 0 ? customers[i - from]
                        : byCustomer.numberOf(fresh.get(i).customerId());
                place(fresh.get(i), customer);
            }
        }
    }

    /** Stores one new event, of customer number {@code customer} (-1 for a new customer), in the next slot. */
    private void place(CustomerEvent event, int customer) {
        int slot = slots.size();
        CustomerId shared = customer < 0 ? event.customerId() : byCustomer.customer(customer);
        CustomerEvent stored = interner.intern(event, shared);
        if (timeOrder == slots && slots.isEarlierThanLast(stored)) {
            // The slots stop being in time order: from now on the time-ordered log is separate. It keeps the
            // chunks that snapshots may hold; the slots go on in a copy, which may then change in place.
            slots = slots.copy();
        }
        slots.append(stored);
        if (timeOrder != slots) {
            timeOrder.append(stored);
        }
        long key = InstantKey.of(stored);
        if (customer < 0) {
            byCustomer.add(shared, slot, key);
        } else {
            byCustomer.link(customer, slot, key, slots::get);
        }
    }

    @Override
    public Optional<CustomerEvent> get(EventId id) {
        Checks.present("id", id);
        lock.readLock().lock();
        try {
            int slot = byId.find(id, id.hashCode());
            return slot < 0 ? Optional.empty() : Optional.of(slots.get(slot));
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
     * The events of a few customers come from their timelines; otherwise from the time-ordered log, cut to
     * the time range by binary search, passing over the types not asked for by their type bytes, and
     * filtered only when the query looks at more than type and time.
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
        Stream<CustomerEvent> events = snapshot().between(from, query.to(), typeMask(query));
        return filtered(query) ? events.filter(query::matches) : events;
    }

    /** Returns the mask of the types the query admits, for {@link EventLog.Snapshot#between}. */
    private static int typeMask(EventQuery query) {
        if (query.types().isEmpty()) {
            return EventLog.ALL_TYPES;
        }
        int mask = 0;
        for (EventType type : query.types()) {
            mask |= EventLog.maskOf(type);
        }
        return mask;
    }

    /** Returns whether the events of the time range and types need a check against the query. */
    private static boolean filtered(EventQuery query) {
        return !query.customers().isEmpty() || query.touchpoint().isPresent() || !query.attributes().isEmpty();
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
        lock.readLock().lock();
        try {
            List<int[]> ofEach = new ArrayList<>(customers.size());
            long held = 0;
            for (CustomerId customer : customers) {
                int number = byCustomer.numberOf(customer);
                if (number >= 0) {
                    int[] timeline = byCustomer.slotsOf(number);
                    ofEach.add(timeline);
                    held += timeline.length;
                }
            }
            if (held * SCAN_RATIO > timeOrder.size()) {
                return Optional.empty();
            }
            // Slots are the append order: sorted by slot, then stably by time, the events of several
            // timelines take the store's order, ties in append order.
            int[] matching = new int[(int) held];
            int count = 0;
            for (int[] timeline : ofEach) {
                for (int slot : timeline) {
                    if (query.matches(slots.get(slot))) {
                        matching[count++] = slot;
                    }
                }
            }
            Arrays.sort(matching, 0, count);
            List<CustomerEvent> found = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                found.add(slots.get(matching[i]));
            }
            found.sort(BY_TIME);
            return Optional.of(found);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Returns the index of the first event of the time-ordered {@code events} at or after {@code instant}. */
    private static int firstAtOrAfter(List<CustomerEvent> events, Instant instant) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (EventTimeParts.compare(events.get(mid), instant) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Returns the events of one type matching {@code query}, in time order. When {@code type} is one of the
     * event records, the events come straight from the time-ordered log, without a filtering or casting
     * stage per event (and without a check at all when the store holds that type only), which is what makes
     * a scan of millions of feedback responses fast.
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
        int mask = typeMask(query) & EventLog.maskOf(eventType.get());
        if (mask == 0) {
            return Stream.empty();
        }
        Stream<CustomerEvent> events = snapshot().between(query.from(), query.to(), mask);
        if (query.touchpoint().isPresent() || !query.attributes().isEmpty()) {
            events = events.filter(query::matches);
        }
        @SuppressWarnings("unchecked") // the mask admits events of that type only
        Stream<E> typed = (Stream<E>) (Stream<?>) events;
        return typed;
    }

    /**
     * Returns each customer's matching events, customers in ascending order of their id. The ids are read
     * at the call; the timelines are read (and copied) under the read lock when the stream reaches their
     * customers, 64 customers at a time, so memory holds one batch of timelines at a time
     * and a timeline never shows part of an append.
     */
    @Override
    public Stream<CustomerTimeline> timelines(EventQuery query) {
        Checks.present("query", query);
        List<CustomerId> customers;
        lock.readLock().lock();
        try {
            customers = query.customers().isEmpty() ? byCustomer.customers()
                    : new ArrayList<>(query.customers().stream().filter(c -> byCustomer.numberOf(c) >= 0).toList());
        } finally {
            lock.readLock().unlock();
        }
        customers.sort(null);
        int batches = (customers.size() + TIMELINE_BATCH - 1) / TIMELINE_BATCH;
        return IntStream.range(0, batches).mapToObj(batch -> customers.subList(batch * TIMELINE_BATCH,
                Math.min(customers.size(), (batch + 1) * TIMELINE_BATCH)))
                .flatMap(batch -> timelinesOf(batch, query).stream());
    }

    /** Reads the matching timelines of a batch of customers, leaving out those without (matching) events. */
    private List<CustomerTimeline> timelinesOf(List<CustomerId> batch, EventQuery query) {
        CustomerEvent[][] events;
        int[] numbers = new int[batch.size()];
        int found = 0;
        lock.readLock().lock();
        try {
            for (CustomerId customer : batch) {
                int number = byCustomer.numberOf(customer);
                if (number >= 0) {
                    numbers[found++] = number;
                }
            }
            events = byCustomer.eventsOf(Arrays.copyOf(numbers, found), slots::get);
        } finally {
            lock.readLock().unlock();
        }
        List<CustomerTimeline> timelines = new ArrayList<>(found);
        for (int c = 0; c < found; c++) {
            CustomerEvent[] timeline = events[c];
            int matching = 0;
            for (CustomerEvent event : timeline) {
                if (query.matches(event)) {
                    timeline[matching++] = event;
                }
            }
            if (matching > 0) {
                timelines.add(new CustomerTimeline(byCustomer.customer(numbers[c]),
                        Arrays.asList(timeline).subList(0, matching)));
            }
        }
        return timelines;
    }

    /** Answers from the ends of the time-ordered log (or the customers' timelines), reading no more than it must. */
    @Override
    public Optional<TimeSpan> span(EventQuery query) {
        Checks.present("query", query);
        if (!query.customers().isEmpty()) {
            return spanOfCustomers(query);
        }
        EventLog.Snapshot log = snapshot();
        int mask = typeMask(query);
        int start = query.from().map(log::firstAtOrAfter).orElse(0);
        int end = Math.max(start, query.to().map(log::firstAtOrAfter).orElse(log.size()));
        boolean filtered = filtered(query);
        int first = start;
        while (first < end && !(log.admits(first, mask) && (!filtered || query.matches(log.get(first))))) {
            first++;
        }
        if (first == end) {
            return Optional.empty();
        }
        int last = end - 1;
        while (!(log.admits(last, mask) && (!filtered || query.matches(log.get(last))))) {
            last--;
        }
        return Optional.of(new TimeSpan(log.get(first).occurredAt(), log.get(last).occurredAt()));
    }

    private Optional<TimeSpan> spanOfCustomers(EventQuery query) {
        Instant first = null;
        Instant last = null;
        for (CustomerId customer : query.customers()) {
            for (CustomerEvent event : eventsOf(customer)) {
                if (query.matches(event)) {
                    Instant at = event.occurredAt();
                    first = first == null || at.isBefore(first) ? at : first;
                    last = last == null || at.isAfter(last) ? at : last;
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new TimeSpan(first, last));
    }

    /**
     * Answers from the indexes: a query of a time range and types by two binary searches in the
     * time-ordered log (and a pass over its type bytes when other types are stored too), a query of customers
     * from their timelines, any other by counting the events of the time range that match, without a stream.
     */
    @Override
    public long count(EventQuery query) {
        Checks.present("query", query);
        if (!query.customers().isEmpty()) {
            long count = 0;
            for (CustomerId customer : query.customers()) {
                count += eventsOf(customer).stream().filter(query::matches).count();
            }
            return count;
        }
        EventLog.Snapshot log = snapshot();
        int mask = typeMask(query);
        int start = query.from().map(log::firstAtOrAfter).orElse(0);
        int end = Math.max(start, query.to().map(log::firstAtOrAfter).orElse(log.size()));
        boolean filtered = filtered(query);
        if (!filtered && log.admitsAll(mask)) {
            return end - start;
        }
        long count = 0;
        for (int i = start; i < end; i++) {
            if (log.admits(i, mask) && (!filtered || query.matches(log.get(i)))) {
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
        Checks.present("customer", customer);
        lock.readLock().lock();
        try {
            return byCustomer.eventsOf(customer, slots::get).map(List::copyOf).orElse(List.of());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long count() {
        lock.readLock().lock();
        try {
            return timeOrder.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long erase(CustomerId customer) {
        Checks.present("customer", customer);
        lock.writeLock().lock();
        try {
            int number = byCustomer.numberOf(customer);
            if (number < 0) {
                return 0;
            }
            int[] erased = byCustomer.slotsOf(number);
            for (int slot : erased) {
                EventId id = slots.get(slot).eventId();
                byId.remove(id, id.hashCode());
            }
            byCustomer.remove(number);
            erasures++;
            CustomerId shared = slots.get(erased[0]).customerId();
            // A new time-ordered log without the customer's events, since snapshots may hold the current one;
            // then the slots are emptied in place, in a copy if they were the time-ordered log.
            EventLog kept = timeOrder.without(index -> timeOrder.get(index).customerId() == shared);
            if (timeOrder == slots) {
                slots = slots.copy();
            }
            timeOrder = kept;
            for (int slot : erased) {
                slots.clear(slot);
            }
            return erased.length;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Returns the customers' timelines as primitive columns for a query of time range and types (the fast
     * path of cxm-journey's calculators; not API). The columns of every event are built on the first call
     * (one pass over the timelines' links and one over the events in append order) and kept through a soft
     * reference; after appends they are extended by the new events (which costs a copy of the arrays, not a
     * pass over the events) when those came after their customers' latest events, else, and after an
     * erasure, built anew. A query with a time range or types copies the part it reads.
     */
    @Override
    public Optional<TimelineColumns> timelineColumns(EventQuery query) {
        Checks.present("query", query);
        if (filtered(query)) {
            return Optional.empty();
        }
        TimelineColumns all;
        lock.readLock().lock();
        try {
            synchronized (columnsLock) {
                Optional<TimelineColumnsBuilder.Built> current = currentColumns();
                if (current.isEmpty()) {
                    return Optional.empty();
                }
                all = current.get().columns();
            }
        } finally {
            lock.readLock().unlock();
        }
        if (query.from().isEmpty() && query.to().isEmpty() && query.types().isEmpty()) {
            return Optional.of(all);
        }
        // The query holds its bounds at whole microseconds (Instant.MAX, which has none above it, has a bound
        // key), so an event is at or after a bound exactly when its key is at or above the bound's.
        long from = query.from().map(InstantKey::of).orElse(Long.MIN_VALUE);
        long to = query.to().map(InstantKey::of).orElse(Long.MAX_VALUE);
        return Optional.of(all.filtered(from, to, typeMask(query)));
    }

    /**
     * Returns the columns of every event as of now: those cached if no write came since, else those cached
     * extended by the events appended since when no erasure came since and they are few enough, else new
     * ones; empty when an instant is beyond a {@code long} of microseconds. Under the read lock and
     * {@link #columnsLock}.
     */
    private Optional<TimelineColumnsBuilder.Built> currentColumns() {
        CachedColumns cached = cachedColumns;
        TimelineColumnsBuilder.Built held = cached.built().get();
        if (held != null && cached.erasures() == erasures && held.slotCount() == slots.size()) {
            return Optional.of(held);
        }
        Optional<TimelineColumnsBuilder.Built> fresh = Optional.empty();
        if (held != null && cached.erasures() == erasures
                && (slots.size() - held.slotCount()) * (long) EXTEND_RATIO <= slots.size()) {
            fresh = TimelineColumnsBuilder.extend(held, slots, byCustomer);
        }
        if (fresh.isEmpty()) {
            fresh = TimelineColumnsBuilder.build(slots, byCustomer);
        }
        fresh.ifPresent(built -> cachedColumns = new CachedColumns(erasures, new SoftReference<>(built)));
        return fresh;
    }

    /** Returns a snapshot of the time-ordered log, sorting it first (under the write lock) if an append left it unordered. */
    private EventLog.Snapshot snapshot() {
        return readOrdered(EventLog::snapshot);
    }

    /**
     * Runs {@code read} on the time-ordered log while holding a lock: the read lock when the log is in
     * order, else the write lock, under which the log is sorted first.
     */
    private <T> T readOrdered(Function<EventLog, T> read) {
        lock.readLock().lock();
        try {
            if (timeOrder.ordered()) {
                return read.apply(timeOrder);
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            timeOrder.sort();
            return read.apply(timeOrder);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
