package dev.cxm.core.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventStore;

/**
 * Erases a customer from every store it is given: the profile and every event.
 *
 * <pre>{@code
 * CustomerErasure erasure = CustomerErasure.custom()
 *         .customers(customerStore)
 *         .events(eventStore)
 *         .build();
 * ErasureReport report = erasure.erase(CustomerId.of("c-42"));
 * }</pre>
 *
 * <p>Erasure is idempotent: erasing a customer who is already gone reports nothing removed.
 *
 * <p>It is configured with the house idiom, {@link #custom()} and {@link #from(CustomerErasure)}; there is no
 * {@code ofDefaults()}, since an erasure needs the host's stores. Two erasures are equal when they erase from
 * the same store instances with the same clock.
 */
public final class CustomerErasure {

    private final List<CustomerStore> customerStores;
    private final List<EventStore> eventStores;
    private final Clock clock;

    private CustomerErasure(Builder builder) {
        this.customerStores = List.copyOf(builder.customerStores);
        this.eventStores = List.copyOf(builder.eventStores);
        this.clock = builder.clock;
    }

    /**
     * Starts an erasure over no stores, timed by the system UTC clock.
     *
     * @return a builder to which at least one customer or event store must be added
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Starts an erasure over the stores and clock of {@code base}, to add a store or change the clock.
     *
     * @param base the erasure to start from
     * @return a builder holding the stores and clock of {@code base}
     */
    public static Builder from(CustomerErasure base) {
        Checks.present("base", base);
        Builder builder = new Builder().clock(base.clock);
        builder.customerStores.addAll(base.customerStores);
        builder.eventStores.addAll(base.eventStores);
        return builder;
    }

    /**
     * Returns whether {@code other} erases from the same stores, in the same order, with the same clock.
     *
     * @param other the object to compare with
     * @return whether both erasures are configured alike
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerErasure that && customerStores.equals(that.customerStores)
                && eventStores.equals(that.eventStores) && clock.equals(that.clock);
    }

    /**
     * Returns a hash of the stores and the clock.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(customerStores, eventStores, clock);
    }

    /**
     * Returns how many stores of each kind the erasure covers, such as
     * {@code CustomerErasure[customerStores=1, eventStores=2]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "CustomerErasure[customerStores=" + customerStores.size() + ", eventStores=" + eventStores.size() + "]";
    }

    /**
     * Removes every record of {@code customer} from every store and reports what was removed.
     *
     * @param customer the customer whose profile and events are erased
     * @return how many profiles and events were removed, stamped with the clock's instant; nothing removed
     *     when the customer is already gone
     */
    public ErasureReport erase(CustomerId customer) {
        Checks.present("customer", customer);
        long events = 0;
        for (EventStore store : eventStores) {
            events += store.erase(customer);
        }
        int profiles = 0;
        for (CustomerStore store : customerStores) {
            if (store.erase(customer)) {
                profiles++;
            }
        }
        return new ErasureReport(customer, profiles, events, clock.instant());
    }

    /** Builds a {@link CustomerErasure}. */
    public static final class Builder {
        private final List<CustomerStore> customerStores = new ArrayList<>();
        private final List<EventStore> eventStores = new ArrayList<>();
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
         * @return the erasure over the stores added
         * @throws IllegalArgumentException when no store was added: an erasure over nothing is a mistake
         */
        public CustomerErasure build() {
            if (customerStores.isEmpty() && eventStores.isEmpty()) {
                throw new IllegalArgumentException("stores: none given; add at least one customer or event store");
            }
            return new CustomerErasure(this);
        }
    }
}
