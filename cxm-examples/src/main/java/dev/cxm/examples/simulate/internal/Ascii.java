package dev.cxm.examples.simulate.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable buffer of ASCII bytes for the rows the simulator writes: text is appended without a
 * {@code String} per number or row, and written to a stream in one call. Everything the simulator writes is
 * ASCII, so a character is a byte.
 */
public final class Ascii {

    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private byte[] bytes;
    private int length;

    /**
     * Creates an empty buffer.
     *
     * @param capacity the initial capacity in bytes
     */
    public Ascii(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            grow(more);
        }
    }

    private void grow(int more) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }

    /**
     * Appends text that is all ASCII.
     *
     * @param text the text
     * @return this buffer
     */
    @SuppressWarnings("deprecation") // the one String method that copies Latin-1 bytes without a new array
    public Ascii append(String text) {
        int n = text.length();
        ensure(n);
        text.getBytes(0, n, bytes, length);
        length += n;
        return this;
    }

    /**
     * Appends bytes.
     *
     * @param fragment the bytes, ASCII
     * @return this buffer
     */
    public Ascii append(byte[] fragment) {
        ensure(fragment.length);
        System.arraycopy(fragment, 0, bytes, length, fragment.length);
        length += fragment.length;
        return this;
    }

    /**
     * Appends one character.
     *
     * @param c the character, ASCII
     * @return this buffer
     */
    public Ascii append(char c) {
        if (length == bytes.length) {
            grow(1);
        }
        bytes[length++] = (byte) c;
        return this;
    }

    /**
     * Appends the two digits of {@code value} (0 to 99) from a table of {@code 00} to {@code 99}.
     *
     * @param table the 200 bytes of {@code 00} to {@code 99}
     * @param value the number, 0 to 99
     * @return this buffer
     */
    Ascii appendTwo(byte[] table, int value) {
        ensure(2);
        bytes[length] = table[2 * value];
        bytes[length + 1] = table[2 * value + 1];
        length += 2;
        return this;
    }

    /**
     * Appends an integer in decimal.
     *
     * @param value the integer
     * @return this buffer
     */
    public Ascii append(long value) {
        if (value < 0) {
            append('-');
            value = -value;
        }
        int digits = 1;
        while (digits < 19 && value >= pow10(digits)) {
            digits++;
        }
        return appendPadded(value, digits);
    }

    /**
     * Appends a non-negative integer in decimal, padded with leading zeros to {@code width} digits.
     *
     * @param value the integer, 0 or more
     * @param width the least number of digits
     * @return this buffer
     */
    public Ascii appendPadded(long value, int width) {
        int digits = 1;
        while (digits < 19 && value >= pow10(digits)) {
            digits++;
        }
        int n = Math.max(width, digits);
        ensure(n);
        for (int i = n - 1; i >= 0; i--) {
            bytes[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += n;
        return this;
    }

    private static long pow10(int digits) {
        return POWERS[digits];
    }

    /**
     * Appends a non-negative fixed-point number: {@code units / 10^decimals} with exactly {@code decimals}
     * places, such as cents as {@code 49.90}.
     *
     * @param units the value in units of the last place, 0 or more
     * @param decimals the number of decimal places, 1 or more
     * @return this buffer
     */
    public Ascii appendFixed(long units, int decimals) {
        long scale = POWERS[decimals];
        append(units / scale);
        append('.');
        return appendPadded(units % scale, decimals);
    }

    /**
     * Appends text as one CSV cell: quoted (doubling quotes) when it holds a comma, a quote or a line break.
     *
     * @param text the cell's text, ASCII
     * @return this buffer
     */
    public Ascii appendCsvCell(String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return append(text);
        }
        append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                append('"');
            }
            append(c);
        }
        return append('"');
    }

    /**
     * Appends text as a JSON string, quotes included; escapes quotes, backslashes and control characters.
     *
     * @param text the string's text, ASCII
     * @return this buffer
     */
    public Ascii appendJsonString(String text) {
        append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                append('\\').append(c);
            } else if (c < 0x20) {
                append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                append(c);
            }
        }
        return append('"');
    }

    /**
     * Returns the number of bytes held.
     *
     * @return the length
     */
    public int length() {
        return length;
    }

    /** Empties the buffer, keeping its capacity. */
    public void clear() {
        length = 0;
    }

    /**
     * Writes the bytes held to {@code out}.
     *
     * @param out the stream
     * @throws IOException when the stream refuses them
     */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
