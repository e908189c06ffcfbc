package dev.cxm.core.internal.io;

import java.io.IOException;
import java.util.ArrayList;
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
    private final List<ParsedRow.Accepted> batch = new ArrayList<>();

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
                    batch.add((ParsedRow.Accepted) row.get());
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
                batch.add((ParsedRow.Accepted) row.get());
                if (batch.size() >= batchSize && !flush(ImportPolicy.FAIL_ON_FIRST_ERROR)) {
                    stoppedEarly = true;
                    return report(ImportPolicy.FAIL_ON_FIRST_ERROR, false);
                }
            }
        }
        boolean applied = flush(ImportPolicy.FAIL_ON_FIRST_ERROR);
        return report(ImportPolicy.FAIL_ON_FIRST_ERROR, applied);
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
        try (RowReader reader = opener.open()) {
            for (Optional<ParsedRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rowsRead++;
                if (row.get() instanceof ParsedRow.Rejected rejection) {
                    return Optional.of(rejection.rejection());
                }
                ParsedRow.Accepted accepted = (ParsedRow.Accepted) row.get();
                Optional<RejectedRow> conflict = conflictWithStore(accepted);
                if (conflict.isPresent()) {
                    return conflict;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<RejectedRow> conflictWithStore(ParsedRow.Accepted row) {
        CustomerEvent event = row.event();
        return store.get(event.eventId())
                .filter(stored -> !stored.equals(event))
                .map(stored -> conflict(row));
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
        try {
            count(store.appendAll(batch.stream().map(ParsedRow.Accepted::event).toList()));
            batch.forEach(this::countDaylightSaving);
            return true;
        } catch (IllegalArgumentException refused) {
            return policy == ImportPolicy.SKIP_AND_REPORT ? storeOneByOne() : rejectFirstConflict();
        } finally {
            batch.clear();
        }
    }

    private boolean storeOneByOne() {
        boolean all = true;
        for (ParsedRow.Accepted row : batch) {
            try {
                count(store.append(row.event()));
                countDaylightSaving(row);
            } catch (IllegalArgumentException conflict) {
                reject(conflict(row));
                all = false;
            }
        }
        return all;
    }

    private boolean rejectFirstConflict() {
        Map<EventId, CustomerEvent> seen = new HashMap<>();
        for (ParsedRow.Accepted row : batch) {
            CustomerEvent earlier = seen.putIfAbsent(row.event().eventId(), row.event());
            if (earlier != null && !earlier.equals(row.event()) || conflictWithStore(row).isPresent()) {
                keepLast(conflict(row));
                return false;
            }
        }
        // The store refused the batch for a reason the rows do not show (a concurrent writer).
        keepLast(new RejectedRow(batch.get(0).line(), Optional.empty(),
                "the store refused the batch starting here: an event id was written concurrently"));
        return false;
    }

    private void countDaylightSaving(ParsedRow.Accepted row) {
        if (row.daylightSaving()) {
            daylightSavingRows++;
        }
    }

    private void count(AppendResult result) {
        appended += result.appended();
        duplicates += result.duplicates();
    }

    private static RejectedRow conflict(ParsedRow.Accepted row) {
        return new RejectedRow(row.line(), Optional.empty(), "event id " + row.event().eventId()
                + " already names a different event; an event id must identify one event");
    }

    private ImportReport report(ImportPolicy policy, boolean applied) {
        return new ImportReport(policy, rowsRead, appended, duplicates, rejectedCount, rejected,
                daylightSavingRows, applied, !stoppedEarly);
    }
}
