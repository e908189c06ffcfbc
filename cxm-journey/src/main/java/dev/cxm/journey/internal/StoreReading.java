package dev.cxm.journey.internal;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.store.columns.ColumnarTimelines;
import dev.cxm.core.internal.store.columns.TimelineColumns;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;

/** What every calculator's {@code compute(store, query)} does: read the store customer by customer into an accumulator. */
public final class StoreReading {

    private StoreReading() {}

    /**
     * Adds the timeline of every customer with events matching the query to the accumulator, one at a time (so
     * that memory holds one timeline and the counts), and returns its result.
     *
     * @param store the store
     * @param query the events to read
     * @param accumulator a new accumulator
     * @param <S> the accumulator's state
     * @param <R> its result
     * @param <A> its type
     * @return the result
     */
    public static <S extends AccumulatorState, R, A extends Accumulator<CustomerTimeline, S, R, A>> R count(
            EventStore store, EventQuery query, A accumulator) {
        Checks.present("store", store);
        Checks.present("query", query);
        try (Stream<CustomerTimeline> timelines = store.timelines(query)) {
            timelines.forEach(accumulator::add);
        }
        return accumulator.result();
    }

    /**
     * As {@link #count(EventStore, EventQuery, Accumulator)}, but through the store's primitive columns when the
     * accumulator can count them ({@code countsColumns}) and the store offers them for the query.
     *
     * @param store the store
     * @param query the events to read
     * @param accumulator a new accumulator
     * @param countsColumns whether this accumulator's configuration can be counted from columns
     * @param addColumns how the accumulator adds the columns
     * @param <S> the accumulator's state
     * @param <R> its result
     * @param <A> its type
     * @return the result
     */
    public static <S extends AccumulatorState, R, A extends Accumulator<CustomerTimeline, S, R, A>> R count(
            EventStore store, EventQuery query, A accumulator, boolean countsColumns,
            Consumer<TimelineColumns> addColumns) {
        if (countsColumns) {
            Optional<TimelineColumns> columns = columns(store, query);
            if (columns.isPresent()) {
                addColumns.accept(columns.get());
                return accumulator.result();
            }
        }
        return count(store, query, accumulator);
    }

    /**
     * Returns the store's timelines of the events matching the query as primitive columns, when the store
     * offers them (the in-memory store does) for this query; empty otherwise, and the caller reads
     * {@link EventStore#timelines} instead.
     *
     * @param store the store
     * @param query the events to read
     * @return the columns, or empty
     */
    public static Optional<TimelineColumns> columns(EventStore store, EventQuery query) {
        Checks.present("store", store);
        Checks.present("query", query);
        return store instanceof ColumnarTimelines columnar ? columnar.timelineColumns(query) : Optional.empty();
    }
}
