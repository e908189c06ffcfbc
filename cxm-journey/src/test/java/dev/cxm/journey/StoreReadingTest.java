package dev.cxm.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.journey.conformance.ConformanceCheck;
import dev.cxm.journey.discovery.JourneyDiscovery;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelStep;
import dev.cxm.journey.map.JourneyMapTestMaps;
import dev.cxm.journey.path.PathAnalysis;

/**
 * Every calculator reads a store through its timelines and gives what its accumulator gives over the same
 * events grouped by hand (the expected side); an event appended twice is stored once, and a query narrows
 * what is read.
 */
class StoreReadingTest {

    private static final List<String> TOUCHPOINTS = List.of("ad", "product", "checkout", "hotline", "faq");

    @Test
    void storesAreReadTimelineByTimeline() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<CustomerEvent> log = JourneyLogs.random(random, 6, 8, TOUCHPOINTS, 600);
            InMemoryEventStore store = InMemoryEventStore.create();
            store.appendAll(log);
            store.appendAll(log.subList(0, log.size() / 2));
            List<CustomerTimeline> timelines = JourneyLogs.timelines(log);
            Funnel funnel = Funnel.custom(List.of(FunnelStep.touchpoint("ad"), FunnelStep.touchpoint("checkout")))
                    .window(Duration.ofHours(2)).build();
            assertThat(funnel.compute(store)).isEqualTo(timelines.stream().collect(funnel.collector()));
            PathAnalysis paths = PathAnalysis.ofDefaults();
            assertThat(paths.compute(store)).isEqualTo(timelines.stream().collect(paths.collector()));
            JourneyDiscovery discovery = JourneyDiscovery.ofDefaults();
            assertThat(discovery.compute(store)).isEqualTo(timelines.stream().collect(discovery.collector()));
            ConformanceCheck check = ConformanceCheck.ofDefaults(JourneyMapTestMaps.retail());
            assertThat(check.compute(store)).isEqualTo(timelines.stream().collect(check.collector()));
            EventQuery firstHours = EventQuery.builder().to(JourneyLogs.START.plus(Duration.ofHours(3))).build();
            List<CustomerEvent> early = log.stream().filter(e -> firstHours.matches(e)).toList();
            assertThat(funnel.compute(store, firstHours)).isEqualTo(funnel.computeEvents(early));
        });
    }
}
