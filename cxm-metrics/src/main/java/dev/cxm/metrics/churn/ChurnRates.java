package dev.cxm.metrics.churn;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

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
 * ChurnReport report = ChurnRates.builder(ChurnDefinition.nonContractual(Duration.ofDays(90)))
 *         .period(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"))
 *         .between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"))
 *         .groupBy(customer -> segmentOf(customer))
 *         .build()
 *         .compute(store);
 * }</pre>
 *
 * <p>Only whole periods between {@code from} and {@code to} are reported: whether a customer churned in a
 * period is only known once it is over. Events at or after {@code to} are ignored, so a report does not
 * change when later events arrive. {@code to} defaults to now on the builder's clock, {@code from} to the
 * start of the period of the earliest event. Events before {@code from} still count: they decide who is
 * active when the first period starts.
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
    private final Function<? super CustomerId, String> grouping;

    private ChurnRates(Builder builder) {
        this.definition = builder.definition;
        this.period = builder.period;
        this.zone = builder.zone;
        this.from = builder.from;
        this.to = builder.to;
        this.clock = builder.clock;
        this.grouping = builder.grouping;
    }

    /** Starts a calculator of churn under {@code definition}; periods default to months in UTC. */
    public static Builder builder(ChurnDefinition definition) {
        return new Builder(definition);
    }

    /** Computes the report over every event of {@code store}. */
    public ChurnReport compute(EventStore store) {
        try (Stream<CustomerEvent> events = store.scan()) {
            return compute(events);
        }
    }

    /** Computes the report over a stream of events, in any order. */
    public ChurnReport compute(Stream<? extends CustomerEvent> events) {
        Stream<CustomerEvent> widened = events.map(CustomerEvent.class::cast);
        Iterable<CustomerEvent> iterable = widened::iterator;
        return compute(iterable);
    }

    /** Computes the report over events, in any order. */
    public ChurnReport compute(Iterable<? extends CustomerEvent> events) {
        Instant end = to.orElseGet(clock::instant);
        long endNanos = CustomerHistory.nanos(end);
        Predicate<? super CustomerEvent> isCancellation = definition instanceof ChurnDefinition.Contractual contractual
                ? contractual.isCancellation() : event -> false;
        Map<CustomerId, CustomerHistory> histories = new HashMap<>();
        long earliest = Long.MAX_VALUE;
        for (CustomerEvent event : events) {
            long at = CustomerHistory.nanos(event.occurredAt());
            if (at >= endNanos) {
                continue;
            }
            earliest = Math.min(earliest, at);
            histories.computeIfAbsent(event.customerId(), id -> new CustomerHistory()).add(at, isCancellation.test(event));
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
            for (Map.Entry<CustomerId, CustomerHistory> entry : histories.entrySet()) {
                String group = grouping.apply(entry.getKey());
                if (group == null || group.isBlank()) {
                    throw new IllegalArgumentException("groupBy: customer " + entry.getKey()
                            + " has no group (the grouping function returned a blank or null value)");
                }
                long[] spells = definition instanceof ChurnDefinition.NonContractual
                        ? entry.getValue().nonContractualSpells(inactivity) : entry.getValue().contractualSpells();
                tallies.computeIfAbsent(group, g -> new Tally(periods)).add(spells, boundaries);
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
        private Function<? super CustomerId, String> grouping = customer -> ALL;

        private Builder(ChurnDefinition definition) {
            this.definition = Checks.present("definition", definition);
        }

        /** Counts per {@code value} periods in {@code periodZone}. */
        public Builder period(CalendarPeriod value, ZoneId periodZone) {
            this.period = Checks.present("period", value);
            this.zone = Checks.present("zone", periodZone);
            return this;
        }

        /** Reports the whole periods within [fromInclusive, toExclusive); events at or after {@code toExclusive} are ignored. */
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
         * ends before now can pass the instant just after its last event, so that the period still in
         * progress is left out instead of being reported as if it were complete.
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

        /** Sets the clock whose now is the end of the observation when {@link #to} is not given. */
        public Builder clock(Clock value) {
            this.clock = Checks.present("clock", value);
            return this;
        }

        /** Counts separately per group; {@code group} must return a non-blank group for every customer. */
        public Builder groupBy(Function<? super CustomerId, String> group) {
            this.grouping = Checks.present("group", group);
            return this;
        }

        /** Builds the calculator. */
        public ChurnRates build() {
            return new ChurnRates(this);
        }
    }
}
