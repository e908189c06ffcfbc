package dev.cxm.journey.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.internal.LongList;
import dev.cxm.journey.map.Stage;
import dev.cxm.journey.map.Transition;
import dev.cxm.journey.track.StageVisit;

/**
 * Counts a {@link ConformanceCheck} over many customers, one timeline at a time; mergeable. Not thread-safe.
 */
public final class ConformanceAccumulator
        implements Accumulator<CustomerTimeline, ConformanceState, ConformanceResult, ConformanceAccumulator> {

    private final ConformanceCheck check;
    private long customers;
    private long conforming;
    private long moves;
    private long allowedMoves;
    private final Map<DeviationKind, Long> deviations = new EnumMap<>(DeviationKind.class);
    private final Map<String, long[]> stageCounts = new TreeMap<>();
    private final Map<String, LongList> stays = new TreeMap<>();
    private final Map<List<String>, Long> transitions = new TreeMap<>(ConformanceAccumulator::compare);
    private final Map<String, Long> outside = new TreeMap<>();

    ConformanceAccumulator(ConformanceCheck check) {
        this.check = check;
    }

    ConformanceAccumulator(ConformanceCheck check, ConformanceState state) {
        this(check);
        customers = state.customers();
        conforming = state.conformingCustomers();
        moves = state.moves();
        allowedMoves = state.allowedMoves();
        state.deviations().forEach((kind, count) -> deviations.merge(DeviationKind.valueOf(kind), count, Long::sum));
        for (ConformanceState.StageTally tally : state.stages()) {
            long[] counts = counts(tally.stage());
            counts[0] += tally.visits();
            counts[1] += tally.customers();
            counts[2] += tally.overdueVisits();
            stays(tally.stage()).addAll(new LongList(tally.stayMicros()));
        }
        state.transitions().forEach(t -> transitions.merge(List.of(t.from(), t.to()), t.count(), Long::sum));
        state.outsideMap().forEach((activity, count) -> outside.merge(activity, count, Long::sum));
    }

    private static int compare(List<String> a, List<String> b) {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    }

    private long[] counts(String stage) {
        return stageCounts.computeIfAbsent(stage, s -> new long[3]);
    }

    private LongList stays(String stage) {
        return stays.computeIfAbsent(stage, s -> new LongList());
    }

    @Override
    public ConformanceAccumulator add(CustomerTimeline timeline) {
        CustomerConformance outcome = check.check(Checks.present("timeline", timeline));
        customers++;
        if (outcome.conforms()) {
            conforming++;
        }
        moves += outcome.moves();
        allowedMoves += outcome.allowedMoves();
        for (Deviation deviation : outcome.deviations()) {
            deviations.merge(deviation.kind(), 1L, Long::sum);
            if (deviation.kind() == DeviationKind.OUTSIDE_MAP) {
                outside.merge(deviation.outsideActivity().orElseThrow(), 1L, Long::sum);
            }
            if (deviation.kind() == DeviationKind.OVERDUE) {
                counts(deviation.fromStage().orElseThrow())[2]++;
            }
        }
        List<StageVisit> visits = outcome.visits();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < visits.size(); i++) {
            String stage = visits.get(i).stage();
            long[] counts = counts(stage);
            counts[0]++;
            if (seen.add(stage)) {
                counts[1]++;
            }
            Optional<Duration> stay = check.stayOf(visits, i);
            stay.ifPresent(length -> stays(stage).add(length.toNanos() / 1_000));
            if (i > 0) {
                transitions.merge(List.of(visits.get(i - 1).stage(), stage), 1L, Long::sum);
            }
        }
        return this;
    }

    @Override
    public ConformanceAccumulator merge(ConformanceAccumulator other) {
        Accumulators.requireOther(this, other);
        if (!other.check.equals(check)) {
            throw new IllegalArgumentException("other: counts another check; only accumulators of one check merge");
        }
        customers += other.customers;
        conforming += other.conforming;
        moves += other.moves;
        allowedMoves += other.allowedMoves;
        other.deviations.forEach((kind, count) -> deviations.merge(kind, count, Long::sum));
        other.stageCounts.forEach((stage, counts) -> {
            long[] mine = counts(stage);
            for (int i = 0; i < 3; i++) {
                mine[i] += counts[i];
            }
        });
        other.stays.forEach((stage, list) -> stays(stage).addAll(list));
        other.transitions.forEach((move, count) -> transitions.merge(move, count, Long::sum));
        other.outside.forEach((activity, count) -> outside.merge(activity, count, Long::sum));
        return this;
    }

    @Override
    public ConformanceState state() {
        Map<String, Long> kinds = new TreeMap<>();
        deviations.forEach((kind, count) -> kinds.put(kind.name(), count));
        List<ConformanceState.StageTally> stages = new ArrayList<>();
        stageCounts.forEach((stage, counts) -> stages.add(new ConformanceState.StageTally(stage, counts[0], counts[1],
                counts[2], stays.containsKey(stage) ? stays.get(stage).sorted() : new long[0])));
        List<ConformanceState.MoveTally> moveTallies = new ArrayList<>();
        transitions.forEach((move, count) -> moveTallies.add(new ConformanceState.MoveTally(move.get(0), move.get(1),
                count)));
        return new ConformanceState(customers, conforming, moves, allowedMoves, kinds, stages, moveTallies, outside);
    }

    @Override
    public ConformanceResult result() {
        Map<DeviationKind, Long> kinds = new EnumMap<>(DeviationKind.class);
        for (DeviationKind kind : DeviationKind.values()) {
            kinds.put(kind, deviations.getOrDefault(kind, 0L));
        }
        List<StageConformance> stages = new ArrayList<>();
        for (Stage stage : check.map().stages()) {
            long[] counts = stageCounts.getOrDefault(stage.name(), new long[3]);
            LongList measured = stays.get(stage.name());
            Optional<Duration> median = measured == null || measured.size() == 0 ? Optional.empty()
                    : Optional.of(Duration.of(measured.quantile(0.5), java.time.temporal.ChronoUnit.MICROS));
            stages.add(new StageConformance(stage.name(), counts[0], counts[1], stage.expectedTime(), counts[2], median));
        }
        List<TransitionConformance> listed = new ArrayList<>();
        Set<List<String>> designed = new HashSet<>();
        for (Transition transition : check.map().transitions()) {
            List<String> move = List.of(transition.from(), transition.to());
            designed.add(move);
            listed.add(new TransitionConformance(transition.from(), transition.to(),
                    transitions.getOrDefault(move, 0L), true, Optional.empty()));
        }
        List<TransitionConformance> others = new ArrayList<>();
        transitions.forEach((move, count) -> {
            if (!designed.contains(move)) {
                others.add(new TransitionConformance(move.get(0), move.get(1), count, false,
                        check.moveDeviation(move.get(0), move.get(1))));
            }
        });
        others.sort(Comparator.comparingLong(TransitionConformance::count).reversed()
                .thenComparing(TransitionConformance::from).thenComparing(TransitionConformance::to));
        listed.addAll(others);
        Map<String, Long> outsideRanked = new LinkedHashMap<>();
        outside.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> outsideRanked.put(e.getKey(), e.getValue()));
        OptionalDouble fitness = moves == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) allowedMoves / moves);
        return new ConformanceResult(customers, conforming, moves, allowedMoves, fitness, kinds, stages, listed,
                outsideRanked);
    }
}
