package dev.cxm.core.store;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.Sets;

import dev.cxm.core.internal.Checks;
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
 * @param customer only events of this customer
 * @param types only events of these types; empty means every type
 * @param from only events at or after this instant (inclusive)
 * @param to only events before this instant (exclusive)
 * @param touchpoint only events at or rating this touchpoint
 */
public record EventQuery(
        Optional<CustomerId> customer,
        Set<EventType> types,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<TouchpointId> touchpoint) {

    private static final EventQuery ALL = builder().build();

    /** Validates the query: the time range, when both ends are set, must not be reversed. */
    public EventQuery {
        Checks.present("customer", customer);
        types = Sets.immutableEnumSet(Checks.present("types", types));
        Checks.present("from", from);
        Checks.present("to", to);
        Checks.present("touchpoint", touchpoint);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("to: " + to.get() + " is before from " + from.get()
                    + "; a time range must not be reversed");
        }
    }

    /** Returns the query that matches every event. */
    public static EventQuery all() {
        return ALL;
    }

    /** Returns the query that matches every event of one customer. */
    public static EventQuery forCustomer(CustomerId customer) {
        return builder().customer(customer).build();
    }

    /** Returns the query that matches every event of the given types. */
    public static EventQuery ofTypes(EventType first, EventType... rest) {
        return builder().types(first, rest).build();
    }

    /** Starts a query that matches everything until criteria are added. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns whether {@code event} meets every criterion of this query. */
    public boolean matches(CustomerEvent event) {
        if (customer.isPresent() && !customer.get().equals(event.customerId())) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(event.eventType())) {
            return false;
        }
        return withinTimeRange(event.occurredAt()) && atTouchpoint(event);
    }

    /** Returns whether {@code instant} lies in {@code [from, to)}. */
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

    /** Builds an {@link EventQuery}. */
    public static final class Builder {
        private Optional<CustomerId> customer = Optional.empty();
        private final Set<EventType> types = EnumSet.noneOf(EventType.class);
        private Optional<Instant> from = Optional.empty();
        private Optional<Instant> to = Optional.empty();
        private Optional<TouchpointId> touchpoint = Optional.empty();

        private Builder() {}

        /** Restricts the query to one customer. */
        public Builder customer(CustomerId value) {
            this.customer = Optional.of(value);
            return this;
        }

        /** Restricts the query to the given types (adding to any set before). */
        public Builder types(EventType first, EventType... rest) {
            types.add(first);
            types.addAll(java.util.Arrays.asList(rest));
            return this;
        }

        /** Restricts the query to events at or after {@code value}. */
        public Builder from(Instant value) {
            this.from = Optional.of(value);
            return this;
        }

        /** Restricts the query to events before {@code value}. */
        public Builder to(Instant value) {
            this.to = Optional.of(value);
            return this;
        }

        /** Restricts the query to {@code [fromInclusive, toExclusive)}. */
        public Builder between(Instant fromInclusive, Instant toExclusive) {
            return from(fromInclusive).to(toExclusive);
        }

        /** Restricts the query to events at or rating the touchpoint. */
        public Builder touchpoint(TouchpointId value) {
            this.touchpoint = Optional.of(value);
            return this;
        }

        /** Builds the query. */
        public EventQuery build() {
            return new EventQuery(customer, types, from, to, touchpoint);
        }
    }
}
