package dev.cxm.core.internal.io;

import java.util.function.Function;

/**
 * Parses the texts of a column that holds few distinct values (event types, channels, currencies, scales)
 * once each: a text seen before gives the value parsed then. Only texts that parsed are kept, at most
 * {@value #LIMIT} of them, so a column of ever-new texts costs a parse per row, never memory.
 *
 * <p>The table is keyed by the text's length and first and last characters, and a hit is confirmed with
 * {@link String#equals}: a cell is a new string in every row, and its full hash code would be computed anew
 * each time.
 *
 * @param <T> the parsed value, immutable
 */
final class ParsedTexts<T> {

    /** Most texts kept. */
    static final int LIMIT = 256;
    /** Slots of the open-addressing table: a power of two, at least twice the limit. */
    private static final int SLOTS = 512;

    private final Function<String, T> parser;
    private final String[] keys = new String[SLOTS];
    private final Object[] values = new Object[SLOTS];
    private int size;

    /**
     * Parses with {@code parser}, which throws {@link IllegalArgumentException} for a text it refuses.
     *
     * @param parser the parser
     */
    ParsedTexts(Function<String, T> parser) {
        this.parser = parser;
    }

    /**
     * Returns {@code text} parsed.
     *
     * @param text the text, not empty
     * @return what the parser makes of it
     * @throws IllegalArgumentException when the parser refuses it
     */
    @SuppressWarnings("unchecked")
    T parse(String text) {
        int length = text.length();
        if (length == 0) {
            return parser.apply(text);
        }
        int slot = (length * 961 + text.charAt(0) * 31 + text.charAt(length - 1)) & (SLOTS - 1);
        for (String key = keys[slot]; key != null; key = keys[slot]) {
            if (key.equals(text)) {
                return (T) values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        T value = parser.apply(text);
        if (size < LIMIT) {
            keys[slot] = text;
            values[slot] = value;
            size++;
        }
        return value;
    }
}
