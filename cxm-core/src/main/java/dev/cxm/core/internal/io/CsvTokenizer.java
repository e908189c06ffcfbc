package dev.cxm.core.internal.io;

import java.io.IOException;
import java.io.Reader;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Splits CSV text into rows of cells exactly as Jackson's {@code CsvParser} does with cxm's settings (a
 * header-less schema with the mapping's separator, {@code "} as the quote, no escape character, no comments,
 * empty lines skipped), but without a string per cell: a row's cells are ranges of one buffer
 * ({@link CsvRow}).
 *
 * <p>What Jackson does, and so this does: lines end at {@code \n}, {@code \r} or {@code \r\n}, also inside
 * quotes, and are counted from 1; spaces at the start of a row and lines of spaces are skipped; a cell that
 * starts with a quote runs to the closing quote ({@code ""} inside is one quote, line breaks are kept), after
 * which only whitespace may come before the separator or the line break; a quote inside an unquoted cell is an
 * ordinary character; a cell is at most {@link StreamReadConstraints}' longest string. The tests read random
 * texts with both and compare rows, lines and failures.
 *
 * <p>This reader exists for speed: Jackson's parser makes a string of every cell and reads about 1.2 million
 * rows a second of the import benchmark's rows on the development machine, less than an import must reach
 * with all its other work (see {@code docs/PERFORMANCE.md}). cxm-metrics reads its subject files with it too
 * (exported to that module only; not API).
 */
public final class CsvTokenizer {

    /** Longest cell, as Jackson's default stream constraints allow. */
    static final int MAX_CELL_LENGTH = StreamReadConstraints.defaults().getMaxStringLength();
    private static final char QUOTE = '"';
    /** {@link #scanRow} needs more input to finish the row. */
    private static final int MORE = -1;

    /** Why the text cannot be read from a row on; never quotes the text. */
    public static final class UnreadableCsv extends Exception {
        private static final long serialVersionUID = 1L;

        private final long line;
        private final boolean quote;

        UnreadableCsv(long line, boolean quote) {
            super(null, null, false, false);
            this.line = line;
            this.quote = quote;
        }

        /**
         * Returns the line where the unreadable row starts.
         *
         * @return the line, from 1
         */
        public long line() {
            return line;
        }

        /**
         * Returns what is wrong, in words that do not repeat the text.
         *
         * @return the problem
         */
        public String problem() {
            return quote ? "a quoted value is not closed, or a quote stands inside an unquoted value"
                    : "the text is not well-formed CSV";
        }
    }

    private final CharWindow window;
    private final char separator;
    /** The greatest of the characters that end an unquoted cell: any character above it is cell text. */
    private final char special;
    private final CsvRow row = new CsvRow();
    private char[] buffer;
    private int position;
    private int end;
    private boolean endOfInput;
    /** The line at {@link #position}. */
    private long line = 1;
    private long rowLine;

    /**
     * Reads rows from {@code input}, cells separated by {@code separator}.
     *
     * @param input the text; closed with this tokenizer
     * @param separator the separator, neither a quote nor a line break
     */
    public CsvTokenizer(Reader input, char separator) {
        this.window = new CharWindow(input);
        this.buffer = window.chars();
        this.separator = separator;
        this.special = (char) Math.max(separator, '\r');
    }

    /**
     * Returns the row read last.
     *
     * @return its cells, valid until the next call of {@link #next()}
     */
    public CsvRow row() {
        return row;
    }

    /**
     * Returns the line where the row read last starts.
     *
     * @return the line, from 1
     */
    public long rowLine() {
        return rowLine;
    }

    /**
     * Reads the next row.
     *
     * @return false at the end of the input
     * @throws UnreadableCsv when the row cannot be read (no later row can be either)
     * @throws IOException when the input cannot be read
     */
    public boolean next() throws IOException, UnreadableCsv {
        if (!skipToRow()) {
            return false;
        }
        rowLine = line;
        while (true) {
            row.clear();
            int rowEnd = scanRow();
            if (rowEnd != MORE) {
                position = rowEnd;
                return true;
            }
            read();
        }
    }

