package dev.cxm.jdbc;

import java.util.Locale;
import java.util.Optional;

/**
 * The databases the JDBC stores speak to. {@link JdbcStores} detects the dialect from the connection's
 * product name; a host may name it instead ({@link JdbcStores.Builder#dialect}).
 */
public enum Dialect {
    /** PostgreSQL 14 or newer. */
    POSTGRESQL("postgresql"),
    /** H2 2.x, embedded in a file or in memory. */
    H2("h2");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * Returns the classpath location of this dialect's Flyway migrations, such as
     * {@code classpath:db/migration/cxm/postgresql}: what a host that runs its own Flyway adds to its
     * locations.
     *
     * @return the location
     */
    public String migrationLocation() {
        return "classpath:db/migration/cxm/" + folder;
    }

    /**
     * Returns the dialect of a database product, as JDBC's {@code DatabaseMetaData.getDatabaseProductName()}
     * names it.
     *
     * @param productName the product name, such as {@code PostgreSQL} or {@code H2}
     * @return the dialect, or empty for a database the stores do not speak to
     */
    public static Optional<Dialect> ofProduct(String productName) {
        String name = productName.strip().toLowerCase(Locale.ROOT);
        if (name.equals("postgresql")) {
            return Optional.of(POSTGRESQL);
        }
        if (name.equals("h2")) {
            return Optional.of(H2);
        }
        return Optional.empty();
    }
}
