package dev.cxm.jdbc.internal;

import java.sql.SQLException;

import dev.cxm.jdbc.JdbcStoreException;

/**
 * Turns a driver's {@link SQLException} into a {@link JdbcStoreException} of one sentence. The driver's own
 * message is repeated only for connection failures (SQL state class 08), whose text names hosts and ports;
 * for other failures only the SQL state, since a message about a value may quote it. A session the server
 * ended (PostgreSQL's states {@code 57P01} to {@code 57P05}: a shutdown, a crash, a terminated backend) is
 * a lost connection too, not a refused statement.
 */
public final class SqlFailures {

    private SqlFailures() {}

    /** Returns the exception for {@code failure} during {@code doing} (such as "reading events"). */
    public static JdbcStoreException of(String doing, SQLException failure) {
        return new JdbcStoreException(doing + " failed: " + describe(failure), failure);
    }

    /** Returns a short description of the failure: the connection problem, or the SQL state. */
    public static String describe(SQLException failure) {
        String state = failure.getSQLState();
        if (state != null && state.startsWith("08")) {
            return "the connection to the database failed (" + firstLine(failure.getMessage()) + ")";
        }
        if (state != null && state.startsWith("57P")) {
            return "the database server ended the connection (SQL state " + state + ": shut down, restarted or the"
                    + " session terminated); the next call gets a new connection";
        }
        return "the database refused a statement (SQL state " + (state == null ? "unknown" : state) + ", "
                + failure.getClass().getSimpleName() + ")";
    }

    /** The SQL state of a unique violation (a duplicate key), in the standard and in both dialects. */
    public static final String UNIQUE_VIOLATION = "23505";

    /** Returns whether {@code failure}, or an exception it chains or wraps, is a unique violation. */
    public static boolean isUniqueViolation(SQLException failure) {
        for (SQLException next = failure; next != null; next = next.getNextException()) {
            for (Throwable cause = next; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Returns the first line of a message. */
    public static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
