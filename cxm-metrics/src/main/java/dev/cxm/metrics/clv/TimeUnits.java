package dev.cxm.metrics.clv;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** Conversions between {@code java.time} durations and the numbers of time units the models compute in. */
final class TimeUnits {

    private TimeUnits() {}

    /** Returns whether {@code unit} is a calendar unit (months or longer) without a fixed length. */
    static boolean isCalendarUnit(ChronoUnit unit) {
        return unit.compareTo(ChronoUnit.WEEKS) > 0;
    }

    /**
     * Returns {@code unit} when it has a fixed nominal length: seconds (or shorter) up to weeks.
     *
     * @throws IllegalArgumentException naming {@code field} for months, years and longer
     */
    static ChronoUnit requireFixedUnit(String field, ChronoUnit unit) {
        if (isCalendarUnit(unit)) {
            throw new IllegalArgumentException(field + ": " + unit + " has no fixed length; use a unit from"
                    + " SECONDS to WEEKS");
        }
        return unit;
    }

    /** Returns the nominal length of {@code unit} in seconds (a day is 86,400 s; a month its average). */
    static double seconds(ChronoUnit unit) {
        Duration length = unit.getDuration();
        return length.getSeconds() + length.getNano() / 1e9;
    }

    /** Returns {@code duration} as a number of {@code unit}s. */
    static double inUnits(Duration duration, ChronoUnit unit) {
        return (duration.getSeconds() + duration.getNano() / 1e9) / seconds(unit);
    }
}
