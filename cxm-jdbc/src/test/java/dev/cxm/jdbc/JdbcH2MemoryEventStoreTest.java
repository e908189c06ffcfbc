package dev.cxm.jdbc;

import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

import dev.cxm.core.store.EventStore;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.EventStoreCompatibilityKit;

/** The event store compatibility kit on H2 in memory: a new database for each store. */
class JdbcH2MemoryEventStoreTest extends EventStoreCompatibilityKit {

    private final List<JdbcConnectionPool> pools = new ArrayList<>();
    private JdbcConnectionPool pool;
    private JdbcEventStore events;

    @Override
    protected EventStore createStore() {
        pool = TestDatabases.h2Memory();
        pools.add(pool);
        events = JdbcStores.builder(pool).build().eventStore();
        return events;
    }

    @Override
    protected long openStreamResources() {
        return events.openStreams() + pool.getActiveConnections();
    }

    @AfterEach
    void closePools() {
        pools.forEach(JdbcConnectionPool::dispose);
    }
}
