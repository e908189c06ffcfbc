package dev.cxm.core.model;

import dev.cxm.core.internal.Checks;

/**
 * Identifies a touchpoint, such as {@code "checkout-page"} or {@code "support-hotline"}.
 *
 * @param value non-blank, at most 256 characters
 */
public record TouchpointId(String value) implements Comparable<TouchpointId> {

    /** Validates the id. */
    public TouchpointId {
        Checks.identifier("touchpointId", value);
    }

    /** Returns the touchpoint id with the given value. */
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
