package dev.cxm.core.internal.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.io.RejectedRow;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventId;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.EventStore;

/**
 * Runs an import under a policy, whatever the input format: rows come from a {@link RowReader}, go to the
 * store in atomic batches, and every row ends up counted as appended, duplicate or rejected.
 */
public final class ImportEngine {

    private final RowReader.Opener opener;
    private final EventStore store;
    private final int batchSize;
    private final int rejectedRowLimit;

    private long rowsRead;
    private long appended;
    private long duplicates;
    private long rejectedCount;
    private long daylightSavingRows;
    /** The first {@link #rejectedRowLimit} rejected rows, and the one where the import stopped, if it did. */
    private final List<RejectedRow> rejected = new ArrayList<>();
    /** Whether the import stopped before the end of the input. */
    private boolean stoppedEarly;
    /** The pending batch: its events in a list of their own, handed to the store as they are. */
    private List<CustomerEvent> batch = new ArrayList<>();
    /** Per event of the batch, its line. */
    private long[] batchLines = new long[64];
    /** Per event of the batch, whether its time was placed by the daylight-saving rule. */
    private boolean[] batchDaylightSaving = new boolean[64];

    private ImportEngine(RowReader.Opener opener, EventStore store, int batchSize, int rejectedRowLimit) {
        this.opener = opener;
        this.store = store;
        this.batchSize = batchSize;
        this.rejectedRowLimit = rejectedRowLimit;
    }

    /**
     * Imports every row that {@code opener} reads into {@code store} under {@code policy}, in atomic batches
     * of {@code batchSize} rows, listing at most {@code rejectedRowLimit} rejected rows (and counting all).
     */
    public static ImportReport run(RowReader.Opener opener, EventStore store, ImportPolicy policy, int batchSize,
            int rejectedRowLimit) throws IOException {
        ImportEngine engine = new ImportEngine(opener, store, batchSize, rejectedRowLimit);
        return policy == ImportPolicy.FAIL_ON_FIRST_ERROR ? engine.allOrNothing() : engine.skipAndReport();
    }

    private ImportReport skipAndReport() throws IOException {
        try (RowReader reader = opener.open()) {
            for (Optional<ParsedRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rowsRead++;
                if (row.get() instanceof ParsedRow.Rejected rejection) {
                    if (rejection.unreadable()) {
                        keepLast(rejection.rejection());
                        stoppedEarly = true;
                        break;
                    }
                    reject(rejection.rejection());
                } else {
                    add((ParsedRow.Accepted) row.get());
                    if (batch.size() >= batchSize) {
                        flush(ImportPolicy.SKIP_AND_REPORT);
                    }
                }
            }
        }
        flush(ImportPolicy.SKIP_AND_REPORT);
        return report(ImportPolicy.SKIP_AND_REPORT, true);
    }

    private ImportReport allOrNothing() throws IOException {
        Optional<RejectedRow> firstError = validate();
        if (firstError.isPresent()) {
            keepLast(firstError.get());
            stoppedEarly = true;
            return report(ImportPolicy.FAIL_ON_FIRST_ERROR, false);
        }
        rowsRead = 0;
        try (RowReader reader = opener.open()) {
            for (Optional<ParsedRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rowsRead++;
                if (row.get() instanceof ParsedRow.Rejected rejection) {
                    // The input changed between the two reads.
                    keepLast(rejection.rejection());
                    stoppedEarly = true;
                    return report(ImportPolicy.FAIL_ON_FIRST_ERROR, false);
                }
                add((ParsedRow.Accepted) row.get());
                if (batch.size() >= batchSize && !flush(ImportPolicy.FAIL_ON_FIRST_ERROR)) {
                    stoppedEarly = true;
                    return report(ImportPolicy.FAIL_ON_FIRST_ERROR, false);
                }
            }
        }
        boolean applied = flush(ImportPolicy.FAIL_ON_FIRST_ERROR);
        return report(ImportPolicy.FAIL_ON_FIRST_ERROR, applied);
    }

    /** Adds an accepted row to the pending batch. */
    private void add(ParsedRow.Accepted row) {
        int index = batch.size();
        if (index == batchLines.length) {
            batchLines = Arrays.copyOf(batchLines, index * 2);
            batchDaylightSaving = Arrays.copyOf(batchDaylightSaving, index * 2);
        }
        batchLines[index] = row.line();
        batchDaylightSaving[index] = row.daylightSaving();
        batch.add(row.event());
    }

    /** Counts a rejected row, and keeps it when fewer than the limit are kept. */
    private void reject(RejectedRow row) {
        rejectedCount++;
        if (rejected.size() < rejectedRowLimit) {
            rejected.add(row);
        }
    }

