package dev.cxm.journey.funnel;

import dev.cxm.core.internal.Checks;

/**
 * Which event of a customer's path gives the customer's group when a funnel is broken down by a property
 * that can differ between the customer's events.
 *
 * @param kind first touch, last touch or a named step
 * @param step for {@link Kind#STEP}, the step (from 1); else 0
 */
public record Attribution(Kind kind, int step) {

    /** The kinds of attribution. */
    public enum Kind {
        /** The value on the event of the path's first step. */
        FIRST_TOUCH,
        /** The value on the event of the last step the customer reached. */
        LAST_TOUCH,
        /** The value on the event of one step; customers who did not reach it fall in {@code (none)}. */
        STEP
    }

    /**
     * Validates the attribution.
     *
     * @param kind the kind
     * @param step the step for {@link Kind#STEP}, from 1; 0 for the other kinds
     * @throws IllegalArgumentException when the step does not fit the kind
     */
    public Attribution {
        Checks.present("kind", kind);
        if (kind == Kind.STEP ? step < 1 : step != 0) {
            throw new IllegalArgumentException("attribution step: " + step + " does not fit " + kind
                    + "; a step attribution names a step from 1, the others none (0)");
        }
    }

    /**
     * Returns first-touch attribution.
     *
     * @return the attribution
     */
    public static Attribution firstTouch() {
        return new Attribution(Kind.FIRST_TOUCH, 0);
    }

    /**
     * Returns last-touch attribution.
     *
     * @return the attribution
     */
    public static Attribution lastTouch() {
        return new Attribution(Kind.LAST_TOUCH, 0);
    }

    /**
     * Returns attribution to one step.
     *
     * @param step the step, from 1
     * @return the attribution
     * @throws IllegalArgumentException when {@code step} is below 1
     */
    public static Attribution atStep(int step) {
        return new Attribution(Kind.STEP, step);
    }
}
