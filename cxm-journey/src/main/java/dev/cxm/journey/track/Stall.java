package dev.cxm.journey.track;

import java.time.Duration;
import java.time.Instant;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * A customer who has stayed in a stage longer than the map expects, as {@link StageTracker#checkStalls()}
 * finds them.
 *
 * @param customer the customer
 * @param stage the stage
 * @param enteredAt when the customer entered it
 * @param expectedTime the map's expected time in the stage
 * @param detectedAt the tracker clock's instant when the stall was found
 */
public record Stall(CustomerId customer, String stage, Instant enteredAt, Duration expectedTime, Instant detectedAt) {

    /**
     * Validates the stall.
     *
     * @param customer the customer
     * @param stage the stage
     * @param enteredAt when the customer entered it
     * @param expectedTime the expected time
     * @param detectedAt when the stall was found
     * @throws IllegalArgumentException when the stage is blank
     */
    public Stall {
        Checks.present("customer", customer);
        Checks.nonBlank("stage", stage);
        Checks.present("enteredAt", enteredAt);
        Checks.present("expectedTime", expectedTime);
        Checks.present("detectedAt", detectedAt);
    }

    /**
     * Returns how long past the expected time the customer was when the stall was found.
     *
     * @return the overrun
     */
    public Duration overdueBy() {
        return Duration.between(enteredAt.plus(expectedTime), detectedAt);
    }
}
