package dev.cxm.journey.funnel;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * A funnel's result for one group of a breakdown.
 *
 * @param group the group: the breakdown key's value on the attributed event, or {@code (none)}
 * @param steps the steps' results within the group
 */
public record FunnelGroupResult(String group, List<FunnelStepResult> steps) {

    /**
     * Validates the group result.
     *
     * @param group the group's name
     * @param steps the steps' results
     */
    public FunnelGroupResult {
        Checks.present("group", group);
        steps = List.copyOf(Checks.noNullElements("steps", steps));
    }
}
