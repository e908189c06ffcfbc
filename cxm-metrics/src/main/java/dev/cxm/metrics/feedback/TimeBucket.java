package dev.cxm.metrics.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * One period of a trend: the calendar day, ISO week, month or quarter that starts on {@code start} in
 * {@code zone}. A response belongs to the bucket whose local dates contain the date of its instant in the
 * zone.
 *
 * @param period the length of the period
 * @param start its first day; the first day of a period of that length
 * @param zone the zone whose calendar cuts the periods
 */
public record TimeBucket(CalendarPeriod period, LocalDate start, ZoneId zone) implements Comparable<TimeBucket> {

    /** Orders by start day, then period length, then zone id: consistent with {@link #equals}. */
    private static final Comparator<TimeBucket> ORDER = Comparator.comparing(TimeBucket::start)
            .thenComparing(TimeBucket::period).thenComparing(bucket -> bucket.zone().getId());

    /**
     * Validates the bucket.
     *
     * @param period the length of the period
     * @param start its first day; the first day of a period of that length
     * @param zone the zone whose calendar cuts the periods
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public TimeBucket {
        Checks.present("period", period);
        Checks.present("start", start);
        Checks.present("zone", zone);
        if (!period.startOf(start).equals(start)) {
            throw new IllegalArgumentException("start: " + start + " does not start a "
                    + period.name().toLowerCase(Locale.ROOT) + "; it would be " + period.startOf(start));
        }
    }

    /**
     * Returns the bucket of {@code period} in {@code zone} that contains {@code instant}.
     *
     * @param instant the instant
     * @param period the length of the bucket
     * @param zone the zone whose calendar cuts the periods
     * @return the bucket
     */
    public static TimeBucket containing(Instant instant, CalendarPeriod period, ZoneId zone) {
        Checks.present("instant", instant);
        Checks.present("period", period);
        return new TimeBucket(period, period.startOf(LocalDate.ofInstant(instant, Checks.present("zone", zone))), zone);
    }

    /**
     * Returns the first day after the bucket.
     *
     * @return the exclusive end day
     */
    public LocalDate end() {
        return period.next(start);
    }

    /**
     * Returns the bucket that follows this one.
     *
     * @return the next bucket
     */
    public TimeBucket next() {
        return new TimeBucket(period, end(), zone);
    }

    /**
     * Returns the instant the bucket starts at (inclusive).
     *
     * @return the start instant
     */
    public Instant startInstant() {
        return start.atStartOfDay(zone).toInstant();
    }

    /**
     * Returns the instant the bucket ends at (exclusive).
     *
     * @return the end instant
     */
    public Instant endInstant() {
        return end().atStartOfDay(zone).toInstant();
    }

    /**
     * Orders buckets by start day; buckets that start on the same day are ordered by period length and then
     * zone id, so that the order is consistent with {@link #equals}.
     */
    @Override
    public int compareTo(TimeBucket other) {
        return ORDER.compare(this, other);
    }
}
