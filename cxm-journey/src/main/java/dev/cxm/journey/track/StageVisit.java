package dev.cxm.journey.track;

import java.time.Instant;

import dev.cxm.core.internal.Checks;

/**
 * A stay of a customer in one stage: the stage and when the customer entered it. The stay lasts until the
 * next visit of the customer's history begins.
 *
 * @param stage the stage's name
 * @param enteredAt when the customer entered it: the first event of the stay
 */
public record StageVisit(String stage, Instant enteredAt) {

    /**
     * Validates the visit.
     *
     * @param stage the stage's name; non-blank
     * @param enteredAt when the customer entered it
     * @throws IllegalArgumentException when the stage is blank
     */
    public StageVisit {
        Checks.nonBlank("stage", stage);
        Checks.present("enteredAt", enteredAt);
    }
}
