package dev.cxm.journey.track;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;

/**
 * One session of a customer: events that belong together by time or by the host's session attribute.
 *
 * @param customer the customer
 * @param number the session's number among the customer's sessions, from 1, in the order they start
 * @param events the session's events in time order; never empty
 */
public record Session(CustomerId customer, int number, List<CustomerEvent> events) {

    /**
     * Validates the session.
     *
     * @param customer the customer
     * @param number the session's number, from 1
     * @param events the session's events in time order; never empty, all of {@code customer}
     * @throws IllegalArgumentException when the number is below 1 or the events are empty, out of order or of
     *     another customer
     */
    public Session {
        Checks.present("customer", customer);
        Checks.positive("number", number);
        events = List.copyOf(Checks.noNullElements("events", events));
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events: session " + number + " of customer " + customer
                    + " is empty; a session holds at least one event");
        }
        for (int i = 0; i < events.size(); i++) {
            if (!events.get(i).customerId().equals(customer)) {
                throw new IllegalArgumentException("events: event " + events.get(i).eventId() + " is not of customer "
                        + customer);
            }
            if (i > 0 && events.get(i).occurredAt().isBefore(events.get(i - 1).occurredAt())) {
                throw new IllegalArgumentException("events: event " + events.get(i).eventId()
                        + " comes before the one listed ahead of it; a session is in time order");
            }
        }
    }

    /**
     * Returns when the session started: its first event.
     *
     * @return the instant
     */
    public Instant start() {
        return events.get(0).occurredAt();
    }

    /**
     * Returns when the session ended: its last event.
     *
     * @return the instant
     */
    public Instant end() {
        return events.get(events.size() - 1).occurredAt();
    }

    /**
     * Returns the time from the first to the last event.
     *
     * @return the duration; zero for a session of one event
     */
    public Duration duration() {
        return Duration.between(start(), end());
    }
}
