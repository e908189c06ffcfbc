package dev.cxm.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.privacy.ErasureReport;
import dev.cxm.jdbc.internal.H2FileUpkeep;
import dev.cxm.jdbc.internal.H2LoadIndexes;
import dev.cxm.jdbc.internal.SchemaSetup;
import dev.cxm.jdbc.internal.SqlFailures;
import dev.cxm.jdbc.internal.Storable;
import dev.cxm.jdbc.internal.Tables;
import dev.cxm.jdbc.internal.Transactions;
import dev.cxm.jdbc.internal.UrlPools;

/**
 * The event and customer stores of one database, configured on a host's {@link DataSource}:
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.builder(dataSource).schema("cxm").tablePrefix("cxm_").build();
 * EventStore events = stores.eventStore();
 * CustomerStore customers = stores.customerStore();
 *
 * try (JdbcStores embedded = JdbcStores.h2File(Path.of("cx"))) {   // cx.mv.db, created when missing
 *     embedded.eventStore().appendAll(batch);
 * }
 * try (JdbcStores own = JdbcStores.builder(StoreUrl.parse(url).withUser("cxm").withPassword(password)).build()) {
 *     own.eventStore().appendAll(batch);                             // a pool of its own on the URL
 * }
 * }</pre>
 *
 * <p>{@link Builder#build()} connects, detects the dialect (PostgreSQL or H2) from the connection, applies the
 * schema's Flyway migrations (unless told not to, for a host that runs its own Flyway with
 * {@link Dialect#migrationLocation()} among its locations), and checks the schema's version: a database that
 * cannot be reached, or whose cxm tables are missing or newer than this library, is one
 * {@link JdbcStoreException} with a one-sentence message.
 *
 * <p>The stores take a connection from the data source for each call (and each open stream) and give it
 * back: give them a pooled data source (HikariCP, say). For PostgreSQL its connections must be those of the
 * PostgreSQL JDBC driver or unwrap to them, since appends stream through the driver's {@code COPY}. Given a
 * {@link StoreUrl} instead, the stores open a small pool of their own, which {@link #close()} releases. A
 * configuration compares by value: the same data source instance (or an equal URL) and the same settings.
 */
public final class JdbcStores implements AutoCloseable {

    /** The table prefix unless set. */
    public static final String DEFAULT_TABLE_PREFIX = "cxm_";
    /** How many events go to the database in one statement (or JDBC batch) of an append, unless set. */
    public static final int DEFAULT_BATCH_SIZE = 1000;
    /** How many rows a stream fetches from the database at a time, unless set. */
    public static final int DEFAULT_FETCH_SIZE = 1000;

    private final Optional<DataSource> hostDataSource;
    private final Optional<StoreUrl> url;
    private final DataSource dataSource;
    private final Optional<String> schema;
    private final String tablePrefix;
    private final Optional<Dialect> dialectSetting;
    private final boolean migrate;
    private final int batchSize;
    private final int fetchSize;
    private final Clock clock;
    private final Optional<JdbcConnectionPool> ownPool;
    private final Dialect dialect;
    private final Tables tables;
    private final H2FileUpkeep upkeep;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final JdbcEventStore eventStore;
    private final JdbcCustomerStore customerStore;

    private JdbcStores(Builder builder, DataSource dataSource, Optional<JdbcConnectionPool> ownPool) {
        this.hostDataSource = builder.dataSource;
        this.url = builder.url;
        this.dataSource = dataSource;
        this.schema = builder.schema;
        this.tablePrefix = builder.tablePrefix;
        this.dialectSetting = builder.dialect;
        this.migrate = builder.migrate;
        this.batchSize = builder.batchSize;
        this.fetchSize = builder.fetchSize;
        this.clock = builder.clock;
        this.ownPool = ownPool;
        this.tables = new Tables(schema, tablePrefix);
        this.dialect = SchemaSetup.prepare(dataSource, dialectSetting, tables, migrate);
        H2LoadIndexes loadIndexes = new H2LoadIndexes(tables);
        if (dialect == Dialect.H2) {
            undoInterruptedLoad(dataSource, loadIndexes);
        }
        this.upkeep = url.isPresent() && url.get().isEmbeddedH2File() ? H2FileUpkeep.ofOwnedFile()
                : H2FileUpkeep.none();
        this.eventStore = new JdbcEventStore(dataSource, dialect, tables, batchSize, fetchSize, upkeep, loadIndexes);
        this.customerStore = new JdbcCustomerStore(dataSource, dialect, tables, upkeep);
    }