    /**
     * Skips line breaks and spaces up to the start of the next row, counting lines, as Jackson skips empty
     * lines.
     *
     * @return false at the end of the input
     */
    private boolean skipToRow() throws IOException {
        while (true) {
            if (position == end) {
                if (endOfInput) {
                    return false;
                }
                read();
                continue;
            }
            char c = buffer[position];
            if (c == '\n') {
                position++;
                line++;
            } else if (c == '\r') {
                if (position + 1 == end && !endOfInput) {
                    read();
                    continue;
                }
                position += position + 1 < end && buffer[position + 1] == '\n' ? 2 : 1;
                line++;
            } else if (c == ' ') {
                position++;
            } else {
                return true;
            }
        }
    }

    /**
     * Reads the cells of the row at {@link #position} into {@link #row}, counting the line breaks inside
     * quotes.
     *
     * @return where the row ends (its line break, or the end of the input), or {@link #MORE} when the buffer
     *     ends inside the row and more input may follow
     */
    private int scanRow() throws UnreadableCsv {
        int p = position;
        long breaks = 0;
        while (true) {
            if (p == end) {
                if (!endOfInput) {
                    return MORE;
                }
                // The input ends right after a separator: one more, empty, cell.
                row.add(buffer, p, p);
                line += breaks;
                return p;
            }
            char c = buffer[p];
            if (c == QUOTE) {
                int close = p + 1;
                int doubled = 0;
                while (true) {
                    if (close - p - 1 - doubled > MAX_CELL_LENGTH) {
                        throw new UnreadableCsv(rowLine, false);
                    }
                    if (close == end) {
                        if (!endOfInput) {
                            return MORE;
                        }
                        throw new UnreadableCsv(rowLine, true);
                    }
                    char d = buffer[close];
                    if (d == QUOTE) {
                        if (close + 1 == end && !endOfInput) {
                            return MORE;
                        }
                        if (close + 1 < end && buffer[close + 1] == QUOTE) {
                            doubled++;
                            close += 2;
                            continue;
                        }
                        break;
                    }
                    if (d == '\n') {
                        breaks++;
                    } else if (d == '\r') {
                        if (close + 1 == end && !endOfInput) {
                            return MORE;
                        }
                        if (close + 1 == end || buffer[close + 1] != '\n') {
                            breaks++;
                        }
                    }
                    close++;
                }
                addQuoted(p + 1, close, doubled > 0);
                // After the closing quote, only whitespace before the separator or the line break.
                p = close + 1;
                while (true) {
                    if (p == end) {
                        if (!endOfInput) {
                            return MORE;
                        }
                        line += breaks;
                        return p;
                    }
                    char e = buffer[p];
                    if (e == separator) {
                        p++;
                        break;
                    }
                    if (e == '\n' || e == '\r') {
                        line += breaks;
                        return p;
                    }
                    if (e > ' ') {
                        throw new UnreadableCsv(rowLine, false);
                    }
                    p++;
                }
            } else if (c == separator) {
                row.add(buffer, p, p);
                p++;
            } else if (c == '\n' || c == '\r') {
                // Only right after a separator: the row's last cell is empty.
                row.add(buffer, p, p);
                line += breaks;
                return p;
            } else {
                int cellEnd = p + 1;
                while (cellEnd < end) {
                    char d = buffer[cellEnd];
                    if (d <= special && (d == separator || d == '\n' || d == '\r')) {
                        break;
                    }
                    cellEnd++;
                }
                if (cellEnd - p > MAX_CELL_LENGTH) {
                    throw new UnreadableCsv(rowLine, false);
                }
                if (cellEnd == end && !endOfInput) {
                    return MORE;
                }
                row.add(buffer, p, cellEnd);
                if (cellEnd < end && buffer[cellEnd] == separator) {
                    p = cellEnd + 1;
                } else {
                    line += breaks;
                    return cellEnd;
                }
            }
        }
    }

    private void addQuoted(int start, int close, boolean doubled) throws UnreadableCsv {
        if (!doubled) {
            row.add(buffer, start, close);
            return;
        }
        char[] text = new char[close - start];
        int length = 0;
        for (int i = start; i < close; i++) {
            text[length++] = buffer[i];
            if (buffer[i] == QUOTE) {
                i++;
            }
        }
        row.add(text, 0, length);
    }

    /** Reads more input, keeping the unread text; see {@link CharWindow#fill}. */
    private void read() throws IOException {
        position = window.fill(position);
        buffer = window.chars();
        end = window.end();
        endOfInput = window.endOfInput();
    }

    /**
     * Closes the input.
     *
     * @throws IOException when closing fails
     */
    public void close() throws IOException {
        window.close();
    }
}
