package dev.cxm.core.internal.io;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Parses the texts of a column that holds few distinct values (event types, channels, currencies, scales)
 * once each: a text seen before gives the value parsed then. Only texts that parsed are kept, at most
 * {@value #LIMIT} of them, so a column of ever-new texts costs a parse per row, never memory.
 *
 * <p>The table is keyed by the text's length and first and last characters, and a hit is confirmed character
 * by character: a cell is read in place, without a string of its own.
 *
 * @param <T> the parsed value, immutable
 */
public final class ParsedTexts<T> {

    /** Most texts kept. */
    static final int LIMIT = 256;
    /** Slots of the open-addressing table: a power of two, at least twice the limit. */
    private static final int SLOTS = 512;

    private final Function<String, T> parser;
    private final char[][] keys = new char[SLOTS][];
    private final Object[] values = new Object[SLOTS];
    private int size;

    /**
     * Parses with {@code parser}, which throws {@link IllegalArgumentException} for a text it refuses.
     *
     * @param parser the parser
     */
    public ParsedTexts(Function<String, T> parser) {
        this.parser = parser;
    }

    /**
     * Returns {@code text} parsed.
     *
     * @param text the text
     * @return what the parser makes of it
     * @throws IllegalArgumentException when the parser refuses it
     */
    T parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    /**
     * Returns the text {@code chars[from, to)} parsed; it becomes a string only the first time it is seen.
     *
     * @param chars the characters
     * @param from where the text starts
     * @param to where it ends
     * @return what the parser makes of it
     * @throws IllegalArgumentException when the parser refuses it
     */
    @SuppressWarnings("unchecked")
    public T parse(char[] chars, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return parser.apply("");
        }
        int slot = (length * 961 + chars[from] * 31 + chars[to - 1]) & (SLOTS - 1);
        for (char[] key = keys[slot]; key != null; key = keys[slot]) {
            if (matches(key, chars, from, length)) {
                return (T) values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        String text = new String(chars, from, length);
        T value = parser.apply(text);
        if (size < LIMIT) {
            keys[slot] = text.toCharArray();
            values[slot] = value;
            size++;
        }
        return value;
    }

    /**
     * Returns whether {@code key} is the text {@code chars[from, from + length)}: a plain loop, which for the
     * few characters of these texts is quicker than {@link Arrays#equals}'s vectorised mismatch.
     */
    private static boolean matches(char[] key, char[] chars, int from, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != chars[from + i]) {
                return false;
            }
        }
        return true;
    }
}
