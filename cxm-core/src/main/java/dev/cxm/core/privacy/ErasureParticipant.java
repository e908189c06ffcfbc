package dev.cxm.core.privacy;

import dev.cxm.core.model.CustomerId;

/**
 * Anything besides the stores that keeps data about individual customers, such as a live view of profiles, a
 * segment membership, a ledger of contacts or a journey tracker, and can forget one customer. A
 * {@link CustomerErasure} built with a participant ({@link CustomerErasure.Builder#participant}) reaches it
 * whenever it erases a customer, so that one call removes every record of them.
 *
 * <pre>{@code
 * CustomerErasure erasure = CustomerErasure.custom()
 *         .customers(customerStore).events(eventStore)
 *         .participant("profiles", profiles)
 *         .participant("segments", membership)
 *         .build();
 * }</pre>
 *
 * <p>An implementation must be thread-safe and idempotent: forgetting a customer it does not know removes
 * nothing and reports 0. Afterwards it must answer every question about the customer as if it had never seen
 * them.
 */
@FunctionalInterface
public interface ErasureParticipant {

    /**
     * Removes every record of {@code customer} this participant keeps.
     *
     * @param customer the customer to forget
     * @return how many records were removed, in the unit the implementation documents (profiles, memberships,
     *     contacts); 0 when it kept nothing of the customer
     */
    long forget(CustomerId customer);
}
