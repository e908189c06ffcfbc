package dev.cxm.spring;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.util.ClassUtils;

import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventStore;
import dev.cxm.jdbc.JdbcCustomerStore;
import dev.cxm.jdbc.JdbcEventStore;
import dev.cxm.jdbc.JdbcStores;
import dev.cxm.jdbc.StoreUrl;

/**
 * The event and customer stores in a database, through cxm-jdbc, when it is on the class path and either
 * {@code cxm.store.url} names a database (cxm opens a small pool of its own on it) or the host has one
 * {@link DataSource} (and {@code cxm.store.use-data-source} is not false), and the host has not defined both an
 * {@link EventStore} and a {@link CustomerStore} bean (nor a {@link JdbcStores} one): {@link JdbcStores}, whose
 * {@link JdbcEventStore} and {@link JdbcCustomerStore} become the {@code eventStore} and {@code customerStore}
 * beans. Building it applies cxm's Flyway migrations (from {@code db/migration/cxm/<dialect>}, with cxm's own
 * history table {@code <prefix>schema_history}) unless {@code cxm.store.migrate} is false, and checks the
 * schema's version.
 *
 * <p>With a host's own Flyway: cxm's migrations run beside it, in their own history table. A host that applies
 * cxm's location with its own Flyway sets {@code cxm.store.migrate=false}; the stores are then made after
 * the host's Flyway initializer (Spring Boot's {@code flywayInitializer}), so that they find their tables.
 */
@AutoConfiguration(before = CxmAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnClass(JdbcStores.class)
@Conditional(CxmJdbcAutoConfiguration.DatabaseNamed.class)
public class CxmJdbcAutoConfiguration {

    /** The name of the stores' bean. */
    public static final String STORES_BEAN = "cxmJdbcStores";

    /** The bean Spring Boot's Flyway auto-configuration migrates with; the stores are made after it. */
    static final String FLYWAY_INITIALIZER_BEAN = "flywayInitializer";
    /** Its type, for an initializer under another name. */
    static final String FLYWAY_INITIALIZER_TYPE =
            "org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer";

    /** Made by Spring. */
    public CxmJdbcAutoConfiguration() {}

    /**
     * Returns the stores on {@code cxm.store.url}, else on the host's data source.
     *
     * @param properties the settings
     * @param dataSource the host's data source, used when no url is set
     * @return the stores, migrated and checked; closing them (with the context) releases a pool of their own
     * @throws IllegalArgumentException when a setting is not usable (the url of another kind, a bad schema or
     *     prefix)
     * @throws dev.cxm.jdbc.JdbcStoreException when the database cannot be reached or its cxm tables are of
     *     another version
     */
    @Bean(name = STORES_BEAN)
    @ConditionalOnMissingBean
    @Conditional(CxmJdbcAutoConfiguration.StoreMissing.class)
    public JdbcStores cxmJdbcStores(CxmProperties properties, ObjectProvider<DataSource> dataSource) {
        CxmProperties.Store settings = properties.store();
        JdbcStores.Builder builder;
        if (settings.url().isPresent()) {
            StoreUrl url = StoreUrl.parse(settings.url().get());
            if (settings.user().isPresent()) {
                url = url.withUser(settings.user().get());
            }
            if (settings.password().isPresent()) {
                url = url.withPassword(settings.password().get());
            }
            builder = JdbcStores.builder(url);
        } else {
            builder = JdbcStores.builder(dataSource.getObject());
        }
        builder.tablePrefix(settings.tablePrefix()).migrate(settings.migrate());
        settings.schema().ifPresent(builder::schema);
        return builder.build();
    }

    /**
     * Returns the event store in the database.
     *
     * @param stores the stores
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean(EventStore.class)
    public JdbcEventStore eventStore(JdbcStores stores) {
        return stores.eventStore();
    }

    /**
     * Returns the customer store in the database.
     *
     * @param stores the stores
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean(CustomerStore.class)
    public JdbcCustomerStore customerStore(JdbcStores stores) {
        return stores.customerStore();
    }

    /**
     * Makes the stores wait for the host's Flyway initializer, when there is one, so that a host whose Flyway
     * applies cxm's migrations has applied them before the stores check the schema.
     *
     * @return the post-processor
     */
    @Bean
    static BeanFactoryPostProcessor cxmStoresAfterFlyway() {
        return CxmJdbcAutoConfiguration::dependOnFlyway;
    }

    private static void dependOnFlyway(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(STORES_BEAN)) {
            return;
        }
        Set<String> initializers = new LinkedHashSet<>();
        if (beanFactory.containsBean(FLYWAY_INITIALIZER_BEAN)) {
            initializers.add(FLYWAY_INITIALIZER_BEAN);
        }
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        if (ClassUtils.isPresent(FLYWAY_INITIALIZER_TYPE, classLoader)) {
            Class<?> type = ClassUtils.resolveClassName(FLYWAY_INITIALIZER_TYPE, classLoader);
            initializers.addAll(Arrays.asList(beanFactory.getBeanNamesForType(type, true, false)));
        }
        if (initializers.isEmpty()) {
            return;
        }
        BeanDefinition stores = beanFactory.getBeanDefinition(STORES_BEAN);
        Set<String> dependsOn = new LinkedHashSet<>();
        if (stores.getDependsOn() != null) {
            dependsOn.addAll(Arrays.asList(stores.getDependsOn()));
        }
        dependsOn.addAll(initializers);
        stores.setDependsOn(dependsOn.toArray(String[]::new));
    }

    /**
     * The host has not defined both stores itself: with its own {@link EventStore} and {@link CustomerStore}
     * cxm needs no database, so it opens no pool, runs no Flyway and makes no table.
     */
    static final class StoreMissing extends NoneNestedConditions {

        StoreMissing() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        /** Both stores are the host's beans. */
        @ConditionalOnBean({EventStore.class, CustomerStore.class})
        static final class BothStoresDefined {}
    }

    /** A database is named: {@code cxm.store.url} is set, or the host has one data source cxm may use. */
    static final class DatabaseNamed extends AnyNestedCondition {

        DatabaseNamed() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        /** {@code cxm.store.url} is set. */
        @ConditionalOnProperty(prefix = "cxm.store", name = "url")
        static final class UrlSet {}

        /** The host has one data source, and cxm may use it. */
        @ConditionalOnSingleCandidate(DataSource.class)
        @ConditionalOnBooleanProperty(name = "cxm.store.use-data-source", matchIfMissing = true)
        static final class HostDataSource {}
    }
}
