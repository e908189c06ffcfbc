package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.store.EventQuery;
import dev.cxm.jdbc.internal.SchemaSetup;
import dev.cxm.jdbc.testing.DisposedPools;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.TestEvents;

/**
 * A row whose {@code event_type} is none of the schema's three codes, which no store writes but another writer
 * may put into the events table, is refused by every path that reads events with the store's own exception,
 * naming the event, the code it holds and the codes there are (as an infinite timestamp is: {@link
 * InfiniteTimestampTest}), not with an {@code IllegalStateException} that reads as the library's own fault. The
 * oracle is the row changed by plain SQL.
 */
class UnknownEventTypeTest {

    private static final String EXPECTED = "event_type: event n2 holds 7, which is no event type of schema version "
            + SchemaSetup.SCHEMA_VERSION + " (1 interaction, 2 purchase, 3 feedback; the row was written outside the stores)";

    @RegisterExtension
    final DisposedPools pools = new DisposedPools();

    @Test
    void onPostgresEveryReadRefusesTheRowByName() throws SQLException {
        JdbcEventStore store = storeWithAnUnknownType(pools.add(TestDatabases.postgres()));
        refusedByEachRead(store, List.of(
                // COPY: a time bound, everything.
                () -> store.query(EventQuery.builder().from(Instant.parse("2000-01-01T00:00:00Z")).build()),
                () -> store.query(EventQuery.all()),
                // The cursor: a query by customer.
                () -> store.query(EventQuery.builder().customer(CustomerId.of("c1")).build())));
    }

    @Test
    void onH2EveryReadRefusesTheRowByName() throws SQLException {
        JdbcEventStore store = storeWithAnUnknownType(pools.add(TestDatabases.h2Memory()));
        refusedByEachRead(store, List.of(
                () -> store.query(EventQuery.all()),
                () -> store.query(EventQuery.builder().customer(CustomerId.of("c1")).build())));
    }

    private static JdbcEventStore storeWithAnUnknownType(JdbcConnectionPool pool) throws SQLException {
        JdbcEventStore store = JdbcStores.builder(pool).build().eventStore();
        store.appendAll(List.of(TestEvents.nps("n1", "c1", 1, 9), TestEvents.nps("n2", "c1", 2, 3),
                TestEvents.nps("n3", "c2", 3, 7)));
        try (Connection connection = pool.getConnection(); Statement update = connection.createStatement()) {
            assertThat(update.executeUpdate("UPDATE cxm_events SET event_type = 7 WHERE event_id = 'n2'")).isEqualTo(1);
        }
        return store;
    }

    private static void refusedByEachRead(JdbcEventStore store, List<Supplier<Stream<CustomerEvent>>> reads) {
        for (int i = 0; i < reads.size(); i++) {
            Supplier<Stream<CustomerEvent>> read = reads.get(i);
            Throwable refusal = catchThrowable(() -> {
                try (Stream<CustomerEvent> events = read.get()) {
                    events.forEach(event -> { });
                }
            });
            assertThat(refusal).as("read %d", i).isInstanceOf(JdbcStoreException.class).hasMessage(EXPECTED);
            assertThat(store.openStreams()).isZero();
        }
        assertThat(catchThrowable(() -> store.get(EventId.of("n2")))).isInstanceOf(JdbcStoreException.class)
                .hasMessage(EXPECTED);
        assertThat(store.get(EventId.of("n1"))).isPresent();
    }
}
