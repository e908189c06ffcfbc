package dev.cxm.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.conformance.ConformanceCheck;
import dev.cxm.journey.conformance.ConformanceResult;
import dev.cxm.journey.conformance.ConformanceState;
import dev.cxm.journey.discovery.DirectlyFollows;
import dev.cxm.journey.discovery.DiscoveryResult;
import dev.cxm.journey.discovery.DiscoveryState;
import dev.cxm.journey.discovery.JourneyDiscovery;
import dev.cxm.journey.funnel.Attribution;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelResult;
import dev.cxm.journey.funnel.FunnelState;
import dev.cxm.journey.funnel.FunnelStep;
import dev.cxm.journey.funnel.FunnelStepResult;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.JourneyMapTestMaps;
import dev.cxm.journey.path.PathAnalysis;
import dev.cxm.journey.path.PathCount;
import dev.cxm.journey.path.PathResult;
import dev.cxm.journey.path.PathState;
import dev.cxm.journey.track.CustomerJourney;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.journey.track.StageVisit;
import dev.cxm.journey.track.TrackingState;

/**
 * Format-1 states (and the retail map) written by this version, kept in {@code src/test/resources/golden}:
 * they must keep reading, and the accumulators restored from them must give the results of the data they were
 * counted from. The funnel, path and discovery states hold the worked example of docs/journeys.md (its numbers
 * are worked out there); conformance and tracking hold the log of ConformanceTest (counted in its comments).
 */
class GoldenStatesTest {

    private static final Instant START = JourneyLogs.START;

    private static <T> T read(String name, Class<T> type) throws IOException {
        try (InputStream in = GoldenStatesTest.class.getResourceAsStream("/golden/" + name)) {
            return CxmJson.mapper().readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
        }
    }

    @Test
    void theFunnelStateOfTheWorkedExampleStillReads() throws IOException {
        Funnel funnel = Funnel.custom(List.of(FunnelStep.touchpoint("home"), FunnelStep.touchpoint("product"),
                        FunnelStep.touchpoint("checkout"))).window(Duration.ofHours(1))
                .exclude(EventMatcher.touchpoint("hotline"), 2, 3)
                .breakdown(GroupKeys.attribute("utm"), Attribution.firstTouch()).dropOffSample(3).build();
        FunnelResult result = funnel.accumulator(read("funnel-state-v1.json", FunnelState.class)).result();
        assertThat(result.steps()).extracting(FunnelStepResult::count).containsExactly(5L, 5L, 1L);
        assertThat(result.step(2).medianTimeToConvert()).contains(Duration.ofMinutes(10));
        assertThat(result.step(2).droppedOff()).extracting(CustomerId::value).containsExactly("bob", "cat", "dan");
        assertThat(result.group("ads").orElseThrow().steps()).extracting(FunnelStepResult::count)
                .containsExactly(3L, 3L, 1L);
    }

    @Test
    void thePathStateStillReads() throws IOException {
        // From home, three steps: ann and cat home-product-checkout, bob home-product-hotline, dan home-product
        // (home twice collapsed), eve home-search-product.
        PathAnalysis analysis = PathAnalysis.custom().startAt(EventMatcher.touchpoint("home")).stepLimit(3).build();
        PathResult result = analysis.accumulator(read("path-state-v1.json", PathState.class)).result();
        assertThat(result.cases()).isEqualTo(5);
        assertThat(result.paths()).extracting(PathCount::steps, PathCount::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(List.of("home", "product", "checkout"), 2L),
                org.assertj.core.groups.Tuple.tuple(List.of("home", "product"), 1L),
                org.assertj.core.groups.Tuple.tuple(List.of("home", "product", "hotline"), 1L),
                org.assertj.core.groups.Tuple.tuple(List.of("home", "search", "product"), 1L));
    }

