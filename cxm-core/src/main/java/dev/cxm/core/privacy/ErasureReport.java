package dev.cxm.core.privacy;

import java.time.Instant;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * What an erasure removed, for the record a controller keeps of handled erasure requests.
 *
 * @param customerId the erased customer
 * @param profilesRemoved customer profiles removed (one per customer store that held one)
 * @param eventsRemoved events removed, over every event store
 * @param erasedAt when the erasure completed
 */
public record ErasureReport(CustomerId customerId, int profilesRemoved, long eventsRemoved, Instant erasedAt) {

    /**
     * Validates the report.
     *
     * @param customerId the erased customer
     * @param profilesRemoved customer profiles removed, 0 or more
     * @param eventsRemoved events removed over every event store, 0 or more
     * @param erasedAt when the erasure completed
     * @throws IllegalArgumentException if a count is negative
     */
    public ErasureReport {
        Checks.present("customerId", customerId);
        Checks.nonNegative("profilesRemoved", profilesRemoved);
        if (eventsRemoved < 0) {
            throw new IllegalArgumentException("eventsRemoved: " + eventsRemoved + " is negative; it must be 0 or more");
        }
        Checks.present("erasedAt", erasedAt);
    }

    /**
     * Returns whether anything at all was removed.
     *
     * @return true if at least one profile or event was removed
     */
    public boolean removedAnything() {
        return profilesRemoved > 0 || eventsRemoved > 0;
    }
}
