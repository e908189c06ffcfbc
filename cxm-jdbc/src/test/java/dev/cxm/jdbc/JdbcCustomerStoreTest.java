package dev.cxm.jdbc;

import java.nio.file.Path;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.store.CustomerStore;
import dev.cxm.jdbc.testing.RecycledStores;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.CustomerStoreCompatibilityKit;

/** The customer store compatibility kit on H2 in memory, H2 in a file and PostgreSQL. */
class JdbcCustomerStoreTest {

    /** H2 in memory: a new database for each store. */
    @Nested
    class H2Memory extends CustomerStoreCompatibilityKit {
        @Override
        protected CustomerStore createStore() {
            return JdbcStores.builder(TestDatabases.h2Memory()).build().customerStore();
        }
    }

    /** H2 in a file: a new file for each store. */
    @Nested
    class H2File extends CustomerStoreCompatibilityKit {
        @TempDir
        Path folder;

        @Override
        protected CustomerStore createStore() {
            return JdbcStores.h2File(folder.resolve("customers")).customerStore();
        }
    }

    /** PostgreSQL: a few migrated schemas, emptied for each store. */
    @Nested
    class Postgres extends CustomerStoreCompatibilityKit {
        @Override
        protected CustomerStore createStore() {
            return postgresStores.fresh().customerStore();
        }
    }

    private static JdbcConnectionPool pool;
    private static RecycledStores<JdbcStores> postgresStores;

    @BeforeAll
    static void startDatabase() {
        pool = TestDatabases.postgres();
        postgresStores = new RecycledStores<>(slot -> JdbcStores.builder(pool).schema("customers" + slot).build(),
                slot -> pool, slot -> "customers" + slot + ".cxm_");
    }

    @AfterAll
    static void closePool() {
        pool.dispose();
    }
}
