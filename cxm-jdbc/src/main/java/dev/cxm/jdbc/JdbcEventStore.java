package dev.cxm.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import dev.cxm.core.internal.Checks;
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
import dev.cxm.core.store.ScoreCount;
import dev.cxm.core.store.ScoreGrouping;
import dev.cxm.core.store.TimeSpan;
import dev.cxm.jdbc.internal.CopyEvents;
import dev.cxm.jdbc.internal.EventAppender;
import dev.cxm.jdbc.internal.EventColumns;
import dev.cxm.jdbc.internal.FeedbackCounts;
import dev.cxm.jdbc.internal.H2FileUpkeep;
import dev.cxm.jdbc.internal.H2LoadIndexes;
import dev.cxm.jdbc.internal.HistogramQuery;
import dev.cxm.jdbc.internal.PageToken;
import dev.cxm.jdbc.internal.QueryClauses;
import dev.cxm.jdbc.internal.ResultStreams;
import dev.cxm.jdbc.internal.Sql;
import dev.cxm.jdbc.internal.SqlFailures;
import dev.cxm.jdbc.internal.Storable;
import dev.cxm.jdbc.internal.Tables;
import dev.cxm.jdbc.internal.Transactions;

/**
 * An {@link EventStore} in a database table, from {@link JdbcStores#eventStore()}. It keeps the whole
 * contract of the SPI (the compatibility kit of {@code cxm-test} runs on H2 in memory, H2 in a file and
 * PostgreSQL), and answers in SQL: queries, timelines and pages with one ordered {@code SELECT}, counts with
 * {@code COUNT(*)}, spans with {@code MIN} and {@code MAX}, feedback histograms with a {@code GROUP BY}.
 *
 * <ul>
 *   <li><b>Appends</b> run in one transaction, in batches of {@link JdbcStores#batchSize()}; they are
 *       serialised by a row lock, so that the sequence numbers that order events at one instant follow the
 *       order of commits. A batch goes in as {@code INSERT}s, or a {@code MERGE} when an id is stored already
 *       (H2), or a {@code COPY} (PostgreSQL, in the binary format; when the primary key refuses a stored
 *       id, the append runs again with a lookup of the ids stored already). A failure (a lost connection, say) throws
 *       {@link JdbcStoreException} naming the append's size and its first and last event id, and the same of
 *       the batch it hit, and nothing of the append is stored.</li>
 *   <li><b>Streams</b> each hold a connection of the data source and a read transaction until closed, read
 *       rows in portions of {@link JdbcStores#fetchSize()} (constant memory whatever the table's size), and
 *       see the table as it was when the query started. In PostgreSQL a query of types and time bounds only
 *       reads a binary {@code COPY ... TO STDOUT} instead, one row at a time, the server sending while the
 *       client decodes; closed early, it is cancelled. {@link #openStreams()} counts those not closed.</li>
 *   <li><b>Values</b> the databases cannot hold exactly are refused with {@link IllegalArgumentException} before
 *       anything is written: instants outside the years 1 to 9999, text with a NUL character or an unpaired
 *       surrogate, durations over 2<sup>63</sup> - 1 nanoseconds.</li>
 * </ul>
 *
 * <p>Thread-safe: the store holds no connection of its own between calls.
 */
public final class JdbcEventStore implements EventStore {

    private static final String SELECT = "SELECT " + EventColumns.names("e");

    private final DataSource dataSource;
    private final H2FileUpkeep upkeep;
    private final Tables tables;
    private final QueryClauses clauses;
    private final ResultStreams streams;
    private final EventAppender appender;
    private final HistogramQuery histograms;
    private final Dialect dialect;
    private final H2LoadIndexes loadIndexes;
    /** The bulk load running, if any; the store's own appends are refused meanwhile. */
    private final AtomicReference<EventBulkLoad> loading = new AtomicReference<>();
    private final FeedbackCounts counts;
    /** Whether a finished bulk load left the indexes other than the time index to build when first needed. */
    private volatile boolean indexesDeferred;

