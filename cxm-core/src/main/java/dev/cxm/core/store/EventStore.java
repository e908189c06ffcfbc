package dev.cxm.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.store.PagePosition;
import dev.cxm.core.internal.store.Pager;
import dev.cxm.core.internal.store.ScanHistogram;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;

/**
 * Keeps customer events and reads them back in time order.
 *
 * <p>The contract every implementation keeps (and the compatibility kit in {@code cxm-test} checks):
 * <ul>
 *   <li>Appends are idempotent on the event id: appending an event equal to one already stored is a
 *       no-op, counted as a duplicate.</li>
 *   <li>An event whose id is already stored with <em>different</em> content is a conflict: the call throws
 *       {@link IllegalArgumentException} naming the id, and stores nothing.</li>
 *   <li>{@link #appendAll} is atomic: it stores every new event or, when it throws, none.</li>
 *   <li>Events read back equal to the events appended, instants included: every event instant is a whole
 *       microsecond ({@link CustomerEvent#PRECISION}), and a store keeps at least microseconds.</li>
 * </ul>
 *
 * <h2>Streams</h2>
 * <ul>
 *   <li><b>Order.</b> {@link #query}, {@link #scan} and {@link #page} return events ordered by
 *       {@link CustomerEvent#occurredAt()}, events at the same instant in the order they were appended (within
 *       one {@link #appendAll}, in the collection's order). {@link #timelines} returns customers in ascending
 *       order of their id ({@link CustomerId#compareTo}: the ids' {@link String#compareTo} order, which a
 *       database must match with a binary collation), each customer's events in that same time order.</li>
 *   <li><b>Close them.</b> Every stream may hold a connection, a cursor or a lock in some backend until it is
 *       closed: use try-with-resources, also when a stream is only partly consumed. Closing releases
 *       everything the stream held (the kit checks it).</li>
 *   <li><b>Snapshots.</b> A stream from {@link #query} or {@link #scan} reads the store as it was when the
 *       method was called: appends and erasures after the call are not seen, and an append is seen whole or
 *       not at all. {@link #timelines} is weaker: each customer's timeline is read whole when the stream
 *       reaches that customer (never part of one append of that customer), but the stream as a whole need not
 *       be a snapshot, so a customer erased meanwhile is left out and one appended meanwhile may appear.</li>
 *   <li>A backend need not support parallel streams: consume a stream on one thread unless the backend
 *       says otherwise.</li>
 * </ul>
 *
 * <h2>Efficiency</h2>
 * The methods with a default body are correct on every store through {@link #query}; a backend overrides
 * them to answer from its indexes or in its database: {@link #count(EventQuery)} without reading events,
 * {@link #span} from the ends of an index, {@link #timelines} and {@link #page} with one ordered read, and
 * {@link #feedbackHistogram} with a {@code GROUP BY} in the database.
 */
public interface EventStore {

    /**
     * Appends one event; see {@link #appendAll} for the rules.
     *
     * @param event the event
     * @return whether it was stored or was a duplicate
     * @throws IllegalArgumentException when another event is stored under the same id
     * @throws NullPointerException when {@code event} is null
     */
    default AppendResult append(CustomerEvent event) {
        return appendAll(List.of(Checks.present("event", event)));
    }

    /**
     * Appends events atomically, skipping those already stored.
     *
     * @param events the events, stored (as far as they are new) in this order among themselves
     * @return how many were stored and how many were duplicates
     * @throws IllegalArgumentException when an event's id is stored (or repeated in {@code events}) with
     *     different content; nothing is stored then
     * @throws NullPointerException when {@code events} or one of them is null; nothing is stored then
     */
    AppendResult appendAll(Collection<? extends CustomerEvent> events);

    /**
     * Returns the event with the given id, if stored.
     *
     * @param id the event id
     * @return the event, or empty
     */
    Optional<CustomerEvent> get(EventId id);

    /**
     * Returns the stored events among {@code ids}, for checking many ids at once (an import checks each batch
     * of its rows against the store this way). A store over a database overrides it with one query per many
     * ids; the default asks {@link #get} for each.
     *
     * @param ids the event ids; repeats are looked up once
     * @return the stored events by id; an id that is not stored is not a key
     * @throws NullPointerException when {@code ids} or one of them is null
     */
    default Map<EventId, CustomerEvent> getAll(Collection<EventId> ids) {
        Map<EventId, CustomerEvent> stored = new HashMap<>();
        for (EventId id : ids) {
            get(Checks.present("ids[]", id)).ifPresent(event -> stored.put(id, event));
        }
        return stored;
    }

