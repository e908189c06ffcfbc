package dev.cxm.journey.track;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.common.collect.ImmutableSortedMap;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * The result of a {@link StageTracker} as an accumulator: every tracked customer's stage history, and how many
 * customers are in each stage now.
 *
 * @param histories each customer's visits in time order, by ascending customer id
 * @param customersByStage how many customers are in each stage now, by stage name
 */
public record TrackingSnapshot(Map<CustomerId, List<StageVisit>> histories, Map<String, Long> customersByStage) {

    /**
     * Validates the snapshot and copies its maps.
     *
     * @param histories each customer's visits
     * @param customersByStage customers per current stage
     */
    public TrackingSnapshot {
        histories = ImmutableSortedMap.copyOf(Checks.present("histories", histories));
        customersByStage = ImmutableSortedMap.copyOf(Checks.present("customersByStage", customersByStage));
    }

    /**
     * Returns the snapshot of some journeys.
     *
     * @param journeys the journeys
     * @return the snapshot
     */
    static TrackingSnapshot of(List<CustomerJourney> journeys) {
        Map<CustomerId, List<StageVisit>> histories = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        for (CustomerJourney journey : journeys) {
            histories.put(journey.customer(), journey.history());
            counts.merge(journey.currentVisit().stage(), 1L, Long::sum);
        }
        return new TrackingSnapshot(histories, counts);
    }
}