    /** Empties the events tables of H2 when a bulk load stopped in the middle (see {@link EventBulkLoad}). */
    private static void undoInterruptedLoad(DataSource dataSource, H2LoadIndexes loadIndexes) {
        try {
            loadIndexes.repairInterruptedLoad(dataSource);
        } catch (SQLException e) {
            throw SqlFailures.of("undoing a bulk load that was interrupted", e);
        }
    }

    /**
     * Starts a configuration on {@code dataSource} with the defaults: the connection's current schema, table
     * prefix {@value #DEFAULT_TABLE_PREFIX}, the dialect detected, migrations applied, batches of
     * {@value #DEFAULT_BATCH_SIZE} and fetches of {@value #DEFAULT_FETCH_SIZE}.
     *
     * @param dataSource the host's data source, preferably pooled; the host keeps it and closes it
     * @return a builder holding the defaults
     * @throws NullPointerException when {@code dataSource} is null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Optional.of(Checks.present("dataSource", dataSource)), Optional.empty());
    }

    /**
     * Starts a configuration on the database a {@link StoreUrl} names, with the defaults of
     * {@link #builder(DataSource)}: {@link Builder#build()} opens a connection pool of its own on it (an H2 file
     * as {@link #h2File} opens it), which {@link #close()} releases.
     *
     * @param url where the database is, with its user and password
     * @return a builder holding the defaults
     * @throws NullPointerException when {@code url} is null
     */
    public static Builder builder(StoreUrl url) {
        return new Builder(Optional.empty(), Optional.of(Checks.present("url", url)));
    }

    /**
     * Starts a configuration from {@code base}: its data source and settings, to change one.
     *
     * @param base the configuration to start from
     * @return a builder holding {@code base}'s settings
     * @throws NullPointerException when {@code base} is null
     */
    public static Builder from(JdbcStores base) {
        Checks.present("base", base);
        Builder builder = new Builder(base.hostDataSource, base.url);
        builder.schema = base.schema;
        builder.tablePrefix = base.tablePrefix;
        builder.dialect = base.dialectSetting;
        builder.migrate = base.migrate;
        builder.batchSize = base.batchSize;
        builder.fetchSize = base.fetchSize;
        builder.clock = base.clock;
        return builder;
    }

    /**
     * Opens the embedded H2 database in {@code file}, creating it (and its tables) when it does not exist:
     * persistence without a server. H2 names the file {@code <file>.mv.db}; a path that already ends in
     * {@code .mv.db} names it directly. Commits are written to disk before they return, so a process that
     * dies keeps every committed append. Close the stores to release the file (it is also released when the
     * JVM exits); only one process opens a file at a time.
     *
     * @param file the database file, without or with its {@code .mv.db} extension
     * @return the stores, with their own connection pool
     * @throws IllegalArgumentException when the path holds a {@code ;}, which H2 reads as a setting
     * @throws JdbcStoreException when the file cannot be opened (held by another process, not an H2 file, or
     *     of a newer cxm)
     */
    public static JdbcStores h2File(Path file) {
        return builder(StoreUrl.h2File(file)).build();
    }

    /**
     * Returns the event store.
     *
     * @return the store; one instance per configuration
     */
    public JdbcEventStore eventStore() {
        return eventStore;
    }

    /**
     * Returns the customer store.
     *
     * @return the store; one instance per configuration
     */
    public JdbcCustomerStore customerStore() {
        return customerStore;
    }

    /**
     * Erases a customer from both stores in one transaction: their profile with its consents, segments and
     * identities, and every event of theirs, or (on a failure) nothing.
     *
     * @param customer the customer
     * @return what was removed, stamped with the instant of the configured clock
     * @throws JdbcStoreException when the database fails; nothing is erased then
     */
    public ErasureReport erase(CustomerId customer) {
        Checks.present("customer", customer);
        if (!Storable.holds(customer.value())) {
            return new ErasureReport(customer, 0, 0, Map.of(), clock.instant());
        }
        eventStore.requireIndexes();
        try (Connection connection = dataSource.getConnection()) {
            return Transactions.write(connection, c -> {
                long events = eventStore.erase(c, customer);
                boolean profile = customerStore.erase(c, customer);
                return new ErasureReport(customer, profile ? 1 : 0, events, Map.of(), clock.instant());
            });
        } catch (SQLException e) {
            throw SqlFailures.of("erasing customer " + customer, e);
        }
    }