    /**
     * Returns the events matching {@code query}, in time order (ties in append order), as a snapshot taken at
     * the call. Close the stream when done.
     *
     * @param query the criteria
     * @return the matching events
     * @throws NullPointerException when {@code query} is null
     */
    Stream<CustomerEvent> query(EventQuery query);

    /**
     * Returns the events of one type matching {@code query}, in time order. Close the stream when done.
     *
     * @param query the criteria
     * @param type the event record class to keep, such as {@code FeedbackResponse.class}
     * @param <E> the event type
     * @return the matching events of that type
     * @throws NullPointerException when {@code query} or {@code type} is null, at the call
     */
    default <E extends CustomerEvent> Stream<E> query(EventQuery query, Class<E> type) {
        Checks.present("query", query);
        Checks.present("type", type);
        return query(query).filter(type::isInstance).map(type::cast);
    }

    /**
     * Returns every event of one customer, in time order.
     *
     * @param customer the customer
     * @return the events; empty when none are stored
     */
    default List<CustomerEvent> eventsOf(CustomerId customer) {
        try (Stream<CustomerEvent> events = query(EventQuery.forCustomer(customer))) {
            return events.toList();
        }
    }

    /**
     * Returns every stored event in time order. Close the stream when done.
     *
     * @return every event
     */
    default Stream<CustomerEvent> scan() {
        return query(EventQuery.all());
    }

    /**
     * Returns each customer's events matching {@code query}: one timeline per customer with a matching event,
     * customers in ascending order of their id, each timeline in time order (ties in append order). A
     * journey calculator reads one customer at a time, so memory holds one timeline, not the store. Close the
     * stream when done; see the class comment for what it sees of concurrent writes.
     *
     * <p>The default reads the matching customers' ids first, then each customer's events as the stream
     * reaches them.
     *
     * @param query the criteria
     * @return the timelines, customer after customer
     * @throws NullPointerException when {@code query} is null
     */
    default Stream<CustomerTimeline> timelines(EventQuery query) {
        Checks.present("query", query);
        Set<CustomerId> customers;
        try (Stream<CustomerEvent> events = query(query)) {
            customers = events.map(CustomerEvent::customerId).collect(Collectors.toCollection(TreeSet::new));
        }
        return customers.stream().flatMap(customer -> {
            List<CustomerEvent> events;
            try (Stream<CustomerEvent> matching = query(onlyOf(query, customer))) {
                events = matching.toList();
            }
            return events.isEmpty() ? Stream.empty() : Stream.of(new CustomerTimeline(customer, events));
        });
    }

    /** Returns {@code query} restricted to one of the customers it selects. */
    private static EventQuery onlyOf(EventQuery query, CustomerId customer) {
        return new EventQuery(Set.of(customer), query.types(), query.from(), query.to(), query.touchpoint(),
                query.attributes());
    }

    /**
     * Returns the instants of the first and the last event matching {@code query}; the CLI's default end of an
     * observation is {@code span(EventQuery.all())} just after its last event ({@link TimeSpan#endExclusive()}).
     *
     * @param query the criteria
     * @return the span, or empty when no event matches
     * @throws NullPointerException when {@code query} is null
     */
    default Optional<TimeSpan> span(EventQuery query) {
        Checks.present("query", query);
        try (Stream<CustomerEvent> events = query(query)) {
            Iterator<CustomerEvent> ordered = events.iterator();
            if (!ordered.hasNext()) {
                return Optional.empty();
            }
            CustomerEvent first = ordered.next();
            CustomerEvent last = first;
            while (ordered.hasNext()) {
                last = ordered.next();
            }
            return Optional.of(new TimeSpan(first.occurredAt(), last.occurredAt()));
        }
    }

