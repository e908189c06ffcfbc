package dev.cxm.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.journey.conformance.ConformanceCheck;
import dev.cxm.journey.conformance.ConformanceResult;
import dev.cxm.journey.conformance.DeviationKind;
import dev.cxm.journey.discovery.DirectlyFollows;
import dev.cxm.journey.discovery.DiscoveryResult;
import dev.cxm.journey.discovery.JourneyDiscovery;
import dev.cxm.journey.funnel.Attribution;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelResult;
import dev.cxm.journey.funnel.FunnelStep;
import dev.cxm.journey.funnel.FunnelStepResult;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.JourneyMapTestMaps;
import dev.cxm.journey.map.Stage;
import dev.cxm.journey.path.PathAnalysis;
import dev.cxm.journey.path.PathCount;
import dev.cxm.journey.path.PathResult;
import dev.cxm.journey.track.JourneyListener;
import dev.cxm.journey.track.Session;
import dev.cxm.journey.track.Sessions;
import dev.cxm.journey.track.StageChange;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.journey.track.Stall;

/**
 * The module README's snippets, run as written: each region between {@code // README:name} and
 * {@code // README end} below (and the map's, in {@link JourneyLogs#retailMap}) appears verbatim in README.md ({@link #theReadmeShowsEachSnippetVerbatim}), and
 * its results are checked here. The numbers come from the worked example of docs/journeys.md (funnel, paths,
 * discovery: {@link JourneyLogs#WORKED_EXAMPLE}, worked out there) and from the log built to deviate
 * ({@link JourneyLogs#DEVIATING}, counted by hand in ConformanceTest); tracking and sessions from the few
 * events written next to them.
 */
class ReadmeSnippetsTest {

    private static final Instant START = JourneyLogs.START;

    private static InMemoryEventStore storeOf(List<dev.cxm.core.model.CustomerEvent> events) {
        InMemoryEventStore store = InMemoryEventStore.create();
        store.appendAll(events);
        return store;
    }

