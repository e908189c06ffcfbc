package dev.cxm.kafka.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.CustomerTimeline;

/**
 * One customer's events of one open window, in arrival order, until the window closes and the funnel reads them
 * as a timeline. As JSON {@code {"formatVersion":1,"events":[..]}}, the events as {@code CxmJson} writes them;
 * format version {@value #FORMAT_VERSION}.
 *
 * @param events the events in arrival order
 */
@JsonPropertyOrder({"formatVersion", "events"})
public record EventBuffer(List<CustomerEvent> events) implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Copies the events.
     *
     * @param events the events
     */
    public EventBuffer {
        events = List.copyOf(events);
    }

    /**
     * Reads a buffer of any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version of the JSON form
     * @param events the events
     * @return the buffer
     */
    @JsonCreator
    static EventBuffer fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("events") List<CustomerEvent> events) {
        AccumulatorState.requireReadable("EventBuffer", formatVersion, FORMAT_VERSION);
        return new EventBuffer(events);
    }

    /**
     * Returns an empty buffer.
     *
     * @return the buffer
     */
    public static EventBuffer empty() {
        return new EventBuffer(List.of());
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /**
     * Returns this buffer with one more event.
     *
     * @param event the event
     * @return the longer buffer
     */
    public EventBuffer plus(CustomerEvent event) {
        List<CustomerEvent> more = new ArrayList<>(events.size() + 1);
        more.addAll(events);
        more.add(event);
        return new EventBuffer(more);
    }

    /**
     * Returns the events as the customer's timeline: in time order, events at one instant in arrival order (as
     * {@code Funnel.computeEvents} orders them).
     *
     * @param customer the customer
     * @return the timeline
     */
    public CustomerTimeline timeline(CustomerId customer) {
        List<CustomerEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(CustomerEvent::occurredAt));
        return new CustomerTimeline(customer, ordered);
    }
}
