package dev.cxm.jdbc.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Inserts a batch of events into PostgreSQL with {@code COPY} (text format): either all of them, trusting
 * that none is stored ({@link #insertNew}), or, after one query found which of the batch's ids are stored
 * already, the others ({@link #insert}).
 *
 * <p>{@code COPY} is how PostgreSQL takes rows fastest: the driver writes while the server parses, and the
 * server parses plain text instead of array literals or bound parameters. It cannot skip a row whose id is
 * taken, so the ids are looked up first; that is safe because appends run one after another (each holds the
 * row lock of the sequence table until it commits), so no other append can store an id between the lookup
 * and the {@code COPY}. A writer outside the stores that stored one meanwhile would make the primary key
 * refuse the {@code COPY}, and the append fail whole. (Measured against {@code INSERT ... ON CONFLICT
 * (event_id) DO NOTHING}, from arrays or from a staging table filled by {@code COPY}: the server spent about
 * 1.5 times the CPU per event on those; see docs/PERFORMANCE.md.)
 *
 * <p>The lookup costs the server about 1.4 µs an event, a tenth of the insert, and finds nothing in the usual
 * append of new events; so an append first inserts without it, and only when the primary key refuses an id
 * ({@link StoredIdMet}) runs again, from the start of its transaction, with the lookups.
 */
final class PostgresEventInsert {

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
        StringBuilder text = new StringBuilder(rows.size() * 200);
        for (int i = 0; i < rows.size(); i++) {
            line(text, rows.get(i), firstSeq + i);
        }
        try {
            copy(connection, text);
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
        StringBuilder text = new StringBuilder(rows.size() * 200);
        for (int i = 0; i < rows.size(); i++) {
            EventRow row = rows.get(i);
            if (!stored.contains(row.eventId())) {
                line(text, row, firstSeq + i);
                inserted.set(i);
            }
        }
        if (!inserted.isEmpty()) {
            copy(connection, text);
        }
        return inserted;
    }

    private void copy(Connection connection, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + tables.events() + " ("
                + EventColumns.NAMES + ") FROM STDIN");
        try {
            in.writeToCopy(bytes, 0, bytes.length);
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

    /** Appends the row as one line of COPY's text format: tab-separated, {@code \N} for null. */
    private static void line(StringBuilder text, EventRow row, long seq) {
        text.append(seq).append('\t');
        field(text, row.eventId());
        field(text, row.customerId());
        text.append(row.eventType()).append('\t');
        // ISO-8601 in UTC ("2026-01-01T00:00:00.123456Z"): exact, whatever the session's time zone.
        text.append(row.occurredAt()).append('\t');
        field(text, row.touchpointId());
        field(text, row.touchpointName());
        field(text, row.touchpointChannel());
        field(text, row.touchpointStage());
        field(text, row.outcome());
        number(text, row.durationNanos());
        field(text, row.orderId());
        BigDecimal amount = row.amount();
        field(text, amount == null ? null : amount.toPlainString());
        field(text, row.currency());
        number(text, row.itemCount());
        field(text, row.surveyId());
        field(text, row.scaleName());
        number(text, row.scaleMin());
        number(text, row.scaleMax());
        number(text, row.score());
        field(text, row.comment());
        String attributes = row.attributes();
        if (attributes == null) {
            text.append("\\N");
        } else {
            escaped(text, attributes);
        }
        text.append('\n');
    }

    private static void number(StringBuilder text, @Nullable Number value) {
        if (value == null) {
            text.append("\\N\t");
        } else {
            text.append(value).append('\t');
        }
    }

    private static void field(StringBuilder text, @Nullable String value) {
        if (value == null) {
            text.append("\\N");
        } else {
            escaped(text, value);
        }
        text.append('\t');
    }

    /** Appends {@code value} with COPY's escapes for the backslash and the characters that end a field or row. */
    private static void escaped(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
