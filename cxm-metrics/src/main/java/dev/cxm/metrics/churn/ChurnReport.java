package dev.cxm.metrics.churn;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Churn and retention per period and group, as {@link ChurnRates} computes them.
 *
 * @param definition how churn was defined, in words
 * @param period the calendar period of the rows
 * @param zone the zone the periods are counted in
 * @param from the start of the observation, as given or by default the start of the earliest event's period:
 *     the first row is the first period that starts at or after it
 * @param to the end of the observation, exclusive: the last row is the last period that ends at or before it
 * @param rows one row per group and period, by group then period
 */
public record ChurnReport(String definition, CalendarPeriod period, ZoneId zone, Instant from, Instant to,
        List<PeriodChurn> rows) {

    /**
     * Validates and copies the rows.
     *
     * @param definition how churn was defined, in words; non-blank
     * @param period the calendar period of the rows
     * @param zone the zone the periods are counted in
     * @param from the start of the observation; the first row is the first period that starts at or after it
     * @param to the end of the observation, exclusive; the last row is the last period that ends at or before
     *     it
     * @param rows one row per group and period, by group then period
     * @throws IllegalArgumentException if {@code definition} is blank
     */
    public ChurnReport {
        Checks.nonBlank("definition", definition);
        Checks.present("period", period);
        Checks.present("zone", zone);
        Checks.present("from", from);
        Checks.present("to", to);
        rows = List.copyOf(rows);
    }

    /**
     * Returns the groups in the report, in row order.
     *
     * @return each group's name once, in the order its first row appears
     */
    public List<String> groups() {
        return rows.stream().map(PeriodChurn::group).distinct().toList();
    }

    /**
     * Returns the rows of one group, in period order.
     *
     * @param group the group's name, as {@link #groups()} lists it
     * @return the group's rows, one per period
     * @throws IllegalArgumentException naming the group when the report has none of that name
     */
    public List<PeriodChurn> rowsOf(String group) {
        List<PeriodChurn> selected = rows.stream().filter(row -> row.group().equals(group)).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("group: \"" + group + "\" is not in the report; its groups are " + groups());
        }
        return selected;
    }
}
