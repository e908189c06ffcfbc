package dev.cxm.core.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;

/**
 * Keeps customer events and reads them back in time order.
 *
 * <p>The contract every implementation keeps (and the compatibility kit checks):
 * <ul>
 *   <li>Appends are idempotent on the event id: appending an event equal to one already stored is a
 *       no-op, counted as a duplicate.</li>
 *   <li>An event whose id is already stored with <em>different</em> content is a conflict: the call throws
 *       {@link IllegalArgumentException} naming the id, and stores nothing.</li>
 *   <li>{@link #appendAll} is atomic: it stores every new event or, when it throws, none.</li>
 *   <li>Reads return events ordered by {@link CustomerEvent#occurredAt()}, events at the same instant in
 *       the order they were appended.</li>
 *   <li>Streams hold resources in some backends: close them (try-with-resources).</li>
 * </ul>
 */
public interface EventStore {

    /** Appends one event; see {@link #appendAll} for the rules. */
    default AppendResult append(CustomerEvent event) {
        return appendAll(List.of(event));
    }

    /**
     * Appends events atomically, skipping those already stored.
     *
     * @throws IllegalArgumentException when an event's id is stored (or repeated in {@code events}) with
     *     different content; nothing is stored then
     */
    AppendResult appendAll(Collection<? extends CustomerEvent> events);

    /** Returns the event with the given id, if stored. */
    Optional<CustomerEvent> get(EventId id);

    /** Returns the events matching {@code query}, in time order. Close the stream when done. */
    Stream<CustomerEvent> query(EventQuery query);

    /** Returns the events of one type matching {@code query}, in time order. Close the stream when done. */
    default <E extends CustomerEvent> Stream<E> query(EventQuery query, Class<E> type) {
        Checks.present("query", query);
        Checks.present("type", type);
        return query(query).filter(type::isInstance).map(type::cast);
    }

    /** Returns every event of one customer, in time order. */
    default List<CustomerEvent> eventsOf(CustomerId customer) {
        try (Stream<CustomerEvent> events = query(EventQuery.forCustomer(customer))) {
            return events.toList();
        }
    }

    /** Returns every stored event in time order. Close the stream when done. */
    default Stream<CustomerEvent> scan() {
        return query(EventQuery.all());
    }

    /** Returns how many events are stored. */
    long count();

    /** Returns how many stored events match {@code query}. */
    default long count(EventQuery query) {
        try (Stream<CustomerEvent> events = query(query)) {
            return events.count();
        }
    }

    /**
     * Removes every event of {@code customer}, for erasure under data-protection law.
     *
     * @return how many events were removed
     */
    long erase(CustomerId customer);
}
