package dev.cxm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

/**
 * The secondary indexes of the H2 events tables, which a bulk load drops while it inserts and builds again
 * after (H2 then sorts each index once instead of updating it row by row; see {@code EventBulkLoad}).
 *
 * <p>The time index is dropped first and built last, so that its absence marks a load that did not finish:
 * a process that dies in the middle of a load leaves the store without it, and {@link #repairInterruptedLoad}
 * (run when the stores open) empties the events tables again and builds the indexes, which is what the load
 * had promised on a failure. The statements are those of the migration {@code V1__cxm_stores.sql}; a test
 * compares the indexes after a load with those a fresh schema has.
 */
public final class H2LoadIndexes {

    private final Tables tables;

    /**
     * Creates the indexes' statements for the tables.
     *
     * @param tables the store's tables
     */
    public H2LoadIndexes(Tables tables) {
        this.tables = tables;
    }

    /** Returns the statements of the indexes other than the time index: those a finished load may defer. */
    private List<String> deferrable() {
        String events = tables.events();
        return List.of(
                "CREATE INDEX IF NOT EXISTS " + tables.name("event_attributes_entry") + " ON "
                        + tables.eventAttributes() + " (attribute_key, attribute_value)",
                "CREATE INDEX IF NOT EXISTS " + tables.name("events_touchpoint") + " ON " + events + " (touchpoint_id)",
                "CREATE INDEX IF NOT EXISTS " + tables.name("events_customer") + " ON " + events
                        + " (customer_id, occurred_at, seq)");
    }

    private String createTime() {
        return "CREATE INDEX IF NOT EXISTS " + tables.name("events_time") + " ON " + tables.events()
                + " (occurred_at, seq)";
    }

    /** Returns the index statements in the order they are built, the time index last. */
    private List<String> creates() {
        List<String> creates = new java.util.ArrayList<>(deferrable());
        creates.add(createTime());
        return creates;
    }

    /**
     * Drops the secondary indexes, the time index first; each statement commits (H2's DDL does).
     *
     * @param connection a connection in auto-commit
     * @throws SQLException when a statement fails
     */
    public void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String index : List.of("events_time", "events_customer", "events_touchpoint",
                    "event_attributes_entry")) {
                statement.execute("DROP INDEX IF EXISTS " + tables.name(index));
            }
        }
    }

    /**
     * Builds the secondary indexes that are missing, the time index last; each statement commits.
     *
     * @param connection a connection in auto-commit
     * @throws SQLException when a statement fails
     */
    public void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String create : creates()) {
                statement.execute(create);
            }
        }
    }

    /**
     * Builds the time index only, which ends a load (its presence marks the load finished) and serves scans in
     * time order; the others are left to {@link #create} when they are first needed.
     *
     * @param connection a connection in auto-commit
     * @throws SQLException when the statement fails
     */
    public void createTime(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(createTime());
        }
    }

    /**
     * Deletes every event, attribute row and feedback count in one transaction.
     *
     * @param connection a connection in auto-commit
     * @return the events deleted
     * @throws SQLException when a statement fails
     */
    public long empty(Connection connection) throws SQLException {
        return emptyEvents(connection, tables, true);
    }

    /**
     * Deletes every event and feedback count, and with {@code attributeTable} every row of the attributes table
     * (H2's; PostgreSQL keeps attributes in a column), in one transaction.
     *
     * @param connection a connection in auto-commit
     * @param tables the store's tables
     * @param attributeTable whether the store has an attributes table
     * @return the events deleted
     * @throws SQLException when a statement fails
     */
    public static long emptyEvents(Connection connection, Tables tables, boolean attributeTable) throws SQLException {
        return Transactions.write(connection, c -> {
            try (Statement statement = c.createStatement()) {
                if (attributeTable) {
                    statement.executeUpdate("DELETE FROM " + tables.eventAttributes());
                }
                statement.executeUpdate("DELETE FROM " + tables.feedbackCounts());
                return (long) statement.executeUpdate("DELETE FROM " + tables.events());
            }
        });
    }

    /**
     * Returns whether the time index is missing: a bulk load started and did not finish.
     *
     * @param connection a connection
     * @return whether a load was interrupted
     * @throws SQLException when reading the catalogue fails
     */
    public boolean interrupted(Connection connection) throws SQLException {
        return present(connection, List.of("events_time")) == 0;
    }

    /** Returns how many of the named indexes (without the prefix) the schema holds. */
    private long present(Connection connection, List<String> indexes) throws SQLException {
        // Unquoted names are stored in upper case by H2's default settings; compare ignoring case.
        String sql = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE UPPER(INDEX_NAME) IN ("
                + String.join(", ", java.util.Collections.nCopies(indexes.size(), "UPPER(?)"))
                + ") AND UPPER(TABLE_SCHEMA) = UPPER(COALESCE(?, SCHEMA()))";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < indexes.size(); i++) {
                query.setString(i + 1, tables.prefix() + indexes.get(i));
            }
            query.setString(indexes.size() + 1, tables.schema().orElse(null));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Finishes what an interrupted bulk load promised: when the time index is missing, empties the events
     * tables and builds the indexes again. Else builds the indexes a finished load left to build when first
     * needed (when its stores closed before), and does nothing to a store whose indexes are all there.
     *
     * @param dataSource the database
     * @return whether a load was found interrupted and undone
     * @throws SQLException when a statement fails
     */
    public boolean repairInterruptedLoad(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!interrupted(connection)) {
                List<String> deferrable = List.of("events_customer", "events_touchpoint", "event_attributes_entry");
                if (present(connection, deferrable) < deferrable.size()) {
                    create(connection);
                }
                return false;
            }
            empty(connection);
            create(connection);
            return true;
        }
    }
}
