package dev.cxm.metrics.churn;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar periods churn rates and cohorts are counted in, in a time zone the caller names: days,
 * ISO weeks (Monday to Sunday) or months.
 */
public enum CalendarPeriod {
    /** A calendar day. */
    DAY,
    /** An ISO week, starting on Monday. */
    WEEK,
    /** A calendar month. */
    MONTH;

    /** Returns the first day of the period that contains {@code date}. */
    public LocalDate startOf(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** Returns the first day of the period after the one that starts on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
