package dev.cxm.core.store;

import java.util.List;
import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;

/**
 * One page of a query's events, in the query's order, and where the next page starts.
 *
 * @param events the events of this page, in time order; at most the limit asked for
 * @param next the cursor of the next page; empty when no matching event follows this page
 */
public record EventPage(List<CustomerEvent> events, Optional<PageCursor> next) {

    /**
     * Validates the page.
     *
     * @param events the events of this page, in time order
     * @param next the cursor of the next page; empty when no matching event follows
     * @throws IllegalArgumentException when an empty page has a next cursor
     * @throws NullPointerException when a component or an event is null
     */
    public EventPage {
        events = List.copyOf(Checks.present("events", events));
        Checks.present("next", next);
        if (events.isEmpty() && next.isPresent()) {
            throw new IllegalArgumentException("next: an empty page has no next page; a page with a next cursor"
                    + " holds at least one event");
        }
    }

    /**
     * Returns whether a next page follows.
     *
     * @return whether {@link #next()} is present
     */
    public boolean hasNext() {
        return next.isPresent();
    }
}