    /**
     * Returns the page of at most {@code limit} events matching {@code query} that follows {@code after}, in
     * the order of {@link #query}, with the cursor of the next page. Page from {@link PageCursor#start()} until
     * {@link EventPage#next()} is empty; a cursor may be kept (as its token) and used later, by another
     * process too.
     *
     * <p>What paging guarantees, on every store:
     * <ul>
     *   <li>Over a store that does not change, the pages concatenate to exactly the query's events.</li>
     *   <li>Appends between pages do not disturb it: every matching event stored before the first page is
     *       returned exactly once, none twice; an event appended during the paging is returned when it sorts
     *       after the last event returned so far (as an event appended at that event's instant does, ties
     *       being in append order), and not when it sorts before.</li>
     *   <li>Erasure between pages: the erased customer's events are not returned by later pages, and the
     *       others still are, exactly once. A store may fall short of this in one case: when, between the same
     *       two pages, the customer of the page's last event is erased together with another customer who has
     *       an event at that same instant, an event at that instant may be skipped.</li>
     * </ul>
     *
     * @param query the criteria
     * @param after {@link PageCursor#start()} for the first page, else the previous page's {@code next}
     * @param limit the most events in the page; 1 or more
     * @return the page and the next cursor
     * @throws IllegalArgumentException when {@code limit} is below 1 or {@code after} is not a cursor of this
     *     kind of store
     * @throws NullPointerException when an argument is null
     */
    default EventPage page(EventQuery query, PageCursor after, int limit) {
        Checks.present("query", query);
        Optional<PagePosition> position = PagePosition.of(Checks.present("after", after));
        Pager.requireLimit(limit);
        Optional<EventQuery> rest = position.isEmpty() ? Optional.of(query) : startingAt(query, position.get());
        if (rest.isEmpty()) {
            return new EventPage(List.of(), Optional.empty());
        }
        try (Stream<CustomerEvent> events = query(rest.get())) {
            return Pager.page(events.iterator(), position, limit);
        }
    }

    /**
     * Returns {@code query} without the events before the position's instant, which no later page holds;
     * empty when the query's time range ends before that instant.
     */
    private static Optional<EventQuery> startingAt(EventQuery query, PagePosition position) {
        Instant at = position.instant();
        if (query.to().isPresent() && !query.to().get().isAfter(at)) {
            return Optional.empty();
        }
        Instant from = query.from().filter(start -> start.isAfter(at)).orElse(at);
        return Optional.of(new EventQuery(query.customers(), query.types(), Optional.of(from), query.to(),
                query.touchpoint(), query.attributes()));
    }

    /**
     * Returns how many events are stored.
     *
     * @return the number of events
     */
    long count();

    /**
     * Returns how many stored events match {@code query}; a backend answers without reading the events where
     * it can (the default counts the query's stream).
     *
     * @param query the criteria
     * @return the number of matching events
     * @throws NullPointerException when {@code query} is null
     */
    default long count(EventQuery query) {
        Checks.present("query", query);
        try (Stream<CustomerEvent> events = query(query)) {
            return events.count();
        }
    }

    /**
     * Returns how many feedback responses matching {@code query} gave each score on each scale, split as
     * {@code grouping} says (by a key's group, by calendar day in a zone): the counts every feedback metric
     * (NPS, CSAT, CES) is computed from, without reading the responses where the backend can count them
     * itself (a database store answers with a {@code GROUP BY}). Events of other types are not counted.
     *
     * <p>The default reads the query's feedback responses and counts them; a backend that overrides this
     * returns the same cells.
     *
     * @param query the criteria
     * @param grouping how the counts are split
     * @return one cell per group, day, scale and score that has responses, in {@link ScoreCount#ORDER}
     * @throws IllegalArgumentException naming the response when its instant has no calendar date in the
     *     grouping's zone (an instant near {@link Instant#MIN} or {@link Instant#MAX})
     * @throws NullPointerException when an argument is null
     */
    default List<ScoreCount> feedbackHistogram(EventQuery query, ScoreGrouping grouping) {
        Checks.present("query", query);
        Checks.present("grouping", grouping);
        try (Stream<FeedbackResponse> responses = query(query, FeedbackResponse.class)) {
            return ScanHistogram.count(responses.iterator(), grouping);
        }
    }

    /**
     * Removes every event of {@code customer}, for erasure under data-protection law.
     *
     * @param customer the customer
     * @return how many events were removed
     */
    long erase(CustomerId customer);
}
