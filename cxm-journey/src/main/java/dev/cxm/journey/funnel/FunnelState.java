package dev.cxm.journey.funnel;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;

/**
 * The state of a {@link FunnelAccumulator}: the overall counts, the counts per group of a breakdown, and how
 * many customers, events and step matches were read. As JSON {@code {"formatVersion":1,"customers":..,
 * "events":..,"matchedEvents":[..],"overall":{..},"groups":[..]}}; format version {@value #FORMAT_VERSION}.
 * It holds one conversion time per customer and step, so it grows with the customers counted.
 *
 * @param customers how many customers' events were read
 * @param events how many events were read
 * @param matchedEvents per step, how many events matched it
 * @param overall the counts over every customer
 * @param groups the counts per group, by group name; empty without a breakdown
 */
@JsonPropertyOrder({"formatVersion", "customers", "events", "matchedEvents", "overall", "groups"})
public record FunnelState(long customers, long events, long[] matchedEvents, FunnelCounts overall,
        List<FunnelCounts> groups) implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Validates the state.
     *
     * @param customers customers read; 0 or more
     * @param events events read; 0 or more
     * @param matchedEvents events matching each step
     * @param overall the overall counts
     * @param groups the counts per group
     * @throws IllegalArgumentException when a count is negative or the parts disagree on the steps
     */
    public FunnelState {
        if (customers < 0 || events < 0) {
            throw new IllegalArgumentException("customers: a count is negative");
        }
        matchedEvents = Checks.present("matchedEvents", matchedEvents).clone();
        Checks.present("overall", overall);
        groups = List.copyOf(Checks.noNullElements("groups", groups));
        int steps = overall.reached().length;
        if (matchedEvents.length != steps || groups.stream().anyMatch(g -> g.reached().length != steps)) {
            throw new IllegalArgumentException("matchedEvents: the parts of the state count different numbers of"
                    + " steps; they must all count the funnel's " + steps);
        }
    }

    /**
     * Reads a state of any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version of the JSON form
     * @param customers customers read
     * @param events events read
     * @param matchedEvents events matching each step
     * @param overall the overall counts
     * @param groups the counts per group
     * @return the state
     */
    @JsonCreator
    static FunnelState fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("customers") long customers, @JsonProperty("events") long events,
            @JsonProperty("matchedEvents") long[] matchedEvents, @JsonProperty("overall") FunnelCounts overall,
            @JsonProperty("groups") List<FunnelCounts> groups) {
        AccumulatorState.requireReadable("FunnelState", formatVersion, FORMAT_VERSION);
        return new FunnelState(customers, events, matchedEvents, overall, groups);
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /**
     * Returns a copy of the events matching each step.
     *
     * @return the counts
     */
    @Override
    public long[] matchedEvents() {
        return matchedEvents.clone();
    }
}
