package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.TestEvents;

/**
 * Schema version 3: PostgreSQL's customer index on {@code customer_id} alone. A database of version 2 migrates to
 * it with its events intact, and the reads by customer still come in the order the SPI documents (time, then
 * append order), now sorted after the index. Oracle throughout: the in-memory store holding the same appends.
 */
class SchemaVersion3Test {

    /**
     * 600 events of 17 customers, a third at an instant another event of the same customer has (so only the
     * append order orders them), every fourth with an attribute, appended in 3 parts out of time order.
     */
    private static List<List<CustomerEvent>> parts() {
        List<List<CustomerEvent>> parts = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            List<CustomerEvent> events = new ArrayList<>();
            for (int i = part * 200; i < part * 200 + 200; i++) {
                String customer = "c" + (i * 31 % 17);
                long second = (600 - i) % 97;
                CustomerEvent event = switch (i % 3) {
                    case 0 -> TestEvents.interaction("e" + i, customer, second, TestEvents.CHECKOUT);
                    case 1 -> TestEvents.purchase("e" + i, customer, second, (i % 50) + ".25");
                    default -> TestEvents.nps("e" + i, customer, second, i % 11);
                };
                events.add(i % 4 == 0 ? TestEvents.withAttribute(event, "plan", "p" + i % 3) : event);
            }
            parts.add(events);
        }
        return parts;
    }

    private static List<String> customerIndexColumns(JdbcConnectionPool pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT indexdef FROM pg_indexes"
                        + " WHERE indexname = 'cxm_events_customer'")) {
            List<String> definitions = new ArrayList<>();
            while (rows.next()) {
                String definition = rows.getString(1);
                definitions.add(definition.substring(definition.lastIndexOf('(') + 1, definition.lastIndexOf(')')));
            }
            return definitions;
        }
    }

    private static List<CustomerTimeline> timelines(EventStore store, EventQuery query) {
        try (Stream<CustomerTimeline> timelines = store.timelines(query)) {
            return timelines.toList();
        }
    }

    private static List<CustomerEvent> scan(EventStore store) {
        try (Stream<CustomerEvent> events = store.scan()) {
            return events.toList();
        }
    }

    @Test
    void aVersion2DatabaseMigratesToVersion3WithItsEventsIntactAndReadsInOrder() throws SQLException {
        // Oracle: the in-memory store with the same appends gives the scan, every customer's events and the
        // timelines (all of them, and of 3 customers in a time range); the index's columns are read from
        // PostgreSQL's catalogue (pg_indexes), before (version 2's three) and after (one).
        JdbcConnectionPool pool = TestDatabases.postgres();
        try {
            InMemoryEventStore memory = InMemoryEventStore.create();
            JdbcStores stores = JdbcStores.builder(pool).build();
            for (List<CustomerEvent> part : parts()) {
                stores.eventStore().appendAll(part);
                memory.appendAll(part);
            }
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                // Back to version 2: its customer index, and no version 3 in the version table or Flyway's history.
                statement.executeUpdate("DROP INDEX cxm_events_customer");
                statement.executeUpdate("CREATE INDEX cxm_events_customer ON cxm_events (customer_id, occurred_at, seq)");
                statement.executeUpdate("DELETE FROM cxm_schema_version WHERE version = 3");
                statement.executeUpdate("DELETE FROM cxm_schema_history WHERE \"version\" = '3'");
            }
            assertThat(customerIndexColumns(pool)).containsExactly("customer_id, occurred_at, seq");
            assertThatThrownBy(() -> JdbcStores.builder(pool).migrate(false).build())
                    .hasMessageContaining("schema version 2, older than this cxm reads (version 3)");

            JdbcEventStore migrated = JdbcStores.builder(pool).build().eventStore();

            assertThat(customerIndexColumns(pool)).containsExactly("customer_id");
            assertThat(migrated.count()).isEqualTo(600);
            assertThat(scan(migrated)).isEqualTo(scan(memory));
            for (int c = 0; c < 17; c++) {
                CustomerId customer = CustomerId.of("c" + c);
                assertThat(migrated.eventsOf(customer)).as("events of %s", customer).hasSizeGreaterThan(30)
                        .isEqualTo(memory.eventsOf(customer));
            }
            assertThat(timelines(migrated, EventQuery.all())).hasSize(17).isEqualTo(timelines(memory, EventQuery.all()));
            EventQuery some = EventQuery.builder().customers(List.of(CustomerId.of("c3"), CustomerId.of("c11"),
                    CustomerId.of("c0"))).from(TestEvents.at(20)).to(TestEvents.at(70)).build();
            assertThat(timelines(migrated, some)).hasSize(3).isEqualTo(timelines(memory, some));
        } finally {
            pool.dispose();
        }
    }
}
