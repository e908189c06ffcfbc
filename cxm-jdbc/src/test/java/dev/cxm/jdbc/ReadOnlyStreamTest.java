package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.EventQuery;
import dev.cxm.jdbc.internal.UrlPools;
import dev.cxm.jdbc.testing.DisposedPools;
import dev.cxm.jdbc.testing.EmbeddedPostgresServer;
import dev.cxm.test.store.TestEvents;

/**
 * A stream reads in a read-only transaction, and gives its connection back writable: while a stream is open,
 * PostgreSQL itself reports its transaction as read-only ({@code SHOW transaction_read_only}) and refuses a
 * write in it with SQLSTATE 25006 ({@code read_only_sql_transaction}); after the stream's close the next
 * borrower of the pool (a pool of one connection: the same physical connection) writes. The oracle is the
 * server's own answer on the stream's connection, reached through a data source that remembers the connection
 * it lent last.
 */
class ReadOnlyStreamTest {

    @RegisterExtension
    final DisposedPools pools = new DisposedPools();

    @Test
    void onPostgresAStreamReadsInAReadOnlyTransactionAndGivesItsConnectionBackWritable() throws SQLException {
        JdbcConnectionPool pool = pools.add(UrlPools.open(StoreUrl.parse(EmbeddedPostgresServer.newDatabaseUrl())));
        AtomicReference<Connection> lent = new AtomicReference<>();
        DataSource remembering = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    if (result instanceof Connection connection) {
                        lent.set(connection);
                    }
                    return result;
                });
        JdbcEventStore store = JdbcStores.builder(remembering).build().eventStore();
        store.appendAll(List.of(TestEvents.nps("n1", "c1", 1, 9), TestEvents.nps("n2", "c1", 2, 3)));
        pool.setMaxConnections(1);

        // A query by customer reads through a cursor, so its connection takes other statements between portions.
        try (Stream<CustomerEvent> events = store.query(EventQuery.builder().customer(CustomerId.of("c1")).build())) {
            Iterator<CustomerEvent> rows = events.iterator();
            assertThat(rows.next().eventId().value()).isEqualTo("n1");
            Connection streams = lent.get();

            assertThat(show(streams, "transaction_read_only")).isEqualTo("on");
            assertThatThrownBy(() -> {
                try (Statement statement = streams.createStatement()) {
                    statement.execute("CREATE TABLE written_in_a_stream (id int)");
                }
            }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
        }

        try (Connection next = pool.getConnection()) {
            assertThat(next.isReadOnly()).isFalse();
            assertThat(next.getAutoCommit()).isTrue();
            assertThat(show(next, "transaction_read_only")).isEqualTo("off");
            try (Statement statement = next.createStatement()) {
                statement.execute("CREATE TABLE written_after_the_stream (id int)");
            }
        }
        assertThat(store.count()).isEqualTo(2);
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