    /**
     * Returns the URL the stores opened their own pool on.
     *
     * @return the URL, or empty when the stores run on a host's data source
     */
    public Optional<StoreUrl> url() {
        return url;
    }

    /**
     * Returns the dialect the stores speak: the one set, else the one detected.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Returns the schema the tables are in, if set.
     *
     * @return the schema, or empty for the connection's current schema
     */
    public Optional<String> schema() {
        return schema;
    }

    /**
     * Returns the prefix of every table's name.
     *
     * @return the prefix, possibly empty
     */
    public String tablePrefix() {
        return tablePrefix;
    }

    /**
     * Returns whether {@link Builder#build()} applies the migrations.
     *
     * @return whether the stores migrate their tables
     */
    public boolean migrate() {
        return migrate;
    }

    /**
     * Returns how many events go to the database in one statement of an append.
     *
     * @return the batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Returns how many rows a stream fetches at a time (a PostgreSQL stream read by {@code COPY}, a query of types
     * and time bounds only, has no fetches: the server sends its rows as the client reads them).
     *
     * @return the fetch size
     */
    public int fetchSize() {
        return fetchSize;
    }

    /**
     * Returns the clock whose instant stamps an {@link #erase} report.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Releases what the stores opened themselves: the connection pool of a {@link StoreUrl} (for an H2 file,
     * {@link #h2File} or {@code h2:PATH}, this closes the file). Before an H2 file closes, it is rewritten to
     * hold only live data ({@code SHUTDOWN COMPACT}) when a customer was erased since it was opened (so that
     * no old page of the file still holds their rows) or when it is at least 64 MiB and less than half of it
     * is live data (H2 keeps old pages after many appends); this takes time in proportion to the data, a few
     * seconds for a million events. A host's data source, and a database named by a {@code jdbc:} URL, are
     * the host's to maintain; for a host's data source, this does nothing.
     *
     * Closing again does nothing.
     *
     * @throws JdbcStoreException when the file cannot be compacted; the pool is released all the same
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ownPool.ifPresent(pool -> {
            try {
                if (upkeep.owned()) {
                    try (Connection connection = pool.getConnection()) {
                        upkeep.compactOnClose(connection);
                    }
                }
            } catch (SQLException e) {
                throw SqlFailures.of("compacting the H2 file", e);
            } finally {
                pool.dispose();
            }
        });
    }

    /**
     * Compares the configuration: the same data source instance (or equal URLs) and equal settings.
     *
     * @param other the object to compare with
     * @return whether {@code other} configures the same stores
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof JdbcStores that && sameSource(that) && schema.equals(that.schema)
                && tablePrefix.equals(that.tablePrefix) && dialectSetting.equals(that.dialectSetting)
                && migrate == that.migrate && batchSize == that.batchSize && fetchSize == that.fetchSize
                && clock.equals(that.clock);
    }

    private boolean sameSource(JdbcStores that) {
        return url.isPresent() ? url.equals(that.url)
                : that.hostDataSource.isPresent() && hostDataSource.orElseThrow() == that.hostDataSource.orElseThrow();
    }

    /**
     * Returns a hash of the configuration.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(url.isPresent() ? url : System.identityHashCode(dataSource), schema, tablePrefix,
                dialectSetting, migrate,
                batchSize, fetchSize, clock);
    }

    /**
     * Returns the settings, for logs.
     *
     * @return the dialect, schema, prefix and sizes
     */
    @Override
    public String toString() {
        return "JdbcStores[" + url.map(u -> u.redacted() + ", ").orElse("") + "dialect=" + dialect + ", schema="
                + schema.orElse("(current)") + ", tablePrefix="
                + tablePrefix + ", migrate=" + migrate + ", batchSize=" + batchSize + ", fetchSize=" + fetchSize + "]";
    }

