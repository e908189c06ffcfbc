package dev.cxm.core.store;

import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableMap;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Customer;

/**
 * Which customers to find in a {@link CustomerStore}: every criterion that is set must hold.
 *
 * @param segment only customers in this segment
 * @param profile only customers whose profile has each of these key/value pairs
 */
public record CustomerQuery(Optional<String> segment, Map<String, String> profile) {

    private static final CustomerQuery ALL = new CustomerQuery(Optional.empty(), Map.of());

    /**
     * Validates the query.
     *
     * @param segment only customers in this segment
     * @param profile only customers whose profile has each of these key/value pairs
     */
    public CustomerQuery {
        Checks.present("segment", segment);
        profile = Checks.attributes("profile", profile);
    }

    /**
     * Returns the query that matches every customer.
     *
     * @return the query without criteria
     */
    public static CustomerQuery all() {
        return ALL;
    }

    /**
     * Returns the query that matches the customers of one segment.
     *
     * @param segment the segment's name
     * @return the query
     */
    public static CustomerQuery inSegment(String segment) {
        return ALL.andInSegment(segment);
    }

    /**
     * Returns the query that matches customers whose profile has {@code key} set to {@code value}.
     *
     * @param key the profile key
     * @param value the value it must have
     * @return the query
     */
    public static CustomerQuery withProfile(String key, String value) {
        return ALL.andProfile(key, value);
    }

    /**
     * Returns this query restricted to one segment.
     *
     * @param name the segment's name
     * @return the narrower query
     */
    public CustomerQuery andInSegment(String name) {
        return new CustomerQuery(Optional.of(Checks.identifier("segment", name)), profile);
    }

    /**
     * Returns this query restricted to customers whose profile has {@code key} set to {@code value}.
     *
     * @param key the profile key
     * @param value the value it must have
     * @return the narrower query
     */
    public CustomerQuery andProfile(String key, String value) {
        return new CustomerQuery(segment, ImmutableMap.<String, String>builder()
                .putAll(profile).put(key, value).buildKeepingLast());
    }

    /**
     * Returns whether {@code customer} meets every criterion.
     *
     * @param customer a profile
     * @return whether the query selects it
     */
    public boolean matches(Customer customer) {
        if (segment.isPresent() && !customer.inSegment(segment.get())) {
            return false;
        }
        return profile.entrySet().stream()
                .allMatch(entry -> entry.getValue().equals(customer.profile().get(entry.getKey())));
    }
}
