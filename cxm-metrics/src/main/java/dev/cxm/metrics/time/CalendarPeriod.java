package dev.cxm.metrics.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar periods that metrics are counted in (churn rates, cohorts, feedback trends), read in a time
 * zone the caller names: days, ISO weeks (Monday to Sunday), months or quarters.
 */
public enum CalendarPeriod {
    /** A calendar day. */
    DAY,
    /** An ISO week, Monday to Sunday. */
    WEEK,
    /** A calendar month. */
    MONTH,
    /** A calendar quarter, starting on 1 January, April, July or October. */
    QUARTER;

    /**
     * Returns the first day of the period that contains {@code date}.
     *
     * @param date a day, in the zone the caller counts in
     * @return that day for {@link #DAY}, the Monday on or before it for {@link #WEEK}, the first of its month
     *     for {@link #MONTH}, or the first day of its quarter for {@link #QUARTER}
     */
    public LocalDate startOf(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.with(IsoFields.DAY_OF_QUARTER, 1);
        };
    }

    /**
     * Returns how many periods there are from the one that contains {@code from} to the one that contains
     * {@code to}, both included; 0 when {@code to} lies in an earlier period.
     *
     * @param from a day in the first period counted
     * @param to a day in the last period counted
     * @return the number of periods, 1 when both days lie in the same period
     */
    public long count(LocalDate from, LocalDate to) {
        LocalDate first = startOf(from);
        LocalDate last = startOf(to);
        if (last.isBefore(first)) {
            return 0;
        }
        return 1 + switch (this) {
            case DAY -> ChronoUnit.DAYS.between(first, last);
            case WEEK -> ChronoUnit.WEEKS.between(first, last);
            case MONTH -> ChronoUnit.MONTHS.between(first, last);
            case QUARTER -> ChronoUnit.MONTHS.between(first, last) / 3;
        };
    }

    /**
     * Returns the first day of the period after the one that starts on {@code start}.
     *
     * @param start the first day of a period, as {@link #startOf} returns it
     * @return the first day of the following period: a day, a week, a month or three months later
     */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }
}
