package dev.cxm.examples.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cxm.core.group.GroupKey;
import dev.cxm.journey.ActivityKeys;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.conformance.ConformanceCheck;
import dev.cxm.journey.discovery.JourneyDiscovery;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelStep;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.Stage;
import dev.cxm.journey.map.Transition;
import dev.cxm.journey.path.PathAnalysis;

/** Journeys: the funnel over the map's stages, the top paths, the discovered journey and its conformance. */
final class JourneyPart {

    /** The longest path the paths and the Sankey follow. */
    static final int PATH_STEPS = 5;

    private JourneyPart() {}

    static CxReport.Journeys analyse(CxAnalysis settings, ReportInput input, Instant asOf) {
        Optional<JourneyMap> map = input.map();
        GroupKey activity = map.map(JourneyMap::stageKey).orElse(ActivityKeys.touchpointOrType());
        var funnel = map.map(m -> Funnel.custom(stageSteps(m)).window(settings.funnelWindow()).build()
                .compute(input.events()));
        var paths = PathAnalysis.custom().activityKey(activity).stepLimit(PATH_STEPS).top(settings.top()).build()
                .compute(input.events());
        var discovery = JourneyDiscovery.custom().activityKey(activity).build().compute(input.events());
        var conformance = map.map(m -> ConformanceCheck.custom(m).asOf(asOf).build().compute(input.events()));
        return new CxReport.Journeys(map.map(JourneyPart::designed), funnel, paths, discovery, conformance);
    }

    /** Returns one funnel step per stage of the map, in the designed order, matching the events it places there. */
    static List<FunnelStep> stageSteps(JourneyMap map) {
        List<FunnelStep> steps = new ArrayList<>();
        for (String stage : map.stageNames()) {
            Optional<String> wanted = Optional.of(stage);
            steps.add(new FunnelStep(stage, EventMatcher.of("stage=" + stage, e -> map.stageOf(e).equals(wanted))));
        }
        return steps;
    }

    private static CxReport.DesignedMap designed(JourneyMap map) {
        List<Transition> transitions = new ArrayList<>(map.transitions());
        transitions.sort((a, b) -> a.from().equals(b.from())
                ? Integer.compare(map.positionOf(a.to()), map.positionOf(b.to()))
                : Integer.compare(map.positionOf(a.from()), map.positionOf(b.from())));
        return new CxReport.DesignedMap(map.stageNames(), transitions,
                map.stages().stream().filter(Stage::finalStage).map(Stage::name).toList());
    }
}
