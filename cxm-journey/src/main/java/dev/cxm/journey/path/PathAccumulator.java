package dev.cxm.journey.path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.internal.Cases;

/**
 * Counts the paths of a {@link PathAnalysis}, one customer timeline at a time; mergeable. Not thread-safe.
 */
public final class PathAccumulator implements Accumulator<CustomerTimeline, PathState, PathResult, PathAccumulator> {

    private static final Comparator<List<String>> LEXICOGRAPHIC = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final PathAnalysis analysis;
    private long cases;
    private final Map<List<String>, Long> counts = new HashMap<>();

    PathAccumulator(PathAnalysis analysis) {
        this.analysis = analysis;
    }

    PathAccumulator(PathAnalysis analysis, PathState state) {
        this(analysis);
        cases = state.cases();
        state.paths().forEach(tally -> counts.merge(tally.steps(), tally.count(), Long::sum));
    }

    @Override
    public PathAccumulator add(CustomerTimeline timeline) {
        Checks.present("timeline", timeline);
        for (List<CustomerEvent> events : Cases.of(timeline, analysis.sessions())) {
            cases++;
            pathOf(events).ifPresent(path -> counts.merge(path, 1L, Long::sum));
        }
        return this;
    }

    /** Returns the path of one case, by the rules of {@link PathAnalysis}. */
    private Optional<List<String>> pathOf(List<CustomerEvent> events) {
        List<CustomerEvent> kept = new ArrayList<>(events.size());
        List<String> names = new ArrayList<>(events.size());
        for (CustomerEvent event : events) {
            if (excluded(event)) {
                continue;
            }
            Optional<String> name = analysis.activityKey().valueOf(event);
            if (name.isPresent()) {
                kept.add(event);
                names.add(name.get());
            }
        }
        int from = 0;
        int to = kept.size();
        if (analysis.startAt().isPresent()) {
            from = firstMatch(kept, analysis.startAt().get());
            if (from < 0) {
                return Optional.empty();
            }
        } else if (analysis.endAt().isPresent()) {
            int end = firstMatch(kept, analysis.endAt().get());
            if (end < 0) {
                return Optional.empty();
            }
            to = end + 1;
        }
        List<String> steps = new ArrayList<>();
        for (String name : names.subList(from, to)) {
            if (!analysis.collapseRepeats() || steps.isEmpty() || !steps.get(steps.size() - 1).equals(name)) {
                steps.add(name);
            }
        }
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        int limit = analysis.stepLimit();
        List<String> path = analysis.endAt().isPresent()
                ? steps.subList(Math.max(0, steps.size() - limit), steps.size())
                : steps.subList(0, Math.min(limit, steps.size()));
        return Optional.of(List.copyOf(path));
    }

    private boolean excluded(CustomerEvent event) {
        for (EventMatcher matcher : analysis.excluded()) {
            if (matcher.matches(event)) {
                return true;
            }
        }
        return false;
    }

    private static int firstMatch(List<CustomerEvent> events, EventMatcher matcher) {
        for (int i = 0; i < events.size(); i++) {
            if (matcher.matches(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public PathAccumulator merge(PathAccumulator other) {
        Accumulators.requireOther(this, other);
        if (!other.analysis.equals(analysis)) {
            throw new IllegalArgumentException("other: counts another analysis; only accumulators of one analysis merge");
        }
        cases += other.cases;
        other.counts.forEach((path, count) -> counts.merge(path, count, Long::sum));
        return this;
    }

    @Override
    public PathState state() {
        List<PathState.Tally> tallies = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey(LEXICOGRAPHIC))
                .forEach(e -> tallies.add(new PathState.Tally(e.getKey(), e.getValue())));
        return new PathState(cases, tallies);
    }

    @Override
    public PathResult result() {
        long withPath = counts.values().stream().mapToLong(Long::longValue).sum();
        List<PathCount> top = counts.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(LEXICOGRAPHIC)))
                .limit(analysis.top())
                .map(e -> new PathCount(e.getKey(), e.getValue(), (double) e.getValue() / withPath))
                .toList();
        Map<EdgeKey, Long> edges = new HashMap<>();
        counts.forEach((path, count) -> {
            for (int i = 0; i + 1 < path.size(); i++) {
                edges.merge(new EdgeKey(i + 1, path.get(i), path.get(i + 1)), count, Long::sum);
            }
        });
        List<PathEdge> edgeList = edges.entrySet().stream()
                .map(e -> new PathEdge(e.getKey().position(), e.getKey().from(), e.getKey().to(), e.getValue()))
                .sorted(Comparator.comparingInt(PathEdge::position)
                        .thenComparing(Comparator.comparingLong(PathEdge::count).reversed())
                        .thenComparing(PathEdge::from).thenComparing(PathEdge::to))
                .toList();
        return new PathResult(cases, withPath, counts.size(), top, edgeList, warnings(withPath));
    }

    /** A start or end step that began or ended no path is a warning: most often a misspelt step. */
    private List<String> warnings(long withPath) {
        if (withPath > 0) {
            return List.of();
        }
        if (analysis.startAt().isPresent()) {
            return List.of("start step (" + analysis.startAt().get().describe() + ") matched no event of the " + cases
                    + " cases read (excluded events left out); check its definition against the data");
        }
        if (analysis.endAt().isPresent()) {
            return List.of("end step (" + analysis.endAt().get().describe() + ") matched no event of the " + cases
                    + " cases read (excluded events left out); check its definition against the data");
        }
        return List.of();
    }

    private record EdgeKey(int position, String from, String to) {}
}
