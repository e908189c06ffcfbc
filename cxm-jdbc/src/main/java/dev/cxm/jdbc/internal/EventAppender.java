package dev.cxm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * a reader never sees a number before an earlier one. Then each batch goes in: in PostgreSQL with {@code COPY}
 * ({@link PostgresEventInsert}), first trusting that every id is new and, when the primary key refuses one,
 * once more from the start after looking up the ids stored already, inserting only the others; in H2 with
 * {@code INSERT}s of 64 rows, and when the unique id refuses one, from a savepoint again as a JDBC batch of
 * {@code MERGE ... WHEN NOT MATCHED THEN INSERT} that skips them ({@link H2EventInsert}). An event whose id is
 * stored already is compared with the stored one afterwards. A different event under a stored id, or any
 * failure, rolls everything back.
 */
public final class EventAppender {


    private final DataSource dataSource;
    private final Dialect dialect;
    private final Tables tables;
    private final int batchSize;
    private final PostgresEventInsert postgres;
    private final H2EventInsert h2;
    private final FeedbackCounts counts;

    /** Creates the appender of one store. */
    public EventAppender(DataSource dataSource, Dialect dialect, Tables tables, int batchSize) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
        this.batchSize = batchSize;
        this.postgres = new PostgresEventInsert(tables);
        this.h2 = new H2EventInsert(tables);
        this.counts = new FeedbackCounts(tables, dialect);
    }

    /**
     * Appends {@code events}: see {@code EventStore.appendAll}. The feedback counts get the responses stored in
     * the same transaction, so the counts match the stored responses in every snapshot, during a bulk load too.
     *
     * @param events the events, in append order
     * @param lookup reads the stored events an append offered again, to compare them
     * @return how many were stored and how many were duplicates
     * @throws IllegalArgumentException when an id names a different event in the batch or in the store
     * @throws JdbcStoreException when the database fails; nothing of the append is stored
     */
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
            if (dialect == Dialect.POSTGRESQL) {
                try {
                    return Transactions.write(connection, c -> appendOn(c, batch, offeredTwice, lookup, progress,
                            false));
                } catch (PostgresEventInsert.StoredIdMet e) {
                    // Rolled back: again, skipping the ids stored.
                }
            }
            return Transactions.write(connection, c -> appendOn(c, batch, offeredTwice, lookup, progress, true));
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
            Progress progress, boolean lookUpStored) throws SQLException {
        progress.stage = "while taking its sequence numbers";
        long first = reserve(connection, batch.size());
        int inserted = 0;
        List<CustomerEvent> skipped = new ArrayList<>();
        List<EventRow> insertedFeedback = new ArrayList<>();
        int batches = (batch.size() + batchSize - 1) / batchSize;
        for (int from = 0; from < batch.size(); from += batchSize) {
            List<CustomerEvent> part = batch.subList(from, Math.min(batch.size(), from + batchSize));
            progress.stage = "in its batch " + (from / batchSize + 1) + " of " + batches + " (" + part.size()
                    + " events, first " + part.get(0).eventId() + ", last " + part.get(part.size() - 1).eventId() + ")";
            List<EventRow> rows = part.stream().map(EventRow::of).toList();
            BitSet insertedOfPart = insert(connection, rows, first + from, lookUpStored);
            inserted += insertedOfPart.cardinality();
            for (int i = 0; i < rows.size(); i++) {
                if (!insertedOfPart.get(i)) {
                    skipped.add(part.get(i));
                } else if (rows.get(i).eventType() == EventColumns.FEEDBACK) {
                    insertedFeedback.add(rows.get(i));
                }
            }
        }
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
        progress.stage = "while counting its feedback";
        counts.added(connection, insertedFeedback);
        progress.stage = "at its commit";
        return new AppendResult(inserted, duplicates + skipped.size());
    }

    /** Returns the feedback counts the appends keep: the store's one instance. */
    public FeedbackCounts counts() {
        return counts;
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
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, count);
            // An append waits for the appends before it (their lock on the row) as long as PostgreSQL would.
            return Transactions.waitingForLock(() -> {
                try (ResultSet row = update.executeQuery()) {
                    if (!row.next()) {
                        throw new JdbcStoreException("the table " + tables.appendSequence() + " has lost its row; the"
                                + " cxm tables are damaged");
                    }
                    return row.getLong(1) - count;
                }
            });
        }
    }

    /**
     * Inserts the rows whose events are new, numbered from {@code firstSeq}; returns the indexes in {@code rows}
     * of those inserted. In PostgreSQL, unless {@code lookUpStored}, inserts every row, or throws
     * {@link PostgresEventInsert.StoredIdMet}.
     */
    private BitSet insert(Connection connection, List<EventRow> rows, long firstSeq, boolean lookUpStored)
            throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return h2.insert(connection, rows, firstSeq);
        }
        if (lookUpStored) {
            return postgres.insert(connection, rows, firstSeq);
        }
        postgres.insertNew(connection, rows, firstSeq);
        return all(rows.size());
    }

    /** Returns the indexes {@code 0} to {@code count - 1}: every row of a part inserted. */
    static BitSet all(int count) {
        BitSet all = new BitSet(count);
        all.set(0, count);
        return all;
    }
}
