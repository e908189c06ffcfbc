package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.EventQuery;
import dev.cxm.jdbc.internal.Ticker;
import dev.cxm.jdbc.internal.UrlPools;
import dev.cxm.jdbc.internal.ValidatedConnectionSource;
import dev.cxm.jdbc.testing.EmbeddedPostgresServer;
import dev.cxm.test.store.TestEvents;

/**
 * The pool that stores opened on a PostgreSQL URL keep: a connection idle for a second or more is checked before
 * it is lent, and one whose server process has ended is replaced, so the stores work on after the server dropped
 * every connection (as after a restart). Idleness is timed by a ticker the tests advance by hand.
 */
class UrlPoolTest {

    /** A ticker that moves only when told. */
    private static final class HandTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - 500_000_000L);

        @Override
        public long nanos() {
            return nanos.get();
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }
    }

    @Test
    void afterTheServerEndedEveryPooledConnectionTheStoresWorkOnWithNewOnesOnceIdleASecond() throws SQLException {
        // Oracle: the two events appended before the server ended the connections are the ones read after;
        // the number of connections ended is what PostgreSQL's pg_stat_activity listed. The ticker starts half a
        // second below Long.MAX_VALUE, so the second of idleness spans its overflow (differences still count).
        // Without the check on loan, the pool lent an ended connection and the count failed.
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        HandTicker ticker = new HandTicker();
        JdbcConnectionPool pool = UrlPools.open(StoreUrl.parse(url), ticker);
        try (JdbcStores stores = JdbcStores.builder(pool).build()) {
            stores.eventStore().appendAll(List.of(TestEvents.nps("n1", "c1", 1, 9), TestEvents.nps("n2", "c2", 2, 3)));
            // Two streams open at once: the pool then holds at least two connections.
            try (Stream<CustomerEvent> first = stores.eventStore().query(EventQuery.all());
                    Stream<CustomerEvent> second = stores.eventStore().query(EventQuery.all())) {
                assertThat(first.count() + second.count()).isEqualTo(4);
            }

            assertThat(endConnectionsTo(database)).isGreaterThanOrEqualTo(2);
            ticker.advance(ValidatedConnectionSource.CHECK_AFTER_IDLE);

            assertThat(stores.eventStore().count()).isEqualTo(2);
            try (Stream<CustomerEvent> first = stores.eventStore().query(EventQuery.all());
                    Stream<CustomerEvent> second = stores.eventStore().query(EventQuery.all())) {
                assertThat(first.map(event -> event.eventId().value()).toList()).containsExactly("n1", "n2");
                assertThat(second.count()).isEqualTo(2);
            }
            stores.eventStore().appendAll(List.of(TestEvents.nps("n3", "c1", 3, 10)));
            assertThat(stores.eventStore().count()).isEqualTo(3);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aConnectionGivenBackWithinTheSecondIsLentUncheckedAndCheckedAfterItFailed() throws SQLException {
        // Oracle: the pool's rule (no check within a second of idleness, a check after a fatal error). The ticker
        // never moves, so no connection is ever idle for a second: after the server ended them, each ended
        // connection fails exactly one call, as a lost connection (SQL state 57P01 or 08006), and is then
        // checked and replaced; so at most as many calls fail as connections were ended, at least one does, and
        // then the stores read the two events appended before.
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        JdbcConnectionPool pool = UrlPools.open(StoreUrl.parse(url), new HandTicker());
        try (JdbcStores stores = JdbcStores.builder(pool).build()) {
            stores.eventStore().appendAll(List.of(TestEvents.nps("n1", "c1", 1, 9), TestEvents.nps("n2", "c2", 2, 3)));
            int ended = endConnectionsTo(database);
            assertThat(ended).isGreaterThanOrEqualTo(1);

            int failures = 0;
            long count = -1;
            for (int call = 0; call <= ended && count < 0; call++) {
                try {
                    count = stores.eventStore().count();
                } catch (JdbcStoreException lost) {
                    failures++;
                    // The server's message of an ended session, or the socket's failure when it came first.
                    assertThat(lost.getMessage()).containsAnyOf("the database server ended the connection",
                            "the connection to the database failed");
                }
            }
            assertThat(failures).isBetween(1, ended);
            assertThat(count).isEqualTo(2);
            try (Stream<CustomerEvent> all = stores.eventStore().query(EventQuery.all())) {
                assertThat(all.map(event -> event.eventId().value()).toList()).containsExactly("n1", "n2");
            }
        } finally {
            pool.dispose();
        }
    }

    /** Ends the server processes of every connection to {@code database}, waiting until they are gone. */
    private static int endConnectionsTo(String database) throws SQLException {
        try (Connection admin = EmbeddedPostgresServer.server().getPostgresDatabase().getConnection()) {
            List<Integer> pids = new ArrayList<>();
            try (PreparedStatement list = admin.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = ?")) {
                list.setString(1, database);
                try (ResultSet rows = list.executeQuery()) {
                    while (rows.next()) {
                        pids.add(rows.getInt(1));
                    }
                }
            }
            for (int pid : pids) {
                try (PreparedStatement end = admin.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
                    end.setInt(1, pid);
                    try (ResultSet ended = end.executeQuery()) {
                        ended.next();
                        assertThat(ended.getBoolean(1)).as("process %d ended", pid).isTrue();
                    }
                }
            }
            return pids.size();
        }
    }
}
