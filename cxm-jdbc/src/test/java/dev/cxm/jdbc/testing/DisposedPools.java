package dev.cxm.jdbc.testing;

import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The pools a test opened, disposed after each test (register it with {@code @RegisterExtension} on an instance
 * field): a test hands each pool to {@link #add} as it opens it, and needs no disposal of its own.
 */
public final class DisposedPools implements AfterEachCallback {

    private final List<JdbcConnectionPool> pools = new ArrayList<>();

    /**
     * Keeps {@code pool} for disposal after the test.
     *
     * @param pool the pool the test opened
     * @return the same pool
     */
    public JdbcConnectionPool add(JdbcConnectionPool pool) {
        pools.add(pool);
        return pool;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        pools.forEach(JdbcConnectionPool::dispose);
        pools.clear();
    }
}
