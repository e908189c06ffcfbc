package dev.cxm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryCustomerStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.jdbc.Dialect;
import dev.cxm.jdbc.JdbcCustomerStore;
import dev.cxm.jdbc.JdbcEventStore;
import dev.cxm.jdbc.JdbcStores;
import dev.cxm.jdbc.StoreUrl;

/**
 * The stores' conditions in a context runner: in memory by default, in a database named by {@code cxm.store.url}
 * or given as the host's {@code DataSource}, the host's own beans, cxm-jdbc absent, and a host's Flyway. The
 * oracle of each is what was appended, read back through another connection to the same database.
 */
class CxmJdbcAutoConfigurationTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CxmAutoConfiguration.class, CxmJdbcAutoConfiguration.class,
                    CxmMicrometerAutoConfiguration.class));

    @TempDir
    Path folder;

    @Test
    void withoutUrlOrDataSourceTheStoresAreInMemory() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JdbcStores.class);
            assertThat(context.getBean(EventStore.class)).isInstanceOf(InMemoryEventStore.class);
            assertThat(context.getBean(CustomerStore.class)).isInstanceOf(InMemoryCustomerStore.class);
        });
    }

    @Test
    void aUrlOpensAnH2FileThatKeepsTheEventsAfterTheContextCloses() {
        Path file = folder.resolve("cx");
        runner.withPropertyValues("cxm.store.url=h2:" + file).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JdbcStores.class).url()).contains(StoreUrl.parse("h2:" + file));
            assertThat(context.getBean(EventStore.class)).isInstanceOf(JdbcEventStore.class);
            assertThat(context.getBean(CustomerStore.class)).isInstanceOf(JdbcCustomerStore.class);
            context.getBean(EventStore.class).appendAll(List.of(response("r1", 9), response("r2", 3)));
        });

        try (JdbcStores again = JdbcStores.h2File(file)) {
            assertThat(again.eventStore().query(EventQuery.all()).map(event -> event.eventId().value()).toList())
                    .containsExactly("r1", "r2");
        }
    }

    @Test
    void aHostDataSourceHoldsCxmsTablesUnderTheConfiguredPrefixMigratedByCxm() throws SQLException {
        JdbcConnectionPool hostDatabase = h2Memory();
        try {
            runner.withBean(DataSource.class, () -> hostDatabase).withPropertyValues("cxm.store.table-prefix=cx_")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        JdbcStores stores = context.getBean(JdbcStores.class);
                        assertThat(stores.url()).isEmpty();
                        assertThat(stores.tablePrefix()).isEqualTo("cx_");
                        assertThat(context.getBean(EventStore.class)).isSameAs(stores.eventStore());
                        assertThat(context.getBean(CustomerStore.class)).isSameAs(stores.customerStore());
                        context.getBean(EventStore.class).append(response("r1", 10));
                    });
            assertThat(count(hostDatabase, "SELECT COUNT(*) FROM cx_events")).isEqualTo(1);
            // Schema version 3 (cxm-jdbc's PostgreSQL customer index; H2's tables as in 2) is the one this cxm
            // migrates to.
            assertThat(count(hostDatabase, "SELECT MAX(version) FROM cx_schema_version")).isEqualTo(3);
            assertThat(tableExists(hostDatabase, "CX_SCHEMA_HISTORY")).as("cxm's own Flyway history").isTrue();
        } finally {
            hostDatabase.dispose();
        }
    }

    @Test
    void theUrlWinsOverTheHostDataSourceAndTheDataSourceCanBeDeclined() throws SQLException {
        JdbcConnectionPool hostDatabase = h2Memory();
        try {
            runner.withBean(DataSource.class, () -> hostDatabase)
                    .withPropertyValues("cxm.store.url=jdbc:h2:mem:own" + DATABASES.incrementAndGet()
                            + ";DB_CLOSE_DELAY=-1")
                    .run(context -> assertThat(context.getBean(JdbcStores.class).url()).isPresent());
            runner.withBean(DataSource.class, () -> hostDatabase).withPropertyValues("cxm.store.use-data-source=false")
                    .run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(JdbcStores.class);
                        assertThat(context.getBean(EventStore.class)).isInstanceOf(InMemoryEventStore.class);
                    });
            assertThat(tableExists(hostDatabase, "CXM_EVENTS")).as("nothing was created in the host's database")
                    .isFalse();
        } finally {
            hostDatabase.dispose();
        }
    }

    @Test
    void theHostsOwnStoresAndJdbcStoresAreKept() {
        JdbcConnectionPool hostDatabase = h2Memory();
        try {
            EventStore hostEvents = InMemoryEventStore.create();
            runner.withBean(DataSource.class, () -> hostDatabase).withBean(EventStore.class, () -> hostEvents)
                    .run(context -> {
                        assertThat(context).hasSingleBean(EventStore.class);
                        assertThat(context.getBean(EventStore.class)).isSameAs(hostEvents);
                        assertThat(context.getBean(CustomerStore.class)).isInstanceOf(JdbcCustomerStore.class);
                    });
            JdbcStores hostStores = JdbcStores.builder(hostDatabase).tablePrefix("host_").build();
            runner.withPropertyValues("cxm.store.url=h2:" + folder.resolve("unused"))
                    .withBean(JdbcStores.class, () -> hostStores).run(context -> {
                        assertThat(context).hasSingleBean(JdbcStores.class);
                        assertThat(context.getBean(EventStore.class)).isSameAs(hostStores.eventStore());
                    });
        } finally {
            hostDatabase.dispose();
        }
    }

    @Test
    void theHostsOwnEventAndCustomerStoresLeaveItsDatabaseAndCxmsPoolAlone() throws SQLException {
        // Oracle: the host's database itself, read through its own pool: no cxm table, no Flyway history.
        JdbcConnectionPool hostDatabase = h2Memory();
        try {
            EventStore hostEvents = InMemoryEventStore.create();
            CustomerStore hostCustomers = InMemoryCustomerStore.create();
            runner.withBean(DataSource.class, () -> hostDatabase).withBean(EventStore.class, () -> hostEvents)
                    .withBean(CustomerStore.class, () -> hostCustomers).run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(JdbcStores.class);
                        assertThat(context.getBean(EventStore.class)).isSameAs(hostEvents);
                        assertThat(context.getBean(CustomerStore.class)).isSameAs(hostCustomers);
                    });
            runner.withPropertyValues("cxm.store.url=h2:" + folder.resolve("unused"))
                    .withBean(EventStore.class, () -> hostEvents).withBean(CustomerStore.class, () -> hostCustomers)
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(JdbcStores.class));
            assertThat(tableExists(hostDatabase, "CXM_EVENTS")).as("no cxm table in the host's schema").isFalse();
            assertThat(tableExists(hostDatabase, "CXM_SCHEMA_HISTORY")).as("no Flyway run").isFalse();
            assertThat(folder.resolve("unused.mv.db")).as("no database opened on the url").doesNotExist();
        } finally {
            hostDatabase.dispose();
        }
    }

    @Test
    void withoutCxmJdbcTheStoresAreInMemoryAndAUrlStopsTheContextNamingIt() {
        JdbcConnectionPool hostDatabase = h2Memory();
        try {
            runner.withClassLoader(new FilteredClassLoader(JdbcStores.class))
                    .withBean(DataSource.class, () -> hostDatabase).run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean("cxmJdbcStores");
                        assertThat(context.getBean(EventStore.class)).isInstanceOf(InMemoryEventStore.class);
                    });
            runner.withClassLoader(new FilteredClassLoader(JdbcStores.class))
                    .withPropertyValues("cxm.store.url=h2:" + folder.resolve("cx")).run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .hasMessageStartingWith("cxm.store.url: set, but cxm-jdbc");
                    });
        } finally {
            hostDatabase.dispose();
        }
    }

    @Test
    void aUrlOfAnotherKindOrADatabaseWithoutTablesStopsTheContextInOneSentence() {
        runner.withPropertyValues("cxm.store.url=mysql://db/shop").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith("url: a URL of 15 characters"
                    + " that is neither h2:PATH");
        });
        JdbcConnectionPool hostDatabase = h2Memory();
        try {
            runner.withBean(DataSource.class, () -> hostDatabase).withPropertyValues("cxm.store.migrate=false")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).hasStackTraceContaining("JdbcStoreException: the cxm"
                                + " tables are not in the database (no table cxm_schema_version); apply the migrations"
                                + " at classpath:db/migration/cxm/h2 or let the stores migrate");
                    });
        } finally {
            hostDatabase.dispose();
        }
    }

    @Test
    void aHostFlywayThatAppliesCxmsLocationRunsBeforeTheStoresCheckTheSchema() throws SQLException {
        // The host's initializer is registered after the stores (an auto-configuration ordered after cxm's), so
        // without the stores' dependency on it they would be made first and find no tables.
        JdbcConnectionPool hostDatabase = h2Memory();
        try {
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CxmAutoConfiguration.class,
                            CxmJdbcAutoConfiguration.class, HostFlyway.class))
                    .withBean(DataSource.class, () -> hostDatabase).withPropertyValues("cxm.store.migrate=false")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBeanFactory().getBeanDefinition(CxmJdbcAutoConfiguration.STORES_BEAN)
                                .getDependsOn()).containsExactly("flywayInitializer");
                        context.getBean(EventStore.class).append(response("r1", 7));
                    });
            assertThat(count(hostDatabase, "SELECT COUNT(*) FROM cxm_events")).isEqualTo(1);
            assertThat(tableExists(hostDatabase, "HOST_FLYWAY_HISTORY")).as("applied by the host's Flyway").isTrue();
            assertThat(tableExists(hostDatabase, "CXM_SCHEMA_HISTORY")).as("not by cxm's").isFalse();
        } finally {
            hostDatabase.dispose();
        }
    }

    /** A host's Flyway initializer that applies cxm's migrations, registered after cxm's beans. */
    @AutoConfiguration(after = CxmJdbcAutoConfiguration.class)
    static class HostFlyway {
        @Bean
        Runnable flywayInitializer(DataSource dataSource) {
            Flyway.configure().dataSource(dataSource).locations(Dialect.H2.migrationLocation())
                    .table("HOST_FLYWAY_HISTORY").placeholders(Map.of("prefix", "cxm_")).load().migrate();
            return () -> { };
        }
    }

    private static JdbcConnectionPool h2Memory() {
        return JdbcConnectionPool.create("jdbc:h2:mem:host" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
    }

    private static FeedbackResponse response(String id, int score) {
        return FeedbackResponse.builder(CustomerId.of("c-" + id), java.time.Instant.parse("2026-03-02T10:00:00Z"),
                "relationship", FeedbackScale.NPS, score).eventId(id)
                .touchpoint(Touchpoint.of("home", "Home page", Channel.WEB)).build();
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean tableExists(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }
}
