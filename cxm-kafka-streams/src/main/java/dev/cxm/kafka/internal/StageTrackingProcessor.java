package dev.cxm.kafka.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.track.CustomerJourney;
import dev.cxm.journey.track.JourneyListener;
import dev.cxm.journey.track.StageChange;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.kafka.KeyValueTrackingStore;

/**
 * Tracks each event with a {@link StageTracker} whose state is the task's key-value store of journeys, and
 * forwards every stage change the tracker reports, keyed by customer id, at the instant of the change. A null
 * value is an erasure: the key's customer is forgotten and a tombstone (the key, a null value) goes downstream.
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
            forget(record);
            return;
        }
        heard.clear();
        tracker.track(record.value());
        for (StageChange change : heard) {
            context.forward(new Record<>(change.customer().value(), change, change.at().toEpochMilli()));
        }
        heard.clear();
    }

    /** Forgets the record's customer (an erasure) and sends a tombstone, so that the tables downstream delete it. */
    private void forget(Record<String, CustomerEvent> record) {
        if (record.key() == null) {
            return;
        }
        CustomerId customer;
        try {
            customer = CustomerId.of(record.key());
        } catch (IllegalArgumentException notAnId) {
            return; // no journey can be stored under it
        }
        tracker.forget(customer);
        context.forward(new Record<>(record.key(), (StageChange) null, record.timestamp()));
    }
}
