package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.privacy.ErasureReport;
import dev.cxm.jdbc.testing.EmbeddedPostgresServer;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.TestEvents;

/** Configuration, migration, the schema check and the messages of a database that is not there or not right. */
class JdbcStoresTest {

    @Test
    void theConfigurationFollowsTheHouseIdiomAndRefusesBadNamesAtOnce() {
        // Oracle: the documented defaults and patterns.
        JdbcConnectionPool pool = TestDatabases.h2Memory();
        try {
            JdbcStores stores = JdbcStores.builder(pool).schema("cxm").tablePrefix("cx_").batchSize(10).build();
            assertThat(stores.dialect()).isEqualTo(Dialect.H2);
            assertThat(stores.schema()).contains("cxm");
            assertThat(stores.tablePrefix()).isEqualTo("cx_");
            assertThat(stores.fetchSize()).isEqualTo(JdbcStores.DEFAULT_FETCH_SIZE);
            assertThat(JdbcStores.from(stores).build()).isEqualTo(stores).hasSameHashCodeAs(stores);
            assertThat(JdbcStores.from(stores).fetchSize(5).build()).isNotEqualTo(stores);

            JdbcStores.Builder builder = JdbcStores.builder(pool);
            assertThatThrownBy(() -> builder.schema("cxm; DROP TABLE x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("schema: ");
            assertThatThrownBy(() -> builder.tablePrefix("Cxm")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("tablePrefix: ");
            assertThatThrownBy(() -> builder.batchSize(0)).hasMessage("batchSize: 0 is outside 1..10000");
            assertThat(builder.build().tablePrefix()).as("a refused value leaves the builder as it was")
                    .isEqualTo(JdbcStores.DEFAULT_TABLE_PREFIX);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void anUnreachableDatabaseIsOneClearMessage() {
        // Oracle: a PostgreSQL URL on a port nothing listens on (port 9 of the loopback, "discard").
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:postgresql://127.0.0.1:9/nothing", "u", "p");
        try {
            assertThatThrownBy(() -> JdbcStores.builder(pool).build()).isInstanceOf(JdbcStoreException.class)
                    .hasMessageStartingWith("cannot connect to the database: ").hasMessageNotContaining("\n");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aPostgresDataSourceWhoseConnectionsHideTheDriverIsRefusedWithOneMessage() throws SQLException {
        // Oracle: the rule of SchemaSetup: PostgreSQL appends stream through the driver's COPY, so a data
        // source whose connections do not unwrap to org.postgresql.PGConnection is refused at build(), before
        // anything is migrated.
        DataSource database = EmbeddedPostgresServer.newDatabase();
        DataSource hiding = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(database, args);
                    if (!(result instanceof Connection real)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> m.getName().equals("isWrapperFor") ? Boolean.FALSE : m.invoke(real, a));
                });
        assertThatThrownBy(() -> JdbcStores.builder(hiding).build()).isInstanceOf(JdbcStoreException.class)
                .hasMessageStartingWith("the data source's connections are not those of the PostgreSQL JDBC driver")
                .hasMessageNotContaining("\n");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                java.sql.ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_name LIKE 'cxm%'")) {
            tables.next();
            assertThat(tables.getLong(1)).as("nothing migrated").isZero();
        }
    }

    @Test
    void aSchemaNewerThanTheLibraryIsRefusedWithOneMessage() throws SQLException {
        // Oracle: SchemaSetup.SCHEMA_VERSION is 3; a database a later cxm migrated to 4 is refused.
        JdbcConnectionPool pool = TestDatabases.h2Memory();
        try {
            JdbcStores.builder(pool).build();
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE cxm_schema_version SET version = 4");
            }
            assertThatThrownBy(() -> JdbcStores.builder(pool).build()).isInstanceOf(JdbcStoreException.class)
                    .hasMessage("the cxm tables are at schema version 4, newer than this cxm reads (version 3); use the"
                            + " cxm that wrote them, or a newer one");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void withoutMigrationMissingTablesAreNamedAndAHostsOwnFlywayCanApplyTheLocation() {
        // Oracle: the README's setup for a host that runs its own Flyway: the location and the placeholder
        // "prefix", then the stores with migration switched off.
        JdbcConnectionPool pool = TestDatabases.h2Memory();
        try {
            assertThatThrownBy(() -> JdbcStores.builder(pool).migrate(false).build())
                    .isInstanceOf(JdbcStoreException.class)
                    .hasMessageContaining("the cxm tables are not in the database")
                    .hasMessageContaining("classpath:db/migration/cxm/h2");

            Flyway.configure(JdbcStoresTest.class.getClassLoader()).dataSource(pool)
                    .locations(Dialect.H2.migrationLocation())
                    .placeholders(Map.of("prefix", "cxm_"))
                    .load().migrate();
            JdbcStores stores = JdbcStores.builder(pool).migrate(false).build();
            stores.eventStore().append(TestEvents.nps("n1", "c1", 1, 9));
            assertThat(stores.eventStore().count()).isEqualTo(1);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aSchemaThatHoldsTheHostsTablesGetsCxmsTablesBesideThem() throws SQLException {
        // Oracle: the host's table and row are untouched, and cxm's stores work beside them. Flyway alone refuses
        // a non-empty schema without its history table ("Found non-empty schema(s) ... but no schema history
        // table"); the stores baseline their own history at version 0, so that their version 1 still runs.
        JdbcConnectionPool pool = TestDatabases.h2Memory();
        try {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO orders VALUES (42)");
            }
            JdbcStores stores = JdbcStores.builder(pool).build();
            stores.eventStore().append(TestEvents.nps("n1", "c1", 1, 9));
            assertThat(stores.eventStore().count()).isEqualTo(1);
            assertThat(JdbcStores.builder(pool).tablePrefix("other_").build().eventStore().count())
                    .as("a second set of cxm tables beside the first").isZero();
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                    java.sql.ResultSet rows = statement.executeQuery("SELECT id FROM orders")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
                assertThat(rows.next()).isFalse();
            }
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aHostsFlywayOnAFolderOfItsOwnFindsNoneOfCxmsScripts() {
        // Oracle: Flyway's rule that a location is searched recursively. cxm's scripts lie under
        // db/migration/cxm, the location the README names; a host that keeps its own scripts in a sibling
        // folder (as the README advises) sees none of them, while cxm's own location holds cxm's scripts,
        // versions 1 (the stores) and 2 (the feedback counts) first.
        JdbcConnectionPool pool = TestDatabases.h2Memory();
        try {
            Flyway hosts = Flyway.configure(JdbcStoresTest.class.getClassLoader()).dataSource(pool)
                    .locations("classpath:db/migration/app").load();
            assertThat(hosts.info().all()).isEmpty();
            Flyway cxm = Flyway.configure(JdbcStoresTest.class.getClassLoader()).dataSource(pool)
                    .locations(Dialect.H2.migrationLocation()).placeholders(java.util.Map.of("prefix", "cxm_")).load();
            assertThat(cxm.info().all()).extracting(info -> info.getVersion().getVersion()).startsWith("1", "2");
            assertThat(Dialect.H2.migrationLocation()).isEqualTo("classpath:db/migration/cxm/h2");
            assertThat(Dialect.POSTGRESQL.migrationLocation()).isEqualTo("classpath:db/migration/cxm/postgresql");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void anH2FileKeepsItsEventsAcrossOpeningsAndErasureRemovesACustomerFromEveryTable(@TempDir Path folder) {
        // Oracle: what was appended and put before the file was closed.
        Path file = folder.resolve("cx.db");
        try (JdbcStores stores = JdbcStores.h2File(file)) {
            stores.eventStore().appendAll(List.of(TestEvents.nps("n1", "c1", 1, 9), TestEvents.nps("n2", "c2", 2, 3),
                    TestEvents.purchase("p1", "c1", 3, "5.00")));
            stores.customerStore().put(dev.cxm.core.model.Customer.builder(CustomerId.of("c1"), TestEvents.at(0))
                    .segment("vip").profile("tier", "gold").build());
        }
        assertThat(Files.exists(folder.resolve("cx.db.mv.db"))).isTrue();
        try (JdbcStores stores = JdbcStores.h2File(folder.resolve("cx.db.mv.db"))) {
            assertThat(stores.eventStore().count()).isEqualTo(3);
            ErasureReport report = stores.erase(CustomerId.of("c1"));
            assertThat(report.profilesRemoved()).isEqualTo(1);
            assertThat(report.eventsRemoved()).isEqualTo(2);
            assertThat(stores.eventStore().count()).isEqualTo(1);
            assertThat(stores.customerStore().count()).isZero();
            assertThat(stores.erase(CustomerId.of("c1")).eventsRemoved()).isZero();
        }
        assertThatThrownBy(() -> JdbcStores.h2File(folder.resolve("a;b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
