package dev.cxm.jdbc.testing;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.ConnectionPoolDataSource;

import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Pooled data sources of the three databases the stores are tested on, with the pool's count of borrowed
 * connections (what a stream left open would keep). H2's own small pool serves PostgreSQL too (it pools any
 * {@code ConnectionPoolDataSource}), so the tests need no pool library.
 */
public final class TestDatabases {

    private static final AtomicInteger MEMORY_DATABASES = new AtomicInteger();

    private TestDatabases() {}

    /**
     * Returns a pool of a new, empty H2 database in memory; it lives while the pool has a connection.
     *
     * @return the pool
     */
    public static JdbcConnectionPool h2Memory() {
        return pool(JdbcConnectionPool.create("jdbc:h2:mem:cxm" + MEMORY_DATABASES.incrementAndGet()
                + ";LAZY_QUERY_EXECUTION=TRUE", "sa", ""));
    }

    /**
     * Returns a pool of the H2 database in {@code file} (created when missing), as {@code JdbcStores.h2File}
     * opens it.
     *
     * @param file the file, without {@code .mv.db}
     * @return the pool
     */
    public static JdbcConnectionPool h2File(Path file) {
        return pool(JdbcConnectionPool.create("jdbc:h2:file:" + file.toAbsolutePath()
                + ";WRITE_DELAY=0;LAZY_QUERY_EXECUTION=TRUE", "sa", ""));
    }

    /**
     * Returns a pool of a new, empty database on the embedded PostgreSQL server.
     *
     * @return the pool
     */
    public static JdbcConnectionPool postgres() {
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        try {
            // By name: the test code is compiled into the module, which does not read the driver's module.
            ConnectionPoolDataSource source = (ConnectionPoolDataSource) Class
                    .forName("org.postgresql.ds.PGConnectionPoolDataSource").getConstructor().newInstance();
            source.getClass().getMethod("setURL", String.class).invoke(source, url);
            return pool(JdbcConnectionPool.create(source));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the PostgreSQL driver is not on the test class path", e);
        }
    }

    private static JdbcConnectionPool pool(JdbcConnectionPool pool) {
        pool.setMaxConnections(40);
        return pool;
    }
}
