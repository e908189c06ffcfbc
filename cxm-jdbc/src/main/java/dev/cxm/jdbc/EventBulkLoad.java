package dev.cxm.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

import javax.sql.DataSource;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.AppendResult;
import dev.cxm.jdbc.internal.H2LoadIndexes;
import dev.cxm.jdbc.internal.SqlFailures;

/**
 * A load of many events into an empty {@link JdbcEventStore}, from {@link JdbcEventStore#bulkLoad()}: all or
 * nothing over the whole load, not per append. In H2 the events table's secondary indexes (time, customer,
 * touchpoint, attribute entries) are dropped while the rows go in; {@link #finish()} builds the time index, and
 * the others are built when first needed (see {@link #finish()}): H2 sorts each of them once instead of
 * updating it row by row, and so writes far fewer changed pages, but reads the whole table once per index it
 * builds. In PostgreSQL the rows go in as appends do, under the same contract.
 *
 * <p>The contract:
 * <ul>
 *   <li>The store holds no event when the load starts, and no other writer appends to it until the load is
 *       finished or closed: the store's own {@code appendAll} refuses with {@link IllegalStateException}
 *       meanwhile (a writer of another process or store instance is not stopped, and must not write).</li>
 *   <li>{@link #appendAll} behaves as the store's: each call is one transaction, idempotent on the event id
 *       (an event offered again, in the same call or a later one, counts as a duplicate), and an id that
 *       already names a different event is refused with {@link IllegalArgumentException}.</li>
 *   <li>On any failure ({@code appendAll} throwing, {@code finish} failing, or {@link #close()} before
 *       {@code finish}) the store is emptied again and its indexes built: it holds no event of the load. After a
 *       failure, the load refuses further calls with {@link IllegalStateException}.</li>
 *   <li>Readers may read during the load; they see the events appended so far, without the indexes (slowly).
 *       Once {@code finish} returns, the store holds what the same appends would have stored, row for row; in H2
 *       its indexes are all there once a call first needed them or the stores opened again.</li>
 *   <li>H2 commits each index statement by itself, so a process that dies during a load leaves the store
 *       without its time index; when the stores next open ({@link JdbcStores}), they take that as an
 *       interrupted load, empty the events tables again and build the indexes. (So an H2 events table whose
 *       time index a host dropped by hand is emptied when the stores open.) A process that dies after
 *       {@code finish}, before the other indexes were needed, leaves them to be built when the stores next
 *       open.</li>
 * </ul>
 *
 * <p>Thread-safe: the calls of one load run one after another.
 */
public final class EventBulkLoad implements AutoCloseable {

    private enum State { OPEN, FINISHED, FAILED }

    private final JdbcEventStore store;
    private final DataSource dataSource;
    private final H2LoadIndexes indexes;
    private final boolean h2;
    private State state = State.OPEN;
    private int appended;
    private int duplicates;

    EventBulkLoad(JdbcEventStore store, DataSource dataSource, H2LoadIndexes indexes, boolean h2) {
        this.store = store;
        this.dataSource = dataSource;
        this.indexes = indexes;
        this.h2 = h2;
    }

    /**
     * Drops the indexes (H2); called by the store once it has checked that it is empty. When that fails, the load
     * is undone as any failed load is (the indexes dropped are built again) and ended.
     *
     * @throws JdbcStoreException when the database fails
     */
    void start() {
        if (!h2) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            indexes.drop(connection);
        } catch (SQLException e) {
            // Dropping the indexes commits each one: build those dropped again, so that the store is as it was.
            JdbcStoreException failure = SqlFailures.of("starting a bulk load", e);
            undo(failure);
            throw failure;
        }
    }

    /**
     * Appends {@code events} in one transaction, as {@link JdbcEventStore#appendAll} does.
     *
     * @param events the events, in append order
     * @return how many were stored and how many were duplicates (of this call or of the load before)
     * @throws IllegalArgumentException when an id already names a different event; the load is then undone
     * @throws IllegalStateException when the load is finished, or failed before
     * @throws JdbcStoreException when the database fails; the load is then undone
     */
    public synchronized AppendResult appendAll(Collection<? extends CustomerEvent> events) {
        requireOpen();
        try {
            AppendResult result = store.appendAllLoading(events);
            appended = Math.addExact(appended, result.appended());
            duplicates = Math.addExact(duplicates, result.duplicates());
            return result;
        } catch (RuntimeException e) {
            undo(e);
            throw e;
        }
    }

    /**
     * Ends the load: from now on the store takes appends again. In H2 it builds the time index, which scans in
     * time order read; the store builds the other secondary indexes (customer, touchpoint, attribute entries)
     * when a call first needs them (a query by customer, touchpoint or attribute, a timeline, an erasure), or
     * the stores build them when they next open. A load that only feeds scans (as {@code cxm demo}'s) so reads
     * the table once to build one index instead of four times.
     *
     * @return the events the load stored and the duplicates it skipped, over all its appends
     * @throws IllegalStateException when the load is finished, or failed before
     * @throws JdbcStoreException when building the indexes fails; the load is then undone
     */
    public synchronized AppendResult finish() {
        requireOpen();
        try {
            if (h2) {
                try (Connection connection = dataSource.getConnection()) {
                    indexes.createTime(connection);
                }
                store.indexesDeferred();
            }
        } catch (SQLException e) {
            JdbcStoreException failure = SqlFailures.of("building the indexes after a bulk"
                    + " load of " + appended + " events", e);
            undo(failure);
            throw failure;
        }
        state = State.FINISHED;
        store.loadEnded(this);
        return new AppendResult(appended, duplicates);
    }

    /**
     * Undoes the load unless it was finished: empties the store and builds its indexes. Closing a finished or
     * failed load does nothing.
     *
     * @throws JdbcStoreException when the store cannot be emptied; it is then emptied when the stores next open
     */
    @Override
    public synchronized void close() {
        if (state == State.OPEN) {
            JdbcStoreException failure = new JdbcStoreException("the bulk load was closed before it finished");
            undo(failure);
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the bulk load is " + (state == State.FINISHED ? "finished" : "undone after"
                    + " a failure") + "; start a new one");
        }
    }

    /** Empties the store and builds its indexes; a failure to do so is added to {@code cause} as suppressed. */
    private void undo(Exception cause) {
        state = State.FAILED;
        try (Connection connection = dataSource.getConnection()) {
            // Every event, every feedback count, and H2's attribute rows.
            indexes.emptyEvents(connection, h2);
            if (h2) {
                indexes.create(connection);
            }
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(SqlFailures.of("emptying the store after a failed bulk load",
                    e instanceof SQLException sql ? sql : new SQLException(e)));
        } finally {
            store.loadEnded(this);
        }
    }
}