    /** Counts and always keeps the row where the import stops, as the last one listed. */
    private void keepLast(RejectedRow row) {
        rejectedCount++;
        rejected.add(row);
    }

    /** Reads the whole input once, checking each row and each event id against the store. */
    private Optional<RejectedRow> validate() throws IOException {
        // The rows are checked against the store a batch at a time: one lookup of many ids, not one per row.
        List<ParsedRow.Accepted> pending = new ArrayList<>();
        try (RowReader reader = opener.open()) {
            for (Optional<ParsedRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rowsRead++;
                if (row.get() instanceof ParsedRow.Rejected rejection) {
                    // A conflict on an earlier line comes first.
                    return firstConflictWithStore(pending).or(() -> Optional.of(rejection.rejection()));
                }
                pending.add((ParsedRow.Accepted) row.get());
                if (pending.size() >= batchSize) {
                    Optional<RejectedRow> conflict = firstConflictWithStore(pending);
                    if (conflict.isPresent()) {
                        return conflict;
                    }
                    pending.clear();
                }
            }
        }
        return firstConflictWithStore(pending);
    }

    /** Returns the first of the rows, in their order, whose event id the store holds with other content. */
    private Optional<RejectedRow> firstConflictWithStore(List<ParsedRow.Accepted> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<EventId> ids = new ArrayList<>(rows.size());
        for (ParsedRow.Accepted row : rows) {
            ids.add(row.event().eventId());
        }
        Map<EventId, CustomerEvent> stored = store.getAll(ids);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        for (ParsedRow.Accepted row : rows) {
            CustomerEvent held = stored.get(row.event().eventId());
            if (held != null && !held.equals(row.event())) {
                return Optional.of(conflict(row.line(), row.event()));
            }
        }
        return Optional.empty();
    }

    private Optional<RejectedRow> conflictWithStore(long line, CustomerEvent event) {
        return store.get(event.eventId())
                .filter(stored -> !stored.equals(event))
                .map(stored -> conflict(line, event));
    }

    /**
     * Stores the pending batch atomically. When the store refuses it (an event id that already names a
     * different event), a skip-and-report import stores its rows one by one and rejects those refused; a
     * fail-on-first-error import stores none of it and rejects the first refused row.
     *
     * @return whether every row of the batch was stored
     */
    private boolean flush(ImportPolicy policy) {
        if (batch.isEmpty()) {
            return true;
        }
        List<CustomerEvent> events = Collections.unmodifiableList(batch);
        try {
            count(store.appendAll(events));
            for (int i = 0; i < events.size(); i++) {
                countDaylightSaving(i);
            }
            return true;
        } catch (IllegalArgumentException refused) {
            return policy == ImportPolicy.SKIP_AND_REPORT ? storeOneByOne(events) : rejectFirstConflict(events);
        } finally {
            // A new list: the store may keep the one it was given.
            batch = new ArrayList<>(Math.min(batchSize, events.size()));
        }
    }

    private boolean storeOneByOne(List<CustomerEvent> events) {
        boolean all = true;
        for (int i = 0; i < events.size(); i++) {
            try {
                count(store.append(events.get(i)));
                countDaylightSaving(i);
            } catch (IllegalArgumentException conflict) {
                reject(conflict(batchLines[i], events.get(i)));
                all = false;
            }
        }
        return all;
    }

    private boolean rejectFirstConflict(List<CustomerEvent> events) {
        Map<EventId, CustomerEvent> seen = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            CustomerEvent event = events.get(i);
            CustomerEvent earlier = seen.putIfAbsent(event.eventId(), event);
            if (earlier != null && !earlier.equals(event) || conflictWithStore(batchLines[i], event).isPresent()) {
                keepLast(conflict(batchLines[i], event));
                return false;
            }
        }
        // The store refused the batch for a reason the rows do not show (a concurrent writer).
        keepLast(new RejectedRow(batchLines[0], Optional.empty(),
                "the store refused the batch starting here: an event id was written concurrently"));
        return false;
    }

    private void countDaylightSaving(int index) {
        if (batchDaylightSaving[index]) {
            daylightSavingRows++;
        }
    }

    private void count(AppendResult result) {
        appended += result.appended();
        duplicates += result.duplicates();
    }

    private static RejectedRow conflict(long line, CustomerEvent event) {
        return new RejectedRow(line, Optional.empty(), "event id " + event.eventId()
                + " already names a different event; an event id must identify one event");
    }

    private ImportReport report(ImportPolicy policy, boolean applied) {
        return new ImportReport(policy, rowsRead, appended, duplicates, rejectedCount, rejected,
                daylightSavingRows, applied, !stoppedEarly);
    }
}
