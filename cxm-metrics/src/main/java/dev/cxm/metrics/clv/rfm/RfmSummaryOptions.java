package dev.cxm.metrics.clv.rfm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.rfm.internal.PeriodClock;
import dev.cxm.metrics.clv.rfm.internal.Units;

/**
 * How purchases become an RFM summary: where calibration ends (and holdout, if any), the time unit every
 * recency and T is measured in, and the calendar period within which purchases are merged into one.
 *
 * <pre>{@code
 * // CDNOW: calibration through 1997-09-30 (the end is exclusive), same-day purchases merged, times in weeks
 * RfmSummaryOptions options = RfmSummaryOptions.ofDefaults(Instant.parse("1997-10-01T00:00:00Z"), ChronoUnit.WEEKS);
 * // the same, named by the last day it includes, as the command line does
 * RfmSummaryOptions sameOptions = RfmSummaryOptions.ofDefaults(LocalDate.parse("1997-09-30"), ZoneOffset.UTC,
 *         ChronoUnit.WEEKS);
 * // with a holdout quarter, weeks starting on Monday in Berlin
 * RfmSummaryOptions weekly = RfmSummaryOptions.custom(LocalDate.parse("2025-09-28"), ZoneId.of("Europe/Berlin"),
 *         ChronoUnit.WEEKS).purchasePeriod(ChronoUnit.WEEKS).lastHoldoutDay(LocalDate.parse("2025-12-28")).build();
 * }</pre>
 *
 * <h2>Calibration end: an instant or a day</h2>
 * The calibration end is an <b>exclusive</b> instant: purchases strictly before it are calibration. The
 * {@link LocalDate} factories take the <b>last day included</b> instead (the meaning of the command line's
 * {@code --calibration-end}), and place the end at the start of the next day in the zone given, which
 * also becomes the options' {@link #zone()}; {@link #lastCalibrationDay()} gives that day back.
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
 * <p>Immutable, with value {@code equals}, {@code hashCode} and {@code toString}; it reads and writes as JSON
 * (inside an {@link RfmSummaryState}).
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

    /**
     * Validates the options.
     *
     * @param calibrationEnd purchases before this instant are in the calibration period; with a purchase period it
     *     must be the start of one
     * @param holdoutEnd purchases from {@code calibrationEnd} up to (excluding) this instant are the holdout period,
     *     when present
     * @param unit the unit of recency, T and the holdout length: {@code SECONDS} to {@code WEEKS}, or {@code MONTHS}
     *     or {@code YEARS} when the purchase period is that same calendar unit
     * @param purchasePeriod the calendar period in which purchases are merged ({@code SECONDS}, {@code MINUTES},
     *     {@code HOURS}, {@code DAYS}, {@code WEEKS} starting on Monday, {@code MONTHS} or {@code YEARS}); empty for
     *     continuous time
     * @param zone the zone whose calendar defines the periods
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public RfmSummaryOptions {
        Checks.present("calibrationEnd", calibrationEnd);
        Checks.present("holdoutEnd", holdoutEnd);
        Checks.present("unit", unit);
        Checks.present("purchasePeriod", purchasePeriod);
        Checks.present("zone", zone);
        purchasePeriod.ifPresent(RfmSummaryOptions::requirePeriod);
        if (Units.isCalendarUnit(unit)) {
            if (purchasePeriod.isEmpty() || purchasePeriod.get() != unit) {
                throw new IllegalArgumentException("unit: " + unit + " has no fixed length; it can only count"
                        + " whole purchase periods of the same unit (purchasePeriod " + unit + ")");
            }
        } else {
            Units.requireFixedUnit("unit", unit);
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
     * Returns the default options for a calibration ending at {@code calibrationEnd} (exclusive) with times in
     * {@code unit}: purchases merged per calendar day in UTC, no holdout.
     *
     * @param calibrationEnd the first instant after calibration (exclusive end); the start of a day in UTC
     * @param unit the unit of recency and T
     * @return the options
     * @throws IllegalArgumentException when the end is not the start of a day or the unit is not a unit of
     *     customer time
     */
    public static RfmSummaryOptions ofDefaults(Instant calibrationEnd, ChronoUnit unit) {
        return custom(calibrationEnd, unit).build();
    }

    /**
     * Returns the default options for a calibration that includes {@code lastCalibrationDay} in {@code zone}
     * (and ends, exclusively, at the start of the next day there), with times in {@code unit}: purchases merged
     * per calendar day in {@code zone}, no holdout.
     *
     * @param lastCalibrationDay the last day of calibration, inclusive
     * @param zone the zone of that day and of the purchase periods
     * @param unit the unit of recency and T
     * @return the options
     * @throws IllegalArgumentException when the unit is not a unit of customer time
     */
    public static RfmSummaryOptions ofDefaults(LocalDate lastCalibrationDay, ZoneId zone, ChronoUnit unit) {
        return custom(lastCalibrationDay, zone, unit).build();
    }

    /**
     * Starts options with calibration ending at {@code calibrationEnd} (exclusive) and times in {@code unit};
     * purchases are merged per calendar day in UTC until told otherwise.
     *
     * @param calibrationEnd the first instant after calibration (exclusive end)
     * @param unit the unit of recency and T
     * @return the builder
     */
    public static Builder custom(Instant calibrationEnd, ChronoUnit unit) {
        return new Builder(Checks.present("calibrationEnd", calibrationEnd), null, Checks.present("unit", unit),
                ZoneOffset.UTC);
    }

    /**
     * Starts options with calibration through {@code lastCalibrationDay} (inclusive) in {@code zone} and times
     * in {@code unit}; purchases are merged per calendar day in {@code zone} until told otherwise. The end is
     * placed when the options are built, at the start of the next day in the builder's zone then.
     *
     * @param lastCalibrationDay the last day of calibration, inclusive
     * @param zone the zone of that day and of the purchase periods
     * @param unit the unit of recency and T
     * @return the builder
     */
    public static Builder custom(LocalDate lastCalibrationDay, ZoneId zone, ChronoUnit unit) {
        return new Builder(null, Checks.present("lastCalibrationDay", lastCalibrationDay), Checks.present("unit", unit),
                Checks.present("zone", zone));
    }

    /**
     * Starts options from {@code base}.
     *
     * @param base the options the builder starts with
     * @return the builder
     */
    public static Builder from(RfmSummaryOptions base) {
        Checks.present("base", base);
        Builder builder = new Builder(base.calibrationEnd, null, base.unit, base.zone);
        builder.holdoutEnd = base.holdoutEnd;
        builder.purchasePeriod = base.purchasePeriod;
        return builder;
    }

    /**
     * Returns the last day calibration includes, in {@link #zone()}: the day of the instant just before
     * {@link #calibrationEnd()}.
     *
     * @return the last calibration day
     */
    public LocalDate lastCalibrationDay() {
        return lastDay(calibrationEnd, zone);
    }

    /**
     * Returns the last day the holdout period includes, in {@link #zone()}, when there is one.
     *
     * @return the last holdout day, or empty
     */
    public Optional<LocalDate> lastHoldoutDay() {
        return holdoutEnd.map(end -> lastDay(end, zone));
    }

    private static LocalDate lastDay(Instant end, ZoneId zone) {
        return LocalDate.ofInstant(end.minusNanos(1), zone);
    }

    /**
     * Returns the length of the holdout period in {@link #unit()}, when there is one.
     *
     * @return the length, or empty
     */
    public Optional<Double> holdoutLength() {
        PeriodClock clock = clock();
        return holdoutEnd.map(end -> clock.toUnits(clock.key(end) - clock.key(calibrationEnd), unit));
    }

    /** Returns the clock that keys purchases by this options' periods. */
    PeriodClock clock() {
        return new PeriodClock(purchasePeriod, zone);
    }

    /** Builds {@link RfmSummaryOptions}; each setter checks its value at once, {@link #build()} the combination. */
    public static final class Builder {
        private final ChronoUnit unit;
        private Instant calibrationEnd;
        private LocalDate lastCalibrationDay;
        private Optional<Instant> holdoutEnd = Optional.empty();
        private LocalDate lastHoldoutDay;
        private Optional<ChronoUnit> purchasePeriod = Optional.of(ChronoUnit.DAYS);
        private ZoneId zone;

        private Builder(Instant calibrationEnd, LocalDate lastCalibrationDay, ChronoUnit unit, ZoneId zone) {
            this.calibrationEnd = calibrationEnd;
            this.lastCalibrationDay = lastCalibrationDay;
            this.unit = unit;
            this.zone = zone;
        }

        /**
         * Adds a holdout period from the calibration end up to {@code value} (exclusive).
         *
         * @param value the first instant after the holdout period
         * @return this builder
         */
        public Builder holdoutEnd(Instant value) {
            this.holdoutEnd = Optional.of(Checks.present("holdoutEnd", value));
            this.lastHoldoutDay = null;
            return this;
        }

        /**
         * Adds a holdout period from the calibration end through {@code value} (inclusive), in the builder's
         * zone when the options are built: the holdout ends at the start of the next day there.
         *
         * @param value the last day of the holdout period
         * @return this builder
         */
        public Builder lastHoldoutDay(LocalDate value) {
            this.lastHoldoutDay = Checks.present("lastHoldoutDay", value);
            this.holdoutEnd = Optional.empty();
            return this;
        }

        /**
         * Merges purchases within one calendar {@code value} (a day, say) into one purchase; a day unless set.
         *
         * @param value {@code SECONDS}, {@code MINUTES}, {@code HOURS}, {@code DAYS}, {@code WEEKS},
         *     {@code MONTHS} or {@code YEARS}
         * @return this builder
         * @throws IllegalArgumentException for any other unit
         */
        public Builder purchasePeriod(ChronoUnit value) {
            this.purchasePeriod = Optional.of(requirePeriod(Checks.present("purchasePeriod", value)));
            return this;
        }

        /**
         * Counts every purchase at its own instant, merging none.
         *
         * @return this builder
         */
        public Builder continuousTime() {
            this.purchasePeriod = Optional.empty();
            return this;
        }

        /**
         * Sets the zone whose calendar defines the purchase periods (and the days of the {@link LocalDate}
         * ends); UTC unless set or given to {@code custom}.
         *
         * @param value the zone
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = Checks.present("zone", value);
            return this;
        }

        /**
         * Builds the options, rejecting an inconsistent combination.
         *
         * @return the options
         * @throws IllegalArgumentException naming what does not fit together (a unit that cannot count the
         *     purchase period, an end that does not start a period, a holdout that does not follow calibration)
         */
        public RfmSummaryOptions build() {
            Instant end = calibrationEnd != null ? calibrationEnd : startOfNextDay(lastCalibrationDay, zone);
            Optional<Instant> holdout = lastHoldoutDay != null ? Optional.of(startOfNextDay(lastHoldoutDay, zone))
                    : holdoutEnd;
            return new RfmSummaryOptions(end, holdout, unit, purchasePeriod, zone);
        }

        private static Instant startOfNextDay(LocalDate day, ZoneId zone) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    private static ChronoUnit requirePeriod(ChronoUnit period) {
        if (!PERIODS.contains(period)) {
            throw new IllegalArgumentException("purchasePeriod: " + period + " is not a calendar period;"
                    + " use one of " + PERIODS);
        }
        return period;
    }
}
