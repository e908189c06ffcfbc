package dev.cxm.metrics.feedback;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The length of the time buckets of a trend: calendar days, ISO weeks, months or quarters. */
public enum Granularity {
    /** Calendar days. */
    DAY,
    /** ISO weeks, Monday to Sunday. */
    WEEK,
    /** Calendar months. */
    MONTH,
    /** Calendar quarters, starting in January, April, July and October. */
    QUARTER;

    /** Returns the first day of the bucket that contains {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.with(IsoFields.DAY_OF_QUARTER, 1);
        };
    }

    /** Returns the first day of the bucket after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }

    /**
     * Parses {@code day}, {@code week}, {@code month} or {@code quarter}, ignoring case.
     *
     * @throws IllegalArgumentException naming the text when it names none
     */
    public static Granularity parse(String text) {
        String normalised = text.strip().toUpperCase(Locale.ROOT);
        for (Granularity granularity : values()) {
            if (granularity.name().equals(normalised)) {
                return granularity;
            }
        }
        throw new IllegalArgumentException("period: \"" + text + "\" is not a period; expected day, week, month"
                + " or quarter");
    }
}
