package dev.cxm.jdbc;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.cxm.core.store.EventStore;
import dev.cxm.jdbc.testing.RecycledStores;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.EventStoreCompatibilityKit;

/**
 * The event store compatibility kit on a real PostgreSQL (14, started by the tests): one database for the
 * class, and each new store one of a few migrated schemas, emptied ({@link RecycledStores}).
 */
class JdbcPostgresEventStoreTest extends EventStoreCompatibilityKit {

    private static JdbcConnectionPool pool;
    private static RecycledStores<JdbcStores> stores;
    private JdbcEventStore events;

    @BeforeAll
    static void startDatabase() {
        pool = TestDatabases.postgres();
        stores = new RecycledStores<>(slot -> JdbcStores.builder(pool).schema("events" + slot).build(),
                slot -> pool, slot -> "events" + slot + ".cxm_");
    }

    @AfterAll
    static void closePool() {
        pool.dispose();
    }

    @Override
    protected EventStore createStore() {
        events = stores.fresh().eventStore();
        return events;
    }

    @Override
    protected long openStreamResources() {
        return events.openStreams() + pool.getActiveConnections();
    }
}
