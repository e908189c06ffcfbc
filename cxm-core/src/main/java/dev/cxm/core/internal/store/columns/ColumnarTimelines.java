package dev.cxm.core.internal.store.columns;

import java.util.Optional;

import dev.cxm.core.store.EventQuery;

/**
 * A store that can hand out its customers' timelines as {@link TimelineColumns}: the fast path of the journey
 * calculators, which fall back to {@code EventStore.timelines} for any other store or when this answers empty.
 */
public interface ColumnarTimelines {

    /**
     * Returns the timelines of the events matching {@code query} as columns, a snapshot of the store at the
     * call; empty when the store cannot answer the query this way (a query that names customers, a touchpoint
     * or attributes; an instant beyond what a {@code long} of microseconds holds), and the caller should read
     * {@code timelines(query)} instead.
     *
     * @param query the events to read
     * @return the columns, or empty
     */
    Optional<TimelineColumns> timelineColumns(EventQuery query);
}
