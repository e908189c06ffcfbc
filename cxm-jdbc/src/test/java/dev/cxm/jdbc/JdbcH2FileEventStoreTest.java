package dev.cxm.jdbc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.store.EventStore;
import dev.cxm.test.store.EventStoreCompatibilityKit;

/** The event store compatibility kit on H2 in a file, opened by {@link JdbcStores#h2File}: a new file for each store. */
class JdbcH2FileEventStoreTest extends EventStoreCompatibilityKit {

    @TempDir
    Path folder;

    private final List<JdbcStores> opened = new ArrayList<>();
    private JdbcEventStore events;

    @Override
    protected EventStore createStore() {
        JdbcStores stores = JdbcStores.h2File(folder.resolve("events" + opened.size()));
        opened.add(stores);
        events = stores.eventStore();
        return events;
    }

    @Override
    protected long openStreamResources() {
        return events.openStreams();
    }

    @AfterEach
    void closeFiles() {
        opened.forEach(JdbcStores::close);
    }
}
