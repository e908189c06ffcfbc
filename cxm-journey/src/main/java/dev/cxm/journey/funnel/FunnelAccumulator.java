package dev.cxm.journey.funnel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.internal.store.columns.TimelineColumns;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.funnel.internal.FunnelPaths;
import dev.cxm.journey.funnel.internal.Tally;
import dev.cxm.journey.funnel.internal.Wilson;
import dev.cxm.journey.internal.EventMasks;
import dev.cxm.journey.internal.LongList;
import dev.cxm.journey.internal.Micros;
import dev.cxm.journey.internal.Sequences;

/**
 * Counts customers into a {@link Funnel}, one {@link CustomerTimeline} at a time: the accumulator of the
 * {@link Accumulator} contract. Each timeline is one customer's events in time order; timelines of one
 * customer must not be split between accumulators that are merged (a customer counted twice counts twice).
 * Per customer the events are turned into primitive columns (instant, step bits, exclusion bits) and the
 * path is found in one pass, so the cost is a few array operations per event. Not thread-safe.
 */
public final class FunnelAccumulator
        implements Accumulator<CustomerTimeline, FunnelState, FunnelResult, FunnelAccumulator> {

    private final Funnel funnel;
    private final int steps;
    private final long stepBits;
    private final EventMasks masks;
    private final FunnelPaths paths;
    private final Optional<GroupKey> breakdown;
    private long customers;
    private long events;
    private final long[] matchedEvents;
    private final Tally overall;
    private final Map<String, Tally> groups = new TreeMap<>();

    private long[] instants = new long[64];
    private long[] times = new long[64];
    private long[] stepMasks = new long[64];
    private long[] exclusionMasks = new long[64];
    private int[] positions = new int[64];
    private final long[] pathTimes;

    FunnelAccumulator(Funnel funnel) {
        this.funnel = funnel;
        this.steps = funnel.steps().size();
        this.stepBits = steps == 64 ? -1L : (1L << steps) - 1;
        List<EventMatcher> matchers = new ArrayList<>();
        funnel.steps().forEach(step -> matchers.add(step.matcher()));
        funnel.exclusions().forEach(exclusion -> matchers.add(exclusion.matcher()));
        this.masks = new EventMasks(matchers);
        int[] from = funnel.exclusions().stream().mapToInt(FunnelExclusion::fromStep).toArray();
        int[] to = funnel.exclusions().stream().mapToInt(FunnelExclusion::toStep).toArray();
        this.paths = new FunnelPaths(FunnelPaths.Mode.valueOf(funnel.order().name()), steps,
                Sequences.micros(funnel.window()), from, to);
        this.breakdown = funnel.breakdown();
        this.matchedEvents = new long[steps];
        this.overall = new Tally("", steps, funnel.dropOffSample());
        this.pathTimes = new long[steps];
    }

    FunnelAccumulator(Funnel funnel, FunnelState state) {
        this(funnel);
        if (state.overall().reached().length != steps) {
            throw new IllegalArgumentException("state: counts " + state.overall().reached().length
                    + " steps; this funnel has " + steps);
        }
        customers = state.customers();
        events = state.events();
        System.arraycopy(state.matchedEvents(), 0, matchedEvents, 0, steps);
        overall.merge(new Tally(state.overall(), funnel.dropOffSample()));
        for (FunnelCounts counts : state.groups()) {
            groups.put(counts.group(), new Tally(counts, funnel.dropOffSample()));
        }
    }

    /**
     * Counts one customer's timeline.
     *
     * @param timeline the customer's events in time order
     * @return this accumulator
     * @throws IllegalArgumentException when an event's instant lies beyond about 292,000 years of 1970
     */
    @Override
    public FunnelAccumulator add(CustomerTimeline timeline) {
        Checks.present("timeline", timeline);
        List<CustomerEvent> list = timeline.events();
        int size = list.size();
        if (size > times.length) {
            grow(size);
        }
        // The instants first, in a loop of independent loads, so that the processor overlaps the cache misses of
        // the timeline's events; the rest then finds them in cache.
        for (int i = 0; i < size; i++) {
            instants[i] = Micros.of(list.get(i));
        }
        int n = 0;
        int runStart = 0;
        for (int i = 0; i < size; i++) {
            CustomerEvent event = list.get(i);
            long time = instants[i];
            if (n > 0 && time == times[n - 1] && repeated(list, i, runStart, n)) {
                continue;
            }
            if (n == 0 || time != times[n - 1]) {
                runStart = n;
            }
            long mask = masks.maskOf(event);
            long stepMask = mask & stepBits;
            long exclusionMask = mask >>> steps;
            times[n] = time;
            stepMasks[n] = stepMask;
            exclusionMasks[n] = exclusionMask;
            positions[n] = i;
            n++;
            for (int step = 0; step < steps; step++) {
                matchedEvents[step] += (stepMask >>> step) & 1;
            }
        }
        countCustomer(timeline.customer(), TimelineColumns.orderKey(timeline.customer()), list, n);
        return this;
    }

    /**
     * Returns whether {@link #addColumns} can count this funnel: no breakdown, and every matcher decided by the
     * event's type and touchpoint alone.
     *
     * @return whether columns are enough
     */
    boolean countsColumns() {
        return breakdown.isEmpty() && masks.readsOnlyTypeAndTouchpoint();
    }

    /**
     * Counts every customer of the columns, as {@link #add} counts their timelines; only when
     * {@link #countsColumns()}. A store holds each event id once, so no event repeats in a timeline.
     *
     * @param columns the customers' timelines as columns
     */
    void addColumns(TimelineColumns columns) {
        long[] codeMasks = new long[columns.codeCount()];
        for (int code = 0; code < codeMasks.length; code++) {
            codeMasks[code] = masks.maskOf(columns.sample(code));
        }
        long[] codeEvents = new long[codeMasks.length];
        int[] offsets = columns.offsets();
        long[] micros = columns.micros();
        int[] codes = columns.codes();
        for (int c = 0; c < columns.customers(); c++) {
            int first = offsets[c];
            int n = offsets[c + 1] - first;
            if (n > times.length) {
                grow(n);
            }
            System.arraycopy(micros, first, times, 0, n);
            for (int i = 0; i < n; i++) {
                int code = codes[first + i];
                codeEvents[code]++;
                long mask = codeMasks[code];
                stepMasks[i] = mask & stepBits;
                exclusionMasks[i] = mask >>> steps;
            }
            countCustomer(columns.customer(c), columns.orderKey(c), List.of(), n);
        }
        for (int code = 0; code < codeMasks.length; code++) {
            for (int step = 0; step < steps; step++) {
                matchedEvents[step] += ((codeMasks[code] >>> step) & 1) * codeEvents[code];
            }
        }
    }

    private void grow(int size) {
        int capacity = Math.max(size, times.length * 2);
        instants = new long[capacity];
        times = new long[capacity];
        stepMasks = new long[capacity];
        exclusionMasks = new long[capacity];
        positions = new int[capacity];
    }

    /**
     * Counts one customer whose {@code n} distinct events are in {@link #times}, {@link #stepMasks} and
     * {@link #exclusionMasks}; {@code orderKey} is the {@link TimelineColumns#orderKey} of their id, and
     * {@code list} holds their events (by {@link #positions}) for a breakdown only.
     */
    private void countCustomer(CustomerId customer, long orderKey, List<CustomerEvent> list, int n) {
        events += n;
        customers++;
        if (funnel.counting() == FunnelCounting.FIRST_COMPLETION) {
            int level = paths.find(n, times, stepMasks, exclusionMasks);
            if (level > 0) {
                record(customer, orderKey, list, level);
            }
            return;
        }
        // Every attempt: each starts at the first event of step 1 (unordered: of any step) after the last step
        // of the attempt before.
        long starts = funnel.order() == FunnelOrder.UNORDERED ? stepBits : 1L;
        int from = 0;
        while (from < n) {
            int first = from;
            while (first < n && (stepMasks[first] & starts) == 0) {
                first++;
            }
            if (first == n) {
                break;
            }
            int level = paths.findFrom(first, n, times, stepMasks, exclusionMasks);
            record(customer, orderKey, list, level);
            from = paths.positionOf(level) + 1;
        }
    }

    /** Counts the path {@link #paths} found, of {@code level} steps, overall and in its group. */
    private void record(CustomerId customer, long orderKey, List<CustomerEvent> list, int level) {
        for (int step = 1; step <= level; step++) {
            pathTimes[step - 1] = times[paths.positionOf(step)];
        }
        overall.record(customer, orderKey, level, pathTimes);
        if (breakdown.isPresent()) {
            String group = groupOf(list, level);
            groups.computeIfAbsent(group, g -> new Tally(g, steps, funnel.dropOffSample()))
                    .record(customer, level, pathTimes);
        }
    }

    /**
     * Returns whether event {@code i} repeats (by id) an event kept at the same instant: kept events
     * {@code runStart..n-1} share its instant.
     */
    private boolean repeated(List<CustomerEvent> list, int i, int runStart, int n) {
        CustomerEvent event = list.get(i);
        for (int k = runStart; k < n; k++) {
            if (list.get(positions[k]).eventId().equals(event.eventId())) {
                return true;
            }
        }
        return false;
    }

    private String groupOf(List<CustomerEvent> list, int level) {
        Attribution attribution = funnel.attribution();
        int step = switch (attribution.kind()) {
            case FIRST_TOUCH -> 1;
            case LAST_TOUCH -> level;
            case STEP -> attribution.step();
        };
        if (step > level) {
            return GroupKeys.NO_VALUE;
        }
        return breakdown.orElseThrow().groupOf(list.get(positions[paths.positionOf(step)]));
    }

    @Override
    public FunnelAccumulator merge(FunnelAccumulator other) {
        Accumulators.requireOther(this, other);
        if (!other.funnel.equals(funnel)) {
            throw new IllegalArgumentException("other: counts another funnel; only accumulators of one funnel merge");
        }
        customers += other.customers;
        events += other.events;
        for (int i = 0; i < steps; i++) {
            matchedEvents[i] += other.matchedEvents[i];
        }
        overall.merge(other.overall);
        other.groups.forEach((group, tally) ->
                groups.computeIfAbsent(group, g -> new Tally(g, steps, funnel.dropOffSample())).merge(tally));
        return this;
    }

    @Override
    public FunnelState state() {
        return new FunnelState(customers, events, matchedEvents, overall.toCounts(),
                groups.values().stream().map(Tally::toCounts).toList());
    }

    @Override
    public FunnelResult result() {
        List<FunnelGroupResult> groupResults = new ArrayList<>();
        groups.forEach((group, tally) -> groupResults.add(new FunnelGroupResult(group, stepResults(tally))));
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            if (matchedEvents[i] == 0) {
                warnings.add("step " + (i + 1) + " (" + funnel.steps().get(i).name() + ") matched no event of the "
                        + events + " read; check its definition against the data");
            }
        }
        return new FunnelResult(funnel.order(), funnel.counting(), stepResults(overall), breakdown.map(GroupKey::name),
                groupResults, customers, events, Arrays.stream(matchedEvents).boxed().toList(), warnings);
    }

    private List<FunnelStepResult> stepResults(Tally tally) {
        List<FunnelStepResult> results = new ArrayList<>(steps);
        long first = tally.reached(1);
        double level = funnel.level();
        for (int step = 1; step <= steps; step++) {
            long count = tally.reached(step);
            OptionalDouble fromStart = first == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count / first);
            Optional<WilsonInterval> fromStartInterval = first == 0 ? Optional.empty()
                    : Optional.of(interval(count, first, level));
            OptionalDouble fromPrevious = OptionalDouble.empty();
            Optional<WilsonInterval> fromPreviousInterval = Optional.empty();
            Optional<Duration> median = Optional.empty();
            Optional<Duration> lower = Optional.empty();
            Optional<Duration> upper = Optional.empty();
            if (step > 1) {
                long previous = tally.reached(step - 1);
                if (previous > 0) {
                    fromPrevious = OptionalDouble.of((double) count / previous);
                    fromPreviousInterval = Optional.of(interval(count, previous, level));
                }
                long[] sorted = tally.sortedTimes(step);
                if (sorted.length > 0) {
                    median = Optional.of(duration(LongList.quantile(sorted, 0.5)));
                    lower = Optional.of(duration(LongList.quantile(sorted, 0.25)));
                    upper = Optional.of(duration(LongList.quantile(sorted, 0.75)));
                }
            }
            long dropped = step < steps ? count - tally.reached(step + 1) : 0;
            results.add(new FunnelStepResult(step, funnel.steps().get(step - 1).name(), count, fromStart,
                    fromStartInterval, fromPrevious, fromPreviousInterval, median, lower, upper, dropped,
                    step < steps ? tally.droppedOff(step) : List.of()));
        }
        return results;
    }

    private static WilsonInterval interval(long successes, long trials, double level) {
        double[] bounds = Wilson.interval(successes, trials, level);
        return new WilsonInterval(bounds[0], bounds[1], level);
    }

    private static Duration duration(long micros) {
        return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }
}
