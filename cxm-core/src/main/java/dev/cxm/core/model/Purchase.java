package dev.cxm.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * An order the customer placed.
 *
 * @param eventId the event's id
 * @param customerId the customer
 * @param occurredAt when the order was placed; truncated to microseconds ({@link CustomerEvent#PRECISION})
 * @param orderId the host's order number
 * @param amount what the order was worth; never negative
 * @param itemCount how many items it held; zero or more
 * @param touchpoint where it was placed, when known
 * @param attributes host attributes
 */
public record Purchase(
        EventId eventId,
        CustomerId customerId,
        Instant occurredAt,
        String orderId,
        Money amount,
        int itemCount,
        Optional<Touchpoint> touchpoint,
        Map<String, String> attributes) implements CustomerEvent {

    /**
     * Validates the purchase and truncates its instant to {@link CustomerEvent#PRECISION}.
     *
     * @param eventId the event's id
     * @param customerId the customer
     * @param occurredAt when the order was placed; truncated to microseconds
     * @param orderId the host's order number
     * @param amount what the order was worth
     * @param itemCount how many items it held; zero or more
     * @param touchpoint where it was placed, when known
     * @param attributes host attributes
     * @throws IllegalArgumentException when the order id is blank or too long, the item count negative or an
     *     attribute key blank
     * @throws NullPointerException when a component is null
     */
    public Purchase {
        Checks.eventIdentity(eventId, customerId, occurredAt);
        occurredAt = CustomerEvent.atPrecision(occurredAt);
        Checks.identifier("orderId", orderId);
        Checks.present("amount", amount);
        requireItemCount(itemCount);
        Checks.present("touchpoint", touchpoint);
        attributes = Checks.attributes("attributes", attributes);
    }

    /** Returns {@code itemCount} when it is 0 or more; the message does not repeat it (imported data). */
    private static int requireItemCount(int itemCount) {
        if (itemCount < 0) {
            throw new IllegalArgumentException("itemCount: is negative; it must be 0 or more");
        }
        return itemCount;
    }

    /**
     * Starts a purchase of {@code amount} by {@code customerId} at {@code occurredAt}.
     *
     * @param customerId the customer
     * @param occurredAt when the order was placed; truncated to microseconds when the event is built
     * @param amount what the order was worth
     * @return a builder whose order id defaults to the event id and item count to 1
     */
    public static Builder builder(CustomerId customerId, Instant occurredAt, Money amount) {
        return new Builder(customerId, occurredAt, amount);
    }

    @Override
    public EventType eventType() {
        return EventType.PURCHASE;
    }

    @Override
    public Optional<Touchpoint> atTouchpoint() {
        return touchpoint;
    }

    /** Builds a {@link Purchase}; the order id defaults to the event id and the item count to 1. */
    public static final class Builder extends EventBuilder<Builder, Purchase> {
        private final Money amount;
        private String orderId;
        private int itemCount = 1;
        private Optional<Touchpoint> touchpoint = Optional.empty();

        private Builder(CustomerId customerId, Instant occurredAt, Money amount) {
            super(customerId, occurredAt);
            this.amount = Checks.present("amount", amount);
        }

        /**
         * Sets the host's order number.
         *
         * @param value the order number; non-blank, at most 256 characters
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is blank or too long
         */
        public Builder orderId(String value) {
            this.orderId = Checks.identifier("orderId", value);
            return this;
        }

        /**
         * Sets how many items the order held.
         *
         * @param value the number of items, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is negative (the message does not repeat it)
         */
        public Builder itemCount(int value) {
            this.itemCount = requireItemCount(value);
            return this;
        }

        /**
         * Sets where the order was placed.
         *
         * @param value the touchpoint of the order, such as the checkout page
         * @return this builder
         */
        public Builder touchpoint(Touchpoint value) {
            this.touchpoint = Optional.of(value);
            return this;
        }

        @Override
        public Purchase build() {
            EventId id = eventIdOrRandom();
            return new Purchase(id, customerId, occurredAt, orderId != null ? orderId : id.value(), amount, itemCount,
                    touchpoint, attributes);
        }
    }
}
