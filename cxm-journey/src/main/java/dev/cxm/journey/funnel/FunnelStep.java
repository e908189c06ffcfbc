package dev.cxm.journey.funnel;

import dev.cxm.core.internal.Checks;
import dev.cxm.journey.EventMatcher;

/**
 * One step of a funnel: a name for the result and the events that take it.
 *
 * @param name the step's name in the result
 * @param matcher the events that take the step
 */
public record FunnelStep(String name, EventMatcher matcher) {

    /**
     * Validates the step.
     *
     * @param name the step's name; non-blank
     * @param matcher the events that take the step
     * @throws IllegalArgumentException when the name is blank
     */
    public FunnelStep {
        Checks.nonBlank("step name", name);
        Checks.present("matcher", matcher);
    }

    /**
     * Returns the step of {@code matcher}, named by its description.
     *
     * @param matcher the events that take the step
     * @return the step
     */
    public static FunnelStep of(EventMatcher matcher) {
        return new FunnelStep(Checks.present("matcher", matcher).describe(), matcher);
    }

    /**
     * Returns the step of the events at one touchpoint, named by the touchpoint's id.
     *
     * @param touchpointId the touchpoint's id
     * @return the step
     * @throws IllegalArgumentException when the id is blank or too long
     */
    public static FunnelStep touchpoint(String touchpointId) {
        return of(EventMatcher.touchpoint(touchpointId));
    }
}
