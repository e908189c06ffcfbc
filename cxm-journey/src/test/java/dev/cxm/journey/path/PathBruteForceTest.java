package dev.cxm.journey.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.JourneyLogs;
import dev.cxm.journey.track.Sessions;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * Paths against a straightforward recount: each case's events are walked once in the test (exclusions
 * dropped, the start or end searched, repeats collapsed, the limit applied), the paths counted in a map, and
 * the edges summed from them; random logs, random settings, per customer and per session (sessions cut at
 * gaps of more than 30 minutes, recomputed in the test).
 */
class PathBruteForceTest {

    private static final List<String> TOUCHPOINTS = List.of("a", "b", "c", "d");

    @Test
    void pathsAndEdgesMatchARecountOverRandomLogs() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            PathAnalysis.Builder builder = PathAnalysis.custom().stepLimit(2 + random.nextInt(4))
                    .collapseRepeats(random.nextBoolean()).top(50);
            int mode = random.nextInt(3);
            String anchor = TOUCHPOINTS.get(random.nextInt(4));
            if (mode == 1) {
                builder.startAt(EventMatcher.touchpoint(anchor));
            } else if (mode == 2) {
                builder.endAt(EventMatcher.touchpoint(anchor));
            }
            String excluded = random.nextBoolean() ? TOUCHPOINTS.get(random.nextInt(4)) : null;
            if (excluded != null) {
                builder.exclude(EventMatcher.touchpoint(excluded));
            }
            boolean perSession = random.nextBoolean();
            if (perSession) {
                builder.perSession(Sessions.ofDefaults());
            }
            PathAnalysis analysis = builder.build();
            List<CustomerTimeline> timelines = JourneyLogs.timelines(JourneyLogs.random(random, 6, 9, TOUCHPOINTS, 180));
            PathAccumulator accumulator = analysis.accumulator();
            timelines.forEach(accumulator::add);
            PathResult result = accumulator.result();

            Map<List<String>, Long> expected = new HashMap<>();
            long cases = 0;
            for (CustomerTimeline timeline : timelines) {
                for (List<CustomerEvent> events : JourneyLogs.cases(timeline.events(), perSession)) {
                    cases++;
                    List<String> names = new ArrayList<>();
                    int start = -1;
                    int end = -1;
                    for (CustomerEvent event : events) {
                        String name = event.atTouchpoint().orElseThrow().id().value();
                        if (name.equals(excluded)) {
                            continue;
                        }
                        if (name.equals(anchor) && start < 0) {
                            start = names.size();
                        }
                        if (name.equals(anchor) && end < 0) {
                            end = names.size();
                        }
                        names.add(name);
                    }
                    List<String> part = mode == 1 ? (start < 0 ? null : names.subList(start, names.size()))
                            : mode == 2 ? (end < 0 ? null : names.subList(0, end + 1)) : names;
                    if (part == null || part.isEmpty()) {
                        continue;
                    }
                    List<String> steps = new ArrayList<>();
                    for (String name : part) {
                        if (!analysis.collapseRepeats() || steps.isEmpty() || !steps.get(steps.size() - 1).equals(name)) {
                            steps.add(name);
                        }
                    }
                    int limit = analysis.stepLimit();
                    List<String> path = mode == 2 ? steps.subList(Math.max(0, steps.size() - limit), steps.size())
                            : steps.subList(0, Math.min(limit, steps.size()));
                    expected.merge(List.copyOf(path), 1L, Long::sum);
                }
            }
            assertThat(result.cases()).isEqualTo(cases);
            assertThat(result.distinctPaths()).isEqualTo(expected.size());
            long withPath = expected.values().stream().mapToLong(Long::longValue).sum();
            assertThat(result.casesWithPath()).isEqualTo(withPath);
            // A start or end step that no (kept) event matched is a warning, not a silent empty result.
            assertThat(result.warnings()).hasSize(mode != 0 && withPath == 0 ? 1 : 0);
            for (PathCount path : result.paths()) {
                assertThat(path.count()).isEqualTo(expected.get(path.steps()));
                assertThat(path.share()).isEqualTo((double) path.count() / withPath);
            }
            assertThat(result.paths()).hasSize(Math.min(50, expected.size()));
            Map<List<Object>, Long> edges = new HashMap<>();
            expected.forEach((path, count) -> {
                for (int i = 0; i + 1 < path.size(); i++) {
                    edges.merge(List.of(i + 1, path.get(i), path.get(i + 1)), count, Long::sum);
                }
            });
            assertThat(result.edges()).hasSize(edges.size());
            for (PathEdge edge : result.edges()) {
                assertThat(edge.count()).isEqualTo(edges.get(List.of(edge.position(), edge.from(), edge.to())));
            }
        });
    }

    @Test
    void aStartStepThatMatchesNothingIsAWarningNotAnEmptySuccess() {
        List<CustomerTimeline> timelines = JourneyLogs.timelines(List.of(JourneyLogs.at("e1", "ann", "home", 0),
                JourneyLogs.at("e2", "ann", "product", 5), JourneyLogs.at("e3", "bob", "home", 0)));
        PathResult result = timelines.stream()
                .collect(PathAnalysis.custom().startAt(EventMatcher.touchpoint("hom")).build().collector());
        assertThat(result.paths()).isEmpty();
        assertThat(result.warnings()).containsExactly("start step (hom) matched no event of the 2 cases read"
                + " (excluded events left out); check its definition against the data");
        assertThat(timelines.stream().collect(PathAnalysis.custom().endAt(EventMatcher.touchpoint("product")).build()
                .collector()).warnings()).isEmpty();
    }
}
