package dev.cxm.engage.profile;

import java.util.Set;

import com.google.common.collect.ImmutableSortedSet;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Identity;

/**
 * Why customers are linked: one identity (an e-mail or phone hash, an external id such as a CRM id) that the
 * records of two or more customers hold.
 *
 * @param identity the shared identity (hashes only: e-mail addresses and phone numbers are never kept)
 * @param customers the customers whose records hold it, in id order; two or more
 */
public record IdentityLink(Identity identity, Set<CustomerId> customers) {

    /**
     * Validates the link.
     *
     * @param identity the shared identity
     * @param customers the customers holding it; two or more
     * @throws IllegalArgumentException when fewer than two customers are given
     */
    public IdentityLink {
        Checks.present("identity", identity);
        customers = ImmutableSortedSet.copyOf(Checks.present("customers", customers));
        if (customers.size() < 2) {
            throw new IllegalArgumentException("customers: " + customers.size() + " customer(s) hold the identity; a"
                    + " link joins two or more");
        }
    }
}
