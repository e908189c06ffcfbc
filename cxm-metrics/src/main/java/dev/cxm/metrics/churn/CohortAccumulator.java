package dev.cxm.metrics.churn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.churn.internal.ActivePeriods;
import dev.cxm.metrics.churn.internal.ActivityTable;
import dev.cxm.metrics.churn.internal.PeriodIndexer;

/**
 * The running count of a {@link CohortRetention}: for each customer, the periods they were active in. Made
 * by {@link CohortRetention#accumulator()} (or restored from a {@link CohortActivity} state by
 * {@link CohortRetention#accumulator(CohortActivity)}); not thread-safe, so give each thread its own and
 * {@link #merge} them, as {@link CohortRetention#collector()} does.
 *
 * <pre>{@code
 * CohortAccumulator january = retention.accumulator();
 * januaryEvents.forEach(january::add);
 * String json = CxmJson.mapper().writeValueAsString(january.state());       // keep it anywhere
 * CohortAccumulator later = retention.accumulator(CxmJson.mapper().readValue(json, CohortActivity.class));
 * CohortTable table = later.merge(february).result();
 * }</pre>
 *
 * <p>Memory is one 64-period bit window per customer in an open-addressing table (a sorted bit set for a
 * customer active over a longer span).
 */
public final class CohortAccumulator implements Accumulator<CustomerEvent, CohortActivity, CohortTable, CohortAccumulator> {

    /** The most periods a table may span (over 11,000 years of days): its rows are an array over them. */
    private static final int MAX_PERIODS = 1 << 22;

    private final CohortRetention retention;
    private final ActivityTable activePeriods = new ActivityTable();
    private final PeriodIndexer indexer;

    CohortAccumulator(CohortRetention retention) {
        this.retention = retention;
        this.indexer = new PeriodIndexer(retention.period(), retention.zone());
    }

    /** Continues from {@code state}; periods at or after the calculator's {@code until} are left out. */
    CohortAccumulator(CohortRetention retention, CohortActivity state) {
        this(retention);
        if (state.period() != retention.period() || !state.zone().equals(retention.zone())) {
            throw new IllegalArgumentException("state: its periods (" + state.period() + " in " + state.zone()
                    + ") are not this calculator's (" + retention.period() + " in " + retention.zone()
                    + "); a state continues only under the periods it was counted in");
        }
        int firstUncounted = retention.firstUncounted();
        Map<String, CustomerId> ids = new HashMap<>();
        state.customers().forEach((id, periods) -> {
            CustomerId customer = ids.computeIfAbsent(id, CustomerId::of);
            for (int period : periods) {
                if (period < firstUncounted) {
                    activePeriods.add(customer, period);
                }
            }
        });
    }

    /**
     * Counts {@code event} when it is an activity (by the calculator's {@code activity}) in a period over by
     * the calculator's {@code until}.
     *
     * @param event the event
     * @return this accumulator
     * @throws IllegalArgumentException when the event lies too far from 1970 for its period to be numbered;
     *     the counts are left as they were
     */
    @Override
    public CohortAccumulator add(CustomerEvent event) {
        Checks.present("event", event);
        if (retention.isActivity(event)) {
            add(event.customerId(), event.occurredAt());
        }
        return this;
    }

    /**
     * Counts an activity of {@code customer} at {@code at}, unless it falls in or after the period that holds
     * the calculator's {@code until} (when {@code until} is the start of a period, that period is not counted).
     *
     * @param customer the customer
     * @param at when they were active
     * @return this accumulator
     * @throws IllegalArgumentException when {@code at} lies too far from 1970 for its period to be numbered;
     *     the counts are left as they were
     */
    public CohortAccumulator add(CustomerId customer, Instant at) {
        Checks.present("customer", customer);
        Checks.present("at", at);
        int periodIndex;
        try {
            periodIndex = indexer.indexOf(at);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("at: " + at + " lies too far from 1970 for its " + retention.period()
                    + " to be numbered", e);
        }
        if (periodIndex < retention.firstUncounted()) {
            activePeriods.add(customer, periodIndex);
        }
        return this;
    }

    /**
     * Adds the counts of {@code other} to this accumulator; {@code other} is left unchanged.
     *
     * @param other an accumulator of a calculator with the same periods and end of observation
     * @return this accumulator
     * @throws IllegalArgumentException when {@code other} is this accumulator, or counts other periods
     */
    @Override
    public CohortAccumulator merge(CohortAccumulator other) {
        Accumulators.requireOther(this, other);
        if (other.retention.period() != retention.period() || !other.retention.zone().equals(retention.zone())
                || other.retention.firstUncounted() != retention.firstUncounted()) {
            throw new IllegalArgumentException("other: it counts " + other.retention.period() + " in "
                    + other.retention.zone() + " up to " + other.retention.until().map(Instant::toString).orElse("now")
                    + ", this accumulator " + retention.period() + " in " + retention.zone() + " up to "
                    + retention.until().map(Instant::toString).orElse("now") + "; only counts of the same periods merge");
        }
        activePeriods.addAll(other.activePeriods);
        return this;
    }

    /**
     * Returns the customers' active periods counted so far, as an immutable state.
     *
     * @return the state
     */
    @Override
    public CohortActivity state() {
        Map<String, List<Integer>> customers = new HashMap<>(activePeriods.size() * 2);
        activePeriods.forEach((customer, periods) -> {
            List<Integer> list = new ArrayList<>();
            for (int p = periods.first(); p != ActivePeriods.NONE; p = periods.next(p)) {
                list.add(p);
            }
            customers.put(customer.value(), list);
        });
        return new CohortActivity(retention.period(), retention.zone(), customers);
    }

    /**
     * Returns the table of the activity counted so far.
     *
     * @return the table
     * @throws IllegalArgumentException when the activity spans more than 2^22 periods
     */
    @Override
    public CohortTable result() {
        int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
        activePeriods.forEach((customer, periods) -> {
            range[0] = Math.min(range[0], periods.first());
            range[1] = Math.max(range[1], periods.last());
        });
        if (range[0] > range[1]) {
            return new CohortTable(retention.period(), retention.zone(), retention.basis(), retention.relativeTo(),
                    List.of());
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
        boolean recurring = retention.basis() == CohortBasis.RECURRING;
        int maxOffset = retention.maxOffset();
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
        return new CohortTable(retention.period(), retention.zone(), retention.basis(), retention.relativeTo(), rows);
    }

    private CohortRow row(int cohort, long size, long[] active) {
        List<Long> counts = new ArrayList<>(active.length);
        List<OptionalDouble> shares = new ArrayList<>(active.length);
        for (int k = 0; k < active.length; k++) {
            counts.add(active[k]);
            long base = retention.relativeTo() == RetentionBase.INITIAL_COHORT || k == 0 ? size : active[k - 1];
            shares.add(base == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) active[k] / base));
        }
        return new CohortRow(indexer.startDate(cohort), size, counts, shares);
    }

    /** Returns the calculator and the number of customers counted. */
    @Override
    public String toString() {
        return "CohortAccumulator[" + retention + ", " + activePeriods.size() + " customers]";
    }
}
