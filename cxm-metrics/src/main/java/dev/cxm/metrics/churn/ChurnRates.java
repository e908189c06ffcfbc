package dev.cxm.metrics.churn;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.EventStore;
import dev.cxm.metrics.churn.internal.CustomerHistory;
import dev.cxm.metrics.churn.internal.PeriodIndexer;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Counts churn and retention per calendar period (and per group of customers) from events, under a
 * {@link ChurnDefinition} the caller states.
 *
 * <pre>{@code
 * ChurnReport report = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofDays(90)))
 *         .period(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"))
 *         .between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"))
 *         .groupBy(GroupKeys.attribute("plan"))
 *         .build()
 *         .compute(store);
 * }</pre>
 *
 * <p>Only whole periods between {@code from} and {@code to} are reported: whether a customer churned in a
 * period is only known once it is over. Events at or after {@code to} are ignored, so a report does not
 * change when later events arrive. {@code to} defaults to now on the configuration's clock, {@code from} to
 * the start of the period of the earliest event. Events before {@code from} still count: they decide who is
 * active when the first period starts.
 *
 * <p>Grouped by a {@link GroupKey}, a customer's group is the key's value on their earliest event (before
 * {@code to}) that has a non-blank one, of events at the same instant the smallest value;
 * {@value GroupKeys#NO_VALUE} when no event has one. A host that knows each customer's group itself passes
 * it as a key that reads the event's customer: {@code GroupKey.of("plan", event ->
 * Optional.of(planOf(event.customerId())))}.
 *
 * <p>A configuration is immutable and compares by value: its definition, period, zone, observation bounds,
 * clock and group key (a built-in key compares by value; a host's {@code GroupKey.of} key, and the
 * predicate of {@link ChurnDefinition#contractual}, by identity).
 */
public final class ChurnRates {

    /** The group of every customer when the rates are not grouped. */
    public static final String ALL = "all";

    private final ChurnDefinition definition;
    private final CalendarPeriod period;
    private final ZoneId zone;
    private final Optional<Instant> from;
    private final Optional<Instant> to;
    private final Clock clock;
    private final Optional<GroupKey> groupKey;

    private ChurnRates(Builder builder) {
        this.definition = builder.definition;
        this.period = builder.period;
        this.zone = builder.zone;
        this.from = builder.from;
        this.to = builder.to;
        this.clock = builder.clock;
        this.groupKey = builder.groupKey;
    }

    /**
     * Returns the calculator of churn under {@code definition} with the defaults: monthly periods in UTC,
     * from the earliest event's period to now on the system clock, not grouped.
     *
     * @param definition when a customer counts as churned
     * @return the calculator
     */
    public static ChurnRates ofDefaults(ChurnDefinition definition) {
        return custom(definition).build();
    }

    /**
     * Starts a configuration of churn under {@code definition} from the defaults.
     *
     * @param definition when a customer counts as churned
     * @return a builder holding the defaults
     */
    public static Builder custom(ChurnDefinition definition) {
        return new Builder(definition);
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the calculator whose settings the builder starts with
     * @return a builder holding the settings of {@code base}
     */
    public static Builder from(ChurnRates base) {
        Checks.present("base", base);
        Builder builder = new Builder(base.definition);
        builder.period = base.period;
        builder.zone = base.zone;
        builder.from = base.from;
        builder.to = base.to;
        builder.clock = base.clock;
        builder.groupKey = base.groupKey;
        return builder;
    }

    /**
     * Returns when a customer counts as churned.
     *
     * @return the definition
     */
    public ChurnDefinition definition() {
        return definition;
    }

    /**
     * Returns the calendar period of the rows.
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
     * Returns the start of the observation, when set.
     *
     * @return the start, inclusive; empty for the start of the earliest event's period
     */
    public Optional<Instant> observedFrom() {
        return from;
    }

    /**
     * Returns the end of the observation, when set.
     *
     * @return the end, exclusive; empty for now on the clock
     */
    public Optional<Instant> observedTo() {
        return to;
    }

    /**
     * Returns the clock whose now ends the observation when no end is set.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the key customers are grouped by, when grouped.
     *
     * @return the key; empty when every customer is in {@value #ALL}
     */
    public Optional<GroupKey> groupKey() {
        return groupKey;
    }

    /**
     * Computes the report over every event of {@code store}.
     *
     * @param store the events
     * @return the report
     * @throws IllegalArgumentException when an event lies outside the years 1678..2261
     */
    public ChurnReport compute(EventStore store) {
        try (Stream<CustomerEvent> events = Checks.present("store", store).scan()) {
            return compute(events);
        }
    }

    /**
     * Computes the report over a stream of events, in any order.
     *
     * @param events the events
     * @return the report
     * @throws IllegalArgumentException when an event lies outside the years 1678..2261
     */
    public ChurnReport compute(Stream<? extends CustomerEvent> events) {
        Stream<CustomerEvent> widened = Checks.present("events", events).map(CustomerEvent.class::cast);
        Iterable<CustomerEvent> iterable = widened::iterator;
        return compute(iterable);
    }

    /**
     * Computes the report over events, in any order.
     *
     * @param events the events
     * @return the report
     * @throws IllegalArgumentException when an event lies outside the years 1678..2261
     */
    public ChurnReport compute(Iterable<? extends CustomerEvent> events) {
        Checks.present("events", events);
        Instant end = to.orElseGet(clock::instant);
        long endNanos = CustomerHistory.nanos(end);
        Predicate<? super CustomerEvent> isCancellation = definition instanceof ChurnDefinition.Contractual contractual
                ? contractual.isCancellation() : event -> false;
        GroupKey key = groupKey.orElse(null);
        Map<CustomerId, CustomerHistory> histories = new HashMap<>();
        long earliest = Long.MAX_VALUE;
        for (CustomerEvent event : events) {
            long at = CustomerHistory.nanos(event.occurredAt());
            if (at >= endNanos) {
                continue;
            }
            earliest = Math.min(earliest, at);
            CustomerHistory history = histories.computeIfAbsent(event.customerId(), id -> new CustomerHistory());
            history.add(at, isCancellation.test(event));
            if (key != null) {
                Optional<String> value = key.valueOf(event);
                if (value.isPresent() && !value.get().isBlank()) {
                    history.offerGroup(at, value.get());
                }
            }
        }
        PeriodIndexer indexer = new PeriodIndexer(period, zone);
        Instant start;
        if (from.isPresent()) {
            start = from.get();
        } else {
            start = histories.isEmpty() ? end : indexer.start(indexer.indexOf(CustomerHistory.instant(earliest)));
        }
        int first = indexer.indexOf(start);
        if (indexer.start(first).isBefore(start)) {
            first++;
        }
        List<Long> boundaryList = new ArrayList<>();
        for (int k = first; !indexer.start(k).isAfter(end); k++) {
            boundaryList.add(CustomerHistory.nanos(indexer.start(k)));
        }
        long[] boundaries = boundaryList.stream().mapToLong(Long::longValue).toArray();
        int periods = Math.max(0, boundaries.length - 1);
        long inactivity = definition instanceof ChurnDefinition.NonContractual nonContractual
                ? saturatedNanos(nonContractual) : 0;

        Map<String, Tally> tallies = new TreeMap<>();
        if (periods > 0) {
            String fallback = key == null ? ALL : GroupKeys.NO_VALUE;
            for (CustomerHistory history : histories.values()) {
                long[] spells = definition instanceof ChurnDefinition.NonContractual
                        ? history.nonContractualSpells(inactivity) : history.contractualSpells();
                tallies.computeIfAbsent(history.groupOr(fallback), g -> new Tally(periods)).add(spells, boundaries);
            }
        }
        List<PeriodChurn> rows = new ArrayList<>();
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            entry.getValue().rows(entry.getKey(), first, indexer, rows);
        }
        return new ChurnReport(definition.describe(), period, zone, start, end, rows);
    }

    private static long saturatedNanos(ChurnDefinition.NonContractual definition) {
        try {
            return definition.inactivity().toNanos();
        } catch (ArithmeticException e) {
            return CustomerHistory.OPEN;
        }
    }

    /** Compares the definition, period, zone, observation bounds, clock and group key. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ChurnRates that && definition.equals(that.definition) && period == that.period
                && zone.equals(that.zone) && from.equals(that.from) && to.equals(that.to)
                && clock.equals(that.clock) && groupKey.equals(that.groupKey);
    }

    /** Hashes the definition, period, zone, observation bounds, clock and group key. */
    @Override
    public int hashCode() {
        return Objects.hash(definition, period, zone, from, to, clock, groupKey);
    }

    /** Returns the settings, for logs and configuration dumps. */
    @Override
    public String toString() {
        return "ChurnRates[definition=" + definition.describe() + ", period=" + period + ", zone=" + zone
                + ", from=" + from.map(Instant::toString).orElse("earliest event") + ", to="
                + to.map(Instant::toString).orElse("now on " + clock) + ", groupBy="
                + groupKey.map(GroupKey::name).orElse(ALL) + "]";
    }

    /** The counts of one group, per period, built from the customers' spells. */
    private static final class Tally {
        private final int periods;
        private final long[] atStart;
        private final long[] churned;
        private final long[] newCustomers;
        private final long[] reactivated;
        private final long[] atEnd;

        Tally(int periods) {
            this.periods = periods;
            this.atStart = new long[periods + 1];
            this.churned = new long[periods];
            this.newCustomers = new long[periods];
            this.reactivated = new long[periods];
            this.atEnd = new long[periods + 1];
        }

        /**
         * Adds one customer's spells [s, e). With periods [B[k], B[k+1]): at start of k when s < B[k] <= e,
         * churned in k when also e < B[k+1], at end of k when s < B[k+1] <= e, new or reactivated in k when
         * B[k] <= s < B[k+1]. atStart and atEnd are kept as difference arrays.
         */
        void add(long[] spells, long[] boundaries) {
            int lastReactivation = -1;
            for (int i = 0; i < spells.length; i += 2) {
                long s = spells[i];
                long e = spells[i + 1];
                int lo = firstAbove(boundaries, s);
                int hi = firstAbove(boundaries, e) - 1;
                if (lo <= Math.min(hi, periods - 1)) {
                    atStart[lo]++;
                    atStart[Math.min(hi, periods - 1) + 1]--;
                }
                int endFrom = Math.max(lo, 1) - 1;
                int endTo = Math.min(hi - 1, periods - 1);
                if (endFrom <= endTo) {
                    atEnd[endFrom]++;
                    atEnd[endTo + 1]--;
                }
                if (hi >= 0 && hi < periods && lo <= hi) {
                    churned[hi]++;
                }
                int startPeriod = lo - 1;
                if (startPeriod >= 0 && startPeriod < periods) {
                    if (i == 0) {
                        newCustomers[startPeriod]++;
                    } else if (startPeriod != lastReactivation) {
                        reactivated[startPeriod]++;
                        lastReactivation = startPeriod;
                    }
                }
            }
        }

        void rows(String group, int first, PeriodIndexer indexer, List<PeriodChurn> out) {
            long runningStart = 0;
            long runningEnd = 0;
            for (int k = 0; k < periods; k++) {
                runningStart += atStart[k];
                runningEnd += atEnd[k];
                out.add(PeriodChurn.of(group, indexer.startDate(first + k), indexer.startDate(first + k + 1),
                        runningStart, churned[k], newCustomers[k], reactivated[k], runningEnd));
            }
        }

        /** Returns the index of the first boundary strictly above {@code value} (the length when none is). */
        private static int firstAbove(long[] boundaries, long value) {
            int low = 0;
            int high = boundaries.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (boundaries[mid] > value) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }
    }

    /** Builds {@link ChurnRates}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private final ChurnDefinition definition;
        private CalendarPeriod period = CalendarPeriod.MONTH;
        private ZoneId zone = ZoneOffset.UTC;
        private Optional<Instant> from = Optional.empty();
        private Optional<Instant> to = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Optional<GroupKey> groupKey = Optional.empty();

        private Builder(ChurnDefinition definition) {
            this.definition = Checks.present("definition", definition);
        }

        /**
         * Counts per {@code value} periods in {@code periodZone}; months in UTC unless set.
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
         * Reports the whole periods within [fromInclusive, toExclusive); events at or after
         * {@code toExclusive} are ignored.
         *
         * @param fromInclusive the start of the observation
         * @param toExclusive the end of the observation
         * @return this builder
         * @throws IllegalArgumentException when {@code toExclusive} is not after {@code fromInclusive}
         */
        public Builder between(Instant fromInclusive, Instant toExclusive) {
            Checks.present("from", fromInclusive);
            Checks.present("to", toExclusive);
            requireOrder(fromInclusive, toExclusive);
            this.from = Optional.of(fromInclusive);
            this.to = Optional.of(toExclusive);
            return this;
        }

        /**
         * Reports the whole periods from {@code fromInclusive} on (default: from the start of the earliest
         * event's period); events before it still decide who is active when the first period starts.
         *
         * @param fromInclusive the start of the observation
         * @return this builder
         * @throws IllegalArgumentException when an end is set and is not after {@code fromInclusive}
         */
        public Builder from(Instant fromInclusive) {
            Checks.present("from", fromInclusive);
            to.ifPresent(end -> requireOrder(fromInclusive, end));
            this.from = Optional.of(fromInclusive);
            return this;
        }

        /**
         * Ends the observation at {@code toExclusive} (default: now on the {@link #clock}): only periods over by
         * then are reported, and events at or after it are ignored. An application that reads a log which
         * ends before now can pass the instant just after its last event
         * ({@link dev.cxm.metrics.time.ObservationEnd#justAfterLastEvent}), so that the period still in
         * progress is left out instead of being reported as if it were complete.
         *
         * @param toExclusive the end of the observation
         * @return this builder
         * @throws IllegalArgumentException when a start is set and {@code toExclusive} is not after it
         */
        public Builder to(Instant toExclusive) {
            Checks.present("to", toExclusive);
            from.ifPresent(start -> requireOrder(start, toExclusive));
            this.to = Optional.of(toExclusive);
            return this;
        }

        private static void requireOrder(Instant fromInclusive, Instant toExclusive) {
            if (!toExclusive.isAfter(fromInclusive)) {
                throw new IllegalArgumentException("to: " + toExclusive + " is not after from " + fromInclusive
                        + "; the time range must not be empty or reversed");
            }
        }

        /**
         * Sets the clock whose now is the end of the observation when {@link #to} is not given; the system's
         * UTC clock unless set.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.present("clock", value);
            return this;
        }

        /**
         * Counts separately per group of customers: a customer's group is {@code key}'s value on their earliest
         * event that has a non-blank one, {@value GroupKeys#NO_VALUE} when none has.
         *
         * @param key the key, such as {@code GroupKeys.attribute("plan")}
         * @return this builder
         */
        public Builder groupBy(GroupKey key) {
            this.groupKey = Optional.of(Checks.present("key", key));
            return this;
        }

        /**
         * Counts every customer in the one group {@value #ALL} (the default).
         *
         * @return this builder
         */
        public Builder ungrouped() {
            this.groupKey = Optional.empty();
            return this;
        }

        /**
         * Builds the calculator.
         *
         * @return the calculator
         */
        public ChurnRates build() {
            return new ChurnRates(this);
        }
    }
}
