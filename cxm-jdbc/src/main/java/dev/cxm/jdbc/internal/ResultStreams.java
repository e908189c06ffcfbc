package dev.cxm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyOut;

/**
 * Streams the rows of one query in constant memory: the query runs on a connection of its own, in a
 * read-only, repeatable-read transaction (a snapshot, which PostgreSQL also needs to fetch a cursor in portions of the fetch size), and the
 * rows are read as the stream is consumed. Closing the stream closes the result set and the statement, ends
 * the transaction and gives the connection back as it was borrowed, or aborts it when that fails
 * ({@link #release}); the store counts its open streams, so that one left open
 * shows ({@link #openStreams()}). A PostgreSQL {@code COPY} of events ({@link #copy}) streams the same way,
 * in the same kind of transaction, without a cursor.
 */
public final class ResultStreams {

    private final DataSource dataSource;
    private final int fetchSize;
    private final AtomicLong open = new AtomicLong();

    /** Creates the streams of one store. */
    public ResultStreams(DataSource dataSource, int fetchSize) {
        this.dataSource = dataSource;
        this.fetchSize = fetchSize;
    }

    /** Returns how many streams are open now. */
    public long openStreams() {
        return open.get();
    }

    /**
     * Runs {@code sql} and returns its rows, read by {@code reader}, as a stream that must be closed.
     *
     * @param doing what the query does, for messages ("reading events")
     */
    public <T> Stream<T> stream(Sql sql, String doing, RowReader<? extends T> reader) {
        Snapshot snapshot = snapshot(doing);
        Connection connection = snapshot.connection();
        PreparedStatement statement = null;
        ResultSet rows;
        try {
            statement = sql.prepare(connection);
            statement.setFetchSize(fetchSize);
            binaryRows(statement);
            rows = statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            throw failure(doing, e, release(null, statement, snapshot));
        }
        open.incrementAndGet();
        PreparedStatement running = statement;
        Cursor<T> cursor = new Cursor<>(doing, action -> {
            if (!rows.next()) {
                return false;
            }
            action.accept(reader.read(rows));
            return true;
        }, () -> release(rows, running, snapshot));
        return StreamSupport.stream(cursor, false).onClose(cursor::close);
    }

