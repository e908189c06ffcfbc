package dev.cxm.core.io;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * What an import did.
 *
 * <p>Every row read is accounted for: {@code rowsRead = appended + duplicates + rejected.size()}, except
 * when a {@link ImportPolicy#FAIL_ON_FIRST_ERROR} import stopped, in which case nothing was stored and
 * {@code rejected} holds the row that stopped it.
 *
 * @param policy the policy the import ran under
 * @param rowsRead data rows read (a CSV header is not a row)
 * @param appended rows stored as new events
 * @param duplicates rows whose event was already stored, identical, and so skipped
 * @param rejected rows not accepted, in input order, with line and reason
 * @param applied whether the accepted rows were stored: false only when a fail-on-first-error import
 *     stopped at a bad row
 * @param readToEnd whether the whole input was read: false when a fail-on-first-error import stopped at a
 *     bad row, or when a stretch of malformed CSV (an unclosed quote, say) stopped a skip-and-report import,
 *     whose last rejected row then says where; the rows after it were neither read nor counted
 */
public record ImportReport(
        ImportPolicy policy, long rowsRead, long appended, long duplicates, List<RejectedRow> rejected,
        boolean applied, boolean readToEnd) {

    /** Validates the counts. */
    public ImportReport {
        Checks.present("policy", policy);
        if (rowsRead < 0 || appended < 0 || duplicates < 0) {
            throw new IllegalArgumentException("rowsRead: " + rowsRead + ", appended: " + appended
                    + ", duplicates: " + duplicates + "; counts must be 0 or more");
        }
        rejected = List.copyOf(Checks.present("rejected", rejected));
    }

    /** Returns how many rows were accepted: stored now or already stored. */
    public long accepted() {
        return appended + duplicates;
    }

    /** Returns whether the whole input was read and every row was accepted and stored. */
    public boolean clean() {
        return applied && readToEnd && rejected.isEmpty();
    }
}
