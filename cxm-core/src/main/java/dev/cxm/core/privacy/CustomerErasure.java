package dev.cxm.core.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventStore;

/**
 * Erases a customer from every store and every {@link ErasureParticipant} it is given, in one call: the record,
 * every event, and what the host's live views (profiles, segment memberships, contact ledgers, triggers,
 * journey trackers) keep of them.
 *
 * <pre>{@code
 * CustomerErasure erasure = CustomerErasure.custom()
 *         .customers(customerStore)
 *         .events(eventStore)
 *         .participant("profiles", profiles)
 *         .participant("contacts", ledger)
 *         .build();
 * ErasureReport report = erasure.erase(CustomerId.of("c-42"));
 * }</pre>
 *
 * <p>The event stores are erased first, then the customer stores, then the participants in the order added, so
 * that a view rebuilt from the stores during an erasure finds nothing. Erasure is idempotent: erasing a customer
 * who is already gone reports nothing removed. When a store or participant fails, the others are still erased
 * and the first failure is thrown afterwards (the later ones suppressed in it); erase again to finish.
 *
 * <p>It is configured with the house idiom, {@link #custom()} and {@link #from(CustomerErasure)}; there is no
 * {@code ofDefaults()}, since an erasure needs the host's stores and views. Two erasures are equal when they
 * erase from the same store and participant instances, under the same names, with the same clock.
 */
public final class CustomerErasure {

    private final List<CustomerStore> customerStores;
    private final List<EventStore> eventStores;
    private final Map<String, ErasureParticipant> participants;
    private final Clock clock;

    private CustomerErasure(Builder builder) {
        this.customerStores = List.copyOf(builder.customerStores);
        this.eventStores = List.copyOf(builder.eventStores);
        this.participants = Collections.unmodifiableMap(new LinkedHashMap<>(builder.participants));
        this.clock = builder.clock;
    }

    /**
     * Starts an erasure over no stores and no participants, timed by the system UTC clock.
     *
     * @return a builder to which at least one store or participant must be added
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Starts an erasure over the stores, participants and clock of {@code base}, to add one or change the clock.
     *
     * @param base the erasure to start from
     * @return a builder holding the stores, participants and clock of {@code base}
     */
    public static Builder from(CustomerErasure base) {
        Checks.present("base", base);
        Builder builder = new Builder().clock(base.clock);
        builder.customerStores.addAll(base.customerStores);
        builder.eventStores.addAll(base.eventStores);
        builder.participants.putAll(base.participants);
        return builder;
    }

    /**
     * Returns whether {@code other} erases from the same stores and participants, in the same order and under
     * the same names, with the same clock.
     *
     * @param other the object to compare with
     * @return whether both erasures are configured alike
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerErasure that && customerStores.equals(that.customerStores)
                && eventStores.equals(that.eventStores)
                && List.copyOf(participants.entrySet()).equals(List.copyOf(that.participants.entrySet()))
                && clock.equals(that.clock);
    }

    /**
     * Returns a hash of the stores, the participants and the clock.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(customerStores, eventStores, participants, clock);
    }

    /**
     * Returns how many stores of each kind the erasure covers and the names of its participants, such as
     * {@code CustomerErasure[customerStores=1, eventStores=2, participants=[profiles, contacts]]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "CustomerErasure[customerStores=" + customerStores.size() + ", eventStores=" + eventStores.size()
                + ", participants=" + participants.keySet() + "]";
    }


    /**
     * Removes every record of {@code customer} from every store and participant and reports what was removed.
     *
     * @param customer the customer whose record, events and views are erased
     * @return how many profiles and events were removed and how many records each participant forgot, stamped
     *     with the clock's instant; nothing removed when the customer is already gone
     * @throws RuntimeException the first failure of a store or participant, thrown after every other one was
     *     erased, with the later failures suppressed in it; erasing again finishes the erasure
     */
    public ErasureReport erase(CustomerId customer) {
        Checks.present("customer", customer);
        RuntimeException failure = null;
        long events = 0;
        for (EventStore store : eventStores) {
            try {
                events += store.erase(customer);
            } catch (RuntimeException e) {
                failure = keep(failure, e);
            }
        }
        int profiles = 0;
        for (CustomerStore store : customerStores) {
            try {
                if (store.erase(customer)) {
                    profiles++;
                }
            } catch (RuntimeException e) {
                failure = keep(failure, e);
            }
        }
        Map<String, Long> forgotten = new LinkedHashMap<>();
        for (Map.Entry<String, ErasureParticipant> participant : participants.entrySet()) {
            try {
                forgotten.put(participant.getKey(), participant.getValue().forget(customer));
            } catch (RuntimeException e) {
                failure = keep(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new ErasureReport(customer, profiles, events, forgotten, clock.instant());
    }

    private static RuntimeException keep(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** Builds a {@link CustomerErasure}. */
    public static final class Builder {
        private final List<CustomerStore> customerStores = new ArrayList<>();
        private final List<EventStore> eventStores = new ArrayList<>();
        private final Map<String, ErasureParticipant> participants = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Adds a customer store to erase profiles from.
         *
         * @param store a store holding customer profiles
         * @return this builder
         */
        public Builder customers(CustomerStore store) {
            customerStores.add(Checks.present("store", store));
            return this;
        }

        /**
         * Adds an event store to erase events from.
         *
         * @param store a store holding customer events
         * @return this builder
         */
        public Builder events(EventStore store) {
            eventStores.add(Checks.present("store", store));
            return this;
        }

        /**
         * Adds a participant to forget the customer after the stores are erased: a live view, cache or ledger
         * that keeps per-customer data.
         *
         * @param name the name the report lists its count under, such as {@code profiles}; unique in this
         *     erasure
         * @param participant what to forget the customer in
         * @return this builder
         * @throws IllegalArgumentException when the name is blank or already given to another participant
         */
        public Builder participant(String name, ErasureParticipant participant) {
            Checks.identifier("name", name);
            Checks.present("participant", participant);
            if (participants.containsKey(name)) {
                throw new IllegalArgumentException("name: " + name + " is given to another participant already;"
                        + " names are unique");
            }
            participants.put(name, participant);
            return this;
        }

        /**
         * Sets the clock that stamps each report.
         *
         * @param value the clock whose instant becomes {@link ErasureReport#erasedAt()}
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.present("clock", value);
            return this;
        }

        /**
         * Builds the erasure.
         *
         * @return the erasure over the stores and participants added
         * @throws IllegalArgumentException when neither a store nor a participant was added: an erasure over
         *     nothing is a mistake
         */
        public CustomerErasure build() {
            if (customerStores.isEmpty() && eventStores.isEmpty() && participants.isEmpty()) {
                throw new IllegalArgumentException("stores: none given; add at least one customer or event store"
                        + " or participant");
            }
            return new CustomerErasure(this);
        }
    }
}
