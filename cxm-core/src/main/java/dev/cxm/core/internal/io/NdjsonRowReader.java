package dev.cxm.core.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.cxm.core.model.CustomerEvent;

/**
 * Reads one JSON event per line: lines end at {@code \n}, {@code \r} or {@code \r\n} and are counted from 1,
 * blank lines are skipped, and a byte-order mark before the first line is ignored (as the CSV reader ignores
 * one). It reads as strictly as the CSV reader: a duplicate key, a fraction where an integer belongs and a
 * string where a number belongs reject the line, naming the property.
 *
 * <p>The input is read a buffer at a time, and one Jackson parser reads every line the buffer holds, as a
 * stream of root values. A line whose object {@link CanonicalEventJson} reads (the form cxm writes), alone on
 * its line, becomes its event there. Every other line (another form, a malformed line, a value the model
 * refuses, an object spread over lines or followed by more text) is read again on its own by
 * {@link StrictEventJson}, which decides what it is and why; the parser then starts afresh on the next line.
 * So the lines mean what they meant when every line went through data binding.
 *
 * <p>It reads characters from a {@link Reader}, or UTF-8 bytes from an {@link InputStream} with Jackson's
 * byte parser (about a fifth faster than its character parser), checked as the JDK's decoder would decode
 * them ({@link ByteWindow}): bytes that are not UTF-8 throw the decoder's
 * {@link java.nio.charset.MalformedInputException}, as a file opened as UTF-8 text does.
 */
