package dev.cxm.journey.conformance;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.google.common.collect.ImmutableSortedMap;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;

/**
 * The state of a {@link ConformanceAccumulator}. As JSON {@code {"formatVersion":1,"customers":..,
 * "conformingCustomers":..,"moves":..,"allowedMoves":..,"deviations":{..},"stages":[..],"transitions":[..],
 * "outsideMap":{..}}}; format version {@value #FORMAT_VERSION}. It keeps the length of every measured stay,
 * so it grows with the stays counted.
 *
 * @param customers customers checked
 * @param conformingCustomers customers without deviation
 * @param moves moves
 * @param allowedMoves allowed moves
 * @param deviations deviations per kind name
 * @param stages per stage: stays, customers, overdue stays and the measured stays' lengths
 * @param transitions moves per pair of stages, ascending
 * @param outsideMap events outside the map per activity
 */
@JsonPropertyOrder({"formatVersion", "customers", "conformingCustomers", "moves", "allowedMoves", "deviations",
        "stages", "transitions", "outsideMap"})
public record ConformanceState(long customers, long conformingCustomers, long moves, long allowedMoves,
        Map<String, Long> deviations, List<StageTally> stages, List<MoveTally> transitions,
        Map<String, Long> outsideMap) implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * One stage's counts.
     *
     * @param stage the stage
     * @param visits stays
     * @param customers customers with a stay
     * @param overdueVisits overdue stays
     * @param stayMicros the measured stays' lengths in microseconds, ascending
     */
    public record StageTally(String stage, long visits, long customers, long overdueVisits, long[] stayMicros) {
        /**
         * Validates the counts.
         *
         * @param stage the stage
         * @param visits stays
         * @param customers customers
         * @param overdueVisits overdue stays
         * @param stayMicros measured stays
         */
        public StageTally {
            Checks.nonBlank("stage", stage);
            stayMicros = Checks.present("stayMicros", stayMicros).clone();
        }

        /**
         * Returns a copy of the measured stays.
         *
         * @return their lengths in microseconds
         */
        @Override
        public long[] stayMicros() {
            return stayMicros.clone();
        }
    }

    /**
     * How often customers moved from one stage to another.
     *
     * @param from the stage left
     * @param to the stage entered
     * @param count the moves; 1 or more
     */
    public record MoveTally(String from, String to, long count) {
        /**
         * Validates the count.
         *
         * @param from the stage left
         * @param to the stage entered
         * @param count the moves
         */
        public MoveTally {
            Checks.nonBlank("from", from);
            Checks.nonBlank("to", to);
        }
    }

    /**
     * Validates the state.
     *
     * @param customers customers
     * @param conformingCustomers conforming customers
     * @param moves moves
     * @param allowedMoves allowed moves
     * @param deviations deviations per kind
     * @param stages per stage
     * @param transitions per move
     * @param outsideMap per activity outside the map
     */
    public ConformanceState {
        deviations = ImmutableSortedMap.copyOf(Checks.present("deviations", deviations));
        stages = List.copyOf(Checks.noNullElements("stages", stages));
        transitions = List.copyOf(Checks.noNullElements("transitions", transitions));
        outsideMap = ImmutableSortedMap.copyOf(Checks.present("outsideMap", outsideMap));
        if (customers < 0 || conformingCustomers < 0 || conformingCustomers > customers || allowedMoves < 0
                || allowedMoves > moves) {
            throw new IllegalArgumentException("customers: the counts do not fit together");
        }
    }

    /**
     * Reads a state of any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version
     * @param customers customers
     * @param conformingCustomers conforming customers
     * @param moves moves
     * @param allowedMoves allowed moves
     * @param deviations deviations per kind
     * @param stages per stage
     * @param transitions per move
     * @param outsideMap per activity outside the map
     * @return the state
     */
    @JsonCreator
    static ConformanceState fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("customers") long customers, @JsonProperty("conformingCustomers") long conformingCustomers,
            @JsonProperty("moves") long moves, @JsonProperty("allowedMoves") long allowedMoves,
            @JsonProperty("deviations") Map<String, Long> deviations,
            @JsonProperty("stages") List<StageTally> stages, @JsonProperty("transitions") List<MoveTally> transitions,
            @JsonProperty("outsideMap") Map<String, Long> outsideMap) {
        AccumulatorState.requireReadable("ConformanceState", formatVersion, FORMAT_VERSION);
        return new ConformanceState(customers, conformingCustomers, moves, allowedMoves, deviations, stages,
                transitions, outsideMap);
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }
}
