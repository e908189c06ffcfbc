package dev.cxm.journey.track;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.journey.JourneyLogs;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws (cxm-test) for the tracker with a tolerance that covers the generated log (so that
 * merging customers' events from several parts is exact, as documented): values are single events of a few
 * customers.
 */
class StageTrackerLawsTest extends AccumulatorLaws<CustomerEvent, TrackingState, TrackingSnapshot, StageTracker> {

    private static final StageTracking TRACKING = StageTracking.custom(StageTrackerTest.MAP)
            .tolerance(ChronoUnit.FOREVER.getDuration()).build();

    @Override
    protected StageTracker newAccumulator() {
        return TRACKING.tracker();
    }

    @Override
    protected StageTracker restore(TrackingState state) {
        return TRACKING.tracker(state);
    }

    @Override
    protected Gen<CustomerEvent> values() {
        return SourceDSL.longs().all().map(seed -> {
            Random random = new Random(seed);
            return JourneyLogs.at("e" + seed, "c" + random.nextInt(4),
                    List.of("ad", "product", "checkout", "hotline", "blog").get(random.nextInt(5)), random.nextInt(100));
        });
    }

    @Override
    protected Class<TrackingState> stateType() {
        return TrackingState.class;
    }
}
