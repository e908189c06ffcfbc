package dev.cxm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Inserts a batch of events into H2, first trusting that every id is new: the rows go in as plain
 * {@code INSERT}s of {@value #ROWS_PER_INSERT} rows each, and when the unique event id refuses one, the batch
 * is rolled back to a savepoint and goes in again as a JDBC batch of {@code MERGE ... WHEN NOT MATCHED THEN
 * INSERT}, which skips the events stored already. Then the attributes of the events inserted, one row each, go
 * into the attributes table (which the queries by attribute read, since H2 cannot look into JSON text).
 *
 * <p>The {@code INSERT} spares the {@code MERGE}'s lookup of each id and the table of one row it builds per
 * event, and one statement of many rows spares a statement's start per event; an append of new events, the
 * usual one, takes that path only.
 */
final class H2EventInsert {

    /** Rows per {@code INSERT} statement: 64 rows of 22 parameters. */
    static final int ROWS_PER_INSERT = 64;

    private final Tables tables;

    H2EventInsert(Tables tables) {
        this.tables = tables;
    }

    /**
     * Inserts the rows that are new, numbered from {@code firstSeq}, with their attributes; returns the indexes in
     * {@code rows} of those inserted.
     */
    BitSet insert(Connection connection, List<EventRow> rows, long firstSeq) throws SQLException {
        Savepoint beforeInsert = connection.setSavepoint();
        try {
            insertAll(connection, rows, firstSeq);
        } catch (SQLException e) {
            if (!SqlFailures.isUniqueViolation(e)) {
                throw e;
            }
            connection.rollback(beforeInsert);
            return merge(connection, rows, firstSeq);
        }
        BitSet all = EventAppender.all(rows.size());
        insertAttributes(connection, rows, all, firstSeq);
        return all;
    }

    /** Inserts every row with plain {@code INSERT}s of many rows; fails on an id stored already. */
    private void insertAll(Connection connection, List<EventRow> rows, long firstSeq) throws SQLException {
        int whole = rows.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        if (whole > 0) {
            try (PreparedStatement statement = connection.prepareStatement(insertSql(ROWS_PER_INSERT))) {
                for (int from = 0; from < whole; from += ROWS_PER_INSERT) {
                    for (int i = 0; i < ROWS_PER_INSERT; i++) {
                        bind(statement, i * EventColumns.COUNT, rows.get(from + i), firstSeq + from + i);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (whole < rows.size()) {
            try (PreparedStatement statement = connection.prepareStatement(insertSql(rows.size() - whole))) {
                for (int i = whole; i < rows.size(); i++) {
                    bind(statement, (i - whole) * EventColumns.COUNT, rows.get(i), firstSeq + i);
                }
                statement.executeUpdate();
            }
        }
    }

    private String insertSql(int rowCount) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(tables.events()).append(" (")
                .append(EventColumns.NAMES).append(") VALUES ");
        String row = "(" + "?, ".repeat(EventColumns.COUNT - 1) + "?)";
        for (int i = 0; i < rowCount; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    /** Inserts the rows whose ids are not stored, skipping the others; returns the indexes of those inserted. */
    private BitSet merge(Connection connection, List<EventRow> rows, long firstSeq) throws SQLException {
        String merge = "MERGE INTO " + tables.events() + " t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR),"
                + " CAST(? AS VARCHAR), CAST(? AS SMALLINT), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS VARCHAR),"
                + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT),"
                + " CAST(? AS VARCHAR), CAST(? AS NUMERIC(36, 18)), CAST(? AS VARCHAR), CAST(? AS INTEGER),"
                + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER),"
                + " CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS s (" + EventColumns.NAMES + ") ON t.event_id = s.event_id"
                + " WHEN NOT MATCHED THEN INSERT (" + EventColumns.NAMES + ") VALUES (s."
                + EventColumns.NAMES.replace(", ", ", s.") + ")";
        BitSet inserted = new BitSet(rows.size());
        try (PreparedStatement statement = connection.prepareStatement(merge)) {
            for (int i = 0; i < rows.size(); i++) {
                bind(statement, 0, rows.get(i), firstSeq + i);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    inserted.set(i);
                }
            }
        }
        insertAttributes(connection, rows, inserted, firstSeq);
        return inserted;
    }

    private void insertAttributes(Connection connection, List<EventRow> rows, BitSet insertedRows, long firstSeq)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + tables.eventAttributes()
                + " (event_seq, attribute_key, attribute_value) VALUES (?, ?, ?)")) {
            boolean any = false;
            for (int i = insertedRows.nextSetBit(0); i >= 0; i = insertedRows.nextSetBit(i + 1)) {
                for (Map.Entry<String, String> attribute : rows.get(i).attributeMap().entrySet()) {
                    statement.setLong(1, firstSeq + i);
                    statement.setString(2, attribute.getKey());
                    statement.setString(3, attribute.getValue());
                    statement.addBatch();
                    any = true;
                }
            }
            if (any) {
                statement.executeBatch();
            }
        }
    }

    /** Binds the row's 22 columns to the parameters after {@code offset}. */
    private static void bind(PreparedStatement statement, int offset, EventRow row, long seq) throws SQLException {
        statement.setLong(offset + 1, seq);
        statement.setString(offset + 2, row.eventId());
        statement.setString(offset + 3, row.customerId());
        statement.setShort(offset + 4, row.eventType());
        statement.setObject(offset + 5, OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC));
        setNullable(statement, offset + 6, row.touchpointId(), Types.VARCHAR);
        setNullable(statement, offset + 7, row.touchpointName(), Types.VARCHAR);
        setNullable(statement, offset + 8, row.touchpointChannel(), Types.VARCHAR);
        setNullable(statement, offset + 9, row.touchpointStage(), Types.VARCHAR);
        setNullable(statement, offset + 10, row.outcome(), Types.VARCHAR);
        setNullable(statement, offset + 11, row.durationNanos(), Types.BIGINT);
        setNullable(statement, offset + 12, row.orderId(), Types.VARCHAR);
        setNullable(statement, offset + 13, row.amount(), Types.NUMERIC);
        setNullable(statement, offset + 14, row.currency(), Types.VARCHAR);
        setNullable(statement, offset + 15, row.itemCount(), Types.INTEGER);
        setNullable(statement, offset + 16, row.surveyId(), Types.VARCHAR);
        setNullable(statement, offset + 17, row.scaleName(), Types.VARCHAR);
        setNullable(statement, offset + 18, row.scaleMin(), Types.INTEGER);
        setNullable(statement, offset + 19, row.scaleMax(), Types.INTEGER);
        setNullable(statement, offset + 20, row.score(), Types.INTEGER);
        setNullable(statement, offset + 21, row.comment(), Types.VARCHAR);
        setNullable(statement, offset + 22, row.attributes(), Types.VARCHAR);
    }

    private static void setNullable(PreparedStatement statement, int index, Object value, int type) throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
        } else {
            statement.setObject(index, value);
        }
    }
}
