package dev.cxm.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A window of characters over a reader, for the hand-written readers of import text: it keeps the unread part
 * of its buffer, moves it to the front when more is read, grows the buffer when one row or line fills it, and
 * skips a byte-order mark at the start of the input.
 *
 * <p>The readers copy {@link #chars()} and {@link #end()} into their own fields after each {@link #fill}, so
 * their scanning loops index a plain array.
 */
final class CharWindow {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int CHUNK = 1 << 16;

    private final Reader input;
    private char[] chars = new char[CHUNK];
    private int end;
    private boolean endOfInput;
    private boolean started;

    CharWindow(Reader input) {
        this.input = input;
    }

    /**
     * Keeps the characters from {@code unread} on, moved to the start of the buffer (growing it when they fill
     * it), and reads more until the buffer is full or the input ends; a reader of short reads so does not make
     * a long row be scanned again and again.
     *
     * @param unread where the characters not yet consumed start
     * @return where they start now (0, or 1 past a byte-order mark at the start of the input)
     * @throws IOException when reading fails
     */
    int fill(int unread) throws IOException {
        int start = unread;
        int pending = end - start;
        if (start > 0) {
            System.arraycopy(chars, start, chars, 0, pending);
            start = 0;
            end = pending;
        } else if (end == chars.length) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
        while (end < chars.length) {
            int count = input.read(chars, end, chars.length - end);
            if (count < 0) {
                endOfInput = true;
                break;
            }
            end += count;
        }
        if (!started && end > 0) {
            started = true;
            if (chars[0] == BYTE_ORDER_MARK) {
                start = 1;
            }
        }
        return start;
    }

    /** Returns the buffer; it changes when {@link #fill} grows it. */
    char[] chars() {
        return chars;
    }

    /** Returns the end of the characters read into {@link #chars()}. */
    int end() {
        return end;
    }

    /** Returns whether the input has ended: no {@link #fill} will add characters. */
    boolean endOfInput() {
        return endOfInput;
    }

    /** Closes the reader. */
    void close() throws IOException {
        input.close();
    }
}
