package dev.cxm.core.internal.io;

import java.math.BigDecimal;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.internal.AsciiNumbers;

/**
 * Reads the numbers of an import's cells, with exact shortcuts for the forms exports write: a plain decimal
 * of at most 18 digits ({@code 19.99}) without {@code new BigDecimal(String)}, and an ISO-8601 duration of
 * hours, minutes and seconds ({@code PT5M12S}, {@code PT0.5S}) without {@link Duration#parse}'s regular
 * expression. Every other text goes to the general parsers, so a shortcut never decides differently; the tests
 * compare both value for value.
 */
public final class CellNumbers {

    /** Most digits a {@code long} holds whatever they are. */
    private static final int LONG_DIGITS = 18;
    /** Most digits a duration component may have here; its seconds then fit a {@code long}. */
    private static final int COMPONENT_DIGITS = 9;
    private static final int[] NANO_SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000, 1_000_000_000};

    private CellNumbers() {}

    /**
     * Parses a decimal as {@link AsciiNumbers#parseDecimal} does, giving an equal {@link BigDecimal} (the same
     * unscaled value and scale).
     *
     * @param text the text, without surrounding blanks
     * @return the number
     * @throws NumberFormatException when the text is not a decimal number of ASCII characters
     */
    public static BigDecimal decimal(String text) {
        int length = text.length();
        if (length == 0 || length > LONG_DIGITS + 1) {
            return AsciiNumbers.parseDecimal(text);
        }
        long unscaled = 0;
        int point = -1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
            } else if (c == '.' && point < 0 && i > 0 && i < length - 1) {
                point = i;
            } else {
                return AsciiNumbers.parseDecimal(text);
            }
        }
        if (point < 0 && length > LONG_DIGITS) {
            return AsciiNumbers.parseDecimal(text);
        }
        return BigDecimal.valueOf(unscaled, point < 0 ? 0 : length - 1 - point);
    }

    /**
     * Reads an ISO-8601 duration of the form {@code PT[nH][nM][n[.f]S]} (upper case, no sign, each number of
     * at most nine digits, a fraction of one to nine digits), as {@link Duration#parse} reads it.
     *
     * @param text the text
     * @return the duration, or null when the text is not of that form (then {@link Duration#parse} decides)
     */
    public static @Nullable Duration isoDuration(String text) {
        int length = text.length();
        if (length < 4 || text.charAt(0) != 'P' || text.charAt(1) != 'T') {
            return null;
        }
        long seconds = 0;
        int nanos = 0;
        int position = 2;
        // The units must come in this order, each at most once: H, then M, then S.
        int nextUnit = 0;
        while (position < length) {
            int start = position;
            long value = 0;
            while (position < length && position - start <= COMPONENT_DIGITS && isDigit(text.charAt(position))) {
                value = value * 10 + text.charAt(position++) - '0';
            }
            int digits = position - start;
            if (digits == 0 || digits > COMPONENT_DIGITS || position == length) {
                return null;
            }
            char unit = text.charAt(position++);
            if (unit == 'H' && nextUnit == 0) {
                seconds += value * 3_600;
                nextUnit = 1;
            } else if (unit == 'M' && nextUnit <= 1) {
                seconds += value * 60;
                nextUnit = 2;
            } else if (unit == 'S' && position == length) {
                seconds += value;
                nextUnit = 3;
            } else if (unit == '.' && nextUnit <= 2) {
                int fractionStart = position;
                int fraction = 0;
                while (position < length && position - fractionStart < 9 && isDigit(text.charAt(position))) {
                    fraction = fraction * 10 + text.charAt(position++) - '0';
                }
                int width = position - fractionStart;
                if (width == 0 || position != length - 1 || text.charAt(position) != 'S') {
                    return null;
                }
                seconds += value;
                nanos = fraction * NANO_SCALE[9 - width];
                position = length;
                nextUnit = 3;
            } else {
                return null;
            }
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    /**
     * Returns {@code text} as a count of whole units when it is a plain non-negative integer of at most nine
     * ASCII digits, times {@code unitNanos}, as nanoseconds; or -1 when it is not, or the product does not
     * fit a {@code long}.
     *
     * @param text the cell
     * @param unitNanos the unit's length in nanoseconds
     * @return the nanoseconds, or -1
     */
    public static long wholeUnitsAsNanos(String text, long unitNanos) {
        int length = text.length();
        if (length == 0 || length > COMPONENT_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        long high = Math.multiplyHigh(value, unitNanos);
        long product = value * unitNanos;
        return high != 0 || product < 0 ? -1 : product;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
