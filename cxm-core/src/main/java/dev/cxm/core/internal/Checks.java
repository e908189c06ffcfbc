package dev.cxm.core.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import com.google.common.collect.ImmutableMap;

/**
 * Argument checks shared by the value types of cxm-core.
 *
 * <p>Every failure names the field, the offending value (only where it is not personal data) and the
 * rule, so that a message such as {@code score: 11 is outside the NPS scale 0..10} needs no lookup.
 */
public final class Checks {

    /** Longest identifier accepted, in characters; ids are keys, not documents. */
    public static final int MAX_ID_LENGTH = 256;

    private Checks() {}

    /** Returns {@code value} when it is non-null and not blank, else throws naming {@code field}. */
    public static String nonBlank(String field, String value) {
        Objects.requireNonNull(value, () -> field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(
                    field + ": \"" + value + "\" is blank; it must contain a non-whitespace character");
        }
        return value;
    }

    /** Returns {@code value} when it is a non-blank identifier of at most {@link #MAX_ID_LENGTH} characters. */
    public static String identifier(String field, String value) {
        nonBlank(field, value);
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(field + ": an id of " + value.length()
                    + " characters is too long; the limit is " + MAX_ID_LENGTH);
        }
        return value;
    }

    /** Returns {@code value} when it is zero or positive. */
    public static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " is negative; it must be 0 or more");
        }
        return value;
    }

    /**
     * Returns {@code values} when it and every element are non-null, else throws naming the position of the
     * first null element.
     *
     * @param field the name of the collection, for the message
     * @param values the collection
     * @param <C> the collection's type
     * @return {@code values}
     * @throws NullPointerException naming the field, and the position of a null element
     */
    public static <C extends Collection<?>> C noNullElements(String field, C values) {
        present(field, values);
        int position = 0;
        for (Object value : values) {
            if (value == null) {
                throw new NullPointerException(field + ": the element at position " + position
                        + " (counting from 0) is null; every element must be present");
            }
            position++;
        }
        return values;
    }

    /**
     * Returns {@code value} when it is at least 1.
     *
     * @param field the field's name, for the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException naming the field, the value and the rule otherwise
     */
    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": " + value + " is not positive; it must be 1 or more");
        }
        return value;
    }

    /**
     * Returns {@code value} when it is a finite number (not NaN, not infinite).
     *
     * @param field the field's name, for the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException naming the field, the value and the rule otherwise
     */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " is not a finite number; it must be one");
        }
        return value;
    }

    /**
     * Returns {@code value} when it is finite and 0 or more.
     *
     * @param field the field's name, for the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException naming the field, the value and the rule otherwise
     */
    public static double nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " is negative; it must be 0 or more");
        }
        return value;
    }

    /**
     * Returns {@code value} when it is finite and above 0.
     *
     * @param field the field's name, for the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException naming the field, the value and the rule otherwise
     */
    public static double positive(String field, double value) {
        finite(field, value);
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": " + value + " is not positive; it must be above 0");
        }
        return value;
    }

    /** Returns {@code value} when it is non-null. */
    public static <T> T present(String field, T value) {
        return Objects.requireNonNull(value, () -> field + " must not be null");
    }

    /** Checks the fields every customer event has: its id, its customer and its instant. */
    public static void eventIdentity(Object eventId, Object customerId, Object occurredAt) {
        present("eventId", eventId);
        present("customerId", customerId);
        present("occurredAt", occurredAt);
    }

    /**
     * Returns an immutable, insertion-ordered copy of an attribute map whose keys are non-blank and whose
     * values are non-null; an empty map is the shared empty instance, so events without attributes cost
     * nothing extra.
     */
    public static Map<String, String> attributes(String field, Map<String, String> attributes) {
        present(field, attributes);
        if (attributes.isEmpty()) {
            return ImmutableMap.of();
        }
        attributes.forEach((key, value) -> {
            Objects.requireNonNull(key, () -> field + " must not contain a null key");
            if (key.isBlank()) {
                throw new IllegalArgumentException(field + ": key \"" + key + "\" is blank; keys must be non-blank");
            }
            Objects.requireNonNull(value, () -> field + ": the value of key \"" + key + "\" must not be null");
        });
        return ImmutableMap.copyOf(attributes);
    }
}
