package dev.cxm.jdbc.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * The physical connections of a pool, checked before they are lent after an idle time: H2's
 * {@code JdbcConnectionPool} lends a connection it has pooled again without asking whether its server still
 * holds it, so after a server restart (or a connection ended by the server or the network) every pooled
 * connection would fail once more. Here a pooled connection that has been idle for {@link #CHECK_AFTER_IDLE}
 * or longer asks the server ({@link Connection#isValid}, one round trip) before it is lent, and when the answer
 * does not come within {@value #VALIDATION_SECONDS} seconds it replaces its physical connection by a new one
 * before lending it. A connection given back less than a second ago is lent without the round trip: it
 * answered then, and a burst of short calls (an append, a count, a query) costs no extra round trip each. A
 * connection the server ended within that second fails the call that uses it; the driver reports that as a
 * fatal error of the connection, after which it is checked at its next loan, idle or not.
 *
 * <p>Idleness is timed with a monotonic {@link Ticker} ({@link System#nanoTime}), not the stores' clock, which
 * hosts may fix.
 */
public final class ValidatedConnectionSource implements ConnectionPoolDataSource {

    /** How long a check waits for the server's answer. */
    static final int VALIDATION_SECONDS = 5;

    /** How long a connection may have been idle and still be lent without a check. */
    public static final Duration CHECK_AFTER_IDLE = Duration.ofSeconds(1);

    private final ConnectionPoolDataSource physical;
    private final Ticker ticker;

    /**
     * Wraps the source of physical connections.
     *
     * @param physical the driver's source, such as PostgreSQL's {@code PGConnectionPoolDataSource}
     * @param ticker times how long a connection was idle ({@link Ticker#SYSTEM} but in tests)
     */
    public ValidatedConnectionSource(ConnectionPoolDataSource physical, Ticker ticker) {
        this.physical = physical;
        this.ticker = ticker;
    }

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        return new Validated(physical.getPooledConnection());
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's connections all use the user of its URL");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return physical.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        physical.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        physical.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return physical.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return physical.getParentLogger();
    }

    /**
     * One pooled connection: a physical connection that is checked when it is lent after an idle time (or after
     * a fatal error) and replaced when dead. The pool listens to it; the events of the physical connection reach
     * the pool with this one as source.
     */
    private final class Validated implements PooledConnection, ConnectionEventListener {
        private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
        private PooledConnection current;
        /** The ticker's count when the connection was last given back (or opened): a new one needs no check. */
        private volatile long idleSince;
        /** Whether the driver reported a fatal error of the connection since it was last checked. */
        private volatile boolean failed;

        Validated(PooledConnection current) {
            this.current = current;
            this.idleSince = ticker.nanos();
            current.addConnectionEventListener(this);
        }

        @Override
        public synchronized Connection getConnection() throws SQLException {
            // A difference of counts, as System.nanoTime asks (the counts may overflow).
            boolean fresh = !failed && ticker.nanos() - idleSince < CHECK_AFTER_IDLE.toNanos();
            Connection handle = null;
            try {
                // The driver refuses a handle of a connection it knows is closed (after a fatal error, or one
                // a stream aborted): then it is replaced, fresh or not.
                handle = current.getConnection();
                if (fresh || handle.isValid(VALIDATION_SECONDS)) {
                    failed = false;
                    return handle;
                }
            } catch (SQLException dead) {
                // Replaced below.
            }
            // Dead: closing its handle must not tell the pool that this connection came back.
            PooledConnection dead = current;
            dead.removeConnectionEventListener(this);
            if (handle != null) {
                closeQuietly(handle);
            }
            closeQuietly(dead::close);
            current = physical.getPooledConnection();
            current.addConnectionEventListener(this);
            failed = false;
            return current.getConnection();
        }

        @Override
        public synchronized void close() throws SQLException {
            current.removeConnectionEventListener(this);
            current.close();
        }

        @Override
        public void addConnectionEventListener(ConnectionEventListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeConnectionEventListener(ConnectionEventListener listener) {
            listeners.remove(listener);
        }

        @Override
        public void addStatementEventListener(StatementEventListener listener) {
            throw new UnsupportedOperationException("the pool does not listen to statements");
        }

        @Override
        public void removeStatementEventListener(StatementEventListener listener) {
            throw new UnsupportedOperationException("the pool does not listen to statements");
        }

        @Override
        public void connectionClosed(ConnectionEvent event) {
            idleSince = ticker.nanos();
            ConnectionEvent ours = new ConnectionEvent(this);
            listeners.forEach(listener -> listener.connectionClosed(ours));
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            failed = true;
            ConnectionEvent ours = new ConnectionEvent(this, event.getSQLException());
            listeners.forEach(listener -> listener.connectionErrorOccurred(ours));
        }

        private static void closeQuietly(AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Its server is gone: nothing more to release.
            }
        }
    }
}
