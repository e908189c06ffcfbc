package dev.cxm.engage.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableSortedSet;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * The result of {@link IdentityResolution}: which customers are one person, and by which shared identities.
 * Each group's canonical id is its smallest; a customer linked to nobody is a group of one.
 */
public final class IdentityGraph {

    private final Map<CustomerId, Set<CustomerId>> groupOf;
    private final Map<CustomerId, List<IdentityLink>> linksOf;
    private final List<Set<CustomerId>> linkedGroups;

    private IdentityGraph(Map<CustomerId, Set<CustomerId>> groupOf, Map<CustomerId, List<IdentityLink>> linksOf,
            List<Set<CustomerId>> linkedGroups) {
        this.groupOf = groupOf;
        this.linksOf = linksOf;
        this.linkedGroups = linkedGroups;
    }

    static IdentityGraph of(Collection<Set<CustomerId>> groups, List<IdentityLink> links) {
        Map<CustomerId, Set<CustomerId>> groupOf = new HashMap<>();
        List<Set<CustomerId>> linked = new ArrayList<>();
        for (Set<CustomerId> group : groups) {
            Set<CustomerId> frozen = ImmutableSortedSet.copyOf(group);
            frozen.forEach(id -> groupOf.put(id, frozen));
            if (frozen.size() > 1) {
                linked.add(frozen);
            }
        }
        linked.sort(Comparator.comparing(group -> group.iterator().next()));
        Map<CustomerId, List<IdentityLink>> linksOf = new HashMap<>();
        List<IdentityLink> ordered = new ArrayList<>(links);
        ordered.sort(Comparator.<IdentityLink, CustomerId>comparing(link -> link.customers().iterator().next())
                .thenComparing(link -> link.identity().type()).thenComparing(link -> link.identity().value()));
        for (IdentityLink link : ordered) {
            CustomerId canonical = groupOf.get(link.customers().iterator().next()).iterator().next();
            linksOf.computeIfAbsent(canonical, id -> new ArrayList<>()).add(link);
        }
        linksOf.replaceAll((id, list) -> List.copyOf(list));
        return new IdentityGraph(groupOf, linksOf, List.copyOf(linked));
    }

    /**
     * Returns the customers linked with {@code customer}, itself included, in id order.
     *
     * @param customer the customer
     * @return the group; just the customer when it is linked to nobody or unknown
     */
    public Set<CustomerId> groupOf(CustomerId customer) {
        Checks.present("customer", customer);
        return groupOf.getOrDefault(customer, ImmutableSortedSet.of(customer));
    }

    /**
     * Returns the canonical id of {@code customer}'s group: its smallest id.
     *
     * @param customer the customer
     * @return the canonical id
     */
    public CustomerId canonicalOf(CustomerId customer) {
        return groupOf(customer).iterator().next();
    }

    /**
     * Returns why {@code customer}'s group is linked: each shared identity and who holds it.
     *
     * @param customer any member of the group
     * @return the links; empty for a customer linked to nobody
     */
    public List<IdentityLink> linksOf(CustomerId customer) {
        return linksOf.getOrDefault(canonicalOf(customer), List.of());
    }

    /**
     * Returns every group of two or more customers, ordered by canonical id.
     *
     * @return the linked groups
     */
    public List<Set<CustomerId>> linkedGroups() {
        return linkedGroups;
    }

    /**
     * Returns the one profile of {@code customer}'s group: the members' profiles merged into the canonical
     * member's ({@link ProfileBuilder#merge}).
     *
     * @param customer any member of the group
     * @param profiles the live profiles of the members
     * @return the group's profile, or empty when no member has a profile
     */
    public Optional<CustomerProfile> profileOf(CustomerId customer, CustomerProfiles profiles) {
        Checks.present("profiles", profiles);
        ProfileBuilder builder = profiles.builder();
        CustomerId canonical = canonicalOf(customer);
        Optional<CustomerProfile> merged = profiles.get(canonical);
        for (CustomerId member : groupOf(customer)) {
            Optional<CustomerProfile> own = member.equals(canonical) ? Optional.empty() : profiles.get(member);
            if (own.isPresent()) {
                merged = Optional.of(builder.merge(merged.orElseGet(() -> builder.empty(canonical)), own.get()));
            }
        }
        return merged;
    }
}
