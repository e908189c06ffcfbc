package dev.cxm.metrics.drivers.internal;

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
        String cell = text.strip();
        if (!wellFormed(cell)) {
            return Double.NaN;
        }
        double value = Double.parseDouble(cell);
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
        return cell.isEmpty() ? Problem.EMPTY : wellFormed(cell) ? Problem.OUT_OF_RANGE : Problem.NOT_A_NUMBER;
    }

    private static boolean wellFormed(String cell) {
        int length = cell.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        int i = 0;
        if (cell.charAt(i) == '+' || cell.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        while (i < length && isDigit(cell.charAt(i))) {
            i++;
            digits++;
        }
        if (i < length && cell.charAt(i) == '.') {
            i++;
            while (i < length && isDigit(cell.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < length && (cell.charAt(i) == 'e' || cell.charAt(i) == 'E')) {
            i++;
            if (i < length && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < length && isDigit(cell.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == length;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
