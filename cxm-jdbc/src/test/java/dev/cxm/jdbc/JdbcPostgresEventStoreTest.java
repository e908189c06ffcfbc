package dev.cxm.jdbc;

import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.cxm.core.store.EventStore;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.EventStoreCompatibilityKit;

/**
 * The event store compatibility kit on a real PostgreSQL (14, started by the tests): one database for the
 * class, a new schema for each store.
 */
class JdbcPostgresEventStoreTest extends EventStoreCompatibilityKit {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static JdbcConnectionPool pool;
    private JdbcEventStore events;

    @BeforeAll
    static void startDatabase() {
        pool = TestDatabases.postgres();
    }

    @AfterAll
    static void closePool() {
        pool.dispose();
    }

    @Override
    protected EventStore createStore() {
        events = JdbcStores.builder(pool).schema("events" + SCHEMAS.incrementAndGet()).build().eventStore();
        return events;
    }

    @Override
    protected long openStreamResources() {
        return events.openStreams() + pool.getActiveConnections();
    }
}
