package dev.cxm.jdbc.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventId;
import dev.cxm.core.store.AppendResult;
import dev.cxm.jdbc.Dialect;
import dev.cxm.jdbc.JdbcStoreException;

/**
 * Appends events in one transaction, in batches: all or nothing, idempotent on the event id.
 *
 * <p>An append first updates the one row of the sequence table, taking the numbers it needs, which locks the
 * row until it commits: appends run one after another, and each event gets the next sequence number in the
 * order of the batch. Time alone does not order events
 * at the same instant, the sequence does, and because an append commits before the next one takes numbers,
 * a reader never sees a number before an earlier one. Then each batch goes in with
 * {@code INSERT ... ON CONFLICT (event_id) DO NOTHING RETURNING event_id} (PostgreSQL, the batch as arrays)
 * or a JDBC batch of {@code MERGE ... WHEN NOT MATCHED THEN INSERT} (H2): an event whose id is stored
 * already is skipped, and compared with the stored one afterwards. A different event under a stored id, or
 * any failure, rolls everything back.
 */
public final class EventAppender {

    private static final String COLUMNS = "seq, event_id, customer_id, event_type, occurred_at, touchpoint_id,"
            + " touchpoint_name, touchpoint_channel, touchpoint_stage, outcome, duration_nanos, order_id, amount,"
            + " currency, item_count, survey_id, scale_name, scale_min, scale_max, score, comment_text, attributes";

    /** The SQL state of H2's lock timeout. */
    private static final String LOCK_TIMEOUT_STATE = "HYT00";
    /** How long an append waits for the appends before it. */
    private static final Duration LOCK_WAIT = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Tables tables;
    private final int batchSize;

