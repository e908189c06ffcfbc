package dev.cxm.metrics.feedback;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.group.GroupKey;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Counts responses for one {@link FeedbackBreakdown}: overall, per period, per group and per group and
 * period, one response at a time, with a mergeable {@link BreakdownState} that serialises as JSON, so that a
 * breakdown runs on parallel streams and inside a stream engine's aggregation.
 *
 * <p>Each {@link #add} is whole or nothing: a response without a date in the zone, with an invalid weight, or
 * one that would stretch the trend beyond {@value FeedbackBreakdown#MAX_PERIODS} periods is refused before
 * anything changes. Not thread-safe: give each thread its own and merge them.
 *
 * @param <R> the metric's result type
 */
public final class BreakdownAccumulator<R extends FeedbackResult>
        implements Accumulator<FeedbackResponse, BreakdownState, Breakdown<R>, BreakdownAccumulator<R>> {

    private final FeedbackBreakdown<R> breakdown;
    private final FeedbackMetric<R> metric;
    private final FeedbackAccumulator<R> overall;
    private final TreeMap<LocalDate, FeedbackAccumulator<R>> periods = new TreeMap<>();
    private final TreeMap<String, GroupTally<R>> groups = new TreeMap<>();
    /** The same tallies by name, hashed: a response's group is looked up here, the tree keeps them in order. */
    private final Map<String, GroupTally<R>> groupIndex = new HashMap<>();
    private long otherScales;

    BreakdownAccumulator(FeedbackBreakdown<R> breakdown) {
        this.breakdown = Checks.present("breakdown", breakdown);
        this.metric = breakdown.metric();
        this.overall = metric.accumulator();
    }

    BreakdownAccumulator(FeedbackBreakdown<R> breakdown, BreakdownState state) {
        this(breakdown);
        Checks.present("state", state);
        requireSame("scale", metric.scale(), state.scale());
        requireSame("groupKey", breakdown.groupBy().map(GroupKey::name), state.groupKey());
        requireSame("period", breakdown.period(), state.period());
        if (state.period().isPresent()) {
            requireSame("zone", breakdown.zone(), state.zone());
        }
        overall.merge(metric.accumulator(state.overall()));
        state.periods().forEach((start, distribution) -> periods.put(start, metric.accumulator(distribution)));
        state.groups().forEach((name, group) -> {
            GroupTally<R> tally = tally(name);
            tally.overall.merge(metric.accumulator(group.overall()));
            group.periods().forEach((start, distribution) -> tally.periods.put(start, metric.accumulator(distribution)));
        });
        otherScales = state.otherScales();
    }

    /**
     * Returns the breakdown this accumulator counts for.
     *
     * @return the breakdown
     */
    public FeedbackBreakdown<R> breakdown() {
        return breakdown;
    }

    /**
     * Adds one response: to the overall count, its period's, its group's and its group's period's; a
     * response on another scale than the metric's is only counted as such.
     *
     * @param response the response
     * @return this accumulator
     * @throws IllegalArgumentException naming the response when it has no date in the zone or an invalid
     *     weight, or naming the dates when the trend would exceed {@value FeedbackBreakdown#MAX_PERIODS}
     *     periods; nothing is added then
     */
    @Override
    public BreakdownAccumulator<R> add(FeedbackResponse response) {
        Checks.present("response", response);
        FeedbackScale scale = response.scale();
        if (scale != metric.scale() && !scale.equals(metric.scale())) {
            otherScales++;
            return this;
        }
        // Everything that can refuse the response comes first, so that a refusal changes nothing. (Written
        // without Optionals and lambdas: this runs once per row of a file.)
        double weight = breakdown.weightOf(response);
        LocalDate start = null;
        if (breakdown.period().isPresent()) {
            start = breakdown.period().get().startOf(localDate(response));
            requireSpanWith(start, start);
        }
        String group = breakdown.groupBy().isPresent() ? breakdown.groupBy().get().groupOf(response) : null;
        add(overall, response, weight);
        if (start != null) {
            add(periodOf(periods, start), response, weight);
        }
        if (group != null) {
            GroupTally<R> tally = tally(group);
            add(tally.overall, response, weight);
            if (start != null) {
                add(periodOf(tally.periods, start), response, weight);
            }
        }
        return this;
    }

    /** Returns the tally of the group {@code name}, a new one the first time. */
    private GroupTally<R> tally(String name) {
        GroupTally<R> tally = groupIndex.get(name);
        if (tally == null) {
            tally = new GroupTally<>(metric);
            groups.put(name, tally);
            groupIndex.put(name, tally);
        }
        return tally;
    }

    /** Returns the accumulator of the period starting on {@code start} in {@code byStart}, a new one the first time. */
    private FeedbackAccumulator<R> periodOf(Map<LocalDate, FeedbackAccumulator<R>> byStart, LocalDate start) {
        FeedbackAccumulator<R> accumulator = byStart.get(start);
        if (accumulator == null) {
            accumulator = metric.accumulator();
            byStart.put(start, accumulator);
        }
        return accumulator;
    }

    private void add(FeedbackAccumulator<R> accumulator, FeedbackResponse response, double weight) {
        if (breakdown.weighted()) {
            accumulator.add(response, weight);
        } else {
            accumulator.add(response);
        }
    }

    private LocalDate localDate(FeedbackResponse response) {
        try {
            return LocalDate.ofInstant(response.occurredAt(), breakdown.zone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("occurredAt: response " + response.eventId() + " at "
                    + response.occurredAt() + " has no date in the zone " + breakdown.zone() + " (" + e.getMessage()
                    + ")", e);
        }
    }

    /** Throws unless the trend, stretched to cover {@code first..last}, keeps within the limit. */
    private void requireSpanWith(LocalDate first, LocalDate last) {
        LocalDate from = periods.isEmpty() || first.isBefore(periods.firstKey()) ? first : periods.firstKey();
        LocalDate to = periods.isEmpty() || last.isAfter(periods.lastKey()) ? last : periods.lastKey();
        FeedbackBreakdown.requireSpan(breakdown.period().orElseThrow(), from, to);
    }

    /**
     * Adds everything {@code other} has counted (which is left unchanged) to this accumulator.
     *
     * @param other an accumulator of an equal breakdown
     * @return this accumulator
     * @throws IllegalArgumentException when {@code other} is this accumulator or counts for another breakdown,
     *     when the merged trend would exceed {@value FeedbackBreakdown#MAX_PERIODS} periods, or when a count
     *     would overflow; nothing is merged then
     */
    @Override
    public BreakdownAccumulator<R> merge(BreakdownAccumulator<R> other) {
        Accumulators.requireOther(this, other);
        if (!breakdown.equals(other.breakdown)) {
            throw new IllegalArgumentException("other: counts for " + other.breakdown + ", not " + breakdown
                    + "; only accumulators of equal breakdowns merge");
        }
        if (!other.periods.isEmpty()) {
            requireSpanWith(other.periods.firstKey(), other.periods.lastKey());
        }
        // Every count of a period or group is at most the overall one, so if the overall sum does not
        // overflow, none does.
        overall.state().merge(other.overall.state());
        overall.merge(other.overall);
        mergePeriods(periods, other.periods);
        other.groups.forEach((name, group) -> {
            GroupTally<R> mine = tally(name);
            mine.overall.merge(group.overall);
            mergePeriods(mine.periods, group.periods);
        });
        otherScales += other.otherScales;
        return this;
    }

    private void mergePeriods(Map<LocalDate, FeedbackAccumulator<R>> into, Map<LocalDate, FeedbackAccumulator<R>> from) {
        from.forEach((start, accumulator) -> into.computeIfAbsent(start, s -> metric.accumulator()).merge(accumulator));
    }

    /**
     * Returns a snapshot of everything counted, from which {@link FeedbackBreakdown#accumulator(BreakdownState)}
     * continues.
     *
     * @return the state
     */
    @Override
    public BreakdownState state() {
        SortedMap<String, BreakdownState.Group> groupStates = new TreeMap<>();
        groups.forEach((name, tally) -> groupStates.put(name,
                new BreakdownState.Group(tally.overall.state(), states(tally.periods))));
        return new BreakdownState(metric.scale(), breakdown.groupBy().map(GroupKey::name), breakdown.period(),
                breakdown.zone(), overall.state(), states(periods), groupStates, otherScales);
    }

    private static SortedMap<LocalDate, ScoreDistribution> states(Map<LocalDate, ? extends FeedbackAccumulator<?>> byStart) {
        SortedMap<LocalDate, ScoreDistribution> states = new TreeMap<>();
        byStart.forEach((start, accumulator) -> states.put(start, accumulator.state()));
        return states;
    }

    /**
     * Returns the breakdown of the responses counted so far; the accumulator may go on counting.
     *
     * @return the breakdown
     */
    @Override
    public Breakdown<R> result() {
        List<TimeBucket> range = range();
        List<GroupResult<R>> groupResults = new ArrayList<>(groups.size());
        groups.forEach((name, group) -> {
            R result = group.overall.result();
            groupResults.add(new GroupResult<>(name, belowMinimumN(result), result, trend(range, group.periods)));
        });
        R overallResult = overall.result();
        return new Breakdown<>(overallResult, belowMinimumN(overallResult), trend(range, periods), groupResults,
                breakdown.minimumN(), otherScales, breakdown.period());
    }

    private boolean belowMinimumN(R result) {
        return result.effectiveN() < breakdown.minimumN();
    }

    private List<TimeBucket> range() {
        if (breakdown.period().isEmpty() || periods.isEmpty()) {
            return List.of();
        }
        CalendarPeriod period = breakdown.period().get();
        List<TimeBucket> buckets = new ArrayList<>((int) period.count(periods.firstKey(), periods.lastKey()));
        for (TimeBucket bucket = new TimeBucket(period, periods.firstKey(), breakdown.zone());
                !bucket.start().isAfter(periods.lastKey()); bucket = bucket.next()) {
            buckets.add(bucket);
        }
        return buckets;
    }

    private List<PeriodResult<R>> trend(List<TimeBucket> range, Map<LocalDate, FeedbackAccumulator<R>> byStart) {
        List<PeriodResult<R>> trend = new ArrayList<>(range.size());
        for (TimeBucket bucket : range) {
            FeedbackAccumulator<R> accumulator = byStart.get(bucket.start());
            R result = accumulator == null ? metric.result(ScoreDistribution.empty(metric.scale()))
                    : accumulator.result();
            trend.add(new PeriodResult<>(bucket, belowMinimumN(result), result));
        }
        return trend;
    }

    private static <T> void requireSame(String field, T expected, T actual) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException(field + ": the state was counted with " + text(actual) + ", this"
                    + " breakdown counts with " + text(expected) + "; a state continues only under the breakdown"
                    + " that counted it");
        }
    }

    private static String text(Object value) {
        return value instanceof Optional<?> optional ? optional.map(Object::toString).orElse("none") : value.toString();
    }

    /** One group's accumulators. */
    private static final class GroupTally<R extends FeedbackResult> {
        private final FeedbackAccumulator<R> overall;
        private final TreeMap<LocalDate, FeedbackAccumulator<R>> periods = new TreeMap<>();

        GroupTally(FeedbackMetric<R> metric) {
            this.overall = metric.accumulator();
        }
    }
}
