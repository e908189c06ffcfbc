package dev.cxm.core.internal.io;

import java.io.InputStream;
import java.util.Random;

/** A stream that hands out a random number of bytes per read, from 1 to a limit, to test refilling. */
final class TrickleInputStream extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private final int mostPerRead;
    private int position;

    TrickleInputStream(byte[] bytes, Random random, int mostPerRead) {
        this.bytes = bytes;
        this.random = random;
        this.mostPerRead = mostPerRead;
    }

    @Override
    public int read() {
        return position == bytes.length ? -1 : bytes[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position == bytes.length) {
            return -1;
        }
        int count = Math.min(Math.min(length, 1 + random.nextInt(mostPerRead)), bytes.length - position);
        System.arraycopy(bytes, position, buffer, offset, count);
        position += count;
        return count;
    }
}
