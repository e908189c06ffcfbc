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
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.store.EventQuery;
import dev.cxm.jdbc.testing.DisposedPools;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.TestEvents;

/**
 * PostgreSQL's timestamps {@code 'infinity'} and {@code '-infinity'}, which no store writes but another writer
 * may put into the events table, are no instants: every path that reads events refuses such a row the same
 * way, naming the event and the rule, instead of reading it as an instant some 294,000 years away (the binary
 * COPY's 64-bit extremes) or at the end of {@code OffsetDateTime}'s range (the driver's mapping). The oracle
 * is the row changed by plain SQL: the refusal names its event id and the value PostgreSQL holds.
 */
class InfiniteTimestampTest {

    @RegisterExtension
    final DisposedPools pools = new DisposedPools();

    @Test
    void everyReadOfAnInfiniteOccurredAtRefusesTheRowByName() throws SQLException {
        JdbcConnectionPool pool = pools.add(TestDatabases.postgres());
        JdbcEventStore store = JdbcStores.builder(pool).build().eventStore();
        store.appendAll(List.of(TestEvents.nps("n1", "c1", 1, 9), TestEvents.nps("n2", "c1", 2, 3),
                TestEvents.nps("n3", "c2", 3, 7)));
        for (String infinity : List.of("infinity", "-infinity")) {
            refusedByEveryRead(pool, store, infinity);
        }
        assertThat(store.get(EventId.of("n1"))).isPresent();
    }

    private static void refusedByEveryRead(JdbcConnectionPool pool, JdbcEventStore store, String infinity) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement update = connection.createStatement()) {
            assertThat(update.executeUpdate("UPDATE cxm_events SET occurred_at = '" + infinity
                    + "' WHERE event_id = 'n2'")).isEqualTo(1);
        }
        String expected = "occurred_at: event n2 holds PostgreSQL's timestamp '" + infinity + "', which is no"
                + " instant; the stores hold instants of the years 1 to 9999 (the row was written outside them)";

        List<Supplier<Stream<? extends CustomerEvent>>> reads = List.of(
                // COPY: a query of one type, of a time bound, of everything.
                () -> store.query(EventQuery.all(), FeedbackResponse.class),
                () -> store.query(EventQuery.builder().from(Instant.parse("-2000-01-01T00:00:00Z")).build()),
                () -> store.query(EventQuery.all()),
                // The cursor: a query by customer, of every type and of one.
                () -> store.query(EventQuery.builder().customer(CustomerId.of("c1")).build()),
                () -> store.query(EventQuery.builder().customer(CustomerId.of("c1")).build(),
                        FeedbackResponse.class));
        for (int i = 0; i < reads.size(); i++) {
            Supplier<Stream<? extends CustomerEvent>> read = reads.get(i);
            Throwable refusal = catchThrowable(() -> {
                try (Stream<? extends CustomerEvent> events = read.get()) {
                    events.forEach(event -> { });
                }
            });
            assertThat(refusal).as("read %d", i).isInstanceOf(JdbcStoreException.class).hasMessage(expected);
            assertThat(store.openStreams()).isZero();
        }
        // Read by id, without a stream.
        assertThat(catchThrowable(() -> store.get(EventId.of("n2")))).isInstanceOf(JdbcStoreException.class)
                .hasMessage(expected);
    }
}
