package dev.cxm.metrics.clv;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import dev.cxm.metrics.clv.internal.Units;

/**
 * Conversions between {@code java.time} durations and the numbers of time units the models compute in, at
 * nominal lengths: a day is 86,400 s, a month 30.436875 days and a year 365.2425 days (their averages).
 */
public final class TimeUnits {

    private TimeUnits() {}

    /**
     * Returns {@code unit} when it has a fixed nominal length: seconds up to weeks.
     *
     * @throws IllegalArgumentException naming {@code field} for shorter units, months, years and longer
     */
    static ChronoUnit requireFixedUnit(String field, ChronoUnit unit) {
        if (Units.isCalendarUnit(unit) || unit.compareTo(ChronoUnit.SECONDS) < 0) {
            throw new IllegalArgumentException(field + ": " + unit + " is not a unit of customer time; use a unit"
                    + " from SECONDS to WEEKS");
        }
        return unit;
    }

    /**
     * Returns {@code unit} when times of customers can be counted in it: seconds up to weeks, or months and
     * years (counts of whole calendar periods; a duration converts to them at their average length, a month
     * 30.436875 days and a year 365.2425 days).
     *
     * @throws IllegalArgumentException naming {@code field} for units below a second or beyond a year
     */
    static ChronoUnit requireModelUnit(String field, ChronoUnit unit) {
        if (unit == null) {
            throw new IllegalArgumentException(field + ": a time unit is required");
        }
        if (unit.compareTo(ChronoUnit.SECONDS) < 0 || unit.compareTo(ChronoUnit.YEARS) > 0) {
            throw new IllegalArgumentException(field + ": " + unit + " is not a unit of customer time; use SECONDS,"
                    + " MINUTES, HOURS, HALF_DAYS, DAYS, WEEKS, or MONTHS or YEARS for whole calendar periods");
        }
        return unit;
    }

    /**
     * Returns the nominal length of {@code unit} in seconds: a day is 86,400 s, a month its average
     * (30.436875 days) and a year the average Gregorian year (365.2425 days).
     */
    public static double seconds(ChronoUnit unit) {
        Duration length = unit.getDuration();
        return length.getSeconds() + length.getNano() / 1e9;
    }

    /** Returns {@code duration} as a number of {@code unit}s, at the units' nominal lengths. */
    public static double inUnits(Duration duration, ChronoUnit unit) {
        return (duration.getSeconds() + duration.getNano() / 1e9) / seconds(unit);
    }
}
