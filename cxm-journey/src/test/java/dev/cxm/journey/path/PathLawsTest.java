package dev.cxm.journey.path;

import java.util.List;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.JourneyLogs;
import dev.cxm.journey.track.Sessions;
import dev.cxm.test.accumulate.AccumulatorLaws;

/** The accumulator laws (cxm-test) for paths per session starting at "a"; values are random timelines. */
class PathLawsTest extends AccumulatorLaws<CustomerTimeline, PathState, PathResult, PathAccumulator> {

    private static final PathAnalysis ANALYSIS = PathAnalysis.custom().startAt(EventMatcher.touchpoint("a"))
            .perSession(Sessions.ofDefaults()).stepLimit(3).top(3).build();

    @Override
    protected PathAccumulator newAccumulator() {
        return ANALYSIS.accumulator();
    }

    @Override
    protected PathAccumulator restore(PathState state) {
        return ANALYSIS.accumulator(state);
    }

    @Override
    protected Gen<CustomerTimeline> values() {
        return SourceDSL.longs().all().map(seed -> JourneyLogs.randomTimeline(seed, List.of("a", "b", "c", "d"), 8, 120));
    }

    @Override
    protected Class<PathState> stateType() {
        return PathState.class;
    }
}
