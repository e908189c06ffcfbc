package dev.cxm.core.internal;

import java.math.BigDecimal;

/**
 * Reads numbers written with ASCII digits only. {@link Integer#parseInt} and {@link BigDecimal#BigDecimal(String)}
 * also accept other scripts' digits (Devanagari {@code ९}, Arabic-Indic {@code ٩}), which in an import means a
 * cell that no other tool reads as a number becomes one.
 */
public final class AsciiNumbers {

    /**
     * Longest text read as a decimal: a bounded amount needs at most 38 characters, and a longer text would
     * only cost time (stripping a million trailing zeros takes minutes).
     */
    public static final int MAX_DECIMAL_LENGTH = 100;

    private AsciiNumbers() {}

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
