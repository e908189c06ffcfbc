package dev.cxm.metrics.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.cxm.core.internal.Checks;

/**
 * One period of a trend: the calendar day, ISO week, month or quarter that starts on {@code start} in
 * {@code zone}. A response belongs to the bucket whose local dates contain the date of its instant in the
 * zone.
 *
 * @param granularity the length of the period
 * @param start its first day; the first day of a bucket of that granularity
 * @param zone the zone whose calendar cuts the periods
 */
public record TimeBucket(Granularity granularity, LocalDate start, ZoneId zone) implements Comparable<TimeBucket> {

    /** Validates the bucket. */
    public TimeBucket {
        Checks.present("granularity", granularity);
        Checks.present("start", start);
        Checks.present("zone", zone);
        if (!granularity.start(start).equals(start)) {
            throw new IllegalArgumentException("start: " + start + " does not start a "
                    + granularity.name().toLowerCase(java.util.Locale.ROOT) + "; it would be " + granularity.start(start));
        }
    }

    /** Returns the bucket of {@code granularity} in {@code zone} that contains {@code instant}. */
    public static TimeBucket containing(Instant instant, Granularity granularity, ZoneId zone) {
        Checks.present("instant", instant);
        return new TimeBucket(granularity, granularity.start(LocalDate.ofInstant(instant, zone)), zone);
    }

    /** Returns the first day after the bucket. */
    public LocalDate end() {
        return granularity.next(start);
    }

    /** Returns the bucket that follows this one. */
    public TimeBucket next() {
        return new TimeBucket(granularity, end(), zone);
    }

    /** Returns the instant the bucket starts at (inclusive). */
    public Instant startInstant() {
        return start.atStartOfDay(zone).toInstant();
    }

    /** Returns the instant the bucket ends at (exclusive). */
    public Instant endInstant() {
        return end().atStartOfDay(zone).toInstant();
    }

    /** Orders buckets by start day. */
    @Override
    public int compareTo(TimeBucket other) {
        return start.compareTo(other.start);
    }
}