    /**
     * Runs {@code copy}, a PostgreSQL {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)} of the events columns
     * {@code events} reads, and returns its events as a stream that must be closed. The server sends the rows
     * without waiting to be asked for each portion, so it produces while the stream's reader decodes (the
     * socket's buffers are the hand-off between the two); the driver hands over one row at a time, so memory
     * stays constant. Closing the stream before its end cancels the {@code COPY} and gives the connection back.
     *
     * @param doing what the query does, for messages ("reading events")
     */
    public <T> Stream<T> copy(String copy, String doing, CopyEvents events, Class<T> type) {
        Snapshot snapshot = snapshot(doing);
        Connection connection = snapshot.connection();
        CopyOut out = null;
        BinaryCopyReader rows;
        try {
            out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy);
            rows = new BinaryCopyReader(out::readFromCopy, events.fields());
        } catch (SQLException | RuntimeException e) {
            cancelQuietly(connection, out);
            throw failure(doing, e, release(null, null, snapshot));
        }
        open.incrementAndGet();
        CopyOut copying = out;
        Cursor<T> cursor = new Cursor<>(doing, action -> {
            if (!rows.next()) {
                return false;
            }
            action.accept(type.cast(events.read(rows)));
            return true;
        }, () -> {
            cancelQuietly(connection, copying);
            return release(null, null, snapshot);
        });
        return StreamSupport.stream(cursor, false).onClose(cursor::close);
    }

    /**
     * How much of a cancelled {@code COPY}'s data a close reads before it gives up on the cancel: above what the
     * sockets between server and client hold (a few megabytes), far below a table.
     */
    public static final long DRAIN_LIMIT_BYTES = 8 << 20;

    /**
     * Ends a {@code COPY} that is still sending: asks the server to cancel it, then reads what it sent before it
     * stopped, up to its end, so that the connection is ready for the rollback; past {@link #DRAIN_LIMIT_BYTES}
     * the cancel did not arrive, and the connection is aborted instead. (The driver's own
     * {@code cancelCopy} of a {@code COPY ... TO} leaves the rest of the data unread on the connection.) Should
     * the {@code COPY} end by itself before the cancel arrives, the server ignores the cancel: it comes while
     * the session waits for its next statement.
     */
    private static void cancelQuietly(@Nullable Connection connection, @Nullable CopyOut out) {
        if (connection == null || out == null || !out.isActive()) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).cancelQuery();
            long drained = 0;
            byte[] row;
            while (out.isActive() && (row = out.readFromCopy()) != null) {
                // What the server sent before it saw the cancel: what the sockets held, when the cancel arrives.
                drained += row.length;
                if (drained > DRAIN_LIMIT_BYTES) {
                    // The driver swallows a cancel that cannot reach the server (a proxy or pooler that drops
                    // cancel requests, a partition): rather than read the rest of the table, end the connection,
                    // which the pool then replaces.
                    connection.abort(Runnable::run);
                    return;
                }
            }
        } catch (SQLException ignored) {
            // The cancel's error ends the COPY (or the connection is lost): the rollback deals with the rest.
        }
    }

    /**
     * A pooled connection in a read-only, repeatable-read transaction, and the isolation, auto-commit and read-only
     * flag it had when it was borrowed, which it is to be given back with.
     */
    private record Snapshot(Connection connection, int isolation, boolean autoCommit, boolean readOnly) {}

    /**
     * Borrows a connection and starts the read-only, repeatable-read transaction a stream reads in: a snapshot
     * (H2 reads a lazy result as it goes, and would otherwise see later commits) in which PostgreSQL refuses a
     * write (its driver begins the transaction {@code READ ONLY}; H2 ignores the flag).
     */
    private Snapshot snapshot(String doing) {
        Connection connection = null;
        Snapshot snapshot = null;
        try {
            connection = dataSource.getConnection();
            snapshot = new Snapshot(connection, connection.getTransactionIsolation(), connection.getAutoCommit(),
                    connection.isReadOnly());
            // Before the transaction begins: PostgreSQL's driver refuses the change inside one.
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return snapshot;
        } catch (SQLException | RuntimeException e) {
            // Before its settings were read, nothing of the connection was changed: it only goes back.
            throw failure(doing, e, snapshot != null ? release(null, null, snapshot) : Failures.closing(connection));
        }
    }

    /**
     * Returns what to throw for a failure while opening a stream: the store's exception for a database's, with
     * the failure to give back what the stream held, if any, suppressed in it.
     */
    private static RuntimeException failure(String doing, Exception e, @Nullable Exception release) {
        RuntimeException failure = e instanceof SQLException sql ? SqlFailures.of(doing, sql) : (RuntimeException) e;
        if (release != null) {
            failure.addSuppressed(release);
        }
        return failure;
    }

    /**
     * Asks PostgreSQL's driver for the rows in the binary format from the first execution: the server then
     * sends timestamps and numbers as they are stored instead of formatting them as text, and the driver
     * reads them without parsing. Without it the driver asks for binary rows only once it has run the same
     * statement text five times on the connection ({@code prepareThreshold}), so a stream's first scans on
     * each pooled connection travel as text.
     */
    private static void binaryRows(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            // A negative threshold means: prepare on the server now and read its rows in binary.
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }

    /**
     * Gives back what a stream held, each step taken whatever the steps before it threw: closes the rows and the
     * statement, ends the transaction and restores the connection's auto-commit, read-only flag and isolation to
     * what they were when it was borrowed, then closes the connection, which gives it back to its pool. A
     * connection whose transaction could not be rolled back, or whose settings could not be restored, is aborted
     * ({@link Connection#abort}) before it is closed, so that no pool lends it again in the stream's transaction
     * or settings: PostgreSQL's driver then ends the physical connection, which the pool replaces at its next
     * loan ({@link ValidatedConnectionSource} in the stores' own pools). H2's embedded connections ignore an
     * abort; the restore was tried all the same, and H2's pool rolls back and turns auto-commit on as a
     * connection comes back.
     *
     * @return the first failure, with the later ones suppressed in it; null when every step succeeded
     */
    private static @Nullable Exception release(@Nullable ResultSet rows, @Nullable PreparedStatement statement,
            Snapshot snapshot) {
        Connection connection = snapshot.connection();
        Failures failures = new Failures();
        failures.close(rows);
        failures.close(statement);
        // Asked of a connection that was aborted too (a COPY whose cancel did not arrive): each step fails, and
        // the abort and close below end what is left of it.
        boolean restored = failures.attempt(() -> {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        });
        restored &= failures.attempt(() -> connection.setAutoCommit(snapshot.autoCommit()));
        restored &= failures.attempt(() -> connection.setReadOnly(snapshot.readOnly()));
        // Set without asking first: PostgreSQL's driver asks the server for the isolation, a round trip per stream.
        restored &= failures.attempt(() -> connection.setTransactionIsolation(snapshot.isolation()));
        if (!restored) {
            failures.attempt(() -> connection.abort(Runnable::run));
        }
        failures.close(connection);
        return failures.first();
    }

    /** One step of giving a stream's resources back. */
    @FunctionalInterface
    private interface Step {

        /** Takes the step. */
        void run() throws Exception;
    }

    /** The failures of the steps of one release: the first, with the later ones suppressed in it. */
    private static final class Failures {
        private @Nullable Exception first;

        /** Returns the failure to close {@code closeable}, if there is one; null when it closed or there is none. */
        static @Nullable Exception closing(@Nullable AutoCloseable closeable) {
            Failures failures = new Failures();
            failures.close(closeable);
            return failures.first();
        }

        /** Closes {@code closeable} when there is one, keeping its failure. */
        void close(@Nullable AutoCloseable closeable) {
            if (closeable != null) {
                attempt(closeable::close);
            }
        }

        /** Takes {@code step}, keeping its failure; returns whether it succeeded. */
        boolean attempt(Step step) {
            try {
                step.run();
                return true;
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
                return false;
            }
        }

        /** Returns the first failure, the later ones suppressed in it; null when every step succeeded. */
        @Nullable Exception first() {
            return first;
        }
    }

    /** The rows of one stream, one step at a time. */
    @FunctionalInterface
    private interface Rows<T> {

        /** Hands the next row's value to {@code action}; false, and nothing handed, at the end. */
        boolean advance(Consumer<? super T> action) throws SQLException;
    }

    /** Gives back what a stream held ({@link #release}). */
    @FunctionalInterface
    private interface Release {

        /** Gives back what the stream held; returns the first failure to, or null. */
        @Nullable Exception run();
    }

    /** The values of one stream's rows, one at a time, and what its close gives back. */
    private final class Cursor<T> extends Spliterators.AbstractSpliterator<T> {
        private final String doing;
        private final Rows<? extends T> rows;
        private final Release release;
        private final AtomicBoolean closed = new AtomicBoolean();

        Cursor(String doing, Rows<? extends T> rows, Release release) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.doing = doing;
            this.rows = rows;
            this.release = release;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (closed.get()) {
                return false;
            }
            try {
                return rows.advance(action);
            } catch (SQLException e) {
                throw SqlFailures.of(doing, e);
            }
        }

        /**
         * Gives back what the stream held, once. A failure to is not thrown: the rows read are whole, and a
         * connection that could not be restored was aborted rather than given back as it was.
         */
        void close() {
            if (closed.compareAndSet(false, true)) {
                release.run();
                open.decrementAndGet();
            }
        }
    }
}
