package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

/**
 * The character window over a reader. Oracle: the text handed to the reader, compared with what the window holds
 * after each fill as its Javadoc describes it (the unread part moved to the front, the buffer grown when the unread
 * part fills it, only the end of the stream (-1 from {@link Reader#read}) ending the input, a byte-order mark at
 * the start skipped).
 */
class CharWindowTest {

    private static final int CHUNK = 1 << 16;

    private static String text(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    private static String held(CharWindow window, int from) {
        return new String(window.chars(), from, window.end() - from);
    }

    @Test
    void atTheEndOfTheInputThereIsAlwaysRoomAfterTheLastCharacter() throws IOException {
        // The readers look one character past the end at the end of the input (NdjsonRowReader.afterBreak,
        // CsvTokenizer.skipToRow; docs/TESTING.md argues their boundary mutants from it), so the end must then
        // lie inside the buffer, also for inputs of exactly one or two buffers. Oracle: the lengths worked by
        // hand around the buffer's size, each consumed row by row (the unread part kept, or all of it, which
        // grows the buffer) and handed out whole or a few characters at a time.
        for (int length : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK}) {
            for (boolean trickle : new boolean[] {false, true}) {
                for (int keep : new int[] {0, 10, -1}) {
                    String text = text(length);
                    CharWindow window = new CharWindow(trickle
                            ? new TrickleReader(text, new java.util.Random(length), 5_000) : new StringReader(text));
                    int start = window.fill(0);
                    while (!window.endOfInput()) {
                        // Consume all but the last `keep` characters (-1: none, a row as long as the buffer).
                        int unread = keep < 0 ? start : Math.max(start, window.end() - keep);
                        start = window.fill(unread);
                    }
                    assertThat(window.end()).as("length %d, trickle %s, keep %d", length, trickle, keep)
                            .isLessThan(window.chars().length);
                }
            }
        }
    }

    @Test
    void aRowThatFillsTheWholeBufferFromItsStartGrowsIt() throws IOException {
        String text = text(100_000);
        CharWindow window = new CharWindow(new StringReader(text));

        assertThat(window.fill(0)).isZero();
        assertThat(window.end()).isEqualTo(CHUNK);
        assertThat(window.endOfInput()).isFalse();
        // Nothing consumed and the buffer full: it grows and reads the rest behind what it holds.
        assertThat(window.fill(0)).isZero();
        assertThat(window.chars().length).isEqualTo(2 * CHUNK);
        assertThat(held(window, 0)).isEqualTo(text);
        assertThat(window.endOfInput()).isTrue();
    }

    @Test
    void theUnreadPartMovesToTheFront() throws IOException {
        String text = text(100_000);
        CharWindow window = new CharWindow(new StringReader(text));

        window.fill(0);
        assertThat(window.fill(60_000)).isZero();
        assertThat(window.chars().length).isEqualTo(CHUNK);
        assertThat(held(window, 0)).isEqualTo(text.substring(60_000));
    }

    @Test
    void aReadOfNoCharactersDoesNotEndTheInput() throws IOException {
        // Only -1 marks the end of a stream; a reader may hand out nothing on one call and more on the next.
        String text = text(1_000);
        Reader hesitant = new Reader() {
            private final StringReader inner = new StringReader(text);
            private int calls;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return ++calls % 2 == 1 ? 0 : inner.read(buffer, offset, Math.min(length, 100));
            }

            @Override
            public void close() {}
        };
        CharWindow window = new CharWindow(hesitant);

        assertThat(window.fill(0)).isZero();
        assertThat(held(window, 0)).isEqualTo(text);
        assertThat(window.endOfInput()).isTrue();
    }

    @Test
    void aByteOrderMarkIsSkippedOnlyAtTheStartOfTheInput() throws IOException {
        CharWindow marked = new CharWindow(new StringReader("\uFEFFab\uFEFFc"));
        assertThat(marked.fill(0)).isEqualTo(1);
        assertThat(held(marked, 1)).isEqualTo("ab\uFEFFc");

        CharWindow empty = new CharWindow(new StringReader(""));
        assertThat(empty.fill(0)).isZero();
        assertThat(empty.end()).isZero();
        assertThat(empty.endOfInput()).isTrue();
    }

    @Test
    void closingTheWindowOrTheNdjsonReaderOverItClosesTheInput() throws IOException {
        // NdjsonRowReader's constructor: the input is "closed with this reader". Oracle: the reader records it.
        for (boolean throughNdjson : new boolean[] {false, true}) {
            boolean[] closed = {false};
            Reader input = new StringReader("{}\n") {
                @Override
                public void close() {
                    closed[0] = true;
                    super.close();
                }
            };
            if (throughNdjson) {
                NdjsonRowReader reader = new NdjsonRowReader(input);
                assertThat(reader.next()).isPresent();
                reader.close();
            } else {
                CharWindow window = new CharWindow(input);
                window.fill(0);
                assertThat(closed[0]).isFalse();
                window.close();
            }
            assertThat(closed[0]).as("through NDJSON: %s", throughNdjson).isTrue();
        }
    }
}
