package dev.cxm.core.internal.io;

import java.util.Arrays;

/**
 * The values read from texts seen before, for the parts of an NDJSON line that repeat from line to line
 * character for character (a touchpoint's object, a scale's): a text that starts where one seen before
 * starts, with all of that one's characters, gives the value read then, without reading it again. A text's
 * slot is chosen by a hash of its first {@value #SHORTEST} characters; it is kept there or, when that slot is
 * taken, in the next one (replacing what that held). Texts shorter than that, or longer than
 * {@value #LONGEST} characters, are not kept.
 *
 * <p>Only texts that are whole values (an object up to its closing brace) and mean the same wherever they
 * appear may be kept, so that the same characters always mean the same value.
 *
 * @param <T> the value, immutable
 */
final class SeenTexts<T> {

    /** Slots: a power of two. */
    private static final int SLOTS = 128;
    /** The shortest text kept: this many characters choose a text's slot. */
    static final int SHORTEST = 24;
    /** The longest text kept, so that the table stays small whatever the input. */
    static final int LONGEST = 512;

    private final char[][] texts = new char[SLOTS][];
    private final Object[] values = new Object[SLOTS];

    /**
     * Returns the slot of the text seen before that {@code chars} holds from {@code from} on (ending before
     * {@code to}), or -1 when there is none.
     *
     * @param chars the characters
     * @param from where the text would start
     * @param to where the characters end
     * @return the slot, for {@link #length} and {@link #value}; or -1
     */
    int find(char[] chars, int from, int to) {
        if (to - from < SHORTEST) {
            return -1;
        }
        int slot = slotOf(chars, from);
        if (holds(slot, chars, from, to)) {
            return slot;
        }
        int second = (slot + 1) & (SLOTS - 1);
        return holds(second, chars, from, to) ? second : -1;
    }

    private boolean holds(int slot, char[] chars, int from, int to) {
        char[] text = texts[slot];
        if (text == null || to - from < text.length) {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (chars[from + i] != text[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the length of the text in {@code slot}.
     *
     * @param slot a slot {@link #find} returned
     * @return the number of characters
     */
    int length(int slot) {
        return texts[slot].length;
    }

    /**
     * Returns the value read from the text in {@code slot}.
     *
     * @param slot a slot {@link #find} returned
     * @return the value
     */
    @SuppressWarnings("unchecked")
    T value(int slot) {
        return (T) values[slot];
    }

    /**
     * Keeps {@code chars[from, to)}, a whole value, with the value read from it; a text shorter than
     * {@value #SHORTEST} or longer than {@value #LONGEST} characters is not kept.
     *
     * @param chars the characters
     * @param from where the text starts
     * @param to where it ends
     * @param value the value it means
     */
    void remember(char[] chars, int from, int to, T value) {
        if (to - from < SHORTEST || to - from > LONGEST) {
            return;
        }
        int slot = slotOf(chars, from);
        if (texts[slot] != null) {
            // Two texts of one hash both stay; a third takes the second place.
            slot = (slot + 1) & (SLOTS - 1);
        }
        texts[slot] = Arrays.copyOfRange(chars, from, to);
        values[slot] = value;
    }

    /** Returns the slot of the text at {@code from}, of at least {@value #SHORTEST} characters. */
    private static int slotOf(char[] chars, int from) {
        int hash = 0;
        for (int i = from; i < from + SHORTEST; i++) {
            hash = 31 * hash + chars[i];
        }
        return (hash ^ hash >>> 7 ^ hash >>> 16) & (SLOTS - 1);
    }
}
