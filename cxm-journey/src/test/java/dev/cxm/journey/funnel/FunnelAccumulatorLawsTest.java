package dev.cxm.journey.funnel;

import java.time.Duration;
import java.util.List;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.JourneyLogs;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws (cxm-test) for a funnel with an exclusion and a breakdown: values are random customer
 * timelines; the expected side of each law is the same timelines added to one accumulator.
 */
class FunnelAccumulatorLawsTest
        extends AccumulatorLaws<CustomerTimeline, FunnelState, FunnelResult, FunnelAccumulator> {

    private static final Funnel FUNNEL = Funnel.custom(List.of(FunnelStep.touchpoint("a"), FunnelStep.touchpoint("b"),
                    FunnelStep.touchpoint("c")))
            .window(Duration.ofMinutes(30)).exclude(EventMatcher.touchpoint("x"), 1, 3)
            .breakdown(GroupKeys.attribute("src"), Attribution.lastTouch()).dropOffSample(2).build();

    @Override
    protected FunnelAccumulator newAccumulator() {
        return FUNNEL.accumulator();
    }

    @Override
    protected FunnelAccumulator restore(FunnelState state) {
        return FUNNEL.accumulator(state);
    }

    @Override
    protected Gen<CustomerTimeline> values() {
        return SourceDSL.longs().all().map(seed -> JourneyLogs.randomTimeline(seed, List.of("a", "b", "c", "x"), 8, 45));
    }

    @Override
    protected Class<FunnelState> stateType() {
        return FunnelState.class;
    }
}
