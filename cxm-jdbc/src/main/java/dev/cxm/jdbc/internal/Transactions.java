package dev.cxm.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs work on a connection in one transaction: committed when the work returns, rolled back when it throws.
 * A connection that is lost meanwhile cannot be rolled back or reset; the database then rolls back what it
 * had of the transaction, and the work's own failure is what the caller sees, not the failure to clean up.
 */
public final class Transactions {

    private Transactions() {}

    /** Work on a connection, inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work on {@code connection}. */
        T run(Connection connection) throws SQLException;
    }

    /** How long a writer waits for the appends before it to commit. */
    private static final Duration LOCK_WAIT = Duration.ofMinutes(10);
    /** The SQL state of H2's lock timeout. */
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    /** A statement that may have to wait for a row lock. */
    @FunctionalInterface
    public interface LockingCall<T> {
        /** Runs the statement. */
        T call() throws SQLException;
    }

    /**
     * Runs {@code call}, which takes a row lock that other writers hold until they commit (the append sequence's
     * row), waiting as long as PostgreSQL would: H2 gives up after its {@code LOCK_TIMEOUT} (1 s unless set), so
     * the call is tried again until 10 minutes have passed; PostgreSQL waits by itself.
     */
    public static <T> T waitingForLock(LockingCall<T> call) throws SQLException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            try {
                return call.call();
            } catch (SQLException e) {
                if (!H2_LOCK_TIMEOUT.equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    /** Runs {@code work} in one transaction on {@code connection}, then restores its auto-commit. */
    public static <T> T write(Connection connection, Work<T> work) throws SQLException {
        return run(connection, work, false);
    }

    /**
     * Runs {@code work} in one repeatable-read transaction (a snapshot: every statement of the work sees the
     * database as it was at the first), then restores the connection's auto-commit and isolation.
     */
    public static <T> T snapshot(Connection connection, Work<T> work) throws SQLException {
        return run(connection, work, true);
    }

    private static <T> T run(Connection connection, Work<T> work, boolean snapshot) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        try {
            if (snapshot) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            restoreQuietly(connection, autoCommit, isolation);
        }
    }

    /** Rolls back, ignoring a connection that is gone (its database rolls back by itself). */
    public static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is lost; the database rolls back what it had of the transaction.
        }
    }

    private static void restoreQuietly(Connection connection, boolean autoCommit, int isolation) {
        try {
            connection.setAutoCommit(autoCommit);
            if (connection.getTransactionIsolation() != isolation) {
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException ignored) {
            // A lost connection: the pool discards it.
        }
    }
}
