package dev.cxm.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.PGConnection;

import dev.cxm.jdbc.Dialect;
import dev.cxm.jdbc.JdbcStoreException;

/**
 * Makes a database ready for the stores: connects, detects the dialect, applies the Flyway migrations when
 * asked to, and checks that the schema is the version this library knows.
 */
public final class SchemaSetup {

    /** The schema version this library reads and writes. */
    public static final int SCHEMA_VERSION = 3;

    private SchemaSetup() {}

    /**
     * Prepares the database and returns its dialect.
     *
     * @throws JdbcStoreException when the database cannot be reached, is of another product, the migration
     *     fails, or the schema is missing or newer than this library
     */
    public static Dialect prepare(DataSource dataSource, Optional<Dialect> dialect, Tables tables, boolean migrate) {
        Dialect detected;
        boolean upperCase;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String product = metaData.getDatabaseProductName();
            detected = dialect.or(() -> Dialect.ofProduct(product)).orElseThrow(() -> new JdbcStoreException(
                    "the database is " + product + "; the cxm stores speak to PostgreSQL and H2"));
            upperCase = metaData.storesUpperCaseIdentifiers();
            if (detected == Dialect.POSTGRESQL && !connection.isWrapperFor(PGConnection.class)) {
                throw new JdbcStoreException("the data source's connections are not those of the PostgreSQL JDBC"
                        + " driver (org.postgresql), whose COPY the appends stream their rows through; give the stores"
                        + " a data source of that driver, or a pool whose connections unwrap to it");
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot connect to the database: " + SqlFailures.firstLine(e.getMessage()), e);
        }
        if (migrate) {
            migrate(dataSource, detected, tables, upperCase);
        }
        requireSchemaVersion(dataSource, tables, detected, migrate);
        return detected;
    }

    private static void migrate(DataSource dataSource, Dialect dialect, Tables tables, boolean upperCase) {
        // Flyway quotes the names it is given; the stores write them unquoted, which the database folds.
        // A host's schema usually holds the host's own tables already: Flyway refuses a non-empty schema without
        // its history table unless told to baseline, and a baseline at version 0 still applies cxm's V1 onward.
        var configuration = Flyway.configure(SchemaSetup.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .failOnMissingLocations(true)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .table(folded(tables.prefix() + "schema_history", upperCase))
                .placeholders(Map.of("prefix", tables.prefix()));
        tables.schema().ifPresent(schema -> configuration.schemas(folded(schema, upperCase)));
        try {
            configuration.load().migrate();
        } catch (FlywayException e) {
            throw new JdbcStoreException("the migration of the cxm tables failed: "
                    + SqlFailures.firstLine(e.getMessage()), e);
        }
    }

    private static String folded(String name, boolean upperCase) {
        return upperCase ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static void requireSchemaVersion(DataSource dataSource, Tables tables, Dialect dialect, boolean migrated) {
        int version;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM " + tables.schemaVersion())) {
                rows.next();
                version = rows.getInt(1);
            } catch (SQLException missing) {
                throw new JdbcStoreException("the cxm tables are not in the database (no table "
                        + tables.schemaVersion() + ")" + (migrated ? "" : "; apply the migrations at "
                        + dialect.migrationLocation() + " or let the stores migrate"), missing);
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot connect to the database: " + SqlFailures.firstLine(e.getMessage()), e);
        }
        if (version > SCHEMA_VERSION) {
            throw new JdbcStoreException("the cxm tables are at schema version " + version + ", newer than this cxm"
                    + " reads (version " + SCHEMA_VERSION + "); use the cxm that wrote them, or a newer one");
        }
        if (version < SCHEMA_VERSION) {
            throw new JdbcStoreException("the cxm tables are at schema version " + version + ", older than this cxm"
                    + " reads (version " + SCHEMA_VERSION + "); apply the migrations at " + dialect.migrationLocation());
        }
    }
}
