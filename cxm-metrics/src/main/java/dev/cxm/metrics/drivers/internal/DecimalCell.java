package dev.cxm.metrics.drivers.internal;

import dev.cxm.core.internal.AsciiNumbers;

/**
 * Reads a CSV cell as a number, strictly: ASCII digits with an optional sign, decimal point and exponent
 * ({@code -3}, {@code 4.5}, {@code .5}, {@code 1e3}), surrounding spaces ignored. Everything else
 * {@link Double#parseDouble} would take is refused: {@code NaN}, {@code Infinity}, hexadecimal, a trailing
 * {@code d} or {@code f}, a decimal comma, other scripts' digits.
 */
public final class DecimalCell {

    /** Longest text read as a number; a longer one only costs time. */
    public static final int MAX_LENGTH = 100;

    /** What is wrong with a cell. */
    public enum Problem {
        /** The cell is empty or blank. */
        EMPTY,
        /** The cell is not a number in the accepted syntax. */
        NOT_A_NUMBER,
        /** The cell is a number too large for a double. */
        OUT_OF_RANGE
    }

    private DecimalCell() {}

    /**
     * Returns the number in a cell, or NaN when it is none; {@link #problem} then says why.
     *
     * @param text the cell's text
     * @return the number, finite, or NaN
     */
    public static double parse(String text) {
        double value = value(text.strip());
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /**
     * Returns what is wrong with a cell that {@link #parse} refused.
     *
     * @param text the cell's text
     * @return the problem
     */
    public static Problem problem(String text) {
        String cell = text.strip();
        return cell.isEmpty() ? Problem.EMPTY
                : Double.isNaN(value(cell)) ? Problem.NOT_A_NUMBER : Problem.OUT_OF_RANGE;
    }

    /** Returns the stripped cell's number, infinite when too large, NaN when it is none or too long. */
    private static double value(String cell) {
        return cell.isEmpty() || cell.length() > MAX_LENGTH ? Double.NaN
                : AsciiNumbers.parseDouble(cell.toCharArray(), 0, cell.length());
    }
}
