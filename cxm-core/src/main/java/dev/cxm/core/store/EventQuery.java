package dev.cxm.core.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.EventTimeParts;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;

/**
 * Which events to read from an {@link EventStore}: every criterion that is set must hold.
 *
 * <pre>{@code
 * EventQuery lastWeeksFeedback = EventQuery.builder()
 *         .types(EventType.FEEDBACK)
 *         .from(now.minus(Duration.ofDays(7)))
 *         .build();
 * }</pre>
 *
 * <p>The time bounds are held at the events' precision: a bound with nanoseconds below a microsecond is
 * rounded up to the next microsecond, which selects exactly the same events (every event instant is a whole
 * microsecond, see {@link CustomerEvent#PRECISION}) and lets a database compare with the bound as it is.
 *
 * @param customers only events of these customers; empty means every customer
 * @param types only events of these types; empty means every type
 * @param from only events at or after this instant (inclusive); a whole microsecond
 * @param to only events before this instant (exclusive); a whole microsecond
 * @param touchpoint only events at or rating this touchpoint
 * @param attributes only events whose attributes have each of these keys with exactly this value; empty
 *     means no condition
 */
public record EventQuery(
        Set<CustomerId> customers,
        Set<EventType> types,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<TouchpointId> touchpoint,
        Map<String, String> attributes) {

    private static final EventQuery ALL = builder().build();

    /**
     * Validates the query and rounds its time bounds up to whole microseconds.
     *
     * @param customers only events of these customers; empty means every customer
     * @param types only events of these types; empty means every type
     * @param from only events at or after this instant
     * @param to only events before this instant
     * @param touchpoint only events at or rating this touchpoint
     * @param attributes only events with each of these attribute values; empty means no condition
     * @throws IllegalArgumentException when the time range is reversed or an attribute key is blank
     * @throws NullPointerException when a component, a customer, a type or an attribute value is null
     */
    public EventQuery {
        customers = ImmutableSet.copyOf(Checks.present("customers", customers));
        types = Sets.immutableEnumSet(Checks.present("types", types));
        from = Checks.present("from", from).map(EventQuery::roundUpToPrecision);
        to = Checks.present("to", to).map(EventQuery::roundUpToPrecision);
        Checks.present("touchpoint", touchpoint);
        attributes = Checks.attributes("attributes", attributes);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("to: " + to.get() + " is before from " + from.get()
                    + "; a time range must not be reversed");
        }
    }

    /** Rounds up to a whole microsecond; {@link Instant#MAX}, which has no microsecond above it, stays. */
    private static Instant roundUpToPrecision(Instant bound) {
        Instant truncated = CustomerEvent.atPrecision(bound);
        if (truncated.equals(bound)) {
            return bound;
        }
        try {
            return truncated.plus(1, CustomerEvent.PRECISION);
        } catch (DateTimeException beyondMax) {
            return bound;
        }
    }

    /**
     * Returns the query that matches every event.
     *
     * @return the query without criteria
     */
    public static EventQuery all() {
        return ALL;
    }

    /**
     * Returns the query that matches every event of one customer.
     *
     * @param customer the customer
     * @return the query
     */
    public static EventQuery forCustomer(CustomerId customer) {
        return builder().customer(customer).build();
    }

    /**
     * Returns the query that matches every event of the given customers.
     *
     * @param customers one or more customers
     * @return the query
     * @throws IllegalArgumentException when {@code customers} is empty
     */
    public static EventQuery forCustomers(Collection<CustomerId> customers) {
        return builder().customers(customers).build();
    }

    /**
     * Returns the query that matches every event of the given types.
     *
     * @param first a type
     * @param rest more types
     * @return the query
     */
    public static EventQuery ofTypes(EventType first, EventType... rest) {
        return builder().types(first, rest).build();
    }

    /**
     * Starts a query that matches everything until criteria are added.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns whether {@code event} meets every criterion of this query.
     *
     * @param event a stored or candidate event
     * @return whether the query selects it
     */
    public boolean matches(CustomerEvent event) {
        if (!customers.isEmpty() && !customers.contains(event.customerId())) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(event.eventType())) {
            return false;
        }
        return withinTimeRange(event) && atTouchpoint(event) && hasAttributes(event);
    }

    // As withinTimeRange(event.occurredAt()), without making the Instant for each event a store scans.
    private boolean withinTimeRange(CustomerEvent event) {
        return (from.isEmpty() || EventTimeParts.compare(event, from.get()) >= 0)
                && (to.isEmpty() || EventTimeParts.compare(event, to.get()) < 0);
    }

    /**
     * Returns whether {@code instant} lies in {@code [from, to)}.
     *
     * @param instant an instant
     * @return whether it is inside the query's time range
     */
    public boolean withinTimeRange(Instant instant) {
        return (from.isEmpty() || !instant.isBefore(from.get())) && (to.isEmpty() || instant.isBefore(to.get()));
    }

    private boolean atTouchpoint(CustomerEvent event) {
        if (touchpoint.isEmpty()) {
            return true;
        }
        Optional<Touchpoint> at = event.atTouchpoint();
        return at.isPresent() && at.get().id().equals(touchpoint.get());
    }

    private boolean hasAttributes(CustomerEvent event) {
        if (attributes.isEmpty()) {
            return true;
        }
        Map<String, String> held = event.attributes();
        for (Map.Entry<String, String> wanted : attributes.entrySet()) {
            if (!wanted.getValue().equals(held.get(wanted.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds an {@link EventQuery}; each setter checks its argument at once. Customers, types and attributes
     * add to those set before; a second bound of the same end replaces the first.
     */
    public static final class Builder {
        private final Set<CustomerId> customers = new LinkedHashSet<>();
        private final Set<EventType> types = EnumSet.noneOf(EventType.class);
        private Optional<Instant> from = Optional.empty();
        private Optional<Instant> to = Optional.empty();
        private Optional<TouchpointId> touchpoint = Optional.empty();
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Restricts the query to a customer (adding to any set before).
         *
         * @param value the customer
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder customer(CustomerId value) {
            customers.add(Checks.present("customer", value));
            return this;
        }

        /**
         * Restricts the query to the given customers (adding to any set before).
         *
         * @param values one or more customers
         * @return this builder
         * @throws IllegalArgumentException when {@code values} is empty, which would otherwise read as
         *     "every customer"
         * @throws NullPointerException when {@code values} or one of its elements is null
         */
        public Builder customers(Collection<CustomerId> values) {
            Checks.present("customers", values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("customers: the collection is empty; a query by customers"
                        + " needs at least one (leave it out to match every customer)");
            }
            values.forEach(this::customer);
            return this;
        }

        /**
         * Restricts the query to the given types (adding to any set before).
         *
         * @param first a type
         * @param rest more types
         * @return this builder
         * @throws NullPointerException when a type is null
         */
        public Builder types(EventType first, EventType... rest) {
            types.add(Checks.present("types", first));
            Arrays.stream(rest).forEach(type -> types.add(Checks.present("types", type)));
            return this;
        }

        /**
         * Restricts the query to events at or after {@code value}.
         *
         * @param value the inclusive start
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder from(Instant value) {
            this.from = Optional.of(Checks.present("from", value));
            return this;
        }

        /**
         * Restricts the query to events before {@code value}.
         *
         * @param value the exclusive end
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder to(Instant value) {
            this.to = Optional.of(Checks.present("to", value));
            return this;
        }

        /**
         * Restricts the query to {@code [fromInclusive, toExclusive)}.
         *
         * @param fromInclusive the inclusive start
         * @param toExclusive the exclusive end
         * @return this builder
         * @throws NullPointerException when a bound is null
         */
        public Builder between(Instant fromInclusive, Instant toExclusive) {
            return from(fromInclusive).to(toExclusive);
        }

        /**
         * Restricts the query to events at or rating the touchpoint.
         *
         * @param value the touchpoint's id
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder touchpoint(TouchpointId value) {
            this.touchpoint = Optional.of(Checks.present("touchpoint", value));
            return this;
        }

        /**
         * Restricts the query to events whose attribute {@code key} is exactly {@code value} (adding to any
         * attribute set before; the same key again replaces its value).
         *
         * @param key the attribute's key; non-blank
         * @param value the value it must have
         * @return this builder
         * @throws IllegalArgumentException when {@code key} is blank
         * @throws NullPointerException when {@code key} or {@code value} is null
         */
        public Builder attribute(String key, String value) {
            attributes.put(Checks.nonBlank("attributes key", key), Checks.present("attributes value", value));
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws IllegalArgumentException when the time range is reversed
         */
        public EventQuery build() {
            return new EventQuery(customers, types, from, to, touchpoint, attributes);
        }
    }
}
