package dev.cxm.core.internal.io;

import java.math.BigDecimal;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.internal.AsciiNumbers;

/**
 * Reads the numbers of an import's cells in place, with exact shortcuts for the forms exports write: a plain
 * decimal of at most 18 digits ({@code 19.99}) without {@code new BigDecimal(String)}, an integer of at most
 * nine digits without {@link Integer#parseInt}, and an ISO-8601 duration of hours, minutes and seconds
 * ({@code PT5M12S}, {@code PT0.5S}) without {@link Duration#parse}'s regular expression. A shortcut answers
 * {@code null} (or a marker) for every other text, which the caller then gives to the general parser: so a
 * shortcut never decides differently, and the tests compare both value for value.
 */
public final class CellNumbers {

    /** What {@link #smallInt} answers for a text that is not a small integer. */
    public static final long NOT_SMALL = Long.MIN_VALUE;
    /** Most digits a {@code long} holds whatever they are. */
    private static final int LONG_DIGITS = 18;
    /** Most digits of a small integer, or of a duration component here, whose seconds then fit a {@code long}. */
    private static final int SMALL_DIGITS = 9;
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
        BigDecimal plain = text.length() > LONG_DIGITS + 1 ? null : plainDecimal(text.toCharArray(), 0, text.length());
        return plain != null ? plain : AsciiNumbers.parseDecimal(text);
    }

    /**
     * Reads a plain decimal ({@code 19.99}, {@code 7}: ASCII digits with at most one point between digits, at
     * most 18 digits, no sign) as {@link AsciiNumbers#parseDecimal} reads it.
     *
     * @param chars the characters
     * @param from where the number starts
     * @param to where it ends
     * @return the number, or null when the text is not of that form
     */
    public static @Nullable BigDecimal plainDecimal(char[] chars, int from, int to) {
        int length = to - from;
        if (length == 0 || length > LONG_DIGITS + 1) {
            return null;
        }
        long unscaled = 0;
        int point = -1;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (isDigit(c)) {
                unscaled = unscaled * 10 + (c - '0');
            } else if (c == '.' && point < 0 && i > from && i < to - 1) {
                point = i;
            } else {
                return null;
            }
        }
        if (point < 0 && length > LONG_DIGITS) {
            return null;
        }
        return BigDecimal.valueOf(unscaled, point < 0 ? 0 : to - 1 - point);
    }

    /**
     * Reads an optionally signed integer of one to nine ASCII digits, as {@link AsciiNumbers#parseInt} reads
     * it.
     *
     * @param chars the characters
     * @param from where the number starts
     * @param to where it ends
     * @return the integer, or {@link #NOT_SMALL} when the text is not of that form
     */
    public static long smallInt(char[] chars, int from, int to) {
        int start = from < to && (chars[from] == '-' || chars[from] == '+') ? from + 1 : from;
        if (start == to || to - start > SMALL_DIGITS) {
            return NOT_SMALL;
        }
        int value = 0;
        for (int i = start; i < to; i++) {
            char c = chars[i];
            if (!isDigit(c)) {
                return NOT_SMALL;
            }
            value = value * 10 + (c - '0');
        }
        return chars[from] == '-' ? -value : value;
    }

    /**
     * Reads an ISO-8601 duration; see {@link #isoDuration(char[], int, int)}.
     *
     * @param text the text
     * @return the duration, or null when the text is not of that form
     */
    public static @Nullable Duration isoDuration(String text) {
        return text.length() > 40 ? null : isoDuration(text.toCharArray(), 0, text.length());
    }

    /**
     * Reads an ISO-8601 duration of the form {@code PT[nH][nM][n[.f]S]} (upper case, no sign, each number of
     * at most nine digits, a fraction of one to nine digits), as {@link Duration#parse} reads it.
     *
     * @param chars the characters
     * @param from where the duration starts
     * @param to where it ends
     * @return the duration, or null when the text is not of that form (then {@link Duration#parse} decides)
     */
    public static @Nullable Duration isoDuration(char[] chars, int from, int to) {
        if (to - from < 4 || chars[from] != 'P' || chars[from + 1] != 'T') {
            return null;
        }
        long seconds = 0;
        int nanos = 0;
        int position = from + 2;
        // The units must come in this order, each at most once: H, then M, then S.
        int nextUnit = 0;
        while (position < to) {
            int start = position;
            long value = 0;
            while (position < to && position - start <= SMALL_DIGITS && isDigit(chars[position])) {
                value = value * 10 + chars[position++] - '0';
            }
            int digits = position - start;
            if (digits == 0 || digits > SMALL_DIGITS || position == to) {
                return null;
            }
            char unit = chars[position++];
            if (unit == 'H' && nextUnit == 0) {
                seconds += value * 3_600;
                nextUnit = 1;
            } else if (unit == 'M' && nextUnit <= 1) {
                seconds += value * 60;
                nextUnit = 2;
            } else if (unit == 'S' && position == to) {
                seconds += value;
                nextUnit = 3;
            } else if (unit == '.' && nextUnit <= 2) {
                int fractionStart = position;
                int fraction = 0;
                while (position < to && position - fractionStart < 9 && isDigit(chars[position])) {
                    fraction = fraction * 10 + chars[position++] - '0';
                }
                int width = position - fractionStart;
                if (width == 0 || position != to - 1 || chars[position] != 'S') {
                    return null;
                }
                seconds += value;
                nanos = fraction * NANO_SCALE[9 - width];
                position = to;
                nextUnit = 3;
            } else {
                return null;
            }
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    /**
     * Returns the text as a count of whole units when it is a plain non-negative integer of at most nine
     * ASCII digits, times {@code unitNanos}, as nanoseconds; or -1 when it is not, or the product does not
     * fit a {@code long}.
     *
     * @param chars the characters
     * @param from where the number starts
     * @param to where it ends
     * @param unitNanos the unit's length in nanoseconds
     * @return the nanoseconds, or -1
     */
    public static long wholeUnitsAsNanos(char[] chars, int from, int to, long unitNanos) {
        if (from == to || to - from > SMALL_DIGITS || chars[from] == '-' || chars[from] == '+') {
            return -1;
        }
        long value = smallInt(chars, from, to);
        if (value == NOT_SMALL) {
            return -1;
        }
        long high = Math.multiplyHigh(value, unitNanos);
        long product = value * unitNanos;
        return high != 0 || product < 0 ? -1 : product;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
