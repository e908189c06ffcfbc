package dev.cxm.journey.conformance;

import java.time.Duration;
import java.util.List;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.JourneyLogs;
import dev.cxm.journey.map.JourneyMapTestMaps;
import dev.cxm.test.accumulate.AccumulatorLaws;

/** The accumulator laws (cxm-test) for conformance on the retail map; values are random timelines. */
class ConformanceLawsTest
        extends AccumulatorLaws<CustomerTimeline, ConformanceState, ConformanceResult, ConformanceAccumulator> {

    private static final ConformanceCheck CHECK = ConformanceCheck.custom(JourneyMapTestMaps.retail())
            .asOf(JourneyLogs.START.plus(Duration.ofDays(1))).build();

    @Override
    protected ConformanceAccumulator newAccumulator() {
        return CHECK.accumulator();
    }

    @Override
    protected ConformanceAccumulator restore(ConformanceState state) {
        return CHECK.accumulator(state);
    }

    @Override
    protected Gen<CustomerTimeline> values() {
        return SourceDSL.longs().all().map(seed -> JourneyLogs.randomTimeline(seed,
                List.of("ad", "product", "checkout", "hotline", "newsletter", "faq"), 8, 3000));
    }

    @Override
    protected Class<ConformanceState> stateType() {
        return ConformanceState.class;
    }
}
