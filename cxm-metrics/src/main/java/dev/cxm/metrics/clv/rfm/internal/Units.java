package dev.cxm.metrics.clv.rfm.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Facts about the time units customer times are counted in, shared by the RFM summary, the cells and the
 * models: which units are allowed and their nominal lengths (a day 86,400 s, a month 30.436875 days and a
 * year 365.2425 days, their averages).
 */
public final class Units {

    private Units() {}

    /**
     * Returns whether {@code unit} is a calendar unit (months or longer) without a fixed length.
     *
     * @param unit the unit
     * @return whether it is months or longer
     */
    public static boolean isCalendarUnit(ChronoUnit unit) {
        return unit.compareTo(ChronoUnit.WEEKS) > 0;
    }

    /**
     * Returns {@code unit} when it has a fixed nominal length: seconds up to weeks.
     *
     * @param field the field's name, for the message
     * @param unit the unit
     * @return {@code unit}
     * @throws IllegalArgumentException naming {@code field} for shorter units, months, years and longer
     */
    public static ChronoUnit requireFixedUnit(String field, ChronoUnit unit) {
        if (isCalendarUnit(unit) || unit.compareTo(ChronoUnit.SECONDS) < 0) {
            throw new IllegalArgumentException(field + ": " + unit + " is not a unit of customer time; use a unit"
                    + " from SECONDS to WEEKS");
        }
        return unit;
    }

    /**
     * Returns {@code unit} when times of customers can be counted in it: seconds up to weeks, or months and
     * years (counts of whole calendar periods).
     *
     * @param field the field's name, for the message
     * @param unit the unit
     * @return {@code unit}
     * @throws IllegalArgumentException naming {@code field} for units below a second or beyond a year
     */
    public static ChronoUnit requireModelUnit(String field, ChronoUnit unit) {
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
     * Returns the nominal length of {@code unit} in seconds.
     *
     * @param unit the unit
     * @return its length in seconds
     */
    public static double seconds(ChronoUnit unit) {
        Duration length = unit.getDuration();
        return length.getSeconds() + length.getNano() / 1e9;
    }

    /**
     * Returns {@code duration} as a number of {@code unit}s, at the units' nominal lengths.
     *
     * @param duration the duration
     * @param unit the unit
     * @return the number of units
     */
    public static double inUnits(Duration duration, ChronoUnit unit) {
        return (duration.getSeconds() + duration.getNano() / 1e9) / seconds(unit);
    }
}
