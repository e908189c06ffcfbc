package dev.cxm.journey.track;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * The state of a {@link StageTracker} as an accumulator: every tracked customer's journey, in ascending order of
 * the customer's id. As JSON {@code {"formatVersion":1,"journeys":[{"customer":..,"settled":[..],"recent":[..]}]}};
 * format version {@value #FORMAT_VERSION}.
 *
 * @param journeys the journeys, one per customer, by ascending customer id
 */
@JsonPropertyOrder({"formatVersion", "journeys"})
public record TrackingState(List<CustomerJourney> journeys) implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Validates the state.
     *
     * @param journeys the journeys, one per customer; put in ascending order of the customer's id
     * @throws IllegalArgumentException when a customer appears twice
     */
    public TrackingState {
        journeys = Checks.noNullElements("journeys", journeys).stream()
                .sorted(Comparator.comparing(CustomerJourney::customer)).toList();
        Set<CustomerId> seen = new HashSet<>();
        for (CustomerJourney journey : journeys) {
            if (!seen.add(journey.customer())) {
                throw new IllegalArgumentException("journeys: customer " + journey.customer() + " appears twice;"
                        + " a state holds one journey per customer");
            }
        }
    }

    /**
     * Reads a state of any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version of the JSON form
     * @param journeys the journeys
     * @return the state
     */
    @JsonCreator
    static TrackingState fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("journeys") List<CustomerJourney> journeys) {
        AccumulatorState.requireReadable("TrackingState", formatVersion, FORMAT_VERSION);
        return new TrackingState(journeys);
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }
}