    JdbcEventStore(DataSource dataSource, Dialect dialect, Tables tables, int batchSize, int fetchSize,
            H2FileUpkeep upkeep, H2LoadIndexes loadIndexes) {
        this.dataSource = dataSource;
        this.upkeep = upkeep;
        this.tables = tables;
        this.clauses = new QueryClauses(dialect, tables);
        this.streams = new ResultStreams(dataSource, fetchSize);
        this.appender = new EventAppender(dataSource, dialect, tables, batchSize);
        this.histograms = new HistogramQuery(dialect, tables, clauses);
        this.dialect = dialect;
        this.loadIndexes = loadIndexes;
        this.counts = appender.counts();
    }

    /**
     * Returns how many streams of this store are open: each holds a connection until it is closed.
     *
     * @return the number of streams not yet closed
     */
    public long openStreams() {
        return streams.openStreams();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException while a {@link #bulkLoad()} of this store runs
     */
    @Override
    public AppendResult appendAll(Collection<? extends CustomerEvent> events) {
        if (loading.get() != null) {
            throw new IllegalStateException("a bulk load into this store is running; append when it is finished");
        }
        return appender.append(events, this::storedEvents);
    }

    /**
     * Starts a bulk load into this store, which must hold no event: many appends that are all or nothing
     * together, in H2 with the secondary indexes built once at the end (the contract is on {@link EventBulkLoad}).
     * Use it in try-with-resources and call {@link EventBulkLoad#finish()} at the end; closing it unfinished
     * empties the store again.
     *
     * <pre>{@code
     * try (EventBulkLoad load = store.bulkLoad()) {
     *     for (List<CustomerEvent> part : parts) {
     *         load.appendAll(part);
     *     }
     *     load.finish();
     * }
     * }</pre>
     *
     * @return the load, started
     * @throws IllegalStateException when the store holds events, or another bulk load of it runs
     * @throws JdbcStoreException when the database fails
     */
    public EventBulkLoad bulkLoad() {
        return bulkLoadIfEmpty().orElseThrow(() -> new IllegalStateException("the store holds events; a bulk load"
                + " goes into an empty store"));
    }

    /**
     * Starts a bulk load as {@link #bulkLoad()} does when the store holds no event, with one look at the table;
     * else returns empty and changes nothing (the caller appends instead).
     *
     * @return the load, started; empty when the store holds events
     * @throws IllegalStateException when another bulk load of this store runs
     * @throws JdbcStoreException when the database fails
     */
    public Optional<EventBulkLoad> bulkLoadIfEmpty() {
        EventBulkLoad load = new EventBulkLoad(this, dataSource, loadIndexes, dialect == Dialect.H2);
        if (!loading.compareAndSet(null, load)) {
            throw new IllegalStateException("a bulk load into this store is running already");
        }
        boolean empty;
        try {
            empty = isEmpty();
        } catch (RuntimeException e) {
            loading.set(null);
            throw e;
        }
        if (!empty) {
            loading.set(null);
            return Optional.empty();
        }
        try {
            load.start();
        } catch (RuntimeException e) {
            loading.compareAndSet(load, null);
            throw e;
        }
        return Optional.of(load);
    }

    /**
     * Returns whether the store holds no event, reading at most one row (where {@code count() == 0} counts them
     * all).
     *
     * @return whether no event is stored
     * @throws JdbcStoreException when the database fails
     */
    public boolean isEmpty() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + tables.events()
                        + " FETCH FIRST 1 ROW ONLY");
                ResultSet row = statement.executeQuery()) {
            return !row.next();
        } catch (SQLException e) {
            throw SqlFailures.of("looking for a stored event", e);
        }
    }

    /** Appends for the running bulk load (which keeps the feedback counts, as every append does). */
    AppendResult appendAllLoading(Collection<? extends CustomerEvent> events) {
        return appender.append(events, this::storedEvents);
    }

    /** Notes that the load finished has left indexes to build when first needed ({@link #requireIndexes}). */
    void indexesDeferred() {
        indexesDeferred = true;
    }

    /**
     * Builds the indexes a finished bulk load deferred, before a call that reads by customer, touchpoint or
     * attribute; does nothing when none is deferred. Not in a transaction: H2 commits each index it builds.
     */
    void requireIndexes() {
        if (!indexesDeferred) {
            return;
        }
        synchronized (loadIndexes) {
            if (!indexesDeferred) {
                return;
            }
            try (Connection connection = dataSource.getConnection()) {
                loadIndexes.create(connection);
            } catch (SQLException e) {
                throw SqlFailures.of("building the indexes a bulk load left for later", e);
            }
            indexesDeferred = false;
        }
    }

    /** Builds the deferred indexes when {@code query} reads by customer, touchpoint or attribute. */
    private void requireIndexesFor(EventQuery query) {
        if (!query.customers().isEmpty() || query.touchpoint().isPresent() || !query.attributes().isEmpty()) {
            requireIndexes();
        }
    }

    /** Ends the bulk load {@code load}: the store takes appends again. */
    void loadEnded(EventBulkLoad load) {
        loading.compareAndSet(load, null);
    }

    /** Reads the stored events among {@code ids} on {@code connection}. */
    private Map<EventId, CustomerEvent> storedEvents(Connection connection, List<EventId> ids) throws SQLException {
        Map<EventId, CustomerEvent> stored = new HashMap<>();
        EventColumns columns = new EventColumns();
        for (int from = 0; from < ids.size(); from += 500) {
            Sql sql = new Sql().append(SELECT + " FROM " + tables.events() + " e WHERE e.event_id IN (");
            List<EventId> part = ids.subList(from, Math.min(ids.size(), from + 500));
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ", ").parameter(part.get(i).value());
            }
            sql.append(")");
            try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    CustomerEvent event = columns.read(rows, 1);
                    stored.put(event.eventId(), event);
                }
            }
        }
        return stored;
    }

    @Override
    public Optional<CustomerEvent> get(EventId id) {
        Checks.present("id", id);
        if (!Storable.holds(id.value())) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            return Optional.ofNullable(storedEvents(connection, List.of(id)).get(id));
        } catch (SQLException e) {
            throw SqlFailures.of("reading event " + id, e);
        }
    }

    @Override
    public Map<EventId, CustomerEvent> getAll(Collection<EventId> ids) {
        Checks.present("ids", ids);
        List<EventId> storable = new ArrayList<>(ids.size());
        for (EventId id : new LinkedHashSet<>(ids)) {
            if (Storable.holds(Checks.present("ids[]", id).value())) {
                storable.add(id);
            }
        }
        if (storable.isEmpty()) {
            return new HashMap<>();
        }
        try (Connection connection = dataSource.getConnection()) {
            return storedEvents(connection, storable);
        } catch (SQLException e) {
            throw SqlFailures.of("reading " + storable.size() + " events by id", e);
        }
    }

    @Override
    public Stream<CustomerEvent> query(EventQuery query) {
        Checks.present("query", query);
        requireIndexesFor(query);
        return events(query, "e.occurred_at, e.seq", "reading events");
    }

    /**
     * Streams the events {@code query} selects in the order of {@code orderBy}; the caller has built the indexes
     * the query needs.
     */
    private Stream<CustomerEvent> events(EventQuery query, String orderBy, String doing) {
        Optional<String> literal = copyConditions(query);
        if (literal.isPresent()) {
            return streams.copy(copy(CopyEvents.columns(), literal.get(), orderBy), doing, CopyEvents.all(),
                    CustomerEvent.class);
        }
        Sql sql = new Sql().append(SELECT + " FROM " + tables.events() + " e").append(clauses.where(query))
                .append(" ORDER BY " + orderBy);
        EventColumns columns = new EventColumns();
        return streams.stream(sql, doing, rows -> columns.read(rows, 1));
    }

    /**
     * Returns the conditions of {@code query} as literals when its stream is read as a binary {@code COPY}: in
     * PostgreSQL, for a query of types and time bounds only (a {@code COPY} takes no parameters).
     */
    private Optional<String> copyConditions(EventQuery query) {
        return dialect == Dialect.POSTGRESQL ? clauses.literalConditions(query) : Optional.empty();
    }

    /** Returns the binary {@code COPY} of {@code columns} of the events that meet {@code conditions}, in order. */
    private String copy(String columns, String conditions, String orderBy) {
        return "COPY (SELECT " + columns + " FROM " + tables.events() + " e"
                + (conditions.isEmpty() ? "" : " WHERE " + conditions) + " ORDER BY " + orderBy
                + ") TO STDOUT (FORMAT binary)";
    }

    @Override
    public <E extends CustomerEvent> Stream<E> query(EventQuery query, Class<E> type) {
        Checks.present("query", query);
        Checks.present("type", type);
        requireIndexesFor(query);
        Optional<EventType> only = java.util.Arrays.stream(EventType.values())
                .filter(t -> t.eventClass().equals(type)).findFirst();
        if (only.isEmpty()) {
            return EventStore.super.query(query, type);
        }
        if (!query.types().isEmpty() && !query.types().contains(only.get())) {
            return Stream.empty();
        }
        EventQuery typed = new EventQuery(query.customers(), java.util.EnumSet.of(only.get()), query.from(), query.to(),
                query.touchpoint(), query.attributes());
        // Only the columns of the type: the others are NULL in its rows, and each column costs the server and
        // the driver time per row.
        Optional<String> literal = copyConditions(typed);
        if (literal.isPresent()) {
            return streams.copy(copy(CopyEvents.columns(only.get()), literal.get(), "e.occurred_at, e.seq"),
                    "reading events", CopyEvents.typed(only.get()), type);
        }
        Sql sql = new Sql().append("SELECT " + EventColumns.names("e", only.get()) + " FROM " + tables.events() + " e")
                .append(clauses.where(typed)).append(" ORDER BY e.occurred_at, e.seq");
        EventColumns columns = new EventColumns();
        EventType eventType = only.get();
        return streams.stream(sql, "reading events", rows -> type.cast(columns.readTyped(rows, eventType)));
    }

    @Override
    public Stream<CustomerTimeline> timelines(EventQuery query) {
        Checks.present("query", query);
        // Every deferred index, whatever the query: the order by customer reads the customer index.
        requireIndexes();
        Stream<CustomerEvent> events = events(query, "e.customer_id, e.occurred_at, e.seq", "reading timelines");
        Iterator<CustomerEvent> ordered = events.iterator();
        Iterator<CustomerTimeline> timelines = new Iterator<>() {
            private CustomerEvent pending;

            @Override
            public boolean hasNext() {
                return pending != null || ordered.hasNext();
            }

            @Override
            public CustomerTimeline next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CustomerEvent first = pending != null ? pending : ordered.next();
                pending = null;
                List<CustomerEvent> timeline = new ArrayList<>();
                timeline.add(first);
                while (ordered.hasNext()) {
                    CustomerEvent event = ordered.next();
                    if (!event.customerId().equals(first.customerId())) {
                        pending = event;
                        break;
                    }
                    timeline.add(event);
                }
                return new CustomerTimeline(first.customerId(), timeline);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(timelines,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(events::close);
    }

    @Override
    public Optional<TimeSpan> span(EventQuery query) {
        Checks.present("query", query);
        requireIndexesFor(query);
        Sql sql = new Sql().append("SELECT MIN(e.occurred_at), MAX(e.occurred_at) FROM " + tables.events() + " e")
                .append(clauses.where(query));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = sql.prepare(connection);
                ResultSet row = statement.executeQuery()) {
            row.next();
            if (row.getObject(1) == null) {
                return Optional.empty();
            }
            return Optional.of(new TimeSpan(EventColumns.instant(row, 1), EventColumns.instant(row, 2)));
        } catch (SQLException e) {
            throw SqlFailures.of("reading the span of events", e);
        }
    }

    @Override
    public EventPage page(EventQuery query, PageCursor after, int limit) {
        Checks.present("query", query);
        requireIndexesFor(query);
        Optional<PageToken> position = PageToken.of(Checks.present("after", after));
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " is below 1; a page holds at least one event");
        }
        Sql sql = new Sql().append(SELECT + " FROM " + tables.events() + " e");
        Sql conditions = clauses.conditions(query);
        String glue = " WHERE ";
        if (!conditions.text().isEmpty()) {
            sql.append(glue).append(conditions);
            glue = " AND ";
        }
        if (position.isPresent()) {
            sql.append(glue + "(e.occurred_at > ").parameter(position.get().instant())
                    .append(" OR e.occurred_at = ").parameter(position.get().instant())
                    .append(" AND e.seq > ").parameter(position.get().seq()).append(")");
        }
        sql.append(" ORDER BY e.occurred_at, e.seq LIMIT ").parameter(limit + 1L);
        List<CustomerEvent> events = new ArrayList<>();
        long lastSeq = 0;
        EventColumns columns = new EventColumns();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = sql.prepare(connection);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (events.size() == limit) {
                    CustomerEvent last = events.get(events.size() - 1);
                    return new EventPage(events, Optional.of(new PageToken(last.occurredAt(), lastSeq).cursor()));
                }
                lastSeq = rows.getLong(1);
                events.add(columns.read(rows, 1));
            }
        } catch (SQLException e) {
            throw SqlFailures.of("reading a page of events", e);
        }
        return new EventPage(events, Optional.empty());
    }

    @Override
    public long count() {
        return count(EventQuery.all());
    }

    @Override
    public long count(EventQuery query) {
        Checks.present("query", query);
        requireIndexesFor(query);
        Sql sql = new Sql().append("SELECT COUNT(*) FROM " + tables.events() + " e").append(clauses.where(query));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = sql.prepare(connection);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw SqlFailures.of("counting events", e);
        }
    }

    /**
     * Counts in the database when the grouping's key is one of the built-in keys of {@code GroupKeys} (or
     * none); with a key of the host's own it reads the responses, as the default does. A query without
     * customers or attributes, by a key other than an attribute, reads the feedback counts that appends keep
     * per 15-minute bucket (see the README), and groups only the responses of the partial buckets at its time
     * range's ends; any other query is one {@code GROUP BY} over the responses. Days are cut with Java's rules
     * of the zone, not the database's.
     */
    @Override
    public List<ScoreCount> feedbackHistogram(EventQuery query, ScoreGrouping grouping) {
        return feedbackHistogram(query, grouping, true);
    }

    /**
     * The histogram as {@link #feedbackHistogram(EventQuery, ScoreGrouping)} computes it, or, when not
     * {@code fromCounts}, always by grouping the events (the tests compare the two).
     */
    List<ScoreCount> feedbackHistogram(EventQuery query, ScoreGrouping grouping, boolean fromCounts) {
        Checks.present("query", query);
        Checks.present("grouping", grouping);
        requireIndexesFor(query);
        if (!HistogramQuery.canPushDown(grouping)) {
            return EventStore.super.feedbackHistogram(query, grouping);
        }
        Optional<List<ScoreCount>> cells;
        try (Connection connection = dataSource.getConnection()) {
            // The table's first and last instants and the counts in one snapshot, so that the zone's offsets
            // cover every row counted.
            cells = Transactions.snapshot(connection, c -> {
                Optional<Instant> first = Optional.empty();
                Optional<Instant> last = Optional.empty();
                if (grouping.dayZone().isPresent()) {
                    try (PreparedStatement statement = c.prepareStatement("SELECT MIN(occurred_at),"
                            + " MAX(occurred_at) FROM " + tables.events());
                            ResultSet row = statement.executeQuery()) {
                        row.next();
                        if (row.getObject(1) != null) {
                            first = Optional.of(EventColumns.instant(row, 1));
                            last = Optional.of(EventColumns.instant(row, 2));
                        }
                    }
                }
                return fromCounts ? histograms.count(c, query, grouping, first, last)
                        : histograms.scan(c, query, grouping, first, last);
            });
        } catch (SQLException e) {
            throw SqlFailures.of("counting feedback", e);
        }
        if (cells.isEmpty()) {
            return EventStore.super.feedbackHistogram(query, grouping);
        }
        List<ScoreCount> sorted = new ArrayList<>(cells.get());
        sorted.sort(ScoreCount.ORDER);
        return sorted;
    }

    @Override
    public long erase(CustomerId customer) {
        Checks.present("customer", customer);
        if (!Storable.holds(customer.value())) {
            return 0;
        }
        requireIndexes();
        try (Connection connection = dataSource.getConnection()) {
            return Transactions.write(connection, c -> erase(c, customer));
        } catch (SQLException e) {
            throw SqlFailures.of("erasing the events of customer " + customer, e);
        }
    }

    /**
     * Deletes the customer's events (in H2 their attribute rows go with them) and subtracts their responses
     * from the feedback counts, in the transaction of {@code connection}; call {@link #requireIndexes} before
     * the transaction starts.
     */
    long erase(Connection connection, CustomerId customer) throws SQLException {
        counts.erasing(connection, customer.value());
        long deleted = Sql.deleteCustomerRows(connection, tables.events(), customer.value());
        if (deleted > 0) {
            upkeep.erased();
        }
        return deleted;
    }

    /** Returns the store's tables and streams, for {@link JdbcStores#erase}. */
    Tables tables() {
        return tables;
    }
}
