package dev.cxm.journey.discovery;

import java.util.List;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.JourneyLogs;
import dev.cxm.test.accumulate.AccumulatorLaws;

/** The accumulator laws (cxm-test) for discovery per customer; values are random timelines. */
class DiscoveryLawsTest extends AccumulatorLaws<CustomerTimeline, DiscoveryState, DiscoveryResult, DiscoveryAccumulator> {

    private static final JourneyDiscovery DISCOVERY = JourneyDiscovery.custom().coverage(0.5).maxVariants(4).build();

    @Override
    protected DiscoveryAccumulator newAccumulator() {
        return DISCOVERY.accumulator();
    }

    @Override
    protected DiscoveryAccumulator restore(DiscoveryState state) {
        return DISCOVERY.accumulator(state);
    }

    @Override
    protected Gen<CustomerTimeline> values() {
        return SourceDSL.longs().all().map(seed -> JourneyLogs.randomTimeline(seed, List.of("a", "b", "c"), 5, 60));
    }

    @Override
    protected Class<DiscoveryState> stateType() {
        return DiscoveryState.class;
    }
}
