package dev.cxm.metrics.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.group.GroupKey;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.metrics.feedback.TimeBucket;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Scores and counts texts for one {@link SentimentBreakdown}: overall, per period, per group and per group and
 * period, text by text, with a mergeable {@link SentimentBreakdownState} that serialises as JSON, so that a
 * breakdown runs on parallel streams and inside a stream engine's aggregation.
 *
 * <p>Each {@link #add} is whole or nothing: a text whose event has no date in the zone, or that would stretch
 * the trend beyond the most periods, is refused before anything changes. Not thread-safe.
 */
public final class SentimentBreakdownAccumulator implements
        Accumulator<CustomerText, SentimentBreakdownState, SentimentBreakdownResult, SentimentBreakdownAccumulator> {

    private final SentimentBreakdown breakdown;
    private final SentimentSummary summary;
    private SentimentAccumulator overall;
    private final TreeMap<LocalDate, SentimentAccumulator> periods = new TreeMap<>();
    private final TreeMap<String, GroupTally> groups = new TreeMap<>();

    SentimentBreakdownAccumulator(SentimentBreakdown breakdown) {
        this.breakdown = Checks.present("breakdown", breakdown);
        this.summary = breakdown.summary();
        this.overall = summary.accumulator();
    }

    SentimentBreakdownAccumulator(SentimentBreakdown breakdown, SentimentBreakdownState state) {
        this(breakdown);
        Checks.present("state", state);
        requireSame("groupKey", breakdown.groupBy().map(GroupKey::name), state.groupKey());
        requireSame("period", breakdown.period(), state.period());
        if (state.period().isPresent()) {
            requireSame("zone", breakdown.zone(), state.zone());
        }
        load(state);
    }

    private void load(SentimentBreakdownState state) {
        overall = summary.accumulator(state.overall());
        periods.clear();
        groups.clear();
        state.periods().forEach((start, tally) -> periods.put(start, summary.accumulator(tally)));
        state.groups().forEach((name, group) -> {
            GroupTally tally = new GroupTally(summary.accumulator(group.overall()));
            group.periods().forEach((start, part) -> tally.periods.put(start, summary.accumulator(part)));
            groups.put(name, tally);
        });
    }

    /**
     * Returns the breakdown this accumulator counts for.
     *
     * @return the breakdown
     */
    public SentimentBreakdown breakdown() {
        return breakdown;
    }

    /**
     * Scores one text and counts it: overall, in its period, its group and its group's period.
     *
     * @param text the text with its event
     * @return this accumulator
     * @throws IllegalArgumentException naming the event when it has no date in the zone, or naming the dates
     *     when the trend would exceed the most periods; nothing is added then
     */
    @Override
    public SentimentBreakdownAccumulator add(CustomerText text) {
        Checks.present("text", text);
        CustomerEvent event = text.event();
        // Everything that can refuse the text comes first, so that a refusal changes nothing.
        Optional<LocalDate> start = breakdown.period().map(p -> p.startOf(localDate(event)));
        if (start.isPresent()) {
            LocalDate first = periods.isEmpty() || start.get().isBefore(periods.firstKey()) ? start.get()
                    : periods.firstKey();
            LocalDate last = periods.isEmpty() || start.get().isAfter(periods.lastKey()) ? start.get()
                    : periods.lastKey();
            SentimentBreakdown.requireSpan(breakdown.period().get(), first, last);
        }
        Optional<String> group = breakdown.groupBy().map(key -> key.groupOf(event));
        SentimentScore score = Checks.present("score of event " + event.eventId(),
                breakdown.analyzer().score(text.text()));
        // The overall sums bound every part's (|a part's sum| <= its absolute sum <= the overall absolute sum),
        // so once the overall add did not overflow, no part's can.
        overall.add(score);
        start.ifPresent(s -> periods.computeIfAbsent(s, k -> summary.accumulator()).add(score));
        group.ifPresent(name -> {
            GroupTally tally = groups.computeIfAbsent(name, k -> new GroupTally(summary.accumulator()));
            tally.overall.add(score);
            start.ifPresent(s -> tally.periods.computeIfAbsent(s, k -> summary.accumulator()).add(score));
        });
        return this;
    }

    private LocalDate localDate(CustomerEvent event) {
        try {
            return LocalDate.ofInstant(event.occurredAt(), breakdown.zone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("occurredAt: event " + event.eventId() + " at " + event.occurredAt()
                    + " has no date in the zone " + breakdown.zone(), e);
        }
    }

    /**
     * Adds everything {@code other} has counted (which is left unchanged).
     *
     * @param other an accumulator of an equal breakdown
     * @return this accumulator
     * @throws IllegalArgumentException when {@code other} is this accumulator or counts for another breakdown,
     *     when the trend would exceed the most periods, or a count would overflow; nothing is merged then
     */
    @Override
    public SentimentBreakdownAccumulator merge(SentimentBreakdownAccumulator other) {
        Accumulators.requireOther(this, other);
        if (!breakdown.equals(other.breakdown)) {
            throw new IllegalArgumentException("other: counts for " + other.breakdown + ", this accumulator for "
                    + breakdown + "; only accumulators of equal breakdowns merge");
        }
        if (!other.periods.isEmpty()) {
            LocalDate first = periods.isEmpty() || other.periods.firstKey().isBefore(periods.firstKey())
                    ? other.periods.firstKey() : periods.firstKey();
            LocalDate last = periods.isEmpty() || other.periods.lastKey().isAfter(periods.lastKey())
                    ? other.periods.lastKey() : periods.lastKey();
            SentimentBreakdown.requireSpan(breakdown.period().orElseThrow(), first, last);
        }
        // As in add: once the overall sums merged without overflow, no part's can overflow.
        overall.merge(other.overall);
        mergePeriods(periods, other.periods);
        other.groups.forEach((name, group) -> {
            GroupTally mine = groups.computeIfAbsent(name, k -> new GroupTally(summary.accumulator()));
            mine.overall.merge(group.overall);
            mergePeriods(mine.periods, group.periods);
        });
        return this;
    }

    private void mergePeriods(Map<LocalDate, SentimentAccumulator> into, Map<LocalDate, SentimentAccumulator> from) {
        from.forEach((start, accumulator) -> into.computeIfAbsent(start, s -> summary.accumulator()).merge(accumulator));
    }

    /**
     * Returns a snapshot of everything counted, from which {@link SentimentBreakdown#accumulator(
     * SentimentBreakdownState)} continues.
     *
     * @return the state
     */
    @Override
    public SentimentBreakdownState state() {
        SortedMap<String, SentimentBreakdownState.Group> groupStates = new TreeMap<>();
        groups.forEach((name, tally) -> groupStates.put(name,
                new SentimentBreakdownState.Group(tally.overall.state(), states(tally.periods))));
        return new SentimentBreakdownState(breakdown.groupBy().map(GroupKey::name), breakdown.period(),
                breakdown.zone(), overall.state(), states(periods), groupStates);
    }

    private static SortedMap<LocalDate, SentimentTally> states(Map<LocalDate, SentimentAccumulator> byStart) {
        SortedMap<LocalDate, SentimentTally> states = new TreeMap<>();
        byStart.forEach((start, accumulator) -> states.put(start, accumulator.state()));
        return states;
    }

    /**
     * Returns the breakdown of the texts counted so far; the accumulator may go on counting.
     *
     * @return the breakdown
     */
    @Override
    public SentimentBreakdownResult result() {
        List<TimeBucket> range = range();
        List<SentimentGroup> groupResults = new ArrayList<>(groups.size());
        groups.forEach((name, group) -> {
            SentimentResult result = group.overall.result();
            groupResults.add(new SentimentGroup(name, belowMinimumN(result), result, trend(range, group.periods)));
        });
        SentimentResult overallResult = overall.result();
        return new SentimentBreakdownResult(overallResult, belowMinimumN(overallResult), trend(range, periods),
                groupResults, breakdown.minimumN(), breakdown.period());
    }

    private boolean belowMinimumN(SentimentResult result) {
        return result.n() < breakdown.minimumN();
    }

    private List<TimeBucket> range() {
        if (breakdown.period().isEmpty() || periods.isEmpty()) {
            return List.of();
        }
        CalendarPeriod period = breakdown.period().get();
        List<TimeBucket> buckets = new ArrayList<>();
        for (TimeBucket bucket = new TimeBucket(period, periods.firstKey(), breakdown.zone());
                !bucket.start().isAfter(periods.lastKey()); bucket = bucket.next()) {
            buckets.add(bucket);
        }
        return buckets;
    }

    private List<SentimentPeriod> trend(List<TimeBucket> range, Map<LocalDate, SentimentAccumulator> byStart) {
        List<SentimentPeriod> trend = new ArrayList<>(range.size());
        for (TimeBucket bucket : range) {
            SentimentAccumulator accumulator = byStart.get(bucket.start());
            SentimentResult result = (accumulator == null ? summary.accumulator() : accumulator).result();
            trend.add(new SentimentPeriod(bucket, belowMinimumN(result), result));
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
    private static final class GroupTally {
        private final SentimentAccumulator overall;
        private final TreeMap<LocalDate, SentimentAccumulator> periods = new TreeMap<>();

        GroupTally(SentimentAccumulator overall) {
            this.overall = overall;
        }
    }
}
