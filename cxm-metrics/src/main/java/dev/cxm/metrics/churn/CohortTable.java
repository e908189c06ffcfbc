package dev.cxm.metrics.churn;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * A cohort retention table: one row per cohort, one column per period since the cohort's own. Serialises
 * to JSON as it is; {@link #render()} lays it out as text.
 *
 * @param period the calendar period of cohorts and columns
 * @param zone the zone the periods are counted in
 * @param basis how cohorts are formed
 * @param relativeTo what the retention shares are relative to
 * @param rows the cohorts in time order; periods without any cohort member are left out
 */
public record CohortTable(CalendarPeriod period, ZoneId zone, CohortBasis basis, RetentionBase relativeTo,
        List<CohortRow> rows) {

    /**
     * Validates and copies the table.
     *
     * @param period the calendar period of cohorts and columns
     * @param zone the zone the periods are counted in
     * @param basis how cohorts are formed
     * @param relativeTo what the retention shares are relative to
     * @param rows the cohorts in time order; periods without any cohort member are left out
     */
    public CohortTable {
        Checks.present("period", period);
        Checks.present("zone", zone);
        Checks.present("basis", basis);
        Checks.present("relativeTo", relativeTo);
        rows = List.copyOf(rows);
    }

    /**
     * Returns the table as text: the cohort, its size, then the retention in each later period as a
     * percentage ({@code -} where undefined), for example
     * <pre>
     * cohort      customers      +0      +1      +2
     * 2025-01-01        120  100.0%   45.8%   30.0%
     * </pre>
     *
     * @return the table, one line per cohort after a header line, each line ending in {@code '\n'}
     */
    public String render() {
        int columns = rows.stream().mapToInt(row -> row.active().size()).max().orElse(0);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-10s  %9s", "cohort", "customers"));
        for (int k = 0; k < columns; k++) {
            text.append(String.format(Locale.ROOT, "  %6s", "+" + k));
        }
        text.append('\n');
        for (CohortRow row : rows) {
            text.append(String.format(Locale.ROOT, "%-10s  %9d", row.cohort(), row.size()));
            for (OptionalDouble share : row.retention()) {
                text.append(share.isPresent()
                        ? String.format(Locale.ROOT, "  %5.1f%%", 100 * share.getAsDouble())
                        : String.format(Locale.ROOT, "  %6s", "-"));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
