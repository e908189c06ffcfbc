package dev.cxm.metrics.clv.internal;

/** Argument checks for numbers, in the message style of {@code dev.cxm.core.internal.Checks}. */
public final class Arguments {

    private Arguments() {}

    /** Returns {@code value} when it is a finite number. */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " is not a finite number");
        }
        return value;
    }

    /** Returns {@code value} when it is finite and zero or more. */
    public static double nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " is negative; it must be 0 or more");
        }
        return value;
    }

    /** Returns {@code value} when it is finite and above zero. */
    public static double positive(String field, double value) {
        finite(field, value);
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": " + value + " is not positive; it must be above 0");
        }
        return value;
    }

    /** Returns {@code value} when it is above zero. */
    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": " + value + " is not positive; it must be 1 or more");
        }
        return value;
    }
}