    /** Creates the appender of one store. */
    public EventAppender(DataSource dataSource, Dialect dialect, Tables tables, int batchSize) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
        this.batchSize = batchSize;
    }

    /** Appends {@code events}: see {@code EventStore.appendAll}. */
    public AppendResult append(Collection<? extends CustomerEvent> events, EventLookup lookup) {
        Checks.noNullElements("events", events);
        if (events.isEmpty()) {
            return AppendResult.NONE;
        }
        // Duplicates within the batch are skipped, a conflict within it refused, before the database is asked.
        Map<EventId, CustomerEvent> distinct = new LinkedHashMap<>();
        int duplicates = 0;
        for (CustomerEvent event : events) {
            CustomerEvent earlier = distinct.putIfAbsent(event.eventId(), event);
            if (earlier != null) {
                if (!earlier.equals(event)) {
                    throw conflict(event.eventId());
                }
                duplicates++;
            }
        }
        List<CustomerEvent> batch = new ArrayList<>(distinct.values());
        batch.forEach(Storable::requireStorable);
        Progress progress = new Progress();
        int offeredTwice = duplicates;
        try (Connection connection = dataSource.getConnection()) {
            return Transactions.write(connection, c -> appendOn(c, batch, offeredTwice, lookup, progress));
        } catch (SQLException e) {
            throw new JdbcStoreException("appending " + batch.size() + " events (first " + batch.get(0).eventId()
                    + ", last " + batch.get(batch.size() - 1).eventId() + ") failed " + progress.stage
                    + " and none of them was stored: " + SqlFailures.describe(e), e);
        }
    }

    /** Where an append is, for the message of a failure: a statement batch names its events. */
    private static final class Progress {
        private String stage = "while connecting";
    }

    /** Appends the distinct events of {@code batch} in the transaction of {@code connection}, unless one conflicts. */
    private AppendResult appendOn(Connection connection, List<CustomerEvent> batch, int duplicates, EventLookup lookup,
            Progress progress) throws SQLException {
        progress.stage = "while taking its sequence numbers";
        long first = reserve(connection, batch.size());
        Set<String> inserted = new HashSet<>();
        int batches = (batch.size() + batchSize - 1) / batchSize;
        for (int from = 0; from < batch.size(); from += batchSize) {
            List<CustomerEvent> part = batch.subList(from, Math.min(batch.size(), from + batchSize));
            progress.stage = "in its batch " + (from / batchSize + 1) + " of " + batches + " (" + part.size()
                    + " events, first " + part.get(0).eventId() + ", last " + part.get(part.size() - 1).eventId() + ")";
            inserted.addAll(insert(connection, part, first + from));
        }
        List<CustomerEvent> skipped = batch.stream()
                .filter(event -> !inserted.contains(event.eventId().value())).toList();
        if (!skipped.isEmpty()) {
            progress.stage = "while comparing the events stored before with those offered again";
            Map<EventId, CustomerEvent> stored = lookup.get(connection,
                    skipped.stream().map(CustomerEvent::eventId).toList());
            for (CustomerEvent event : skipped) {
                if (!event.equals(stored.get(event.eventId()))) {
                    throw conflict(event.eventId());
                }
            }
        }
        progress.stage = "at its commit";
        return new AppendResult(inserted.size(), duplicates + skipped.size());
    }

    /** Reads stored events by id, on the append's connection (to see the same snapshot). */
    @FunctionalInterface
    public interface EventLookup {
        /** Returns the stored events among {@code ids}. */
        Map<EventId, CustomerEvent> get(Connection connection, List<EventId> ids) throws SQLException;
    }

    private static IllegalArgumentException conflict(EventId id) {
        return new IllegalArgumentException("eventId: " + id + " already identifies a different event; an event id"
                + " must identify one event; nothing of this append was stored");
    }

    /** Locks the sequence row and takes {@code count} numbers; returns the first. */
    private long reserve(Connection connection, int count) throws SQLException {
        // One statement: the update locks the row until commit and returns the numbers taken.
        String sql = dialect == Dialect.POSTGRESQL
                ? "UPDATE " + tables.appendSequence() + " SET next_seq = next_seq + ? WHERE id = 1 RETURNING next_seq"
                : "SELECT next_seq FROM FINAL TABLE (UPDATE " + tables.appendSequence()
                        + " SET next_seq = next_seq + ? WHERE id = 1)";
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, count);
            while (true) {
                try (ResultSet row = update.executeQuery()) {
                    if (!row.next()) {
                        throw new JdbcStoreException("the table " + tables.appendSequence() + " has lost its row; the"
                                + " cxm tables are damaged");
                    }
                    return row.getLong(1) - count;
                } catch (SQLException e) {
                    // H2 gives up waiting for a lock after its LOCK_TIMEOUT (1 s unless set); PostgreSQL waits. An
                    // append waits for the appends before it as long as PostgreSQL would, up to LOCK_WAIT.
                    if (!LOCK_TIMEOUT_STATE.equals(e.getSQLState()) || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Inserts the events that are new, numbered from {@code firstSeq}; returns the ids inserted. */
    private Set<String> insert(Connection connection, List<CustomerEvent> events, long firstSeq) throws SQLException {
        List<EventRow> rows = events.stream().map(EventRow::of).toList();
        return dialect == Dialect.POSTGRESQL ? insertPostgres(connection, rows, firstSeq) : insertH2(connection, rows, firstSeq);
    }

    private Set<String> insertPostgres(Connection connection, List<EventRow> rows, long firstSeq) throws SQLException {
        int n = rows.size();
        Long[] seq = new Long[n];
        String[] eventId = new String[n];
        String[] customerId = new String[n];
        Short[] eventType = new Short[n];
        String[] occurredAt = new String[n];
        String[] tpId = new String[n];
        String[] tpName = new String[n];
        String[] tpChannel = new String[n];
        String[] tpStage = new String[n];
        String[] outcome = new String[n];
        Long[] durationNanos = new Long[n];
        String[] orderId = new String[n];
        BigDecimal[] amount = new BigDecimal[n];
        String[] currency = new String[n];
        Integer[] itemCount = new Integer[n];
        String[] surveyId = new String[n];
        String[] scaleName = new String[n];
        Integer[] scaleMin = new Integer[n];
        Integer[] scaleMax = new Integer[n];
        Integer[] score = new Integer[n];
        String[] comment = new String[n];
        String[] attributes = new String[n];
        for (int i = 0; i < n; i++) {
            EventRow row = rows.get(i);
            seq[i] = firstSeq + i;
            eventId[i] = row.eventId();
            customerId[i] = row.customerId();
            eventType[i] = row.eventType();
            // ISO-8601 in UTC ("2026-01-01T00:00:00.123456Z"): exact, whatever the session's time zone.
            occurredAt[i] = row.occurredAt().toString();
            tpId[i] = row.touchpointId();
            tpName[i] = row.touchpointName();
            tpChannel[i] = row.touchpointChannel();
            tpStage[i] = row.touchpointStage();
            outcome[i] = row.outcome();
            durationNanos[i] = row.durationNanos();
            orderId[i] = row.orderId();
            amount[i] = row.amount();
            currency[i] = row.currency();
            itemCount[i] = row.itemCount();
            surveyId[i] = row.surveyId();
            scaleName[i] = row.scaleName();
            scaleMin[i] = row.scaleMin();
            scaleMax[i] = row.scaleMax();
            score[i] = row.score();
            comment[i] = row.comment();
            attributes[i] = row.attributes();
        }
        String sql = "INSERT INTO " + tables.events() + " (" + COLUMNS + ") SELECT * FROM unnest(CAST(? AS BIGINT[]),"
                + " CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS SMALLINT[]), CAST(? AS TIMESTAMPTZ[]),"
                + " CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]),"
                + " CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS NUMERIC[]), CAST(? AS TEXT[]),"
                + " CAST(? AS INTEGER[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS INTEGER[]),"
                + " CAST(? AS INTEGER[]), CAST(? AS INTEGER[]), CAST(? AS TEXT[]), CAST(? AS JSONB[]))"
                + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id";
        List<Array> arrays = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Object[][] columns = {seq, eventId, customerId, eventType, occurredAt, tpId, tpName, tpChannel, tpStage,
                outcome, durationNanos, orderId, amount, currency, itemCount, surveyId, scaleName, scaleMin, scaleMax,
                score, comment, attributes};
            String[] types = {"int8", "text", "text", "int2", "text", "text", "text", "text", "text", "text", "int8",
                "text", "numeric", "text", "int4", "text", "text", "int4", "int4", "int4", "text", "text"};
            for (int c = 0; c < columns.length; c++) {
                Array array = connection.createArrayOf(types[c], columns[c]);
                arrays.add(array);
                statement.setArray(c + 1, array);
            }
            Set<String> inserted = new HashSet<>();
            try (ResultSet returned = statement.executeQuery()) {
                while (returned.next()) {
                    inserted.add(returned.getString(1));
                }
            }
            return inserted;
        } finally {
            for (Array array : arrays) {
                array.free();
            }
        }
    }

    private Set<String> insertH2(Connection connection, List<EventRow> rows, long firstSeq) throws SQLException {
        String merge = "MERGE INTO " + tables.events() + " t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR),"
                + " CAST(? AS VARCHAR), CAST(? AS SMALLINT), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS VARCHAR),"
                + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT),"
                + " CAST(? AS VARCHAR), CAST(? AS NUMERIC(36, 18)), CAST(? AS VARCHAR), CAST(? AS INTEGER),"
                + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER),"
                + " CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS s (" + COLUMNS + ") ON t.event_id = s.event_id"
                + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (s."
                + COLUMNS.replace(", ", ", s.") + ")";
        Set<String> inserted = new HashSet<>();
        List<Integer> insertedRows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(merge)) {
            for (int i = 0; i < rows.size(); i++) {
                bindH2(statement, rows.get(i), firstSeq + i);
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
        insertAttributesH2(connection, rows, insertedRows, firstSeq);
        return inserted;
    }

    private void insertAttributesH2(Connection connection, List<EventRow> rows, List<Integer> insertedRows,
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

    private static void bindH2(PreparedStatement statement, EventRow row, long seq) throws SQLException {
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
