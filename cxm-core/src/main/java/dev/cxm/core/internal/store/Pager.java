package dev.cxm.core.internal.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import com.google.common.collect.Iterators;
import com.google.common.collect.PeekingIterator;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.EventPage;

/**
 * Cuts one page out of a query's matching events in time order (ties in append order), resuming after a
 * {@link PagePosition}: the paging every built-in store shares.
 */
public final class Pager {

    private Pager() {}

    /**
     * Checks that a page's {@code limit} is 1 or more.
     *
     * @throws IllegalArgumentException naming the limit otherwise
     */
    public static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " is below 1; a page holds at least one event");
        }
    }

    /**
     * Returns the page of at most {@code limit} events after {@code after}.
     *
     * @param matching the query's matching events in time order, starting anywhere at or before the first
     *     event at the position's instant (earlier events are passed over)
     * @param after the position to resume after; empty for the first page
     * @param limit the most events to return; 1 or more
     */
    public static EventPage page(Iterator<CustomerEvent> matching, Optional<PagePosition> after, int limit) {
        PeekingIterator<CustomerEvent> events = Iterators.peekingIterator(matching);
        // The matching events at the position's instant that precede the page: the start of the count of
        // events at an instant, should the page end at that instant too.
        List<CustomerEvent> passedAtInstant = List.of();
        Iterator<CustomerEvent> source = events;
        if (after.isPresent()) {
            PagePosition position = after.get();
            while (events.hasNext() && events.peek().occurredAt().isBefore(position.instant())) {
                events.next();
            }
            List<CustomerEvent> ties = new ArrayList<>();
            while (events.hasNext() && events.peek().occurredAt().equals(position.instant())) {
                ties.add(events.next());
            }
            int resumeAt = resumeIndex(ties, position);
            passedAtInstant = ties.subList(0, resumeAt);
            source = Iterators.concat(ties.subList(resumeAt, ties.size()).iterator(), events);
        }
        List<CustomerEvent> page = new ArrayList<>(Math.min(limit, 1024));
        while (page.size() < limit && source.hasNext()) {
            page.add(source.next());
        }
        if (page.isEmpty() || !source.hasNext()) {
            return new EventPage(page, Optional.empty());
        }
        return new EventPage(page, Optional.of(positionAfter(page, passedAtInstant).cursor()));
    }

    /** Returns where in {@code ties} (the events at the position's instant, in order) the next page starts. */
    private static int resumeIndex(List<CustomerEvent> ties, PagePosition position) {
        for (int i = 0; i < ties.size(); i++) {
            if (ties.get(i).eventId().equals(position.lastEvent())) {
                return i + 1;
            }
        }
        // The last event is gone, so its customer was erased with every one of their events: of the events
        // returned at this instant, those of the other customers remain, and they come first.
        return Math.min(ties.size(), position.returnedAtInstant() - position.returnedOfItsCustomer());
    }

    /** Returns the position after the last event of {@code page}. */
    private static PagePosition positionAfter(List<CustomerEvent> page, List<CustomerEvent> passedAtInstant) {
        CustomerEvent last = page.get(page.size() - 1);
        int atInstant = 0;
        int ofItsCustomer = 0;
        for (int i = page.size() - 1; i >= 0 && page.get(i).occurredAt().equals(last.occurredAt()); i--) {
            atInstant++;
            if (page.get(i).customerId().equals(last.customerId())) {
                ofItsCustomer++;
            }
        }
        if (atInstant == page.size()) {
            // Every event of the page is at the last one's instant: count those passed before it too (they
            // are at that instant whenever the page resumed at it, and there are none otherwise).
            for (CustomerEvent passed : passedAtInstant) {
                if (passed.occurredAt().equals(last.occurredAt())) {
                    atInstant++;
                    if (passed.customerId().equals(last.customerId())) {
                        ofItsCustomer++;
                    }
                }
            }
        }
        return new PagePosition(last.occurredAt(), atInstant, ofItsCustomer, last.eventId());
    }
}
