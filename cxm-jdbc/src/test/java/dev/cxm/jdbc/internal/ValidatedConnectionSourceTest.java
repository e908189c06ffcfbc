package dev.cxm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import dev.cxm.test.time.MutableClock;

/**
 * When the pool of a PostgreSQL URL asks the server whether a connection lives: only for a connection idle for
 * {@link ValidatedConnectionSource#CHECK_AFTER_IDLE} or longer, or one whose driver reported a fatal error. The
 * physical connections are H2's (in memory) behind a proxy that counts the calls of {@code isValid}; the oracle
 * is that count against the idle times the test sets on its clock. (That a dead connection is replaced is
 * {@code UrlPoolTest}'s, on a real PostgreSQL.)
 */
class ValidatedConnectionSourceTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /**
     * H2's pooled connections, whose handles count the checks in {@code checks}; for each listener registered on
     * them, {@code fatalErrors} gets what tells it of a fatal error as PostgreSQL's driver does (SQL state 57P01:
     * the server ended the connection).
     */
    private static ConnectionPoolDataSource counting(AtomicInteger checks, List<Runnable> fatalErrors) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:validated" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        InvocationHandler pooledSource = (proxy, method, args) -> {
            Object result = invoke(h2, method, args);
            if (!method.getName().equals("getPooledConnection")) {
                return result;
            }
            PooledConnection pooled = (PooledConnection) result;
            return Proxy.newProxyInstance(PooledConnection.class.getClassLoader(),
                    new Class<?>[] {PooledConnection.class}, (p, m, a) -> {
                        if (m.getName().equals("addConnectionEventListener")) {
                            ConnectionEventListener listener = (ConnectionEventListener) a[0];
                            fatalErrors.add(() -> listener.connectionErrorOccurred(new ConnectionEvent(
                                    (PooledConnection) p, new SQLException("ended", "57P01"))));
                        }
                        Object handle = invoke(pooled, m, a);
                        if (!m.getName().equals("getConnection")) {
                            return handle;
                        }
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                new Class<?>[] {Connection.class}, (c, cm, ca) -> {
                                    if (cm.getName().equals("isValid")) {
                                        checks.incrementAndGet();
                                    }
                                    return invoke(handle, cm, ca);
                                });
                    });
        };
        return (ConnectionPoolDataSource) Proxy.newProxyInstance(ConnectionPoolDataSource.class.getClassLoader(),
                new Class<?>[] {ConnectionPoolDataSource.class}, pooledSource);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void borrowAndReturn(JdbcConnectionPool pool) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.isClosed()).isFalse();
        }
    }

    @Test
    void aConnectionIsCheckedOnlyAfterASecondIdleOrAFatalError() throws SQLException {
        // Oracle: the clock's idle times against the threshold of 1 s; each borrowAndReturn lends the one pooled
        // connection (one caller at a time), so the count of isValid calls is the number of loans after an idle
        // time of 1 s or more, or after a fatal error.
        AtomicInteger checks = new AtomicInteger();
        List<Runnable> fatalErrors = new CopyOnWriteArrayList<>();
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T21:00:00Z"));
        JdbcConnectionPool pool = JdbcConnectionPool.create(new ValidatedConnectionSource(counting(checks, fatalErrors),
                clock));
        try {
            for (int i = 0; i < 5; i++) {
                borrowAndReturn(pool);
            }
            assertThat(checks).as("a new connection, then given back just now").hasValue(0);

            clock.set(clock.instant().plusMillis(999));
            borrowAndReturn(pool);
            assertThat(checks).as("idle 0.999 s").hasValue(0);

            clock.set(clock.instant().plusSeconds(1));
            borrowAndReturn(pool);
            assertThat(checks).as("idle 1 s").hasValue(1);
            borrowAndReturn(pool);
            assertThat(checks).as("given back just now").hasValue(1);

            clock.set(clock.instant().plusSeconds(3600));
            borrowAndReturn(pool);
            assertThat(checks).as("idle an hour").hasValue(2);

            // The physical connection tells its listeners (the wrapper under test) of a fatal error while lent.
            try (Connection connection = pool.getConnection()) {
                assertThat(fatalErrors).hasSize(1);
                fatalErrors.forEach(Runnable::run);
            }
            borrowAndReturn(pool);
            assertThat(checks).as("after a fatal error, not idle").hasValue(3);
            borrowAndReturn(pool);
            assertThat(checks).as("checked once after it").hasValue(3);
        } finally {
            pool.dispose();
        }
    }
}
