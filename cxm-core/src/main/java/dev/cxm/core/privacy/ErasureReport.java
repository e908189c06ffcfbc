package dev.cxm.core.privacy;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * What an erasure removed, for the record a controller keeps of handled erasure requests.
 *
 * @param customerId the erased customer
 * @param profilesRemoved customer profiles removed (one per customer store that held one)
 * @param eventsRemoved events removed, over every event store
 * @param forgotten per {@link ErasureParticipant}, by the name it was added under and in the order added, how
 *     many records it removed (in the unit the participant documents); empty when the erasure has none
 * @param erasedAt when the erasure completed
 */
public record ErasureReport(CustomerId customerId, int profilesRemoved, long eventsRemoved,
        Map<String, Long> forgotten, Instant erasedAt) {

    /**
     * Validates the report and copies the participants' counts, keeping their order.
     *
     * @param customerId the erased customer
     * @param profilesRemoved customer profiles removed, 0 or more
     * @param eventsRemoved events removed over every event store, 0 or more
     * @param forgotten records removed per participant name, each 0 or more
     * @param erasedAt when the erasure completed
     * @throws IllegalArgumentException if a count is negative
     */
    public ErasureReport {
        Checks.present("customerId", customerId);
        Checks.nonNegative("profilesRemoved", profilesRemoved);
        if (eventsRemoved < 0) {
            throw new IllegalArgumentException("eventsRemoved: " + eventsRemoved + " is negative; it must be 0 or more");
        }
        Map<String, Long> copy = new LinkedHashMap<>();
        Checks.present("forgotten", forgotten).forEach((name, count) -> {
            Checks.nonBlank("forgotten", name);
            if (Checks.present("forgotten." + name, count) < 0) {
                throw new IllegalArgumentException("forgotten." + name + ": " + count
                        + " is negative; it must be 0 or more");
            }
            copy.put(name, count);
        });
        forgotten = Collections.unmodifiableMap(copy);
        Checks.present("erasedAt", erasedAt);
    }

    /**
     * Returns whether anything at all was removed.
     *
     * @return true if at least one profile, event or participant's record was removed
     */
    public boolean removedAnything() {
        return profilesRemoved > 0 || eventsRemoved > 0 || forgotten.values().stream().anyMatch(count -> count > 0);
    }
}
