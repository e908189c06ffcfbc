package dev.cxm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inserts a batch of events into H2: a JDBC batch of {@code MERGE ... WHEN NOT MATCHED THEN INSERT}, which
 * skips an event whose id is stored already, then the attributes of the events inserted, one row each, into
 * the attributes table (which the queries by attribute read, since H2 cannot look into JSON text).
 */
final class H2EventInsert {

    private final Tables tables;

    H2EventInsert(Tables tables) {
        this.tables = tables;
    }

    /** Inserts the rows that are new, numbered from {@code firstSeq}, with their attributes; returns the ids inserted. */
    Set<String> insert(Connection connection, List<EventRow> rows, long firstSeq) throws SQLException {
        String merge = "MERGE INTO " + tables.events() + " t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR),"
                + " CAST(? AS VARCHAR), CAST(? AS SMALLINT), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS VARCHAR),"
                + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT),"
                + " CAST(? AS VARCHAR), CAST(? AS NUMERIC(36, 18)), CAST(? AS VARCHAR), CAST(? AS INTEGER),"
                + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER),"
                + " CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS s (" + EventColumns.NAMES + ") ON t.event_id = s.event_id"
                + " WHEN NOT MATCHED THEN INSERT (" + EventColumns.NAMES + ") VALUES (s."
                + EventColumns.NAMES.replace(", ", ", s.") + ")";
        Set<String> inserted = new HashSet<>();
        List<Integer> insertedRows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(merge)) {
            for (int i = 0; i < rows.size(); i++) {
                bind(statement, rows.get(i), firstSeq + i);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    inserted.add(rows.get(i).eventId());
                    insertedRows.add(i);
                }
            }
        }
        insertAttributes(connection, rows, insertedRows, firstSeq);
        return inserted;
    }

    private void insertAttributes(Connection connection, List<EventRow> rows, List<Integer> insertedRows,
            long firstSeq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + tables.eventAttributes()
                + " (event_seq, attribute_key, attribute_value) VALUES (?, ?, ?)")) {
            boolean any = false;
            for (int i : insertedRows) {
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

    private static void bind(PreparedStatement statement, EventRow row, long seq) throws SQLException {
        statement.setLong(1, seq);
        statement.setString(2, row.eventId());
        statement.setString(3, row.customerId());
        statement.setShort(4, row.eventType());
        statement.setObject(5, OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC));
        setNullable(statement, 6, row.touchpointId(), Types.VARCHAR);
        setNullable(statement, 7, row.touchpointName(), Types.VARCHAR);
        setNullable(statement, 8, row.touchpointChannel(), Types.VARCHAR);
        setNullable(statement, 9, row.touchpointStage(), Types.VARCHAR);
        setNullable(statement, 10, row.outcome(), Types.VARCHAR);
        setNullable(statement, 11, row.durationNanos(), Types.BIGINT);
        setNullable(statement, 12, row.orderId(), Types.VARCHAR);
        setNullable(statement, 13, row.amount(), Types.NUMERIC);
        setNullable(statement, 14, row.currency(), Types.VARCHAR);
        setNullable(statement, 15, row.itemCount(), Types.INTEGER);
        setNullable(statement, 16, row.surveyId(), Types.VARCHAR);
        setNullable(statement, 17, row.scaleName(), Types.VARCHAR);
        setNullable(statement, 18, row.scaleMin(), Types.INTEGER);
        setNullable(statement, 19, row.scaleMax(), Types.INTEGER);
        setNullable(statement, 20, row.score(), Types.INTEGER);
        setNullable(statement, 21, row.comment(), Types.VARCHAR);
        setNullable(statement, 22, row.attributes(), Types.VARCHAR);
    }

    private static void setNullable(PreparedStatement statement, int index, Object value, int type) throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
        } else {
            statement.setObject(index, value);
        }
    }
}
