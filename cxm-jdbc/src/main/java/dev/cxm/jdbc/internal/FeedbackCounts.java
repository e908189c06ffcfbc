package dev.cxm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.cxm.jdbc.Dialect;
import dev.cxm.jdbc.JdbcStoreException;

/**
 * Keeps the feedback counts table ({@code feedback_counts}, schema version 2) equal to a {@code GROUP BY} of
 * the stored responses by 15-minute bucket, touchpoint, survey, scale and score: an append adds the responses
 * it stored, an erasure subtracts the customer's, each in its own transaction. The histogram reads the
 * table instead of the events when it can ({@link HistogramQuery}).
 *
 * <p>The table's columns may be {@code NULL}, which a unique key in PostgreSQL 14 cannot match, so the rows of
 * the buckets concerned are read and matched here, then updated by id or inserted. That is safe because every
 * writer of the table holds the row lock of the sequence table: appends take it to number their events, and
 * an erasure takes it ({@link #erasing}) before it subtracts. In PostgreSQL the updates and the inserts are one
 * statement each, from arrays ({@code unnest}); in H2, in the same process, JDBC batches.
 */
public final class FeedbackCounts {

    /** The width of a bucket in seconds: 15 minutes, a divisor of a day and of the zone offsets in use. */
    public static final int BUCKET_SECONDS = 900;

    /** The most buckets one lookup names. */
    private static final int BUCKETS_PER_LOOKUP = 500;
    private static final String KEY_COLUMNS = "bucket, touchpoint_id, touchpoint_name, touchpoint_channel,"
            + " touchpoint_stage, survey_id, scale_name, scale_min, scale_max, score";

    private final Tables tables;
    private final Dialect dialect;

    /** Creates the counts of one store. */
    public FeedbackCounts(Tables tables, Dialect dialect) {
        this.tables = tables;
        this.dialect = dialect;
    }

    /** One row's key: a bucket, a touchpoint (its columns), a survey, a scale and a score. */
    record Key(long bucket, @Nullable String touchpointId, @Nullable String touchpointName,
            @Nullable String touchpointChannel, @Nullable String touchpointStage, @Nullable String surveyId,
            String scaleName, int scaleMin, int scaleMax, int score) {}

