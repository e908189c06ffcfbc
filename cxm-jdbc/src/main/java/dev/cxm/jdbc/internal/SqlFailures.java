package dev.cxm.jdbc.internal;

import java.sql.SQLException;

import dev.cxm.jdbc.JdbcStoreException;

/**
 * Turns a driver's {@link SQLException} into a {@link JdbcStoreException} of one sentence. The driver's own
 * message is repeated only for connection failures (SQL state class 08), whose text names hosts and ports;
 * for other failures only the SQL state, since a message about a value may quote it.
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
        return "the database refused a statement (SQL state " + (state == null ? "unknown" : state) + ", "
                + failure.getClass().getSimpleName() + ")";
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
