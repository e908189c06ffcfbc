package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.store.EventQuery;
import dev.cxm.jdbc.internal.UrlPools;
import dev.cxm.jdbc.testing.EmbeddedPostgresServer;
import dev.cxm.test.store.TestEvents;

/**
 * A stream whose connection refuses the rollback at its close still gives the connection back as it found it,
 * or not at all: the next borrower of the pool sees the isolation the connection had before the stream (the
 * oracle: the isolation a connection of the same pool reports before any stream ran), with auto-commit on;
 * on PostgreSQL the connection that failed is ended and the next borrower gets a new server process (the
 * oracle: PostgreSQL's backend process id, which differs between physical connections). The stores under test
 * read through a pool of one connection, so that the next borrower gets the stream's pooled connection (H2's
 * pool lends its idle connections first in, first out); another pool set the database up.
 */
class StreamReleaseTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The pool of one connection the stores under test read through. */
    private JdbcConnectionPool pool;
    /** The pool that set the database up (and keeps an H2 database in memory alive). */
    private JdbcConnectionPool setup;

    @AfterEach
    void dispose() throws SQLException {
        for (JdbcConnectionPool each : new JdbcConnectionPool[] {pool, setup}) {
            if (each != null) {
                each.dispose();
            }
        }
    }

    /** Sets the database up through {@code setup}, and returns the event store over {@code source}. */
    private JdbcEventStore storeOver(RollbackRefusing source) {
        JdbcStores.builder(setup).build().eventStore().appendAll(EVENTS);
        pool.setMaxConnections(1);
        return JdbcStores.builder(source.dataSource).migrate(false).build().eventStore();
    }

    /**
     * A data source whose connections refuse {@link Connection#rollback()} while armed (and count the refusals),
     * and remember the PostgreSQL backend of the last connection lent; everything else goes to the pool.
     */
    private static final class RollbackRefusing {
        final AtomicBoolean armed = new AtomicBoolean();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger lastSession = new AtomicInteger();
        final DataSource dataSource;

        RollbackRefusing(DataSource pool) {
            dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        Object result = invoke(pool, method, args);
                        return result instanceof Connection connection ? wrap(connection) : result;
                    });
        }

        private Connection wrap(Connection connection) throws SQLException {
            lastSession.set(session(connection));
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("rollback") && method.getParameterCount() == 0 && armed.get()) {
                            refused.incrementAndGet();
                            throw new SQLException("rollback refused (injected)", "XX000");
                        }
                        return invoke(connection, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** Returns the session of a physical connection: PostgreSQL's backend process id, H2's session id. */
    private static int session(Connection connection) throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            return connection.unwrap(PGConnection.class).getBackendPID();
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT SESSION_ID()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** What the pool's next borrower gets: the connection's isolation, auto-commit and session. */
    private record Lent(int isolation, boolean autoCommit, int session) {}

    private Lent nextBorrower() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return new Lent(connection.getTransactionIsolation(), connection.getAutoCommit(), session(connection));
        }
    }

    /**
     * Runs {@code read} on the stores over {@code source} with the rollback refused, and returns what the next
     * borrower of the pool gets afterwards.
     */
    private Lent afterARefusedRollback(RollbackRefusing source, JdbcEventStore store,
            Function<JdbcEventStore, Stream<? extends CustomerEvent>> read) throws SQLException {
        source.armed.set(true);
        int refusedBefore = source.refused.get();
        try (Stream<? extends CustomerEvent> events = read.apply(store)) {
            assertThat(events.count()).isEqualTo(2);
        } finally {
            source.armed.set(false);
        }
        assertThat(source.refused.get()).as("the stream's close asked for the rollback").isEqualTo(refusedBefore + 1);
        assertThat(store.openStreams()).isZero();
        assertThat(pool.getActiveConnections()).as("the stream's connection was closed").isZero();
        return nextBorrower();
    }

    private static final List<CustomerEvent> EVENTS = List.of(TestEvents.nps("n1", "c1", 1, 9),
            TestEvents.nps("n2", "c1", 2, 3));

    @Test
    void onH2TheNextBorrowerGetsTheConnectionInItsOwnIsolation() throws SQLException {
        // Before the fix the close skipped the restore once the rollback failed: H2's pooled connection then rolled
        // back and turned auto-commit on as it closed, but kept the stream's REPEATABLE_READ for the next borrower.
        String url = "jdbc:h2:mem:release" + DATABASES.incrementAndGet() + ";LAZY_QUERY_EXECUTION=TRUE";
        setup = JdbcConnectionPool.create(url, "sa", "");
        pool = JdbcConnectionPool.create(url, "sa", "");
        RollbackRefusing source = new RollbackRefusing(pool);
        JdbcEventStore store = storeOver(source);
        Lent before = nextBorrower();
        assertThat(before.isolation()).isNotEqualTo(Connection.TRANSACTION_REPEATABLE_READ);

        Lent after = afterARefusedRollback(source, store, s -> s.query(EventQuery.all()));

        assertThat(after.session()).as("the stream's own connection").isEqualTo(source.lastSession.get());
        assertThat(after.isolation()).isEqualTo(before.isolation());
        assertThat(after.autoCommit()).isTrue();
    }

    @Test
    void onPostgresTheConnectionIsEndedAndTheNextBorrowerGetsANewOneInTheOwnIsolation() throws SQLException {
        // Both stream paths: a query by customer reads through a cursor, a query of one type through COPY. Before
        // the fix the same server process came back in REPEATABLE_READ.
        StoreUrl url = StoreUrl.parse(EmbeddedPostgresServer.newDatabaseUrl());
        setup = UrlPools.open(url);
        pool = UrlPools.open(url);
        RollbackRefusing source = new RollbackRefusing(pool);
        JdbcEventStore store = storeOver(source);
        Lent before = nextBorrower();
        assertThat(before.isolation()).isNotEqualTo(Connection.TRANSACTION_REPEATABLE_READ);

        List<Function<JdbcEventStore, Stream<? extends CustomerEvent>>> paths = List.of(
                s -> s.query(EventQuery.builder().customer(CustomerId.of("c1")).build()),
                s -> s.query(EventQuery.all(), FeedbackResponse.class));
        for (Function<JdbcEventStore, Stream<? extends CustomerEvent>> path : paths) {
            Lent after = afterARefusedRollback(source, store, path);
            int streamSession = source.lastSession.get();

            assertThat(after.isolation()).isEqualTo(before.isolation());
            assertThat(after.autoCommit()).isTrue();
            assertThat(after.session()).as("a new server process").isNotEqualTo(streamSession);
        }
        assertThat(store.count()).isEqualTo(2);
    }
}
