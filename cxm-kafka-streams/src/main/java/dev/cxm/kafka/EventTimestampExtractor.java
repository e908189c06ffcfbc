package dev.cxm.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import dev.cxm.core.model.CustomerEvent;

/**
 * Gives a record of a {@link CustomerEvent} the event's own time, {@link CustomerEvent#occurredAt()} in
 * milliseconds, so that windows hold the events that happened in them, whenever they were produced. A record
 * that holds no event (a tombstone) keeps its partition's time, so it neither moves windows nor is dropped.
 *
 * <p>Set it on the source: {@code Consumed.with(keySerde, CxmSerdes.events()).withTimestampExtractor(new
 * EventTimestampExtractor())}, or for every source with the {@code default.timestamp.extractor} setting.
 */
public final class EventTimestampExtractor implements TimestampExtractor {

    /** Makes the extractor; it holds no state. */
    public EventTimestampExtractor() {}

    /**
     * Returns the event's time in milliseconds since the epoch.
     *
     * @param record the record, whose value is an event or {@code null}
     * @param partitionTime the highest timestamp seen on the partition so far
     * @return the event's time, or {@code partitionTime} when the record holds no event
     */
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof CustomerEvent event) {
            return event.occurredAt().toEpochMilli();
        }
        return partitionTime;
    }
}
