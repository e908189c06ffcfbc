package dev.cxm.metrics.churn.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Numbers calendar periods in a zone, so that counting per period is arithmetic on ints: day periods are
 * numbered by their local epoch day, ISO weeks by the Monday-based week since 1970-01-05, months by
 * {@code 12 * year + month - 1}, quarters by {@code 4 * year + quarter - 1}.
 *
 * <p>Mapping an instant is a binary search in a small table of the zone's offset transitions (built for
 * the years the instants fall in, and widened on demand) and integer arithmetic, without allocation; events
 * in any order cost the same. Not thread-safe (the table grows); use one per thread.
 */
public final class PeriodIndexer {

    private static final long SECONDS_PER_DAY = 86_400;
    /** 1970-01-05, the first Monday of the epoch. */
    private static final long FIRST_MONDAY = 4;
    /** How far around an instant outside the table the table is widened. */
    private static final long MARGIN_SECONDS = 4L * 366 * SECONDS_PER_DAY;

    private final CalendarPeriod period;
    private final ZoneId zone;
    private final ZoneRules rules;
    private long coveredFrom = Long.MAX_VALUE;
    private long coveredUntil = Long.MIN_VALUE;
    private int offsetBefore;
    private long[] transitions = new long[0];
    private int[] offsetsAfter = new int[0];

    /** Creates an indexer of {@code period}s in {@code zone}. */
    public PeriodIndexer(CalendarPeriod period, ZoneId zone) {
        this.period = period;
        this.zone = zone;
        this.rules = zone.getRules();
        if (rules.isFixedOffset()) {
            coveredFrom = Long.MIN_VALUE;
            coveredUntil = Long.MAX_VALUE;
            offsetBefore = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        }
    }

    /** Returns the number of the period that contains {@code instant}. */
    public int indexOf(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < coveredFrom || seconds >= coveredUntil) {
            cover(seconds);
        }
        int k = Arrays.binarySearch(transitions, seconds);
        int last = k >= 0 ? k : -k - 2;
        int offset = last < 0 ? offsetBefore : offsetsAfter[last];
        return indexOfDay(Math.floorDiv(seconds + offset, SECONDS_PER_DAY));
    }

    /** Returns the number of the period that contains the local date {@code date}. */
    public int indexOf(LocalDate date) {
        return indexOfDay(date.toEpochDay());
    }

    /** Returns the first local day of period {@code index}. */
    public LocalDate startDate(int index) {
        return switch (period) {
            case DAY -> LocalDate.ofEpochDay(index);
            case WEEK -> LocalDate.ofEpochDay(index * 7L + FIRST_MONDAY);
            case MONTH -> LocalDate.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1);
            case QUARTER -> LocalDate.of(Math.floorDiv(index, 4), 3 * Math.floorMod(index, 4) + 1, 1);
        };
    }

    /** Returns the instant period {@code index} starts at: the start of its first day in the zone. */
    public Instant start(int index) {
        return startDate(index).atStartOfDay(zone).toInstant();
    }

    private int indexOfDay(long localDay) {
        return switch (period) {
            case DAY -> Math.toIntExact(localDay);
            case WEEK -> Math.toIntExact(Math.floorDiv(localDay - FIRST_MONDAY, 7));
            case MONTH -> monthOfDay(localDay);
            case QUARTER -> Math.floorDiv(monthOfDay(localDay), 3);
        };
    }

    /** Returns 12 * year + month - 1 of an epoch day, by the civil-from-days algorithm (Hinnant). */
    private static int monthOfDay(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return Math.toIntExact(year * 12 + month - 1);
    }

    /** Rebuilds the transition table so that it covers {@code seconds} and what it covered before. */
    private void cover(long seconds) {
        long from = Math.min(coveredFrom, SaturatingMath.add(seconds, -MARGIN_SECONDS));
        long until = Math.max(coveredUntil, SaturatingMath.add(seconds, MARGIN_SECONDS));
        Instant start = Instant.ofEpochSecond(Math.max(from, Instant.MIN.getEpochSecond()));
        offsetBefore = rules.getOffset(start).getTotalSeconds();
        long[] times = new long[16];
        int[] offsets = new int[16];
        int count = 0;
        for (ZoneOffsetTransition t = rules.nextTransition(start); t != null && t.toEpochSecond() < until;
                t = rules.nextTransition(t.getInstant())) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            times[count] = t.toEpochSecond();
            offsets[count] = t.getOffsetAfter().getTotalSeconds();
            count++;
        }
        transitions = Arrays.copyOf(times, count);
        offsetsAfter = Arrays.copyOf(offsets, count);
        coveredFrom = from;
        coveredUntil = until;
    }
}
