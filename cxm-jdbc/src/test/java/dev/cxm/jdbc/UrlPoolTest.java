package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.EventQuery;
import dev.cxm.jdbc.testing.EmbeddedPostgresServer;
import dev.cxm.test.store.TestEvents;

/**
 * The pool that stores opened on a PostgreSQL URL keep: a connection whose server process has ended is not lent
 * again, so the stores work on after the server dropped every connection (as after a restart).
 */
class UrlPoolTest {

    @Test
    void afterTheServerEndedEveryPooledConnectionTheStoresWorkOnWithNewOnes() throws SQLException {
        // Oracle: the two events appended before the server ended the connections are the ones read after;
        // the number of connections ended is what PostgreSQL's pg_stat_activity listed. Without the check
        // on loan, the pool lent an ended connection and the count failed ("the connection ... failed").
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (JdbcStores stores = JdbcStores.builder(StoreUrl.parse(url)).build()) {
            stores.eventStore().appendAll(List.of(TestEvents.nps("n1", "c1", 1, 9), TestEvents.nps("n2", "c2", 2, 3)));
            // Two streams open at once: the pool then holds at least two connections.
            try (Stream<CustomerEvent> first = stores.eventStore().query(EventQuery.all());
                    Stream<CustomerEvent> second = stores.eventStore().query(EventQuery.all())) {
                assertThat(first.count() + second.count()).isEqualTo(4);
            }

            assertThat(endConnectionsTo(database)).isGreaterThanOrEqualTo(2);

            assertThat(stores.eventStore().count()).isEqualTo(2);
            try (Stream<CustomerEvent> first = stores.eventStore().query(EventQuery.all());
                    Stream<CustomerEvent> second = stores.eventStore().query(EventQuery.all())) {
                assertThat(first.map(event -> event.eventId().value()).toList()).containsExactly("n1", "n2");
                assertThat(second.count()).isEqualTo(2);
            }
            stores.eventStore().appendAll(List.of(TestEvents.nps("n3", "c1", 3, 10)));
            assertThat(stores.eventStore().count()).isEqualTo(3);
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