    @Test
    void theDiscoveryStateStillReads() throws IOException {
        // home -> product: ann 5, bob 10, cat 25, dan 15 minutes: median (nearest rank) 10, mean 13.75.
        DiscoveryResult result = JourneyDiscovery.ofDefaults()
                .accumulator(read("discovery-state-v1.json", DiscoveryState.class)).result();
        assertThat(result.cases()).isEqualTo(5);
        assertThat(result.events()).isEqualTo(17);
        DirectlyFollows homeProduct = result.edges().get(0);
        assertThat(homeProduct.from() + ">" + homeProduct.to()).isEqualTo("home>product");
        assertThat(homeProduct.count()).isEqualTo(4);
        assertThat(homeProduct.medianTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(homeProduct.meanTime()).isEqualTo(Duration.ofSeconds(825));
        assertThat(result.startActivities()).containsExactly(java.util.Map.entry("home", 4L),
                java.util.Map.entry("product", 1L));
        assertThat(result.distinctVariants()).isEqualTo(5);
    }

    @Test
    void theConformanceStateStillReads() throws IOException {
        ConformanceCheck check = ConformanceCheck.custom(JourneyMapTestMaps.retail())
                .asOf(START.plus(Duration.ofDays(10))).build();
        ConformanceResult result = check.accumulator(read("conformance-state-v1.json", ConformanceState.class)).result();
        assertThat(result.customers()).isEqualTo(5);
        assertThat(result.moves()).isEqualTo(8);
        assertThat(result.allowedMoves()).isEqualTo(6);
        assertThat(result.stages().get(2).medianTimeInStage()).contains(Duration.ofDays(2));
    }

    @Test
    void theTrackingStateAndTheMapStillRead() throws IOException {
        JourneyMap map;
        try (InputStream in = GoldenStatesTest.class.getResourceAsStream("/golden/retail-map.json")) {
            map = JourneyMap.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(map).isEqualTo(JourneyMapTestMaps.retail());
        var tracker = StageTracking.custom(map).tolerance(Duration.ofHours(1)).build()
                .tracker(read("tracking-state-v1.json", TrackingState.class));
        assertThat(tracker.journeyOf(CustomerId.of("ok")).orElseThrow().history()).containsExactly(
                new StageVisit("awareness", START), new StageVisit("consideration", START.plus(Duration.ofHours(1))),
                new StageVisit("purchase", START.plus(Duration.ofHours(2))),
                new StageVisit("loyalty", START.plus(Duration.ofHours(5))));
        assertThat(tracker.stageAt(CustomerId.of("slow"), START.plus(Duration.ofDays(1)))).contains("purchase");
        assertThat(tracker.result().customersByStage()).containsEntry("awareness", 1L).containsEntry("loyalty", 1L);
    }

    @Test
    void aCustomersJourneyReadsAloneAsAVersionedValue() throws IOException {
        // One journey of tracking-state-v1.json, as a store keyed by customer keeps it: ok went awareness 00:00,
        // consideration 01:00, purchase 02:00, loyalty 05:00.
        CustomerJourney journey = read("customer-journey-v1.json", CustomerJourney.class);
        assertThat(journey.formatVersion()).isEqualTo(1);
        assertThat(journey.currentVisit()).isEqualTo(new StageVisit("loyalty", START.plus(Duration.ofHours(5))));
        assertThat(journey.stageAt(START.plus(Duration.ofMinutes(90)))).contains("consideration");
        String written = CxmJson.mapper().writeValueAsString(journey);
        assertThat(written).startsWith("{\"formatVersion\":1,\"customer\":\"ok\"");
        assertThat(CxmJson.mapper().readValue(written, CustomerJourney.class)).isEqualTo(journey);
        assertThatThrownBy(() -> CxmJson.mapper().readValue(written.replace("\"formatVersion\":1",
                "\"formatVersion\":2"), CustomerJourney.class))
                .hasMessageContaining("formatVersion: 2 of CustomerJourney is not readable");
    }
}
