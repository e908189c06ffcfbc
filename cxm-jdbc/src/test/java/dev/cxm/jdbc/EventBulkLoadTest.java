package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.jdbc.testing.EmbeddedPostgresServer;
import dev.cxm.jdbc.testing.FailingDataSource;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.TestEvents;

/** {@link EventBulkLoadTests} on H2 in memory, H2 in a file and PostgreSQL; and an interrupted H2 load undone. */
class EventBulkLoadTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<JdbcConnectionPool> POOLS = new ArrayList<>();

    @TempDir
    static Path folder;

    @AfterAll
    static void closePools() {
        POOLS.forEach(JdbcConnectionPool::dispose);
    }

    private static DataSource pooled(JdbcConnectionPool pool) {
        POOLS.add(pool);
        return pool;
    }

    /** H2 in memory. */
    @Nested
    class H2Memory extends EventBulkLoadTests {
        @Override
        DataSource newDatabase() {
            return pooled(TestDatabases.h2Memory());
        }

        @Override
        FailingDataSource.ConnectionFactory unpooledDatabase() {
            String url = "jdbc:h2:mem:bulk" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
            return () -> DriverManager.getConnection(url, "sa", "");
        }

        @Override
        boolean h2() {
            return true;
        }
    }

    /** H2 in a file. */
    @Nested
    class H2File extends EventBulkLoadTests {
        @Override
        DataSource newDatabase() {
            return pooled(TestDatabases.h2File(folder.resolve("bulk" + DATABASES.incrementAndGet())));
        }

        @Override
        FailingDataSource.ConnectionFactory unpooledDatabase() {
            String url = "jdbc:h2:file:" + folder.resolve("bulk" + DATABASES.incrementAndGet()).toAbsolutePath();
            return () -> DriverManager.getConnection(url, "sa", "");
        }

        @Override
        boolean h2() {
            return true;
        }
    }

    /** PostgreSQL. */
    @Nested
    class Postgres extends EventBulkLoadTests {
        @Override
        DataSource newDatabase() {
            return pooled(TestDatabases.postgres());
        }

        @Override
        FailingDataSource.ConnectionFactory unpooledDatabase() {
            DataSource database = EmbeddedPostgresServer.newDatabase();
            return database::getConnection;
        }

        @Override
        boolean h2() {
            return false;
        }
    }

    private static long timeIndexes(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE INDEX_NAME = 'CXM_EVENTS_TIME'")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void aLoadInterruptedByTheProcessIsUndoneWhenTheStoresOpenAgain() throws SQLException {
        // Oracle: the contract of EventBulkLoad (a process that dies during a load leaves the store without its
        // time index, and the stores empty it when they next open). A load of 300 events is left neither
        // finished nor closed, as a killed process leaves it; opening the stores again on the database finds
        // 0 events and the time index back, and a new load works.
        DataSource database = pooled(TestDatabases.h2File(folder.resolve("interrupted")));
        JdbcEventStore store = JdbcStores.builder(database).build().eventStore();
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(TestEvents.nps("n" + i, "c" + i % 7, i, i % 11));
        }
        EventBulkLoad abandoned = store.bulkLoad();
        abandoned.appendAll(events);
        assertThat(store.count()).isEqualTo(300);
        assertThat(timeIndexes(database)).isZero();

        JdbcEventStore reopened = JdbcStores.builder(database).build().eventStore();

        assertThat(reopened.count()).isZero();
        assertThat(timeIndexes(database)).isEqualTo(1);
        try (EventBulkLoad load = reopened.bulkLoad()) {
            load.appendAll(events);
            load.finish();
        }
        assertThat(reopened.count()).isEqualTo(300);
    }

    @Test
    void indexesALoadLeftForLaterAreBuiltByTheFirstCallThatNeedsThemOrWhenTheStoresOpen() throws SQLException {
        // Oracle: the contract of EventBulkLoad.finish (H2 builds the time index; the customer, touchpoint and
        // attribute-entry indexes follow on first need or when the stores open) and a fresh schema's indexes.
        // Two loads of 300 responses of 7 customers: after the first, opening the stores again builds the three;
        // after the second, an erasure does; the events stay (300, then 300 less customer c3's 43).
        DataSource database = pooled(TestDatabases.h2File(folder.resolve("deferred")));
        JdbcStores stores = JdbcStores.builder(database).build();
        List<String> fresh = EventBulkLoadTests.indexes(database);
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(TestEvents.nps("n" + i, "c" + i % 7, i, i % 11));
        }
        try (EventBulkLoad load = stores.eventStore().bulkLoad()) {
            load.appendAll(events);
            load.finish();
        }
        assertThat(EventBulkLoadTests.indexes(database)).isEqualTo(EventBulkLoadTests.withoutDeferred(fresh))
                .hasSize(fresh.size() - 6);

        JdbcStores reopened = JdbcStores.builder(database).build();

        assertThat(EventBulkLoadTests.indexes(database)).isEqualTo(fresh);
        assertThat(reopened.eventStore().count()).isEqualTo(300);
        for (int c = 0; c < 7; c++) {
            reopened.erase(CustomerId.of("c" + c));
        }
        assertThat(reopened.eventStore().isEmpty()).isTrue();
        try (EventBulkLoad load = reopened.eventStore().bulkLoad()) {
            load.appendAll(events);
            load.finish();
        }
        assertThat(EventBulkLoadTests.indexes(database)).hasSize(fresh.size() - 6);
        assertThat(reopened.erase(CustomerId.of("c3")).eventsRemoved()).isEqualTo(43);
        assertThat(EventBulkLoadTests.indexes(database)).isEqualTo(fresh);
        assertThat(reopened.eventStore().count()).isEqualTo(300 - 43);
    }

    @Test
    void storesWhoseIndexesAreAllThereAreLeftAsTheyAre() {
        // Oracle: the contract (only a missing time index marks an interrupted load). A store with 300 events
        // opened again still holds them.
        DataSource database = pooled(TestDatabases.h2Memory());
        JdbcEventStore store = JdbcStores.builder(database).build().eventStore();
        for (int i = 0; i < 300; i++) {
            store.append(TestEvents.nps("n" + i, "c" + i % 7, i, i % 11));
        }
        assertThat(JdbcStores.builder(database).build().eventStore().count()).isEqualTo(300);
    }
}