public final class NdjsonRowReader implements RowReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Text text;
    private final CanonicalEventJson canonical = new CanonicalEventJson();
    /** End of the characters or bytes read into the buffer. */
    private int end;
    private boolean endOfInput;
    /** Where the line after the last row read starts: everything before it has been accounted for. */
    private int resume;
    /** The number of the line that starts at {@link #resume}. */
    private long resumeLine = 1;
    /** Reads the buffer from {@link #parserStart} to {@link #parserEnd}, which ends with a whole line. */
    private @Nullable JsonParser parser;
    private int parserStart;
    private int parserEnd;
    /** The number of the line that starts at {@link #parserStart}. */
    private long parserLine;

    /**
     * Reads events from {@code input}.
     *
     * @param input the NDJSON text; closed with this reader
     */
    public NdjsonRowReader(Reader input) {
        this.text = new Chars(new CharWindow(input));
    }

    /**
     * Reads events from UTF-8 bytes.
     *
     * @param input the NDJSON text as UTF-8; closed with this reader
     */
    public NdjsonRowReader(InputStream input) {
        this.text = new Bytes(new ByteWindow(input));
    }

    @Override
    public Optional<ParsedRow> next() throws IOException {
        while (true) {
            if (parser == null && !startParser()) {
                return Optional.empty();
            }
            JsonParser reading = parser;
            ParsedRow row = reading != null ? nextRow(reading) : strictly();
            if (row != null) {
                return Optional.of(row);
            }
        }
    }

    /**
     * Reads the next row with the parser; returns null when the parser's lines are all read (it is closed
     * then, and the blank lines at their end are counted).
     */
    private @Nullable ParsedRow nextRow(JsonParser reading) throws IOException {
        try {
            JsonToken token = reading.nextToken();
            if (token == JsonToken.START_OBJECT) {
                JsonLocation start = reading.currentTokenLocation();
                long rowLine = parserLine + start.getLineNr() - 1;
                CustomerEvent event = canonical.read(reading);
                if (event != null) {
                    JsonLocation close = reading.currentTokenLocation();
                    int lineBreak = close.getLineNr() == start.getLineNr()
                            ? restOfLineBlank(parserStart + (int) text.offset(close) + 1) : -1;
                    if (lineBreak >= 0) {
                        resume = afterLineBreak(lineBreak);
                        resumeLine = rowLine + 1;
                        return new ParsedRow.Accepted(rowLine, event);
                    }
                }
            }
        } catch (IOException malformed) {
            // The line is read on its own below, which says what is wrong with it.
        }
        // Past the last line, only blank lines are left; else the line after the last row is read on its own.
        closeParser();
        return strictly();
    }

    /**
     * Reads the first non-blank line from {@link #resume} on its own, through data binding, and moves past it;
     * returns null when only blank lines are left in the buffer's whole lines.
     */
    private @Nullable ParsedRow strictly() {
        while (resume < parserEnd) {
            int lineStart = resume;
            int lineBreak = lineBreakFrom(lineStart);
            long line = resumeLine;
            resume = afterLineBreak(lineBreak);
            resumeLine++;
            String content = text.string(lineStart, lineBreak);
            if (!content.isBlank()) {
                return StrictEventJson.parse(line, content);
            }
        }
        return null;
    }

    /**
     * Starts a parser on the whole lines from {@link #resume}, reading more input first when the buffer holds
     * none; leaves none when the text cannot start one there (see {@link Text#parsable}), for the first line to
     * be read on its own.
     *
     * @return false at the end of the input
     */
    private boolean startParser() throws IOException {
        int wholeLinesEnd = wholeLinesEnd();
        while (wholeLinesEnd <= resume) {
            if (endOfInput) {
                return false;
            }
            read();
            wholeLinesEnd = wholeLinesEnd();
        }
        parserStart = resume;
        parserEnd = wholeLinesEnd;
        parserLine = resumeLine;
        if (text.parsable(parserStart, parserEnd)) {
            parser = text.parser(parserStart, parserEnd);
        }
        return true;
    }

    private void closeParser() throws IOException {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }

    /** Reads more input, keeping what is not yet read; see {@link CharWindow#fill}. */
    private void read() throws IOException {
        resume = text.fill(resume);
        end = text.end();
        endOfInput = text.endOfInput();
    }

    /**
     * Returns the end of the whole lines in the buffer: just past its last line break, or its end once the
     * input has ended. A {@code \r} at the very end does not count until the next character shows whether it
     * is half of a {@code \r\n}.
     */
    private int wholeLinesEnd() {
        if (endOfInput) {
            return end;
        }
        for (int i = end - 1; i >= resume; i--) {
            int c = text.at(i);
            if (c == '\n' || c == '\r' && i + 1 < end) {
                return i + 1;
            }
        }
        return resume;
    }

    /** Returns the index of the first line break at or after {@code from}, or the end of the whole lines. */
    private int lineBreakFrom(int from) {
        for (int i = from; i < parserEnd; i++) {
            int c = text.at(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return parserEnd;
    }

    /**
     * Returns the index of the line break that ends the line at {@code from} when only JSON whitespace comes
     * before it (the end of the whole lines counts as one), or -1 when anything else does.
     */
    private int restOfLineBlank(int from) {
        for (int i = from; i < parserEnd; i++) {
            int c = text.at(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
            if (c != ' ' && c != '\t') {
                return -1;
            }
        }
        return parserEnd;
    }

    /** Returns where the line after the line break at {@code lineBreak} starts ({@code \r\n} is one break). */
    private int afterLineBreak(int lineBreak) {
        if (lineBreak >= parserEnd) {
            return parserEnd;
        }
        return text.at(lineBreak) == '\r' && lineBreak + 1 < parserEnd && text.at(lineBreak + 1) == '\n'
                ? lineBreak + 2 : lineBreak + 1;
    }

    @Override
    public void close() throws IOException {
        try {
            closeParser();
        } finally {
            text.close();
        }
    }

    /**
     * The input as the reader scans it, characters or UTF-8 bytes: line breaks, spaces and tabs are the same
     * unit in both, so the reader finds lines without knowing which.
     */
    private interface Text {

        /** Reads more input, keeping it from {@code unread} on; returns where that starts now. */
        int fill(int unread) throws IOException;

        int end();

        boolean endOfInput();

        /** Returns the character or byte (0 to 255) at {@code index}. */
        int at(int index);

        /**
         * Returns whether a parser may start at {@code from}. Jackson guesses the encoding of bytes from the
         * first four (a byte-order mark, zero bytes of UTF-16 or UTF-32), so a parser of bytes starts only where
         * the first byte is ASCII and neither of the first two is zero: then it reads UTF-8.
         */
        boolean parsable(int from, int to);

        /** Starts a parser on the whole lines from {@code from} to {@code to}. */
        JsonParser parser(int from, int to) throws IOException;

        /** Returns the offset of {@code location} from the start of its parser, in characters or bytes. */
        long offset(JsonLocation location);

        /** Returns the text from {@code from} to {@code to}. */
        String string(int from, int to);

        void close() throws IOException;
    }

    private record Chars(CharWindow window) implements Text {

        @Override
        public int fill(int unread) throws IOException {
            return window.fill(unread);
        }

        @Override
        public int end() {
            return window.end();
        }

        @Override
        public boolean endOfInput() {
            return window.endOfInput();
        }

        @Override
        public int at(int index) {
            return window.chars()[index];
        }

        @Override
        public boolean parsable(int from, int to) {
            return true;
        }

        @Override
        public JsonParser parser(int from, int to) throws IOException {
            return FACTORY.createParser(window.chars(), from, to - from);
        }

        @Override
        public long offset(JsonLocation location) {
            return location.getCharOffset();
        }

        @Override
        public String string(int from, int to) {
            return new String(window.chars(), from, to - from);
        }

        @Override
        public void close() throws IOException {
            window.close();
        }
    }

    private record Bytes(ByteWindow window) implements Text {

        @Override
        public int fill(int unread) throws IOException {
            return window.fill(unread);
        }

        @Override
        public int end() {
            return window.end();
        }

        @Override
        public boolean endOfInput() {
            return window.endOfInput();
        }

        @Override
        public int at(int index) {
            return window.bytes()[index] & 0xFF;
        }

        @Override
        public boolean parsable(int from, int to) {
            byte[] bytes = window.bytes();
            return bytes[from] > 0 && (from + 1 == to || bytes[from + 1] != 0);
        }

        @Override
        public JsonParser parser(int from, int to) throws IOException {
            return FACTORY.createParser(window.bytes(), from, to - from);
        }

        @Override
        public long offset(JsonLocation location) {
            return location.getByteOffset();
        }

        @Override
        public String string(int from, int to) {
            return new String(window.bytes(), from, to - from, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            window.close();
        }
    }
}
