package dev.cxm.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import dev.cxm.core.internal.Checks;

/**
 * A customer's profile: who they are to the company, what they consented to, which segments they belong
 * to, and by which identities other channels know them.
 *
 * @param id the customer's id
 * @param firstSeen when the company first met the customer
 * @param profile profile attributes chosen by the host, such as {@code tier} or {@code country}
 * @param consents consent decisions in the order they were recorded
 * @param segments names of the segments the customer belongs to
 * @param identities the customer's identities on other channels
 */
public record Customer(
        CustomerId id,
        Instant firstSeen,
        Map<String, String> profile,
        List<ConsentRecord> consents,
        Set<String> segments,
        Set<Identity> identities) {

    /**
     * Validates the profile and freezes every collection.
     *
     * @param id the customer's id
     * @param firstSeen when the company first met the customer
     * @param profile profile attributes chosen by the host; keys non-blank, values present
     * @param consents consent decisions in the order they were recorded
     * @param segments names of the segments the customer belongs to, each a non-blank identifier of at most
     *     256 characters
     * @param identities the customer's identities on other channels
     * @throws IllegalArgumentException if a profile key is blank, or a segment name is blank or too long
     */
    public Customer {
        Checks.present("id", id);
        Checks.present("firstSeen", firstSeen);
        profile = Checks.attributes("profile", profile);
        consents = ImmutableList.copyOf(Checks.present("consents", consents));
        Checks.present("segments", segments).forEach(segment -> Checks.identifier("segment", segment));
        segments = ImmutableSet.copyOf(segments);
        identities = ImmutableSet.copyOf(Checks.present("identities", identities));
    }

    /**
     * Starts a customer first seen at {@code firstSeen}.
     *
     * @param id the customer's id
     * @param firstSeen when the company first met the customer
     * @return a builder with an empty profile, no consents, segments or identities
     */
    public static Builder builder(CustomerId id, Instant firstSeen) {
        return new Builder(id, firstSeen);
    }

    /**
     * Returns a builder holding this customer's fields, to derive a changed copy.
     *
     * @return a new builder preloaded with this customer; changing it leaves this customer as it is
     */
    public Builder toBuilder() {
        Builder builder = new Builder(id, firstSeen);
        builder.profile.putAll(profile);
        builder.consents.addAll(consents);
        builder.segments.addAll(segments);
        builder.identities.addAll(identities);
        return builder;
    }

    /**
     * Returns the latest consent decision for {@code purpose}, if any was recorded.
     *
     * @param purpose the purpose asked about, such as {@code "marketing-email"}
     * @return the decision with the latest instant for that purpose, or empty if none was recorded
     * @throws NullPointerException when {@code purpose} is null
     */
    public Optional<ConsentRecord> consentFor(String purpose) {
        Checks.present("purpose", purpose);
        return consents.stream()
                .filter(consent -> consent.purpose().equals(purpose))
                .max(Comparator.comparing(ConsentRecord::at));
    }

    /**
     * Returns whether the latest decision for {@code purpose} is {@link ConsentStatus#GRANTED}.
     *
     * @param purpose the purpose asked about, such as {@code "marketing-email"}
     * @return true if the latest decision grants it; false if it withdraws it or none was recorded
     * @throws NullPointerException when {@code purpose} is null
     */
    public boolean hasConsented(String purpose) {
        return consentFor(purpose).map(consent -> consent.status() == ConsentStatus.GRANTED).orElse(false);
    }

    /**
     * Returns whether the customer belongs to {@code segment}.
     *
     * @param segment the segment's name
     * @return true if the customer's segments contain that name
     * @throws NullPointerException when {@code segment} is null
     */
    public boolean inSegment(String segment) {
        Checks.present("segment", segment);
        return segments.contains(segment);
    }

    /** Builds a {@link Customer}. */
    public static final class Builder {
        private final CustomerId id;
        private final Instant firstSeen;
        private final Map<String, String> profile = new LinkedHashMap<>();
        private final List<ConsentRecord> consents = new ArrayList<>();
        private final Set<String> segments = new LinkedHashSet<>();
        private final Set<Identity> identities = new LinkedHashSet<>();

        private Builder(CustomerId id, Instant firstSeen) {
            this.id = Checks.present("id", id);
            this.firstSeen = Checks.present("firstSeen", firstSeen);
        }

        /**
         * Sets one profile attribute, replacing an earlier value of the same key.
         *
         * @param key the attribute's name, such as {@code tier}; non-blank
         * @param value the attribute's value
         * @return this builder
         * @throws IllegalArgumentException if {@code key} is blank
         */
        public Builder profile(String key, String value) {
            profile.put(Checks.nonBlank("profile key", key), Checks.present("profile value", value));
            return this;
        }

        /**
         * Records a consent decision.
         *
         * @param purpose what the data would be processed for, such as {@code "marketing-email"}
         * @param status the customer's decision
         * @param at when the decision was recorded
         * @return this builder
         * @throws IllegalArgumentException if {@code purpose} is blank or longer than 256 characters
         */
        public Builder consent(String purpose, ConsentStatus status, Instant at) {
            consents.add(new ConsentRecord(purpose, status, at));
            return this;
        }

        /**
         * Adds the customer to a segment.
         *
         * @param name the segment's name, a non-blank identifier of at most 256 characters
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is blank or too long
         */
        public Builder segment(String name) {
            segments.add(Checks.identifier("segment", name));
            return this;
        }

        /**
         * Removes the customer from a segment.
         *
         * @param name the segment's name; a segment the customer is not in is ignored
         * @return this builder
         */
        public Builder withoutSegment(String name) {
            segments.remove(name);
            return this;
        }

        /**
         * Adds an identity.
         *
         * @param identity how another channel knows the customer; adding the same identity twice keeps one
         * @return this builder
         */
        public Builder identity(Identity identity) {
            identities.add(Checks.present("identity", identity));
            return this;
        }

        /**
         * Builds the customer.
         *
         * @return the customer with the fields set so far
         */
        public Customer build() {
            return new Customer(id, firstSeen, profile, consents, segments, identities);
        }
    }
}
