package dev.cxm.engage.profile;

import java.util.Map;
import java.util.Set;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.ConsentRecord;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Identity;
import dev.cxm.engage.profile.internal.ConsentTable;
import dev.cxm.engage.profile.internal.Frozen;

/**
 * The part of a {@link CustomerProfile} that comes from customer records, not events: attributes, consents,
 * identities and the customers linked by a shared identity. Events never change it, so every update of a
 * profile shares it with the profile before.
 *
 * @param attributes the customer record's profile attributes
 * @param consents per purpose, the latest consent decision recorded
 * @param identities the identities of the customer (and of the customers linked to them)
 * @param linkedCustomerIds the other customers linked to this one by a shared identity, in id order
 */
public record RecordFields(Map<String, String> attributes, Map<String, ConsentRecord> consents,
        Set<Identity> identities, Set<CustomerId> linkedCustomerIds) {

    /** The part of a customer without a record. */
    static final RecordFields NONE = new RecordFields(ImmutableMap.of(), ImmutableMap.of(), ImmutableSet.of(),
            ImmutableSet.of());

    /**
     * Validates the fields and freezes the collections (collections already immutable are kept).
     *
     * @param attributes the record's profile attributes
     * @param consents the latest consent per purpose, keyed by the purpose
     * @param identities the identities
     * @param linkedCustomerIds the other customers linked
     * @throws IllegalArgumentException when a consent is filed under another purpose
     */
    public RecordFields {
        attributes = Frozen.map(Checks.present("attributes", attributes));
        consents = ConsentTable.copyOf(Checks.present("consents", consents));
        identities = Frozen.set(Checks.present("identities", identities));
        linkedCustomerIds = Frozen.sortedSet(Checks.present("linkedCustomerIds", linkedCustomerIds));
    }

    /**
     * Returns the part of a customer without a record.
     *
     * @return the empty part
     */
    public static RecordFields none() {
        return NONE;
    }

    /**
     * Returns whether the latest decision recorded for {@code purpose} grants it.
     *
     * @param purpose the purpose, such as {@code marketing-email}
     * @return true when granted; false when denied, revoked or never asked
     * @throws NullPointerException when {@code purpose} is null
     */
    public boolean hasConsented(String purpose) {
        return ((ConsentTable) consents).grants(Checks.present("purpose", purpose));
    }
}
