package dev.cxm.jdbc.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * The physical connections of a pool, each checked before it is lent: H2's {@code JdbcConnectionPool} lends a
 * connection it has pooled again without asking whether its server still holds it, so after a server restart
 * (or a connection ended by the server or the network) every pooled connection would fail once more. Here a
 * pooled connection asks the server ({@link Connection#isValid}, one round trip) each time it is lent, and when
 * the answer does not come within {@value #VALIDATION_SECONDS} seconds it replaces its physical connection by
 * a new one before lending it, so the pool never hands out a connection that is known to be dead.
 */
public final class ValidatedConnectionSource implements ConnectionPoolDataSource {

    /** How long a check waits for the server's answer. */
    static final int VALIDATION_SECONDS = 5;

    private final ConnectionPoolDataSource physical;

    /**
     * Wraps the source of physical connections.
     *
     * @param physical the driver's source, such as PostgreSQL's {@code PGConnectionPoolDataSource}
     */
    public ValidatedConnectionSource(ConnectionPoolDataSource physical) {
        this.physical = physical;
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
     * One pooled connection: a physical connection that is checked each time it is lent and replaced when dead.
     * The pool listens to it; the events of the physical connection reach the pool with this one as source.
     */
    private final class Validated implements PooledConnection, ConnectionEventListener {
        private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
        private PooledConnection current;

        Validated(PooledConnection current) {
            this.current = current;
            current.addConnectionEventListener(this);
        }

        @Override
        public synchronized Connection getConnection() throws SQLException {
            Connection handle = current.getConnection();
            if (handle.isValid(VALIDATION_SECONDS)) {
                return handle;
            }
            // Dead: closing its handle must not tell the pool that this connection came back.
            PooledConnection dead = current;
            dead.removeConnectionEventListener(this);
            closeQuietly(handle);
            closeQuietly(dead::close);
            current = physical.getPooledConnection();
            current.addConnectionEventListener(this);
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
            ConnectionEvent ours = new ConnectionEvent(this);
            listeners.forEach(listener -> listener.connectionClosed(ours));
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
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
