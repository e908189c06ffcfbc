package dev.cxm.core.internal;

import java.math.BigDecimal;

/**
 * Reads numbers written with ASCII digits only. {@link Integer#parseInt} and {@link BigDecimal#BigDecimal(String)}
 * also accept other scripts' digits (Devanagari {@code ९}, Arabic-Indic {@code ٩}), which in an import means a
 * cell that no other tool reads as a number becomes one; {@link Double#parseDouble} also takes {@code NaN},
 * {@code Infinity}, hexadecimal ({@code 0x1p3}) and a type suffix ({@code 1d}, {@code 2f}).
 */
public final class AsciiNumbers {

    /**
     * Longest text read as a decimal: a bounded amount needs at most 38 characters, and a longer text would
     * only cost time (stripping a million trailing zeros takes minutes).
     */
    public static final int MAX_DECIMAL_LENGTH = 100;

    /** The powers of ten a {@code double} holds exactly. */
    private static final double[] EXACT_POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
        1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** Most significant digits of a mantissa that a {@code double} holds exactly whatever they are. */
    private static final int EXACT_DIGITS = 15;
    /** Most digits a {@code long} holds whatever they are. */
    private static final int LONG_DIGITS = 18;

    private AsciiNumbers() {}

    /**
     * Parses a plain decimal number: an optional sign, ASCII digits with at most one decimal point (at least one
     * digit: {@code 3}, {@code -4.5}, {@code .5}, {@code 7.}) and an optional exponent ({@code e} or {@code E},
     * an optional sign, ASCII digits), as {@link Double#parseDouble} reads it: correctly rounded, and infinite
     * when it is too large for a {@code double}. Every other text {@code parseDouble} would take is refused.
     *
     * <p>Exact without {@code parseDouble} for up to 15 significant digits and a power of ten up to 22 (one
     * rounding of exact operands), which covers what exports write; longer numbers go to {@code parseDouble}
     * once their form is checked.
     *
     * @param chars the characters
     * @param from where the number starts (no blanks around it)
     * @param to where it ends
     * @return the number, possibly infinite; NaN when the text is not of this form
     */
    public static double parseDouble(char[] chars, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (chars[i] == '+' || chars[i] == '-')) {
            negative = chars[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        boolean anyDigit = false;
        boolean point = false;
        for (; i < to; i++) {
            char c = chars[i];
            if (isDigit(c)) {
                anyDigit = true;
                if (significant < LONG_DIGITS) {
                    if (mantissa != 0 || c != '0') {
                        significant++;
                    }
                    mantissa = mantissa * 10 + (c - '0');
                    if (point) {
                        scale--;
                    }
                } else if (!point) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (!anyDigit) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < to) {
            if (chars[i] != 'e' && chars[i] != 'E') {
                return Double.NaN;
            }
            i++;
            boolean negativeExponent = false;
            if (i < to && (chars[i] == '+' || chars[i] == '-')) {
                negativeExponent = chars[i] == '-';
                i++;
            }
            if (i == to) {
                return Double.NaN;
            }
            for (; i < to; i++) {
                char c = chars[i];
                if (!isDigit(c)) {
                    return Double.NaN;
                }
                // Only whether the power is small matters here; parseDouble reads a large one.
                exponent = Math.min(100_000, exponent * 10 + (c - '0'));
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        int power = scale + exponent;
        if (significant > EXACT_DIGITS || power < -22 || power > 22) {
            return Double.parseDouble(new String(chars, from, to - from));
        }
        double value = power >= 0 ? mantissa * EXACT_POWERS_OF_TEN[power] : mantissa / EXACT_POWERS_OF_TEN[-power];
        return negative ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Parses an optionally signed integer of ASCII digits.
     *
     * @param text the text, without surrounding blanks
     * @return the integer
     * @throws NumberFormatException when the text is not such an integer or does not fit an {@code int}
     */
    public static int parseInt(String text) {
        int length = text.length();
        int start = length > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (start == length) {
            throw new NumberFormatException("not an integer");
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not an integer");
            }
        }
        return Integer.parseInt(text);
    }

    /**
     * Parses a decimal number of ASCII characters in {@link BigDecimal}'s syntax (an optional sign, digits with
     * an optional point, an optional exponent such as {@code e3}) of at most {@link #MAX_DECIMAL_LENGTH}
     * characters.
     *
     * @param text the text, without surrounding blanks
     * @return the number
     * @throws NumberFormatException when the text is not such a number
     */
    public static BigDecimal parseDecimal(String text) {
        int length = text.length();
        if (length > MAX_DECIMAL_LENGTH) {
            throw new NumberFormatException("longer than " + MAX_DECIMAL_LENGTH + " characters");
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '+' && c != '-' && c != 'e' && c != 'E') {
                throw new NumberFormatException("not a decimal number");
            }
        }
        return new BigDecimal(text);
    }
}
