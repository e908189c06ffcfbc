package dev.cxm.metrics.clv;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.PeriodClock;
import dev.cxm.metrics.clv.internal.Units;

/**
 * How purchases become an RFM summary: where calibration ends (and holdout, if any), the time unit every
 * recency and T is measured in, and the calendar period within which purchases are merged into one.
 *
 * <pre>{@code
 * // CDNOW: calibration through 1997-09-30, same-day purchases merged, times in weeks
 * RfmSummaryOptions options = RfmSummaryOptions.builder(Instant.parse("1997-10-01T00:00:00Z"), ChronoUnit.WEEKS)
 *         .purchasePeriod(ChronoUnit.DAYS)
 *         .build();
 * }</pre>
 *
 * <h2>Time</h2>
 * With a purchase period (days, unless set otherwise), each purchase is placed at the start of its
 * calendar period in {@link #zone()}; purchases in the same period are one purchase whose amount is their
 * sum, and T runs from the first purchase's period to the last calibration period, the one just before
 * {@link #calibrationEnd()} (as in the R package BTYD and Python's lifetimes). Periods count in nominal
 * lengths (a day is 24 hours, a week 7 days), so a daylight-saving change never makes a day 23 hours long.
 * Without a purchase period ({@link Builder#continuousTime()}), every purchase counts at its own instant
 * and T runs to {@code calibrationEnd} itself.
 *
 * @param calibrationEnd purchases before this instant are in the calibration period; with a purchase
 *     period it must be the start of one
 * @param holdoutEnd purchases from {@code calibrationEnd} up to (excluding) this instant are the holdout
 *     period, when present
 * @param unit the unit of recency, T and the holdout length: {@code SECONDS} to {@code WEEKS}, or
 *     {@code MONTHS} or {@code YEARS} when the purchase period is that same calendar unit
 * @param purchasePeriod the calendar period in which purchases are merged ({@code SECONDS}, {@code MINUTES},
 *     {@code HOURS}, {@code DAYS}, {@code WEEKS} starting on Monday, {@code MONTHS} or {@code YEARS}); empty
 *     for continuous time
 * @param zone the zone whose calendar defines the periods
 */
public record RfmSummaryOptions(
        Instant calibrationEnd,
        Optional<Instant> holdoutEnd,
        ChronoUnit unit,
        Optional<ChronoUnit> purchasePeriod,
        ZoneId zone) {

    private static final Set<ChronoUnit> PERIODS = EnumSet.of(ChronoUnit.SECONDS, ChronoUnit.MINUTES,
            ChronoUnit.HOURS, ChronoUnit.DAYS, ChronoUnit.WEEKS, ChronoUnit.MONTHS, ChronoUnit.YEARS);

    /** Validates the options. */
    public RfmSummaryOptions {
        Checks.present("calibrationEnd", calibrationEnd);
        Checks.present("holdoutEnd", holdoutEnd);
        Checks.present("unit", unit);
        Checks.present("purchasePeriod", purchasePeriod);
        Checks.present("zone", zone);
        purchasePeriod.ifPresent(period -> {
            if (!PERIODS.contains(period)) {
                throw new IllegalArgumentException("purchasePeriod: " + period + " is not a calendar period;"
                        + " use one of " + PERIODS);
            }
        });
        if (Units.isCalendarUnit(unit)) {
            if (purchasePeriod.isEmpty() || purchasePeriod.get() != unit) {
                throw new IllegalArgumentException("unit: " + unit + " has no fixed length; it can only count"
                        + " whole purchase periods of the same unit (purchasePeriod " + unit + ")");
            }
        } else {
            TimeUnits.requireFixedUnit("unit", unit);
            purchasePeriod.ifPresent(period -> {
                if (Units.isCalendarUnit(period)) {
                    throw new IllegalArgumentException("purchasePeriod: " + period + " has no fixed length, so"
                            + " it cannot be measured in " + unit + "; use unit " + period);
                }
            });
        }
        holdoutEnd.ifPresent(end -> {
            if (!end.isAfter(calibrationEnd)) {
                throw new IllegalArgumentException("holdoutEnd: " + end + " is not after calibrationEnd "
                        + calibrationEnd + "; the holdout period follows calibration");
            }
        });
        PeriodClock clock = new PeriodClock(purchasePeriod, zone);
        clock.requirePeriodStart("calibrationEnd", calibrationEnd);
        holdoutEnd.ifPresent(end -> clock.requirePeriodStart("holdoutEnd", end));
    }

    /**
     * Starts options with calibration ending at {@code calibrationEnd} (exclusive) and times in {@code unit};
     * purchases are merged per calendar day in UTC until told otherwise.
     */
    public static Builder builder(Instant calibrationEnd, ChronoUnit unit) {
        return new Builder(calibrationEnd, unit);
    }

    /** Returns the length of the holdout period in {@link #unit()}, when there is one. */
    public Optional<Double> holdoutLength() {
        PeriodClock clock = clock();
        return holdoutEnd.map(end -> clock.toUnits(clock.key(end) - clock.key(calibrationEnd), unit));
    }

    PeriodClock clock() {
        return new PeriodClock(purchasePeriod, zone);
    }

    /** Builds {@link RfmSummaryOptions}. */
    public static final class Builder {
        private final Instant calibrationEnd;
        private final ChronoUnit unit;
        private Optional<Instant> holdoutEnd = Optional.empty();
        private Optional<ChronoUnit> purchasePeriod = Optional.of(ChronoUnit.DAYS);
        private ZoneId zone = ZoneOffset.UTC;

        private Builder(Instant calibrationEnd, ChronoUnit unit) {
            this.calibrationEnd = Checks.present("calibrationEnd", calibrationEnd);
            this.unit = Checks.present("unit", unit);
        }

        /** Adds a holdout period from the calibration end up to {@code value} (exclusive). */
        public Builder holdoutEnd(Instant value) {
            this.holdoutEnd = Optional.of(Checks.present("holdoutEnd", value));
            return this;
        }

        /** Merges purchases within one calendar {@code value} (a day, say) into one purchase. */
        public Builder purchasePeriod(ChronoUnit value) {
            this.purchasePeriod = Optional.of(Checks.present("purchasePeriod", value));
            return this;
        }

        /** Counts every purchase at its own instant, merging none. */
        public Builder continuousTime() {
            this.purchasePeriod = Optional.empty();
            return this;
        }

        /** Sets the zone whose calendar defines the purchase periods; UTC unless set. */
        public Builder zone(ZoneId value) {
            this.zone = Checks.present("zone", value);
            return this;
        }

        /** Builds the options, rejecting an inconsistent combination. */
        public RfmSummaryOptions build() {
            return new RfmSummaryOptions(calibrationEnd, holdoutEnd, unit, purchasePeriod, zone);
        }
    }
}
