package dev.cxm.metrics.clv;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.rfm.internal.Units;

/**
 * Conversions between {@code java.time} durations and the numbers of time units the models compute in, at
 * nominal lengths: a day is 86,400 s, a month 30.436875 days and a year 365.2425 days (their averages).
 */
public final class TimeUnits {

    private TimeUnits() {}

    /**
     * Returns the nominal length of {@code unit} in seconds: a day is 86,400 s, a month its average
     * (30.436875 days) and a year the average Gregorian year (365.2425 days).
     *
     * @param unit the unit
     * @return its length in seconds
     */
    public static double seconds(ChronoUnit unit) {
        return Units.seconds(Checks.present("unit", unit));
    }

    /**
     * Returns {@code duration} as a number of {@code unit}s, at the units' nominal lengths.
     *
     * @param duration the duration
     * @param unit the unit
     * @return the number of units, fractional where the duration is not a whole number of them
     */
    public static double inUnits(Duration duration, ChronoUnit unit) {
        return Units.inUnits(Checks.present("duration", duration), Checks.present("unit", unit));
    }
}
