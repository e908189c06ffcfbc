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

    /** One secondary index: its name without the prefix, its table's name without the prefix, its columns. */
    private record Index(String name, String table, String columns) {}

    /**
     * The secondary indexes in the order they are built, the time index last (its presence marks a finished
     * load); the others a finished load may defer.
     */
    private static final List<Index> INDEXES = List.of(
            new Index("event_attributes_entry", "event_attributes", "attribute_key, attribute_value"),
            new Index("events_touchpoint", "events", "touchpoint_id"),
            new Index("events_customer", "events", "customer_id, occurred_at, seq"),
            new Index("events_time", "events", "occurred_at, seq"));

    private static final Index TIME = INDEXES.get(INDEXES.size() - 1);

    private final Tables tables;

    /**
     * Creates the indexes' statements for the tables.
     *
     * @param tables the store's tables
     */
    public H2LoadIndexes(Tables tables) {
        this.tables = tables;
    }

    private String create(Index index) {
        return "CREATE INDEX IF NOT EXISTS " + tables.name(index.name()) + " ON " + tables.name(index.table()) + " ("
                + index.columns() + ")";
    }

    /**
     * Drops the secondary indexes, the time index first; each statement commits (H2's DDL does).
     *
     * @param connection a connection in auto-commit
     * @throws SQLException when a statement fails
     */
    public void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int i = INDEXES.size() - 1; i >= 0; i--) {
                statement.execute("DROP INDEX IF EXISTS " + tables.name(INDEXES.get(i).name()));
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
            for (Index index : INDEXES) {
                statement.execute(create(index));
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
            statement.execute(create(TIME));
        }
    }

    /**
     * Deletes every event and feedback count, and with {@code attributeTable} every row of the attributes table
     * (H2's; PostgreSQL keeps attributes in a column), in one transaction: what a failed or interrupted bulk
     * load leaves behind.
     *
     * @param connection a connection in auto-commit
     * @param attributeTable whether the store has an attributes table
     * @return the events deleted
     * @throws SQLException when a statement fails
     */
    public long emptyEvents(Connection connection, boolean attributeTable) throws SQLException {
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
        return present(connection, List.of(TIME)) == 0;
    }

    /** Returns how many of the indexes the schema holds. */
    private long present(Connection connection, List<Index> indexes) throws SQLException {
        // Unquoted names are stored in upper case by H2's default settings; compare ignoring case.
        String sql = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE UPPER(INDEX_NAME) IN ("
                + String.join(", ", java.util.Collections.nCopies(indexes.size(), "UPPER(?)"))
                + ") AND UPPER(TABLE_SCHEMA) = UPPER(COALESCE(?, SCHEMA()))";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < indexes.size(); i++) {
                query.setString(i + 1, tables.prefix() + indexes.get(i).name());
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
                List<Index> deferrable = INDEXES.subList(0, INDEXES.size() - 1);
                if (present(connection, deferrable) < deferrable.size()) {
                    create(connection);
                }
                return false;
            }
            emptyEvents(connection, true);
            create(connection);
            return true;
        }
    }
}
