package dev.cxm.core.io;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * What an import did.
 *
 * <p>Every row read is accounted for: {@code rowsRead = appended + duplicates + rejectedCount}, except when a
 * {@link ImportPolicy#FAIL_ON_FIRST_ERROR} import stopped, in which case nothing was stored and
 * {@code rejected} holds the row that stopped it.
 *
 * <p>An import keeps its first rejected rows in full, up to the importer's rejected-row limit (1,000 unless
 * set), and only counts the rest, so that a file of a million bad rows costs no more memory than one of a
 * thousand; {@link #rejectedNotListed()} says how many rows were rejected but not listed.
 *
 * @param policy the policy the import ran under
 * @param rowsRead data rows read (a CSV header is not a row)
 * @param appended rows stored as new events
 * @param duplicates rows whose event was already stored, identical, and so skipped
 * @param rejectedCount rows not accepted, listed or not
 * @param rejected the first rejected rows, in input order, with line and reason (at most the importer's
 *     limit), and last, when the import stopped early, the row where it stopped
 * @param daylightSavingRows accepted rows whose time was a local date-time in a daylight-saving gap or
 *     overlap of the mapping's zone, placed by {@link TimestampFormat}'s rule (moved forward by the gap; the
 *     earlier offset of an overlap)
 * @param applied whether the accepted rows were stored: false only when a fail-on-first-error import
 *     stopped at a bad row
 * @param readToEnd whether the whole input was read: false when a fail-on-first-error import stopped at a
 *     bad row, or when a stretch of malformed CSV (an unclosed quote, say) stopped a skip-and-report import,
 *     whose last rejected row then says where; the rows after it were neither read nor counted
 */
public record ImportReport(
        ImportPolicy policy, long rowsRead, long appended, long duplicates, long rejectedCount,
        List<RejectedRow> rejected, long daylightSavingRows, boolean applied, boolean readToEnd) {

    /**
     * Validates the counts.
     *
     * @param policy the policy the import ran under
     * @param rowsRead data rows read (a CSV header is not a row); 0 or more
     * @param appended rows stored as new events; 0 or more
     * @param duplicates rows whose identical event was already stored; 0 or more
     * @param rejectedCount rows not accepted, listed or not; at least {@code rejected.size()}
     * @param rejected the first rejected rows in input order, with line and reason
     * @param daylightSavingRows accepted rows whose local time fell in a daylight-saving gap or overlap; 0 or
     *     more
     * @param applied whether the accepted rows were stored
     * @param readToEnd whether the whole input was read
     * @throws IllegalArgumentException when a count is negative, or fewer rows are counted as rejected than
     *     listed
     */
    public ImportReport {
        Checks.present("policy", policy);
        if (rowsRead < 0 || appended < 0 || duplicates < 0 || daylightSavingRows < 0) {
            throw new IllegalArgumentException("rowsRead: " + rowsRead + ", appended: " + appended
                    + ", duplicates: " + duplicates + ", daylightSavingRows: " + daylightSavingRows
                    + "; counts must be 0 or more");
        }
        rejected = List.copyOf(Checks.present("rejected", rejected));
        if (rejectedCount < rejected.size()) {
            throw new IllegalArgumentException("rejectedCount: " + rejectedCount + " is less than the "
                    + rejected.size() + " rejected rows listed");
        }
    }

    /**
     * Returns how many rows were accepted: stored now or already stored.
     *
     * @return {@code appended + duplicates}
     */
    public long accepted() {
        return appended + duplicates;
    }

    /**
     * Returns how many rejected rows are counted but not listed in {@link #rejected()}.
     *
     * @return {@code rejectedCount - rejected.size()}
     */
    public long rejectedNotListed() {
        return rejectedCount - rejected.size();
    }

    /**
     * Returns whether the whole input was read and every row was accepted and stored.
     *
     * @return whether the import was clean
     */
    public boolean clean() {
        return applied && readToEnd && rejectedCount == 0;
    }
}
