package dev.cxm.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * An order the customer placed.
 *
 * <p>An immutable value with the equality of a record of its components (in the order of its constructor's
 * parameters). It is a final class rather than a record so that it holds its instant as two primitives, not
 * as an {@link Instant} object of its own: 16 bytes less per event held in memory ({@code docs/PERFORMANCE.md}).
 */
public final class Purchase extends EventBase implements CustomerEvent {

    private final String orderId;
    private final Money amount;
    private final int itemCount;
    private final Optional<Touchpoint> touchpoint;
    private final Map<String, String> attributes;

    /**
     * Validates the purchase and truncates its instant to {@link CustomerEvent#PRECISION}.
     *
     * @param eventId the event's id
     * @param customerId the customer
     * @param occurredAt when the order was placed; truncated to microseconds
     * @param orderId the host's order number
     * @param amount what the order was worth; never negative
     * @param itemCount how many items it held; zero or more
     * @param touchpoint where it was placed, when known
     * @param attributes host attributes
     * @throws IllegalArgumentException when the order id is blank or too long, the item count negative or an
     *     attribute key blank
     * @throws NullPointerException when a component is null
     */
    public Purchase(EventId eventId, CustomerId customerId, Instant occurredAt, String orderId, Money amount,
            int itemCount, Optional<Touchpoint> touchpoint, Map<String, String> attributes) {
        super(eventId, customerId, occurredAt);
        Checks.identifier("orderId", orderId);
        Checks.present("amount", amount);
        requireItemCount(itemCount);
        Checks.present("touchpoint", touchpoint);
        this.orderId = orderId;
        this.amount = amount;
        this.itemCount = itemCount;
        this.touchpoint = touchpoint;
        this.attributes = Checks.attributes("attributes", attributes);
    }

    /** A copy of {@code source} with equal, shared parts; for {@link EventBase}'s copier, which checks nothing. */
    Purchase(Purchase source, CustomerId customerId, Optional<Touchpoint> touchpoint) {
        super(source, customerId);
        this.orderId = source.orderId;
        this.amount = source.amount;
        this.itemCount = source.itemCount;
        this.touchpoint = touchpoint;
        this.attributes = source.attributes;
    }

    /**
     * Returns the host's order number.
     *
     * @return the order id; non-blank, at most 256 characters
     */
    public String orderId() {
        return orderId;
    }

    /**
     * Returns what the order was worth.
     *
     * @return the amount; never negative
     */
    public Money amount() {
        return amount;
    }

    /**
     * Returns how many items the order held.
     *
     * @return the item count; zero or more
     */
    public int itemCount() {
        return itemCount;
    }

    /**
     * Returns where the order was placed.
     *
     * @return the touchpoint, or empty when not known
     */
    public Optional<Touchpoint> touchpoint() {
        return touchpoint;
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
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

    /**
     * Returns whether {@code other} is a purchase with equal components, as a record compares.
     *
     * @param other any object
     * @return whether it is an equal purchase
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Purchase that
                && sameBase(that) && itemCount == that.itemCount
                && orderId.equals(that.orderId) && amount.equals(that.amount)
                && touchpoint.equals(that.touchpoint) && attributes.equals(that.attributes);
    }

    /**
     * Returns the hash a record of these components returns (the instant's as {@link Instant#hashCode()}).
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int hash = baseHash();
        hash = hash * 31 + orderId.hashCode();
        hash = hash * 31 + amount.hashCode();
        hash = hash * 31 + Integer.hashCode(itemCount);
        hash = hash * 31 + touchpoint.hashCode();
        return hash * 31 + attributes.hashCode();
    }

    /**
     * Returns the components as a record shows them: {@code Purchase[eventId=..., ...]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Purchase[eventId=" + eventId() + ", customerId=" + customerId() + ", occurredAt=" + occurredAt()
                + ", orderId=" + orderId + ", amount=" + amount + ", itemCount=" + itemCount
                + ", touchpoint=" + touchpoint + ", attributes=" + attributes + "]";
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
