package dev.cxm.jdbc;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

import dev.cxm.jdbc.testing.EmbeddedPostgresServer;
import dev.cxm.jdbc.testing.FailingDataSource;
import dev.cxm.jdbc.testing.TestDatabases;

/** {@link JdbcFaultTests} on H2 in memory and on PostgreSQL. */
class JdbcFaultTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<JdbcConnectionPool> POOLS = new ArrayList<>();

    @AfterAll
    static void closePools() {
        POOLS.forEach(JdbcConnectionPool::dispose);
    }

    private static DataSource pooled(JdbcConnectionPool pool) {
        POOLS.add(pool);
        return pool;
    }

    /** H2 in memory. */
    @Nested
    class H2 extends JdbcFaultTests {
        @Override
        FailingDataSource.ConnectionFactory unpooledDatabase() {
            String url = "jdbc:h2:mem:fault" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
            return () -> DriverManager.getConnection(url, "sa", "");
        }

        @Override
        DataSource pooledDatabase() {
            return pooled(TestDatabases.h2Memory());
        }
    }

    /** PostgreSQL. */
    @Nested
    class Postgres extends JdbcFaultTests {
        @Override
        FailingDataSource.ConnectionFactory unpooledDatabase() {
            DataSource database = EmbeddedPostgresServer.newDatabase();
            return database::getConnection;
        }

        @Override
        DataSource pooledDatabase() {
            return pooled(TestDatabases.postgres());
        }
    }
}
