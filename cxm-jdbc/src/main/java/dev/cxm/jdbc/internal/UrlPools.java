package dev.cxm.jdbc.internal;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

import dev.cxm.jdbc.StoreUrl;

/** Opens the small connection pool the stores keep on a {@link StoreUrl}: H2's own pool, for each of the kinds. */
public final class UrlPools {

    /** The most connections an H2 file's pool holds: a stream holds one while it is open. */
    private static final int H2_FILE_CONNECTIONS = 32;

    private UrlPools() {}

    /**
     * Opens a pool on the URL; nothing connects yet.
     *
     * @param url the URL
     * @return the pool, to dispose of when done
     */
    public static JdbcConnectionPool open(StoreUrl url) {
        return open(url, Ticker.SYSTEM);
    }

    /**
     * Opens a pool on the URL whose PostgreSQL connections time their idleness with {@code ticker}; nothing
     * connects yet.
     *
     * @param url the URL
     * @param ticker times how long a pooled connection was idle (tests advance their own)
     * @return the pool, to dispose of when done
     */
    public static JdbcConnectionPool open(StoreUrl url, Ticker ticker) {
        return switch (url.kind()) {
            case H2_FILE -> h2File(url);
            case H2 -> JdbcConnectionPool.create(url.url(), url.user().orElse("sa"), url.password().orElse(""));
            case POSTGRESQL -> {
                PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
                source.setURL(url.url());
                url.user().ifPresent(source::setUser);
                url.password().ifPresent(source::setPassword);
                // Checked before a loan after a second idle: H2's pool would lend a connection whose server has gone.
                yield JdbcConnectionPool.create(new ValidatedConnectionSource(source, ticker));
            }
        };
    }

    private static JdbcConnectionPool h2File(StoreUrl url) {
        String path = url.h2FilePath().orElseThrow().toAbsolutePath().normalize().toString();
        if (path.endsWith(".mv.db")) {
            path = path.substring(0, path.length() - ".mv.db".length());
        }
        // WRITE_DELAY=0: a commit is on disk when it returns. LAZY_QUERY_EXECUTION: a stream reads rows as it goes.
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + path
                + ";WRITE_DELAY=0;LAZY_QUERY_EXECUTION=TRUE", "sa", "");
        pool.setMaxConnections(H2_FILE_CONNECTIONS);
        return pool;
    }
}
