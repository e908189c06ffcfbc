package dev.cxm.core.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A window of UTF-8 bytes over a stream, as {@link CharWindow} is of characters: it keeps the unread part of
 * its buffer, moves it to the front when more is read, grows the buffer when one line fills it, and skips a
 * byte-order mark ({@code EF BB BF}) at the start of the input.
 *
 * <p>It checks the bytes it reads as the JDK's UTF-8 decoder would decode them (as {@code Files.newBufferedReader}
 * reads a file): bytes that are not UTF-8 throw the decoder's {@link java.nio.charset.MalformedInputException}
 * from the {@link #fill} that reads them, before a reader sees them. Every byte up to the last ASCII byte read is
 * checked (an ASCII byte cannot be inside a multi-byte sequence), so every whole line in the buffer is.
 */
final class ByteWindow {

    private static final int CHUNK = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private final InputStream input;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private byte[] bytes = new byte[CHUNK];
    private CharBuffer decoded = CharBuffer.allocate(64);
    private int end;
    /** The bytes before this index are known to be UTF-8. */
    private int checked;
    private boolean endOfInput;
    private boolean started;

    ByteWindow(InputStream input) {
        this.input = input;
    }

    /**
     * Keeps the bytes from {@code unread} on, moved to the start of the buffer (growing it when they fill it),
     * and reads more until the buffer is full or the input ends.
     *
     * @param unread where the bytes not yet consumed start
     * @return where they start now (0, or 3 past a byte-order mark at the start of the input)
     * @throws CharacterCodingException when the bytes read are not UTF-8
     * @throws IOException when reading fails
     */
    int fill(int unread) throws IOException {
        int start = unread;
        int pending = end - start;
        if (start > 0) {
            System.arraycopy(bytes, start, bytes, 0, pending);
            checked -= start;
            start = 0;
            end = pending;
        } else if (end == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        while (end < bytes.length) {
            int count = input.read(bytes, end, bytes.length - end);
            if (count < 0) {
                endOfInput = true;
                break;
            }
            end += count;
        }
        if (!started && end > 0) {
            started = true;
            if (end >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
                start = 3;
                checked = 3;
            }
        }
        checkUtf8(endOfInput ? end : afterLastAscii());
        return start;
    }

    /** Returns the index after the last ASCII byte read, or {@link #checked} when there is none after it. */
    private int afterLastAscii() {
        for (int i = end - 1; i >= checked; i--) {
            if (bytes[i] >= 0) {
                return i + 1;
            }
        }
        return checked;
    }

    /**
     * Checks the bytes from {@link #checked} to {@code to}: ASCII eight bytes at a time, and each run of other
     * bytes through the decoder, whole (a run between ASCII bytes must be whole sequences).
     */
    private void checkUtf8(int to) throws CharacterCodingException {
        int i = checked;
        while (i < to) {
            while (i + Long.BYTES <= to && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
            }
            while (i < to && bytes[i] >= 0) {
                i++;
            }
            int run = i;
            while (i < to && bytes[i] < 0) {
                i++;
            }
            if (i > run) {
                decode(run, i);
            }
        }
        checked = to;
    }

    private void decode(int from, int to) throws CharacterCodingException {
        if (decoded.capacity() < to - from) {
            decoded = CharBuffer.allocate(to - from);
        }
        decoded.clear();
        decoder.reset();
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, from, to - from), decoded, true);
        if (result.isError()) {
            result.throwException();
        }
    }

    /** Returns the buffer; it changes when {@link #fill} grows it. */
    byte[] bytes() {
        return bytes;
    }

    /** Returns the end of the bytes read into {@link #bytes()}. */
    int end() {
        return end;
    }

    /** Returns whether the input has ended: no {@link #fill} will add bytes. */
    boolean endOfInput() {
        return endOfInput;
    }

    /** Closes the stream. */
    void close() throws IOException {
        input.close();
    }
}
