package dev.cxm.metrics.clv.rfm.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Places instants on a line of {@code long} keys: nanoseconds since the epoch in continuous time, or the
 * index of the calendar period (day, week, ...) in a zone when purchases are merged per period. Days and
 * longer follow the zone's calendar; seconds, minutes and hours follow elapsed time on the zone's standard
 * offset, so that a daylight-saving change neither merges nor drops an hour.
 */
public final class PeriodClock {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Optional<ChronoUnit> period;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean fixedOffset;
    private final int offsetSeconds;

    /** Keys instants by {@code period} in {@code zone}, or in continuous time when {@code period} is empty. */
    public PeriodClock(Optional<ChronoUnit> period, ZoneId zone) {
        this.period = period;
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.offsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    /** Returns the key of {@code instant}. */
    public long key(Instant instant) {
        if (period.isEmpty()) {
            try {
                return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("occurredAt: " + instant + " is outside the years 1677 to 2262"
                        + " that continuous time covers", e);
            }
        }
        ChronoUnit unit = period.get();
        long localSeconds = instant.getEpochSecond()
                + (fixedOffset ? offsetSeconds : rules.getOffset(instant).getTotalSeconds());
        long epochDay = Math.floorDiv(localSeconds, 86_400);
        switch (unit) {
            case DAYS:
                return epochDay;
            case WEEKS:
                // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
                return Math.floorDiv(epochDay + 3, 7);
            case MONTHS: {
                LocalDate date = LocalDate.ofEpochDay(epochDay);
                return date.getYear() * 12L + date.getMonthValue() - 1;
            }
            case YEARS:
                return LocalDate.ofEpochDay(epochDay).getYear();
            default:
                // Sub-day periods follow elapsed time: keyed on the zone's standard offset, so the hour repeated
                // when clocks fall back is two hours, and local midnight is still a period boundary.
                long standardSeconds = instant.getEpochSecond()
                        + (fixedOffset ? offsetSeconds : rules.getStandardOffset(instant).getTotalSeconds());
                return Math.floorDiv(standardSeconds, unit.getDuration().getSeconds());
        }
    }

    /** Returns whether every key fits in an {@code int}: calendar periods of a minute or longer. */
    public boolean compactKeys() {
        return period.isPresent() && period.get().compareTo(ChronoUnit.MINUTES) >= 0;
    }

    /** Returns the key T is measured to for a calibration ending at {@code end}: the last period before it. */
    public long ageEndKey(Instant end) {
        return period.isEmpty() ? key(end) : key(end) - 1;
    }

    /** Returns a difference of keys in {@code unit}s. */
    public double toUnits(long keyDifference, ChronoUnit unit) {
        if (period.isEmpty()) {
            return keyDifference / (Units.seconds(unit) * NANOS_PER_SECOND);
        }
        if (Units.isCalendarUnit(period.get())) {
            return keyDifference;
        }
        return keyDifference * (Units.seconds(period.get()) / Units.seconds(unit));
    }

    /** Throws unless {@code instant} starts a purchase period (any instant does in continuous time). */
    public void requirePeriodStart(String field, Instant instant) {
        if (period.isPresent() && key(instant) == key(instant.minusNanos(1))) {
            throw new IllegalArgumentException(field + ": " + instant + " is not at the start of a " + period.get()
                    + " period in " + zone + "; calibration and holdout end on period boundaries");
        }
    }

}
