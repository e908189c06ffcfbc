package dev.cxm.core.model;

import dev.cxm.core.internal.Checks;

/**
 * Identifies a touchpoint, such as {@code "checkout-page"} or {@code "support-hotline"}.
 *
 * @param value non-blank, at most 256 characters
 */
public record TouchpointId(String value) implements Comparable<TouchpointId> {

    /**
     * Validates the id.
     *
     * @param value the touchpoint's key, such as {@code "checkout-page"}; non-blank, at most 256 characters
     * @throws IllegalArgumentException if {@code value} is blank or longer than 256 characters
     */
    public TouchpointId {
        Checks.identifier("touchpointId", value);
    }

    /**
     * Returns the touchpoint id with the given value.
     *
     * @param value the touchpoint's key, such as {@code "checkout-page"}; non-blank, at most 256 characters
     * @return the id
     * @throws IllegalArgumentException if {@code value} is blank or longer than 256 characters
     */
    public static TouchpointId of(String value) {
        return new TouchpointId(value);
    }

    @Override
    public int compareTo(TouchpointId other) {
        return value.compareTo(other.value);
    }

    /** Returns the bare id. */
    @Override
    public String toString() {
        return value;
    }
}
