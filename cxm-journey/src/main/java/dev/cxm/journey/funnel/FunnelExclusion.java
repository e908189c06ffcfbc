package dev.cxm.journey.funnel;

import dev.cxm.core.internal.Checks;
import dev.cxm.journey.EventMatcher;

/**
 * Events that interrupt a funnel between two steps: a customer's path does not go on past step
 * {@code fromStep} (towards {@code toStep}) across such an event, so a customer who, say, called the hotline
 * between the cart and the payment does not count as having paid on that path.
 *
 * @param matcher the excluded events
 * @param fromStep the step after which the exclusion applies, from 1
 * @param toStep the step up to which it applies; after {@code fromStep}
 */
public record FunnelExclusion(EventMatcher matcher, int fromStep, int toStep) {

    /**
     * Validates the exclusion.
     *
     * @param matcher the excluded events
     * @param fromStep the step after which it applies, from 1
     * @param toStep the step up to which it applies; after {@code fromStep}
     * @throws IllegalArgumentException when {@code fromStep} is below 1 or {@code toStep} not after it
     */
    public FunnelExclusion {
        Checks.present("matcher", matcher);
        Checks.positive("exclusion fromStep", fromStep);
        if (toStep <= fromStep) {
            throw new IllegalArgumentException("exclusion toStep: " + toStep + " is not after fromStep " + fromStep
                    + "; an exclusion lies between two steps");
        }
    }
}