    /** Returns the bucket of {@code instant}: {@code floor(epoch seconds / 900)}. */
    public static long bucket(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), BUCKET_SECONDS);
    }

    /** Returns whether {@code instant} is the first instant of its bucket: on a bucket's edge. */
    public static boolean isEdge(Instant instant) {
        return start(bucket(instant)).equals(instant);
    }

    /** Returns the first instant of {@code bucket}. */
    public static Instant start(long bucket) {
        return Instant.ofEpochSecond(bucket * BUCKET_SECONDS);
    }

    /**
     * Adds the responses of {@code stored}, the rows of feedback responses the append's transaction on
     * {@code connection} stored.
     */
    public void added(Connection connection, List<EventRow> stored) throws SQLException {
        Map<Key, Long> deltas = new LinkedHashMap<>();
        for (EventRow row : stored) {
            deltas.merge(key(row), 1L, Long::sum);
        }
        apply(connection, deltas);
    }

    /**
     * Subtracts the stored responses of {@code customer}, in the erasure's transaction on {@code connection},
     * before it deletes them; waits for the appends running.
     */
    public void erasing(Connection connection, String customer) throws SQLException {
        lockAppends(connection);
        Map<Key, Long> deltas = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT occurred_at, touchpoint_id,"
                + " touchpoint_name, touchpoint_channel, touchpoint_stage, survey_id, scale_name, scale_min, scale_max,"
                + " score FROM " + tables.events() + " WHERE customer_id = ? AND event_type = " + EventColumns.FEEDBACK)) {
            select.setString(1, customer);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Key key = new Key(bucket(EventColumns.instant(rows, 1)), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getInt(8),
                            rows.getInt(9), rows.getInt(10));
                    deltas.merge(key, -1L, Long::sum);
                }
            }
        }
        apply(connection, deltas);
    }

    private static Key key(EventRow row) {
        return new Key(bucket(row.occurredAt()), row.touchpointId(), row.touchpointName(), row.touchpointChannel(),
                row.touchpointStage(), row.surveyId(), row.scaleName(), row.scaleMin(), row.scaleMax(), row.score());
    }

    /** Takes the row lock of the sequence table, which appends hold until they commit. */
    private void lockAppends(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("UPDATE " + tables.appendSequence()
                + " SET next_seq = next_seq WHERE id = 1")) {
            Transactions.waitingForLock(lock::executeUpdate);
        }
    }

    /** Adds {@code deltas} to the rows of their keys, inserting the rows missing. */
    private void apply(Connection connection, Map<Key, Long> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        Map<Key, Long> ids = stored(connection, deltas.keySet());
        List<long[]> updates = new ArrayList<>();
        List<Map.Entry<Key, Long>> inserts = new ArrayList<>();
        for (Map.Entry<Key, Long> delta : deltas.entrySet()) {
            Optional<Long> id = Optional.ofNullable(ids.get(delta.getKey()));
            if (id.isPresent()) {
                updates.add(new long[] {id.get(), delta.getValue()});
            } else if (delta.getValue() < 0) {
                throw new JdbcStoreException("the table " + tables.feedbackCounts() + " lacks a count of stored"
                        + " responses; the cxm tables are damaged");
            } else {
                inserts.add(delta);
            }
        }
        if (dialect == Dialect.POSTGRESQL) {
            updateFromArrays(connection, updates);
            insertFromArrays(connection, inserts);
        } else {
            updateInBatch(connection, updates);
            insertInBatch(connection, inserts);
        }
    }

    /**
     * Updates the rows in one statement, from two arrays: PostgreSQL runs the statements of a JDBC batch one by
     * one, a few hundred of them per append.
     */
    private void updateFromArrays(Connection connection, List<long[]> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        Long[] ids = new Long[updates.size()];
        Long[] added = new Long[updates.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = updates.get(i)[0];
            added[i] = updates.get(i)[1];
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.feedbackCounts() + " c"
                + " SET response_count = c.response_count + d.added FROM unnest(?::bigint[], ?::bigint[])"
                + " AS d(id, added) WHERE c.id = d.id")) {
            update.setArray(1, connection.createArrayOf("bigint", ids));
            update.setArray(2, connection.createArrayOf("bigint", added));
            int updated = update.executeUpdate();
            if (updated != ids.length) {
                throw new JdbcStoreException("the table " + tables.feedbackCounts() + " lost counts while they were"
                        + " added to; the cxm tables are damaged");
            }
        }
    }

    /** Inserts the rows of new keys in one statement, from one array per column. */
    private void insertFromArrays(Connection connection, List<Map.Entry<Key, Long>> inserts) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        int n = inserts.size();
        Object[][] columns = {new Long[n], new String[n], new String[n], new String[n], new String[n], new String[n],
            new String[n], new Integer[n], new Integer[n], new Integer[n], new Long[n]};
        for (int i = 0; i < n; i++) {
            Key key = inserts.get(i).getKey();
            Object[] row = {key.bucket(), key.touchpointId(), key.touchpointName(), key.touchpointChannel(),
                key.touchpointStage(), key.surveyId(), key.scaleName(), key.scaleMin(), key.scaleMax(), key.score(),
                inserts.get(i).getValue()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        String[] types = {"bigint", "text", "text", "text", "text", "text", "text", "integer", "integer", "integer",
            "bigint"};
        StringBuilder arrays = new StringBuilder();
        for (int c = 0; c < types.length; c++) {
            arrays.append(c == 0 ? "" : ", ").append("?::").append(types[c]).append("[]");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.feedbackCounts() + " ("
                + KEY_COLUMNS + ", response_count) SELECT * FROM unnest(" + arrays + ")")) {
            for (int c = 0; c < types.length; c++) {
                insert.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            insert.executeUpdate();
        }
    }

    private void updateInBatch(Connection connection, List<long[]> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.feedbackCounts()
                + " SET response_count = response_count + ? WHERE id = ?")) {
            for (long[] row : updates) {
                update.setLong(1, row[1]);
                update.setLong(2, row[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private void insertInBatch(Connection connection, List<Map.Entry<Key, Long>> inserts) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.feedbackCounts() + " ("
                + KEY_COLUMNS + ", response_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Key, Long> row : inserts) {
                Key key = row.getKey();
                insert.setLong(1, key.bucket());
                text(insert, 2, key.touchpointId());
                text(insert, 3, key.touchpointName());
                text(insert, 4, key.touchpointChannel());
                text(insert, 5, key.touchpointStage());
                text(insert, 6, key.surveyId());
                insert.setString(7, key.scaleName());
                insert.setInt(8, key.scaleMin());
                insert.setInt(9, key.scaleMax());
                insert.setInt(10, key.score());
                insert.setLong(11, row.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void text(PreparedStatement statement, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** Returns the ids of the stored rows of {@code keys}' buckets, by key. */
    private Map<Key, Long> stored(Connection connection, Collection<Key> keys) throws SQLException {
        List<Long> buckets = new ArrayList<>(new TreeSet<>(keys.stream().map(Key::bucket).toList()));
        Map<Key, Long> ids = new HashMap<>();
        for (int from = 0; from < buckets.size(); from += BUCKETS_PER_LOOKUP) {
            List<Long> part = buckets.subList(from, Math.min(buckets.size(), from + BUCKETS_PER_LOOKUP));
            Sql sql = new Sql().append("SELECT id, " + KEY_COLUMNS + " FROM " + tables.feedbackCounts()
                    + " WHERE bucket IN (");
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ", ").parameter(part.get(i));
            }
            sql.append(")");
            try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Key key = new Key(rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5),
                            rows.getString(6), rows.getString(7), rows.getString(8), rows.getInt(9), rows.getInt(10),
                            rows.getInt(11));
                    ids.put(key, rows.getLong(1));
                }
            }
        }
        return ids;
    }
}
