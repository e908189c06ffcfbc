package dev.cxm.jdbc;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.store.EventStore;
import dev.cxm.jdbc.testing.FailingDataSource;
import dev.cxm.jdbc.testing.RecycledStores;
import dev.cxm.test.store.EventStoreCompatibilityKit;

/**
 * The event store compatibility kit on H2 in a file, opened by {@link JdbcStores#h2File}: each new store one of
 * a few files, emptied ({@link RecycledStores}).
 */
class JdbcH2FileEventStoreTest extends EventStoreCompatibilityKit {

    @TempDir
    static Path folder;

    private static final List<JdbcStores> OPENED = new ArrayList<>();
    private static RecycledStores<JdbcStores> stores;
    private JdbcEventStore events;

    @BeforeAll
    static void files() {
        stores = new RecycledStores<>(slot -> {
            JdbcStores opened = JdbcStores.h2File(file(slot));
            OPENED.add(opened);
            return opened;
        }, slot -> new FailingDataSource(() -> DriverManager.getConnection("jdbc:h2:file:" + file(slot), "sa", "")),
                slot -> "cxm_");
    }

    private static Path file(int slot) {
        return folder.resolve("events" + slot).toAbsolutePath();
    }

    @AfterAll
    static void closeFiles() {
        OPENED.forEach(JdbcStores::close);
    }

    @Override
    protected EventStore createStore() {
        events = stores.fresh().eventStore();
        return events;
    }

    @Override
    protected long openStreamResources() {
        return events.openStreams();
    }
}
