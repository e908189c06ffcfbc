package dev.cxm.metrics.churn;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collector;
import java.util.stream.Stream;

import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.core.store.EventStore;
import dev.cxm.metrics.churn.internal.PeriodIndexer;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Cohort retention: customers grouped by the calendar period of their first activity (or, recurring, of
 * each activity), and the share of each cohort active in every later period.
 *
 * <pre>{@code
 * CohortTable table = CohortRetention.custom()
 *         .period(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"))
 *         .activityTypes(EventType.PURCHASE)
 *         .build()
 *         .compute(store);
 * String text = table.render();   // a cohort per row, the share active per later period
 * }</pre>
 *
 * <p>The columns run to the last period with any activity; with {@link Builder#until} they stop at the last
 * period over by then, so that a period still in progress is not shown as if it were complete. Counting is a
 * {@link CohortAccumulator} (add, merge, state, result), so the same code runs on one thread, on a parallel
 * stream through {@link #collector()}, or partition by partition with its {@link CohortActivity} state kept
 * in between. Time is linear in the events, plus, for recurring cohorts, the active periods of each customer
 * times the columns kept (limit them with {@link Builder#maxOffset}).
 *
 * <p>A configuration is immutable and compares by value: period, zone, basis, base of the shares, activity,
 * end of observation and columns kept. Activity given by {@link Builder#activityTypes} (or the default, every
 * event) compares by value; a predicate given to {@link Builder#activity} compares by identity.
 */
public final class CohortRetention {

    /** The default activity: every event. */
    private static final Predicate<CustomerEvent> EVERY_EVENT = new EveryEvent();

    private static final CohortRetention DEFAULTS = new Builder().build();

    private final CalendarPeriod period;
    private final ZoneId zone;
    private final CohortBasis basis;
    private final RetentionBase relativeTo;
    private final Predicate<? super CustomerEvent> activity;
    private final Optional<Instant> until;
    /** Activity in this period or later is not counted: the period that holds {@code until} is unfinished. */
    private final int firstUncounted;
    private final int maxOffset;

    private CohortRetention(Builder builder) {
        this.period = builder.period;
        this.zone = builder.zone;
        this.basis = builder.basis;
        this.relativeTo = builder.relativeTo;
        this.activity = builder.activity;
        this.until = builder.until;
        this.firstUncounted = builder.until.map(this::periodIndexOrMax).orElse(Integer.MAX_VALUE);
        this.maxOffset = builder.maxOffset;
    }

    /** Returns the period that holds {@code end}, or the largest index when it lies beyond every countable period. */
    private int periodIndexOrMax(Instant end) {
        try {
            return new PeriodIndexer(period, zone).indexOf(end);
        } catch (ArithmeticException beyondTheLastPeriod) {
            return end.isAfter(Instant.EPOCH) ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        }
    }

    /**
     * Returns the calculator of monthly, first-time cohorts in UTC, relative to the initial cohort, counting
     * every event, every column, to the last period with activity.
     *
     * @return the default calculator
     */
    public static CohortRetention ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a configuration from the defaults.
     *
     * @return a builder holding the defaults
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the calculator whose settings the builder starts with
     * @return a builder holding the settings of {@code base}
     */
    public static Builder from(CohortRetention base) {
        Checks.present("base", base);
        Builder builder = new Builder();
        builder.period = base.period;
        builder.zone = base.zone;
        builder.basis = base.basis;
        builder.relativeTo = base.relativeTo;
        builder.activity = base.activity;
        builder.until = base.until;
        builder.maxOffset = base.maxOffset;
        return builder;
    }

    /**
     * Returns the calendar period of cohorts and columns.
     *
     * @return the period
     */
    public CalendarPeriod period() {
        return period;
    }

    /**
     * Returns the zone the periods are cut in.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns how cohorts are formed.
     *
     * @return first-time or recurring
     */
    public CohortBasis basis() {
        return basis;
    }

    /**
     * Returns what the retention shares are relative to.
     *
     * @return the initial cohort or the previous period
     */
    public RetentionBase relativeTo() {
        return relativeTo;
    }

    /**
     * Returns the end of the observation, when set.
     *
     * @return the end; empty when the columns run to the last period with activity
     */
    public Optional<Instant> until() {
        return until;
    }

    /**
     * Returns the last column kept.
     *
     * @return the largest offset, 0 or more ({@link Integer#MAX_VALUE} for all)
     */
    public int maxOffset() {
        return maxOffset;
    }

    /** Returns the number of the first period not counted. */
    int firstUncounted() {
        return firstUncounted;
    }

    /** Returns whether {@code event} counts as activity. */
    boolean isActivity(CustomerEvent event) {
        return activity.test(event);
    }

    /**
     * Computes the table over every event of {@code store}.
     *
     * @param store the events
     * @return the table
     */
    public CohortTable compute(EventStore store) {
        try (Stream<CustomerEvent> events = Checks.present("store", store).scan()) {
            return compute(events);
        }
    }

    /**
     * Computes the table over a stream of events, in any order; a parallel stream is counted in parallel.
     *
     * @param events the events
     * @return the table
     */
    public CohortTable compute(Stream<? extends CustomerEvent> events) {
        return Checks.present("events", events).map(CustomerEvent.class::cast).collect(collector());
    }

    /**
     * Computes the table over events, in any order.
     *
     * @param events the events
     * @return the table
     */
    public CohortTable compute(Iterable<? extends CustomerEvent> events) {
        CohortAccumulator accumulator = accumulator();
        for (CustomerEvent event : Checks.present("events", events)) {
            accumulator.add(event);
        }
        return accumulator.result();
    }

    /**
     * Returns an empty accumulator of this calculator's counts.
     *
     * @return the accumulator
     */
    public CohortAccumulator accumulator() {
        return new CohortAccumulator(this);
    }

    /**
     * Returns an accumulator that continues from {@code state}; periods at or after this calculator's
     * {@code until} are left out of it.
     *
     * @param state a state of an accumulator of the same period and zone, possibly read back from JSON
     * @return the accumulator
     * @throws IllegalArgumentException when the state counts other periods or another zone
     */
    public CohortAccumulator accumulator(CohortActivity state) {
        return new CohortAccumulator(this, Checks.present("state", state));
    }

    /**
     * Returns a collector that computes the table from a stream, in parallel too.
     *
     * @return the collector
     */
    public Collector<CustomerEvent, CohortAccumulator, CohortTable> collector() {
        return Accumulators.collector(this::accumulator);
    }

    /** Compares period, zone, basis, base, activity, end of observation and columns kept. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CohortRetention that && period == that.period && zone.equals(that.zone)
                && basis == that.basis && relativeTo == that.relativeTo && activity.equals(that.activity)
                && until.equals(that.until) && maxOffset == that.maxOffset;
    }

    /** Hashes period, zone, basis, base, activity, end of observation and columns kept. */
    @Override
    public int hashCode() {
        return Objects.hash(period, zone, basis, relativeTo, activity, until, maxOffset);
    }

    /** Returns the settings, for logs and configuration dumps. */
    @Override
    public String toString() {
        return "CohortRetention[period=" + period + ", zone=" + zone + ", basis=" + basis + ", relativeTo="
                + relativeTo + ", activity=" + activity + ", until=" + until.map(Instant::toString).orElse("open")
                + ", maxOffset=" + (maxOffset == Integer.MAX_VALUE ? "all" : Integer.toString(maxOffset)) + "]";
    }

    /** Every event is activity: the default, equal to itself across configurations. */
    private static final class EveryEvent implements Predicate<CustomerEvent> {
        @Override
        public boolean test(CustomerEvent event) {
            return true;
        }

        @Override
        public String toString() {
            return "every event";
        }
    }

    /** Builds {@link CohortRetention}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private CalendarPeriod period = CalendarPeriod.MONTH;
        private ZoneId zone = ZoneOffset.UTC;
        private CohortBasis basis = CohortBasis.FIRST_TIME;
        private RetentionBase relativeTo = RetentionBase.INITIAL_COHORT;
        private Predicate<? super CustomerEvent> activity = EVERY_EVENT;
        private Optional<Instant> until = Optional.empty();
        private int maxOffset = Integer.MAX_VALUE;

        private Builder() {}

        /**
         * Forms cohorts and columns of {@code value} periods in {@code periodZone}; months in UTC unless set.
         *
         * @param value the calendar period
         * @param periodZone the zone the periods are cut in
         * @return this builder
         */
        public Builder period(CalendarPeriod value, ZoneId periodZone) {
            Checks.present("period", value);
            this.zone = Checks.present("zone", periodZone);
            this.period = value;
            return this;
        }

        /**
         * Sets how cohorts are formed: first-time (default) or recurring.
         *
         * @param value the basis
         * @return this builder
         */
        public Builder basis(CohortBasis value) {
            this.basis = Checks.present("basis", value);
            return this;
        }

        /**
         * Sets what retention is a share of: the initial cohort (default) or the previous period.
         *
         * @param value the base
         * @return this builder
         */
        public Builder relativeTo(RetentionBase value) {
            this.relativeTo = Checks.present("relativeTo", value);
            return this;
        }

        /**
         * Counts only the events {@code value} accepts as activity (default: every event). The configuration
         * compares this predicate by its {@code equals}: by identity for a lambda.
         *
         * @param value which events are activity
         * @return this builder
         */
        public Builder activity(Predicate<? super CustomerEvent> value) {
            this.activity = Checks.present("activity", value);
            return this;
        }

        /**
         * Counts only events of the given types as activity (default: every event); configurations with the
         * same types are equal.
         *
         * @param types the event types, at least one
         * @return this builder
         * @throws IllegalArgumentException when no type is given
         */
        public Builder activityTypes(EventType... types) {
            this.activity = new EventTypeActivity(Set.copyOf(Arrays.asList(Checks.present("types", types))));
            return this;
        }

        /**
         * Ends the observation at {@code value}: only periods over by then are counted, so activity in the period
         * that holds {@code value} (unless it starts exactly then) and later is ignored.
         *
         * @param value the end of the observation
         * @return this builder
         */
        public Builder until(Instant value) {
            this.until = Optional.of(Checks.present("until", value));
            return this;
        }

        /**
         * Keeps at most the columns +0 .. +{@code value} (default: all).
         *
         * @param value the last column kept, zero or more
         * @return this builder
         * @throws IllegalArgumentException when the value is negative
         */
        public Builder maxOffset(int value) {
            this.maxOffset = Checks.nonNegative("maxOffset", value);
            return this;
        }

        /**
         * Builds the calculator.
         *
         * @return the calculator
         */
        public CohortRetention build() {
            return new CohortRetention(this);
        }
    }
}
