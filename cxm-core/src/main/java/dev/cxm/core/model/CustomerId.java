package dev.cxm.core.model;

import dev.cxm.core.internal.Checks;

/**
 * Identifies one customer across every store and calculator.
 *
 * @param value the host application's customer key; non-blank, at most 256 characters
 */
public record CustomerId(String value) implements Comparable<CustomerId> {

    /**
     * Validates the id.
     *
     * @param value the host application's customer key; non-blank, at most 256 characters
     * @throws IllegalArgumentException if {@code value} is blank or longer than 256 characters
     */
    public CustomerId {
        Checks.identifier("customerId", value);
    }

    /**
     * Returns the customer id with the given value.
     *
     * @param value the host application's customer key; non-blank, at most 256 characters
     * @return the id
     * @throws IllegalArgumentException if {@code value} is blank or longer than 256 characters
     */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    /** Returns the bare id, so that ids print as themselves in messages and tables. */
    @Override
    public String toString() {
        return value;
    }
}
