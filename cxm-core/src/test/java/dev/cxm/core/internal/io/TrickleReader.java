package dev.cxm.core.internal.io;

import java.io.Reader;
import java.util.Random;

/** A reader that hands out a random number of characters per read, from 1 to a limit, to test refilling. */
final class TrickleReader extends Reader {
    private final String text;
    private final Random random;
    private final int mostPerRead;
    private int position;

    TrickleReader(String text, Random random, int mostPerRead) {
        this.text = text;
        this.random = random;
        this.mostPerRead = mostPerRead;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (position == text.length()) {
            return -1;
        }
        int count = Math.min(Math.min(length, 1 + random.nextInt(mostPerRead)), text.length() - position);
        text.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    public void close() {}
}
