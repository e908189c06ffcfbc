package dev.cxm.journey.conformance;

import java.time.Duration;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * The totals of one stage of the map.
 *
 * @param stage the stage
 * @param visits how many stays there were in it
 * @param customers how many customers stayed in it at least once
 * @param expectedTime the map's expected time in it, if any
 * @param overdueVisits how many stays lasted longer than expected
 * @param medianTimeInStage the median length of the measured stays (those that ended, or ran to the check's
 *     instant), nearest rank; empty when none was measured
 */
public record StageConformance(String stage, long visits, long customers, Optional<Duration> expectedTime,
        long overdueVisits, Optional<Duration> medianTimeInStage) {

    /**
     * Validates the totals.
     *
     * @param stage the stage
     * @param visits the stays
     * @param customers the customers
     * @param expectedTime the expected time
     * @param overdueVisits the overdue stays
     * @param medianTimeInStage the median stay
     */
    public StageConformance {
        Checks.nonBlank("stage", stage);
        Checks.present("expectedTime", expectedTime);
        Checks.present("medianTimeInStage", medianTimeInStage);
    }
}