    @Test
    void aMapIsBuiltValidatedAndWrittenAsJson() {
        JourneyMap map = JourneyLogs.retailMap();
        String json = map.toJson();
        assertThat(map.stageNames()).containsExactly("awareness", "consideration", "purchase", "service", "loyalty");
        assertThat(map.allows("loyalty", "purchase")).isTrue();
        assertThat(JourneyMap.fromJson(json)).isEqualTo(map);
        // A stage nothing leads to is refused, naming the field.
        assertThatThrownBy(() -> JourneyMap.builder().stage(Stage.named("a").touchpoints("x").build())
                .stage(Stage.named("b").touchpoints("y").finalStage().build()).transition("b", "a").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("transitions: stage b cannot be reached");
    }

    @Test
    void aTrackerFollowsCustomersAndHearsChangesAndStalls() {
        // ann: ad at 00:00 (awareness), product at 01:00 (consideration), cart at 02:00 (purchase, expected 1 day);
        // the clock stands at day 3, so her purchase stay is a stall.
        JourneyMap map = JourneyMapTestMaps.retail();
        List<dev.cxm.core.model.CustomerEvent> events = List.of(JourneyLogs.at("1", "ann", "ad", 0),
                JourneyLogs.at("2", "ann", "product", 60), JourneyLogs.at("3", "ann", "cart", 120));
        Clock clock = Clock.fixed(START.plus(Duration.ofDays(3)), ZoneOffset.UTC);
        List<String> heard = new ArrayList<>();
        // README:track
        StageTracker tracker = StageTracking.custom(map).tolerance(Duration.ofMinutes(10)).clock(clock).build()
                .tracker()
                .addListener(new JourneyListener() {
                    @Override
                    public void stageChanged(StageChange change) {
                        heard.add(change.customer() + " entered " + change.to());
                    }

                    @Override
                    public void stalled(Stall stall) {
                        heard.add(stall.customer() + " stalled in " + stall.stage());
                    }
                });
        tracker.trackAll(events);                    // one at a time with track(event), late events within 10 min
        Optional<String> then = tracker.stageAt(CustomerId.of("ann"), START.plus(Duration.ofMinutes(90)));
        List<Stall> stalls = tracker.checkStalls(); // on a schedule: stays longer than the stage's expected time
        // README end
        assertThat(then).contains("consideration");
        assertThat(stalls).extracting(Stall::stage, Stall::overdueBy)
                .containsExactly(tuple("purchase", Duration.ofDays(2).minusHours(2)));
        assertThat(heard).containsExactly("ann entered awareness", "ann entered consideration",
                "ann entered purchase", "ann stalled in purchase");
        assertThat(tracker.stageKey().groupOf(JourneyLogs.at("4", "ann", "faq", 30))).isEqualTo("awareness");
    }

    @Test
    void eventsSplitIntoSessions() {
        // ann at 00:00, 00:20, 01:10 (a pause of 50 minutes) and 01:15: two sessions of two events.
        CustomerTimeline timeline = JourneyLogs.timelines(List.of(JourneyLogs.at("1", "ann", "ad", 0),
                JourneyLogs.at("2", "ann", "product", 20), JourneyLogs.at("3", "ann", "product", 70),
                JourneyLogs.at("4", "ann", "cart", 75))).get(0);
        // README:sessions
        List<Session> sessions = Sessions.custom().inactivityGap(Duration.ofMinutes(30)).build().split(timeline);
        // README end
        assertThat(sessions).extracting(s -> s.events().size()).containsExactly(2, 2);
        assertThat(sessions.get(1).duration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theFunnelOfTheWorkedExample() {
        InMemoryEventStore store = storeOf(JourneyLogs.WORKED_EXAMPLE);
        // README:funnel
        FunnelResult result = Funnel.custom(List.of(FunnelStep.touchpoint("home"), FunnelStep.touchpoint("product"),
                        FunnelStep.touchpoint("checkout")))
                .window(Duration.ofHours(1))
                .exclude(EventMatcher.touchpoint("hotline"), 2, 3)     // a call between product and checkout
                .breakdown(GroupKeys.attribute("utm"), Attribution.firstTouch())
                .build().compute(store);
        FunnelStepResult checkout = result.step(3);  // count 1: conversion 0.2 [0.036, 0.624] from the start
        // README end
        assertThat(result.steps()).extracting(FunnelStepResult::count).containsExactly(5L, 5L, 1L);
        assertThat(checkout.count()).isEqualTo(1);
        assertThat(checkout.conversionFromStart().getAsDouble()).isEqualTo(0.2);
        assertThat(checkout.conversionFromStartInterval().orElseThrow().lower()).isBetween(0.036, 0.0365);
        assertThat(checkout.conversionFromStartInterval().orElseThrow().upper()).isBetween(0.624, 0.6245);
        assertThat(result.group("ads").orElseThrow().steps()).extracting(FunnelStepResult::count)
                .containsExactly(3L, 3L, 1L);
    }

    @Test
    void thePathsAfterHome() {
        InMemoryEventStore store = storeOf(JourneyLogs.WORKED_EXAMPLE);
        // README:paths
        PathResult afterHome = PathAnalysis.custom().startAt(EventMatcher.touchpoint("home")).stepLimit(3).build()
                .compute(store);
        PathCount first = afterHome.paths().get(0);  // home > product > checkout, 2 customers
        // README end
        assertThat(first.steps()).containsExactly("home", "product", "checkout");
        assertThat(first.count()).isEqualTo(2);
        assertThat(afterHome.edges().get(0)).extracting(e -> e.position() + ":" + e.from() + ">" + e.to() + ":"
                + e.count()).isEqualTo("1:home>product:4");
    }

    @Test
    void discoveryFindsTheGraphAndTheVariants() {
        InMemoryEventStore store = storeOf(JourneyLogs.WORKED_EXAMPLE);
        // README:discovery
        DiscoveryResult found = JourneyDiscovery.custom().coverage(0.8).build().compute(store);
        DirectlyFollows busiest = found.edges().get(0); // home > product: 4 times, median 10 minutes
        String dot = found.toDot();                     // Graphviz; found.toJson() for JSON
        // README end
        assertThat(busiest.from() + ">" + busiest.to()).isEqualTo("home>product");
        assertThat(busiest.count()).isEqualTo(4);
        assertThat(busiest.medianTime()).isEqualTo(Duration.ofMinutes(10));
        // Five customers, five different variants: four of them cover 80%.
        assertThat(found.variants()).hasSize(4);
        assertThat(dot).startsWith("digraph journey {");
    }

    @Test
    void conformanceShowsWhereRealityLeavesTheMap() {
        InMemoryEventStore store = storeOf(JourneyLogs.DEVIATING);
        JourneyMap map = JourneyMapTestMaps.retail();
        Instant now = START.plus(Duration.ofDays(10));
        // README:conformance
        ConformanceResult where = ConformanceCheck.custom(map).asOf(now).build().compute(store);
        double fitness = where.fitness().orElseThrow();    // 0.75: 6 of the 8 moves are allowed
        long skipped = where.deviations().get(DeviationKind.SKIPPED_STAGE);
        // README end
        assertThat(fitness).isEqualTo(0.75);
        assertThat(skipped).isEqualTo(1);
        assertThat(where.deviations().get(DeviationKind.OVERDUE)).isEqualTo(3);
    }

    @Test
    void theReadmeShowsEachSnippetVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/cxm/journey/JourneyLogs.java"))
                + Files.readString(Path.of("src/test/java/dev/cxm/journey/ReadmeSnippetsTest.java"));
        String readme = Files.readString(Path.of("README.md"));
        Matcher region = Pattern.compile("\\n( *)// README:(\\w+)\\n(.*?)\\n *// README end", Pattern.DOTALL)
                .matcher(source);
        List<String> names = new ArrayList<>();
        while (region.find()) {
            String indent = region.group(1);
            StringBuilder snippet = new StringBuilder();
            for (String line : region.group(3).split("\\n")) {
                snippet.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip()).append('\n');
            }
            names.add(region.group(2));
            assertThat(readme).as("README snippet %s", region.group(2)).contains(snippet.toString());
        }
        assertThat(names).containsExactly("map", "track", "sessions", "funnel", "paths", "discovery", "conformance");
    }
}
