package dev.cxm.journey.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.JourneyLogs;
import dev.cxm.journey.track.Sessions;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * Discovery against a recount: every consecutive pair of every case counted in a map with its times (mean by
 * summing, median by sorting and taking the nearest rank), starts and ends counted, variants counted as
 * lists and the listed ones chosen by sorting all of them; random logs, per customer and per session.
 */
class DiscoveryBruteForceTest {

    private static final List<String> TOUCHPOINTS = List.of("a", "b", "c");

    @Test
    void everyNumberMatchesARecount() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            boolean perSession = random.nextBoolean();
            JourneyDiscovery.Builder builder = JourneyDiscovery.custom().coverage(0.1 + 0.9 * random.nextDouble())
                    .maxVariants(1 + random.nextInt(6));
            if (perSession) {
                builder.perSession(Sessions.ofDefaults());
            }
            JourneyDiscovery discovery = builder.build();
            List<CustomerEvent> log = JourneyLogs.random(random, 8, 6, TOUCHPOINTS, 150);
            log.addAll(log.subList(0, log.size() / 3));
            List<CustomerTimeline> timelines = JourneyLogs.timelines(log);
            DiscoveryAccumulator accumulator = discovery.accumulator();
            timelines.forEach(accumulator::add);
            DiscoveryResult result = accumulator.result();

            Map<List<String>, List<Long>> times = new HashMap<>();
            Map<String, Long> starts = new HashMap<>();
            Map<String, Long> ends = new HashMap<>();
            Map<List<String>, Long> variants = new HashMap<>();
            long cases = 0;
            long events = 0;
            for (CustomerTimeline timeline : timelines) {
                List<CustomerEvent> distinct = new ArrayList<>();
                for (CustomerEvent e : timeline.events()) {
                    if (distinct.stream().noneMatch(k -> k.eventId().equals(e.eventId()))) {
                        distinct.add(e);
                    }
                }
                for (List<CustomerEvent> c : JourneyLogs.cases(distinct, perSession)) {
                    cases++;
                    events += c.size();
                    List<String> names = c.stream().map(e -> e.atTouchpoint().orElseThrow().id().value()).toList();
                    starts.merge(names.get(0), 1L, Long::sum);
                    ends.merge(names.get(names.size() - 1), 1L, Long::sum);
                    variants.merge(names, 1L, Long::sum);
                    for (int i = 1; i < c.size(); i++) {
                        times.computeIfAbsent(List.of(names.get(i - 1), names.get(i)), k -> new ArrayList<>())
                                .add(Duration.between(c.get(i - 1).occurredAt(), c.get(i).occurredAt()).toNanos() / 1000);
                    }
                }
            }
            assertThat(result.cases()).isEqualTo(cases);
            assertThat(result.events()).isEqualTo(events);
            assertThat(result.edges()).hasSize(times.size());
            for (DirectlyFollows edge : result.edges()) {
                List<Long> list = times.get(List.of(edge.from(), edge.to())).stream().sorted().toList();
                assertThat(edge.count()).isEqualTo(list.size());
                long sum = list.stream().mapToLong(Long::longValue).sum();
                assertThat(edge.meanTime()).isEqualTo(Duration.ofNanos(1000 * (sum / list.size())));
                assertThat(edge.medianTime()).isEqualTo(Duration.ofNanos(1000 * list.get((list.size() + 1) / 2 - 1)));
            }
            assertThat(result.startActivities()).isEqualTo(starts);
            assertThat(result.endActivities()).isEqualTo(ends);
            assertThat(result.distinctVariants()).isEqualTo(variants.size());
            List<Map.Entry<List<String>, Long>> sorted = new ArrayList<>(variants.entrySet());
            sorted.sort(Map.Entry.<List<String>, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey(DiscoveryBruteForceTest::lexicographic)));
            List<List<String>> expectedListed = new ArrayList<>();
            long covered = 0;
            for (Map.Entry<List<String>, Long> entry : sorted) {
                if (expectedListed.size() >= discovery.maxVariants() || covered >= discovery.coverage() * cases) {
                    break;
                }
                expectedListed.add(entry.getKey());
                covered += entry.getValue();
            }
            assertThat(result.variants()).extracting(Variant::steps).containsExactlyElementsOf(expectedListed);
            assertThat(result.variantCoverage()).isEqualTo(covered / (double) Math.max(1, cases));
            // The maps list activities by count (descending) then name.
            List<Long> startCounts = new ArrayList<>(result.startActivities().values());
            assertThat(startCounts).isSortedAccordingTo(Comparator.reverseOrder());
        });
    }

    @Test
    void theDotExportDrawsEveryActivityAndEdgeAndEscapesNames() {
        List<CustomerEvent> log = List.of(JourneyLogs.at("1", "c", "home \"page\"", 0), JourneyLogs.at("2", "c", "cart", 3),
                JourneyLogs.at("3", "d", "home \"page\"", 0), JourneyLogs.at("4", "d", "cart", 7));
        DiscoveryAccumulator accumulator = JourneyDiscovery.ofDefaults().accumulator();
        JourneyLogs.timelines(log).forEach(accumulator::add);
        String dot = accumulator.result().toDot();
        assertThat(dot).startsWith("digraph journey {")
                .contains("\"home \\\"page\\\"\" [label=\"home \\\"page\\\"\\n2\"];")
                .contains("\"home \\\"page\\\"\" -> \"cart\" [label=\"2 | 3.0 min\"];")
                .contains("\"__start\" -> \"home \\\"page\\\"\" [label=\"2\"];")
                .contains("\"cart\" -> \"__end\" [label=\"2\"];").endsWith("}\n");
    }

    /** Element by element, a shorter prefix first: the documented order of variants. */
    private static int lexicographic(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
