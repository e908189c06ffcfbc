package dev.cxm.jdbc.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A data source whose connections lose the connection at the n-th statement executed through them: that
 * execution throws an {@link SQLException} of SQL state 08006 (connection failure) and the real connection is
 * closed under it, as when the network or the server goes away; the database then rolls back what the
 * connection had not committed. Set {@link #failAt} to arm it; 0 disarms it. A PostgreSQL {@code COPY}
 * (through the driver's {@code CopyManager}) counts as a statement too.
 */
public final class FailingDataSource implements DataSource {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    /** Opens a new physical connection. */
    @FunctionalInterface
    public interface ConnectionFactory {
        /**
         * Opens a connection.
         *
         * @return the connection
         * @throws SQLException when the database cannot be reached
         */
        Connection open() throws SQLException;
    }

    private final ConnectionFactory real;
    private final AtomicInteger executed = new AtomicInteger();
    private volatile int failAt;

    /**
     * Wraps {@code real}, which must give a new physical connection on each call (no pool).
     *
     * @param real opens the connections to wrap
     */
    public FailingDataSource(ConnectionFactory real) {
        this.real = real;
    }

    /**
     * Makes the {@code n}-th statement executed from now on fail; 0 disarms.
     *
     * @param n the statement that fails, counting from 1
     */
    public void failAt(int n) {
        executed.set(0);
        failAt = n;
    }

    /**
     * Returns how many statements were executed since the last {@link #failAt}.
     *
     * @return the count
     */
    public int executed() {
        return executed.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(real.open());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("a user and password of its own");
    }

    /** Counts one execution on {@code connection}; loses the connection when it is the one armed. */
    private void execution(Connection connection) throws SQLException {
        if (failAt > 0 && executed.incrementAndGet() == failAt) {
            connection.close();
            throw new SQLException("connection lost (injected at statement " + failAt + ")", "08006");
        }
    }

    /** Returns the driver's PostgreSQL connection, whose COPY counts as a statement. */
    private PGConnection postgres(Connection connection) throws SQLException {
        PGConnection real = connection.unwrap(PGConnection.class);
        CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class)) {
            @Override
            public CopyIn copyIn(String sql) throws SQLException {
                execution(connection);
                return super.copyIn(sql);
            }
        };
        return (PGConnection) Proxy.newProxyInstance(FailingDataSource.class.getClassLoader(),
                new Class<?>[] {PGConnection.class},
                (proxy, method, args) -> method.getName().equals("getCopyAPI") ? copy : invoke(real, method, args));
    }

    private Connection wrap(Connection connection) {
        InvocationHandler onConnection = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args[0] == PGConnection.class) {
                return postgres(connection);
            }
            Object result = invoke(connection, method, args);
            if (result instanceof Statement statement) {
                Class<?> type = method.getReturnType();
                return Proxy.newProxyInstance(FailingDataSource.class.getClassLoader(), new Class<?>[] {type},
                        (p, m, a) -> {
                            if (EXECUTIONS.contains(m.getName())) {
                                execution(connection);
                            }
                            return invoke(statement, m, a);
                        });
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(FailingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, onConnection);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // No log.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The real connections' own timeout applies.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
