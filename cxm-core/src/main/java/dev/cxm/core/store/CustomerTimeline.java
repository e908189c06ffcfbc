package dev.cxm.core.store;

import java.util.List;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;

/**
 * One customer's events matching a query, in time order (events at the same instant in append order): what
 * {@link EventStore#timelines} streams, one customer at a time.
 *
 * @param customer the customer
 * @param events the customer's matching events in time order; never empty
 */
public record CustomerTimeline(CustomerId customer, List<CustomerEvent> events) {

    /**
     * Validates the timeline.
     *
     * @param customer the customer
     * @param events the customer's matching events in time order; never empty
     * @throws IllegalArgumentException when {@code events} is empty, holds another customer's event or is
     *     out of time order
     * @throws NullPointerException when a component or an event is null
     */
    public CustomerTimeline {
        Checks.present("customer", customer);
        events = List.copyOf(Checks.present("events", events));
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events: the timeline of customer " + customer
                    + " is empty; a timeline holds at least one event");
        }
        for (int i = 0; i < events.size(); i++) {
            CustomerEvent event = events.get(i);
            if (!event.customerId().equals(customer)) {
                throw new IllegalArgumentException("events: event " + event.eventId() + " is of customer "
                        + event.customerId() + ", not " + customer + "; a timeline holds one customer's events");
            }
            if (i > 0 && event.occurredAt().isBefore(events.get(i - 1).occurredAt())) {
                throw new IllegalArgumentException("events: event " + event.eventId() + " comes before the one"
                        + " listed ahead of it; a timeline is in time order");
            }
        }
    }

    /**
     * Returns the time span of the timeline's events.
     *
     * @return the instants of the first and the last event
     */
    public TimeSpan span() {
        return new TimeSpan(events.get(0).occurredAt(), events.get(events.size() - 1).occurredAt());
    }
}
