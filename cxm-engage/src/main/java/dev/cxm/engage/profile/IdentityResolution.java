package dev.cxm.engage.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.google.common.collect.Sets;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Identity;
import dev.cxm.core.model.IdentityType;
import dev.cxm.core.store.CustomerQuery;
import dev.cxm.core.store.CustomerStore;
import dev.cxm.engage.profile.internal.UnionFind;

/**
 * Links customers who share a verified identity: union-find over the identities of the customer records,
 * so that customers A and B sharing an e-mail hash, and B and C sharing a phone hash, are one group A-B-C.
 * Nothing stored is rewritten: links are recomputed from the records each time ({@link #resolve}), and a
 * group's profile is the merge of its members' profiles ({@link IdentityGraph#profileOf}).
 *
 * <pre>{@code
 * IdentityGraph graph = IdentityResolution.ofDefaults().resolve(customerStore);
 * CustomerProfile one = graph.profileOf(CustomerId.of("b"), profiles);
 * }</pre>
 *
 * <p>Which identity types link is the configuration: by default e-mail and phone hashes and external ids
 * (a CRM id), not device ids, which households and shops share. A configuration with value {@code equals}.
 *
 * @param linkingTypes the identity types that link customers; at least one
 */
public record IdentityResolution(Set<IdentityType> linkingTypes) {

    private static final IdentityResolution DEFAULTS = new IdentityResolution(
            EnumSet.of(IdentityType.EMAIL_HASH, IdentityType.PHONE_HASH, IdentityType.EXTERNAL_ID));

    /**
     * Validates the configuration.
     *
     * @param linkingTypes the identity types that link customers; at least one
     * @throws IllegalArgumentException when no type is given
     */
    public IdentityResolution {
        linkingTypes = Sets.immutableEnumSet(requireTypes(linkingTypes));
    }

    private static Collection<IdentityType> requireTypes(Collection<IdentityType> types) {
        Checks.noNullElements("linkingTypes", types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("linkingTypes: is empty; at least one identity type must link customers");
        }
        return types;
    }

    /**
     * Returns the defaults: e-mail hashes, phone hashes and external ids link; device ids do not.
     *
     * @return the default configuration
     */
    public static IdentityResolution ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a configuration from the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the configuration to change
     * @return the builder
     */
    public static Builder from(IdentityResolution base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Links the customers of {@code store}.
     *
     * @param store the customer records
     * @return the links
     */
    public IdentityGraph resolve(CustomerStore store) {
        return resolve(Checks.present("store", store).find(CustomerQuery.all()));
    }

    /**
     * Links the given customers.
     *
     * @param customers the customer records, each id once
     * @return the links
     * @throws IllegalArgumentException when an id is given twice
     */
    public IdentityGraph resolve(Iterable<Customer> customers) {
        Checks.present("customers", customers);
        List<CustomerId> ids = new ArrayList<>();
        Map<CustomerId, Integer> index = new HashMap<>();
        Map<Identity, List<Integer>> holders = new HashMap<>();
        for (Customer customer : customers) {
            Checks.present("customer", customer);
            if (index.putIfAbsent(customer.id(), ids.size()) != null) {
                throw new IllegalArgumentException("customers: " + customer.id() + " is given twice; give each record once");
            }
            for (Identity identity : customer.identities()) {
                if (linkingTypes.contains(identity.type())) {
                    holders.computeIfAbsent(identity, key -> new ArrayList<>()).add(ids.size());
                }
            }
            ids.add(customer.id());
        }
        UnionFind sets = new UnionFind(ids.size());
        List<IdentityLink> links = new ArrayList<>();
        holders.forEach((identity, members) -> {
            if (members.size() > 1) {
                Set<CustomerId> holding = new TreeSet<>();
                for (int member : members) {
                    sets.union(members.get(0), member);
                    holding.add(ids.get(member));
                }
                links.add(new IdentityLink(identity, holding));
            }
        });
        Map<Integer, Set<CustomerId>> groups = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            groups.computeIfAbsent(sets.find(i), root -> new TreeSet<>()).add(ids.get(i));
        }
        return IdentityGraph.of(groups.values(), links);
    }

    /** Builds an {@link IdentityResolution}. */
    public static final class Builder {
        private Set<IdentityType> linkingTypes;

        private Builder(IdentityResolution base) {
            this.linkingTypes = base.linkingTypes;
        }

        /**
         * Sets the identity types that link customers.
         *
         * @param values at least one type
         * @return this builder
         * @throws IllegalArgumentException when no type is given
         */
        public Builder linkingTypes(Collection<IdentityType> values) {
            this.linkingTypes = Sets.immutableEnumSet(requireTypes(Checks.present("linkingTypes", values)));
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @return the configuration
         */
        public IdentityResolution build() {
            return new IdentityResolution(linkingTypes);
        }
    }
}
