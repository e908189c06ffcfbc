package dev.cxm.core.internal.io;

import java.io.IOException;
import java.io.Reader;
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
 */
public final class NdjsonRowReader implements RowReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final CharWindow window;
    private final CanonicalEventJson canonical = new CanonicalEventJson();
    private char[] buffer;
    /** End of the characters read into the buffer. */
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
        this.window = new CharWindow(input);
        this.buffer = window.chars();
    }

    @Override
    public Optional<ParsedRow> next() throws IOException {
        while (true) {
            if (parser == null && !startParser()) {
                return Optional.empty();
            }
            ParsedRow row = nextRow(parser);
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
                            ? restOfLineBlank(parserStart + (int) close.getCharOffset() + 1) : -1;
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
            if (!isBlank(lineStart, lineBreak)) {
                return StrictEventJson.parse(line, new String(buffer, lineStart, lineBreak - lineStart));
            }
        }
        return null;
    }

    /**
     * Starts a parser on the whole lines from {@link #resume}, reading more input first when the buffer holds
     * none.
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
        parser = FACTORY.createParser(buffer, parserStart, parserEnd - parserStart);
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
        resume = window.fill(resume);
        buffer = window.chars();
        end = window.end();
        endOfInput = window.endOfInput();
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
            char c = buffer[i];
            if (c == '\n' || c == '\r' && i + 1 < end) {
                return i + 1;
            }
        }
        return resume;
    }

    /** Returns the index of the first line break at or after {@code from}, or the end of the whole lines. */
    private int lineBreakFrom(int from) {
        for (int i = from; i < parserEnd; i++) {
            char c = buffer[i];
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
            char c = buffer[i];
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
        return buffer[lineBreak] == '\r' && lineBreak + 1 < parserEnd && buffer[lineBreak + 1] == '\n'
                ? lineBreak + 2 : lineBreak + 1;
    }

    /** Returns whether the characters are all whitespace, as {@link String#isBlank()} says. */
    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(buffer[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        try {
            closeParser();
        } finally {
            window.close();
        }
    }
}
