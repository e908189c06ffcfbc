package dev.cxm.journey.conformance;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.internal.Checks;

/**
 * Where reality leaves the design, over many customers.
 *
 * @param customers how many customers had at least one event
 * @param conformingCustomers how many of them had no deviation
 * @param moves how many moves between stages there were
 * @param allowedMoves how many of them the map allows
 * @param fitness {@code allowedMoves / moves}; empty when nobody moved
 * @param deviations how many deviations of each kind, every kind listed
 * @param stages the totals per stage, in the map's order
 * @param transitions the totals per transition: the map's, then the others customers made, by count
 * @param outsideMap how many events of each touchpoint (else type) the map places nowhere, by count
 */
@JsonPropertyOrder({"customers", "conformingCustomers", "moves", "allowedMoves", "fitness", "deviations", "stages",
        "transitions", "outsideMap"})
public record ConformanceResult(long customers, long conformingCustomers, long moves, long allowedMoves,
        OptionalDouble fitness, Map<DeviationKind, Long> deviations, List<StageConformance> stages,
        List<TransitionConformance> transitions, Map<String, Long> outsideMap) {

    /**
     * Validates the result.
     *
     * @param customers customers
     * @param conformingCustomers conforming customers
     * @param moves moves
     * @param allowedMoves allowed moves
     * @param fitness the fitness
     * @param deviations deviations per kind
     * @param stages per stage
     * @param transitions per transition
     * @param outsideMap events outside the map per activity
     */
    public ConformanceResult {
        Checks.present("fitness", fitness);
        java.util.EnumMap<DeviationKind, Long> kinds = new java.util.EnumMap<>(DeviationKind.class);
        kinds.putAll(Checks.present("deviations", deviations));
        deviations = java.util.Collections.unmodifiableMap(kinds);
        stages = List.copyOf(Checks.noNullElements("stages", stages));
        transitions = List.copyOf(Checks.noNullElements("transitions", transitions));
        outsideMap = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Checks.present("outsideMap",
                outsideMap)));
    }
}
