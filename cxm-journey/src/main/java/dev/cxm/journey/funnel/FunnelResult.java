package dev.cxm.journey.funnel;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.internal.Checks;

/**
 * What a funnel counted: each step's result, the breakdown's groups, and warnings about the input (a step
 * that matched no event: then its zero is the data's, not the customers').
 *
 * @param order the funnel's order
 * @param counting what the step counts count: customers (first completion) or attempts
 * @param steps the steps' results, overall
 * @param breakdown the name of the breakdown key, when the funnel has one
 * @param groups the results per group of the breakdown, by group name; empty without one
 * @param customers how many customers' events were read, whether or not they entered the funnel
 * @param events how many events were read, duplicates counted once
 * @param matchedEvents per step, how many events matched it
 * @param warnings what to check in the input
 */
@JsonPropertyOrder({"order", "counting", "steps", "breakdown", "groups", "customers", "events", "matchedEvents", "warnings"})
public record FunnelResult(
        FunnelOrder order,
        FunnelCounting counting,
        List<FunnelStepResult> steps,
        Optional<String> breakdown,
        List<FunnelGroupResult> groups,
        long customers,
        long events,
        List<Long> matchedEvents,
        List<String> warnings) {

    /**
     * Validates the result.
     *
     * @param order the order
     * @param counting what the counts count
     * @param steps the steps' results
     * @param breakdown the breakdown key's name, if any
     * @param groups the groups' results
     * @param customers customers read
     * @param events events read
     * @param matchedEvents events matching each step
     * @param warnings what to check in the input
     */
    public FunnelResult {
        Checks.present("order", order);
        Checks.present("counting", counting);
        steps = List.copyOf(Checks.noNullElements("steps", steps));
        Checks.present("breakdown", breakdown);
        groups = List.copyOf(Checks.noNullElements("groups", groups));
        matchedEvents = List.copyOf(Checks.noNullElements("matchedEvents", matchedEvents));
        warnings = List.copyOf(Checks.noNullElements("warnings", warnings));
    }

    /**
     * Returns the result of one step.
     *
     * @param step the step's number, from 1
     * @return the step's result
     * @throws IllegalArgumentException when the funnel has no such step
     */
    public FunnelStepResult step(int step) {
        if (step < 1 || step > steps.size()) {
            throw new IllegalArgumentException("step: " + step + " is not a step of this funnel of " + steps.size());
        }
        return steps.get(step - 1);
    }

    /**
     * Returns the result of one group of the breakdown.
     *
     * @param group the group's name
     * @return the group's result, or empty when no customer fell in it
     */
    public Optional<FunnelGroupResult> group(String group) {
        return groups.stream().filter(g -> g.group().equals(group)).findFirst();
    }
}
