package dev.cxm.metrics.churn;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.stream.Collector;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.EventStore;
import dev.cxm.metrics.churn.internal.ActivePeriods;
import dev.cxm.metrics.churn.internal.ActivityTable;
import dev.cxm.metrics.churn.internal.PeriodIndexer;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Cohort retention: customers grouped by the calendar period of their first activity (or, recurring, of
 * each activity), and the share of each cohort active in every later period.
 *
 * <pre>{@code
 * CohortTable table = CohortRetention.builder()
 *         .period(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"))
 *         .activity(event -> event instanceof Purchase)
 *         .build()
 *         .compute(store);
 * String text = table.render();   // a cohort per row, the share active per later period
 * }</pre>
 *
 * <p>The columns run to the last period with any activity; with {@link Builder#until} they stop at the last
 * period over by then, so that a period still in progress is not shown as if it were complete. Counting is an
 * {@link Accumulator} (add, merge, result), so the same code runs on one thread or on a parallel stream
 * through {@link #collector()}. Memory is one small bit set per customer; time is linear in the events,
 * plus, for recurring cohorts, the active periods of each customer times the columns kept (limit them with
 * {@link Builder#maxOffset}).
 */
public final class CohortRetention {

    /** The most periods a table may span (over 11,000 years of days): its rows are an array over them. */
    private static final int MAX_PERIODS = 1 << 22;

    private final CalendarPeriod period;
    private final ZoneId zone;
    private final CohortBasis basis;
    private final RetentionBase relativeTo;
    private final Predicate<? super CustomerEvent> activity;
    /** Activity in this period or later is not counted: the period that holds {@code until} is unfinished. */
    private final int firstUncounted;
    private final int maxOffset;

    private CohortRetention(Builder builder) {
        this.period = builder.period;
        this.zone = builder.zone;
        this.basis = builder.basis;
        this.relativeTo = builder.relativeTo;
        this.activity = builder.activity;
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

    /** Starts a calculator of monthly, first-time cohorts in UTC, relative to the initial cohort, counting every event. */
    public static Builder builder() {
        return new Builder();
    }

    /** Computes the table over every event of {@code store}. */
    public CohortTable compute(EventStore store) {
        try (Stream<CustomerEvent> events = store.scan()) {
            return compute(events);
        }
    }

    /** Computes the table over a stream of events, in any order; a parallel stream is counted in parallel. */
    public CohortTable compute(Stream<? extends CustomerEvent> events) {
        return events.collect(collector());
    }

    /** Computes the table over events, in any order. */
    public CohortTable compute(Iterable<? extends CustomerEvent> events) {
        Accumulator accumulator = accumulator();
        for (CustomerEvent event : events) {
            accumulator.add(event);
        }
        return accumulator.result();
    }

    /** Returns an empty accumulator of this calculator's counts. */
    public Accumulator accumulator() {
        return new Accumulator();
    }

    /** Returns a collector that computes the table from a stream, in parallel too. */
    public Collector<CustomerEvent, Accumulator, CohortTable> collector() {
        return Collector.of(this::accumulator, Accumulator::add, Accumulator::merge, Accumulator::result);
    }

    /**
     * The running state of a cohort count: for each customer, the periods they were active in. Not
     * thread-safe; give each thread its own and {@link #merge} them.
     */
    public final class Accumulator {
        private final ActivityTable activePeriods = new ActivityTable();
        private final PeriodIndexer indexer = new PeriodIndexer(period, zone);

        private Accumulator() {}

        /**
         * Counts {@code event} when it is an activity in a period over by the calculator's {@code until}.
         *
         * @throws NullPointerException when {@code event} is null; the counts are left as they were
         */
        public void add(CustomerEvent event) {
            Checks.present("event", event);
            if (activity.test(event)) {
                add(event.customerId(), event.occurredAt());
            }
        }

        /**
         * Counts an activity of {@code customer} at {@code at}, unless it falls in or after the period that holds
         * the calculator's {@code until} (when {@code until} is the start of a period, that period is not counted).
         *
         * @throws NullPointerException when {@code customer} or {@code at} is null; the counts are left as they were
         */
        public void add(CustomerId customer, Instant at) {
            Checks.present("customer", customer);
            Checks.present("at", at);
            int periodIndex = indexer.indexOf(at);
            if (periodIndex >= firstUncounted) {
                return;
            }
            activePeriods.add(customer, periodIndex);
        }

        /** Adds the counts of {@code other} (of the same calculator) to this one and returns this. */
        public Accumulator merge(Accumulator other) {
            activePeriods.addAll(other.activePeriods);
            return this;
        }

        /** Returns the table of the activity counted so far. */
        public CohortTable result() {
            int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
            activePeriods.forEach((customer, periods) -> {
                range[0] = Math.min(range[0], periods.first());
                range[1] = Math.max(range[1], periods.last());
            });
            if (range[0] > range[1]) {
                return new CohortTable(period, zone, basis, relativeTo, List.of());
            }
            int lo = range[0];
            int last = range[1];
            long span = (long) last - lo + 1;
            if (span > MAX_PERIODS) {
                throw new IllegalArgumentException("events: the activity spans " + span + " periods ("
                        + indexer.startDate(lo) + " to " + indexer.startDate(last) + "), more than " + MAX_PERIODS
                        + "; narrow the events counted with activity(...) or until(...)");
            }
            // Rows by cohort, indexed from the first active period: arrays, not maps of boxed keys, since a
            // recurring count visits every active period of every customer.
            long[][] counts = new long[(int) span][];
            long[] sizes = new long[(int) span];
            boolean recurring = basis == CohortBasis.RECURRING;
            activePeriods.forEach((customer, periods) -> {
                for (int cohort = periods.first(); cohort != ActivePeriods.NONE;
                        cohort = recurring ? periods.next(cohort) : ActivePeriods.NONE) {
                    long[] row = counts[cohort - lo];
                    if (row == null) {
                        row = new long[(int) Math.min((long) last - cohort, maxOffset) + 1];
                        counts[cohort - lo] = row;
                    }
                    sizes[cohort - lo]++;
                    for (int q = cohort; q != ActivePeriods.NONE && q - cohort < row.length; q = periods.next(q)) {
                        row[q - cohort]++;
                    }
                }
            });
            List<CohortRow> rows = new ArrayList<>();
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] != null) {
                    rows.add(row(lo + c, sizes[c], counts[c]));
                }
            }
            return new CohortTable(period, zone, basis, relativeTo, rows);
        }

        private CohortRow row(int cohort, long size, long[] active) {
            List<Long> counts = new ArrayList<>(active.length);
            List<OptionalDouble> shares = new ArrayList<>(active.length);
            for (int k = 0; k < active.length; k++) {
                counts.add(active[k]);
                long base = relativeTo == RetentionBase.INITIAL_COHORT || k == 0 ? size : active[k - 1];
                shares.add(base == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) active[k] / base));
            }
            return new CohortRow(indexer.startDate(cohort), size, counts, shares);
        }
    }

    /** Builds {@link CohortRetention}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private CalendarPeriod period = CalendarPeriod.MONTH;
        private ZoneId zone = ZoneOffset.UTC;
        private CohortBasis basis = CohortBasis.FIRST_TIME;
        private RetentionBase relativeTo = RetentionBase.INITIAL_COHORT;
        private Predicate<? super CustomerEvent> activity = event -> true;
        private Optional<Instant> until = Optional.empty();
        private int maxOffset = Integer.MAX_VALUE;

        private Builder() {}

        /** Forms cohorts and columns of {@code value} periods in {@code periodZone}. */
        public Builder period(CalendarPeriod value, ZoneId periodZone) {
            this.period = Checks.present("period", value);
            this.zone = Checks.present("zone", periodZone);
            return this;
        }

        /** Sets how cohorts are formed: first-time (default) or recurring. */
        public Builder basis(CohortBasis value) {
            this.basis = Checks.present("basis", value);
            return this;
        }

        /** Sets what retention is a share of: the initial cohort (default) or the previous period. */
        public Builder relativeTo(RetentionBase value) {
            this.relativeTo = Checks.present("relativeTo", value);
            return this;
        }

        /** Counts only the events {@code value} accepts as activity (default: every event). */
        public Builder activity(Predicate<? super CustomerEvent> value) {
            this.activity = Checks.present("activity", value);
            return this;
        }

        /**
         * Ends the observation at {@code value}: only periods over by then are counted, so activity in the period
         * that holds {@code value} (unless it starts exactly then) and later is ignored.
         */
        public Builder until(Instant value) {
            this.until = Optional.of(Checks.present("until", value));
            return this;
        }

        /** Keeps at most the columns +0 .. +{@code value}; zero or more. */
        public Builder maxOffset(int value) {
            this.maxOffset = Checks.nonNegative("maxOffset", value);
            return this;
        }

        /** Builds the calculator. */
        public CohortRetention build() {
            return new CohortRetention(this);
        }
    }
}
