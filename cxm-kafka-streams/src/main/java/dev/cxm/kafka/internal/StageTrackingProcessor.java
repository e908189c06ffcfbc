package dev.cxm.kafka.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.journey.track.CustomerJourney;
import dev.cxm.journey.track.JourneyListener;
import dev.cxm.journey.track.StageChange;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.kafka.KeyValueTrackingStore;

/**
 * Tracks each event with a {@link StageTracker} whose state is the task's key-value store of journeys, and
 * forwards every stage change the tracker reports, keyed by customer id, at the instant of the change.
 */
public final class StageTrackingProcessor implements Processor<String, CustomerEvent, String, StageChange> {

    private final StageTracking tracking;
    private final String storeName;
    /** The changes of the event being tracked, forwarded after the tracker is done: a listener's failures are
     *  swallowed by the tracker, and a failure downstream must not be. */
    private final List<StageChange> heard = new ArrayList<>();
    private ProcessorContext<String, StageChange> context;
    private StageTracker tracker;

    /**
     * Makes the processor of one task.
     *
     * @param tracking how customers are tracked
     * @param storeName the name of the journeys' store
     */
    public StageTrackingProcessor(StageTracking tracking, String storeName) {
        this.tracking = tracking;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, StageChange> processorContext) {
        this.context = processorContext;
        KeyValueStore<String, CustomerJourney> journeys = processorContext.getStateStore(storeName);
        tracker = tracking.tracker(KeyValueTrackingStore.of(journeys)).addListener(new JourneyListener() {
            @Override
            public void stageChanged(StageChange change) {
                heard.add(change);
            }
        });
    }

    @Override
    public void process(Record<String, CustomerEvent> record) {
        if (record.value() == null) {
            return;
        }
        heard.clear();
        tracker.track(record.value());
        for (StageChange change : heard) {
            context.forward(new Record<>(change.customer().value(), change, change.at().toEpochMilli()));
        }
        heard.clear();
    }
}