    /** Builds {@link JdbcStores}; each setter refuses a bad value at once, leaving the builder as it was. */
    public static final class Builder {
        private final Optional<DataSource> dataSource;
        private final Optional<StoreUrl> url;
        private Optional<String> schema = Optional.empty();
        private String tablePrefix = DEFAULT_TABLE_PREFIX;
        private Optional<Dialect> dialect = Optional.empty();
        private boolean migrate = true;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int fetchSize = DEFAULT_FETCH_SIZE;
        private Clock clock = Clock.systemUTC();

        private Builder(Optional<DataSource> dataSource, Optional<StoreUrl> url) {
            this.dataSource = dataSource;
            this.url = url;
        }

        /**
         * Puts the tables in {@code name} (created by the migration when missing).
         *
         * @param name a lower-case letter, then up to 62 lower-case letters, digits or underscores
         * @return this builder
         * @throws IllegalArgumentException when the name is not such a plain name
         */
        public Builder schema(String name) {
            Checks.present("schema", name);
            new Tables(Optional.of(name), tablePrefix);
            this.schema = Optional.of(name);
            return this;
        }

        /**
         * Prefixes every table's name with {@code prefix}, {@value #DEFAULT_TABLE_PREFIX} unless set.
         *
         * @param prefix empty, or a lower-case letter and up to 29 lower-case letters, digits or underscores
         * @return this builder
         * @throws IllegalArgumentException when the prefix is not such a plain prefix
         */
        public Builder tablePrefix(String prefix) {
            Checks.present("tablePrefix", prefix);
            new Tables(schema, prefix);
            this.tablePrefix = prefix;
            return this;
        }

        /**
         * Names the dialect instead of detecting it from the connection.
         *
         * @param value the dialect
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder dialect(Dialect value) {
            this.dialect = Optional.of(Checks.present("dialect", value));
            return this;
        }

        /**
         * Sets whether {@link #build()} applies the Flyway migrations (the default); a host that runs its own
         * Flyway, with {@link Dialect#migrationLocation()} among its locations, switches it off, and the
         * stores then only check the schema's version.
         *
         * @param value whether to migrate
         * @return this builder
         */
        public Builder migrate(boolean value) {
            this.migrate = value;
            return this;
        }

        /**
         * Sets how many events go to the database in one statement of an append.
         *
         * @param value 1 to 10,000
         * @return this builder
         * @throws IllegalArgumentException when the value is outside that range
         */
        public Builder batchSize(int value) {
            this.batchSize = inRange("batchSize", value, 10_000);
            return this;
        }

        /**
         * Sets how many rows a stream fetches at a time (not used by a PostgreSQL stream read by {@code COPY}).
         *
         * @param value 1 to 100,000
         * @return this builder
         * @throws IllegalArgumentException when the value is outside that range
         */
        public Builder fetchSize(int value) {
            this.fetchSize = inRange("fetchSize", value, 100_000);
            return this;
        }

        /**
         * Sets the clock whose instant stamps an erasure's report, the system UTC clock unless set.
         *
         * @param value the clock
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder clock(Clock value) {
            this.clock = Checks.present("clock", value);
            return this;
        }

        private static int inRange(String field, int value, int max) {
            if (value < 1 || value > max) {
                throw new IllegalArgumentException(field + ": " + value + " is outside 1.." + max);
            }
            return value;
        }

        /**
         * Connects (opening a pool of its own on a {@link StoreUrl}), migrates (unless switched off), checks the
         * schema's version and returns the stores.
         *
         * @return the configured stores
         * @throws JdbcStoreException when the database cannot be reached, is neither PostgreSQL nor H2, the
         *     migration fails, its cxm tables are missing or of another version, or the connections to a
         *     PostgreSQL database are not the PostgreSQL driver's; a pool opened on a URL is closed again
         */
        public JdbcStores build() {
            if (dataSource.isPresent()) {
                return new JdbcStores(this, dataSource.orElseThrow(), Optional.empty());
            }
            JdbcConnectionPool pool = UrlPools.open(url.orElseThrow());
            try {
                return new JdbcStores(this, pool, Optional.of(pool));
            } catch (RuntimeException e) {
                pool.dispose();
                throw e;
            }
        }
    }
}
