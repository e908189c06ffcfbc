package dev.cxm.jdbc.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Inserts a batch of events into PostgreSQL with {@code COPY} in the binary format ({@link BinaryCopyWriter}):
 * either all of them, trusting that none is stored ({@link #insertNew}), or, after one query found which of the
 * batch's ids are stored already, the others ({@link #insert}).
 *
 * <p>{@code COPY} is how PostgreSQL takes rows fastest: the driver writes while the server reads, and in the
 * binary format the server takes timestamps, integers and text as they are stored, without parsing or
 * escapes. It cannot skip a row whose id is taken, so the ids are looked up first; that is safe because
 * appends run one after another (each holds the row lock of the sequence table until it commits), so no other
 * append can store an id between the lookup and the {@code COPY}. A writer outside the stores that stored one
 * meanwhile would make the primary key refuse the {@code COPY}, and the append fail whole. (Measured against
 * {@code INSERT ... ON CONFLICT (event_id) DO NOTHING}, from arrays or from a staging table filled by
 * {@code COPY}: the server spent about 1.5 times the CPU per event on those; see docs/PERFORMANCE.md.)
 *
 * <p>The lookup costs the server about 1.4 µs an event, a tenth of the insert, and finds nothing in the usual
 * append of new events; so an append first inserts without it, and only when the primary key refuses an id
 * ({@link StoredIdMet}) runs again, from the start of its transaction, with the lookups.
 */
final class PostgresEventInsert {

    /** About the bytes of one row in COPY's binary format, to size the buffer of a batch. */
    private static final int ROW_BYTES = 256;

    private final Tables tables;

    PostgresEventInsert(Tables tables) {
        this.tables = tables;
    }

    /**
     * Thrown by {@link #insertNew} when one of the rows' ids is stored already: the transaction is aborted, and
     * the append runs again with {@link #insert}.
     */
    static final class StoredIdMet extends SQLException {
        private static final long serialVersionUID = 1L;

        StoredIdMet(SQLException cause) {
            super("an event id of the batch is stored already", SqlFailures.UNIQUE_VIOLATION, cause);
        }
    }

    /**
     * Inserts every row, numbered from {@code firstSeq}, trusting that no id is stored.
     *
     * @throws StoredIdMet when an id is stored already (the transaction is then aborted)
     */
    void insertNew(Connection connection, List<EventRow> rows, long firstSeq) throws SQLException {
        BinaryCopyWriter data = new BinaryCopyWriter(rows.size() * ROW_BYTES);
        for (int i = 0; i < rows.size(); i++) {
            row(data, rows.get(i), firstSeq + i);
        }
        try {
            copy(connection, data);
        } catch (SQLException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                throw new StoredIdMet(e);
            }
            throw e;
        }
    }

    /**
     * Inserts the rows whose id is not stored, numbered from {@code firstSeq}; returns the indexes in
     * {@code rows} of those inserted.
     */
    BitSet insert(Connection connection, List<EventRow> rows, long firstSeq) throws SQLException {
        Set<String> stored = new HashSet<>();
        String[] ids = new String[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rows.get(i).eventId();
        }
        try (PreparedStatement lookup = connection.prepareStatement("SELECT event_id FROM " + tables.events()
                + " WHERE event_id = ANY(?)")) {
            Array array = connection.createArrayOf("text", ids);
            try {
                lookup.setArray(1, array);
                try (ResultSet found = lookup.executeQuery()) {
                    while (found.next()) {
                        stored.add(found.getString(1));
                    }
                }
            } finally {
                array.free();
            }
        }
        BitSet inserted = new BitSet(rows.size());
        BinaryCopyWriter data = new BinaryCopyWriter(rows.size() * ROW_BYTES);
        for (int i = 0; i < rows.size(); i++) {
            EventRow row = rows.get(i);
            if (!stored.contains(row.eventId())) {
                row(data, row, firstSeq + i);
                inserted.set(i);
            }
        }
        if (!inserted.isEmpty()) {
            copy(connection, data);
        }
        return inserted;
    }

    private void copy(Connection connection, BinaryCopyWriter data) throws SQLException {
        data.end();
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + tables.events() + " ("
                + EventColumns.NAMES + ") FROM STDIN (FORMAT binary)");
        try {
            in.writeToCopy(data.bytes(), 0, data.size());
            in.endCopy();
        } catch (SQLException | RuntimeException e) {
            cancelQuietly(in);
            throw e;
        }
    }

    private static void cancelQuietly(CopyIn in) {
        try {
            if (in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException ignored) {
            // The connection is lost; the transaction ends with it.
        }
    }

    /** Appends the row in COPY's binary format, its columns in {@link EventColumns#NAMES} order. */
    private static void row(BinaryCopyWriter data, EventRow row, long seq) {
        data.row(EventColumns.COUNT);
        data.bigint(seq);
        data.text(row.eventId());
        data.text(row.customerId());
        data.smallint(row.eventType());
        data.timestamp(row.occurredAt());
        data.text(row.touchpointId());
        data.text(row.touchpointName());
        data.text(row.touchpointChannel());
        data.text(row.touchpointStage());
        data.text(row.outcome());
        data.bigint(row.durationNanos());
        data.text(row.orderId());
        data.numeric(row.amount(), row.eventId());
        data.text(row.currency());
        data.integer(row.itemCount());
        data.text(row.surveyId());
        data.text(row.scaleName());
        data.integer(row.scaleMin());
        data.integer(row.scaleMax());
        data.integer(row.score());
        data.text(row.comment());
        data.jsonb(row.attributes());
    }
}
