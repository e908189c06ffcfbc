package dev.cxm.metrics.churn.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

import dev.cxm.metrics.churn.CalendarPeriod;

/**
 * Numbers calendar periods in a zone, so that counting per period is arithmetic on ints: day periods are
 * numbered by their local epoch day, ISO weeks by the Monday-based week since 1970-01-05, months by
 * {@code 12 * year + month - 1}.
 *
 * <p>Mapping an instant costs a zone-offset lookup and a division; the offset is cached for the stretch of
 * time between two of the zone's transitions, so events in time order rarely consult the zone rules. Not
 * thread-safe (the cache); use one per thread.
 */
public final class PeriodIndexer {

    private static final long SECONDS_PER_DAY = 86_400;
    /** 1970-01-05, the first Monday of the epoch. */
    private static final long FIRST_MONDAY = 4;

    private final CalendarPeriod period;
    private final ZoneId zone;
    private final ZoneRules rules;
    private long cachedFrom = Long.MAX_VALUE;
    private long cachedUntil = Long.MIN_VALUE;
    private int cachedOffset;

    /** Creates an indexer of {@code period}s in {@code zone}. */
    public PeriodIndexer(CalendarPeriod period, ZoneId zone) {
        this.period = period;
        this.zone = zone;
        this.rules = zone.getRules();
        if (rules.isFixedOffset()) {
            cachedFrom = Long.MIN_VALUE;
            cachedUntil = Long.MAX_VALUE;
            cachedOffset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        }
    }

    /** Returns the number of the period that contains {@code instant}. */
    public int indexOf(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < cachedFrom || seconds >= cachedUntil) {
            cacheOffsetAround(instant);
        }
        long localDay = Math.floorDiv(seconds + cachedOffset, SECONDS_PER_DAY);
        return indexOfDay(localDay);
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
            case MONTH -> {
                LocalDate date = LocalDate.ofEpochDay(localDay);
                yield date.getYear() * 12 + date.getMonthValue() - 1;
            }
        };
    }

    private void cacheOffsetAround(Instant instant) {
        ZoneOffset offset = rules.getOffset(instant);
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusNanos(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        cachedOffset = offset.getTotalSeconds();
        cachedFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        cachedUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }
}
