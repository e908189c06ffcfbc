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
 * <p>The input is read a buffer at a time. A line in the form cxm writes becomes its event straight from the
 * buffer's characters ({@link CanonicalEventLine}, no parser). A line that reader leaves gets a Jackson parser
 * of its own: when {@link CanonicalEventJson} reads its object (a form cxm reads without data binding), alone
 * on its line, it becomes its event there. Every other line (another form, a malformed line, a value the model
 * refuses, an object spread over lines or followed by more text) is read again on its own by
 * {@link StrictEventJson}, which decides what it is and why. So the lines mean what they meant when every
 * line went through data binding.
 */
public final class NdjsonRowReader implements RowReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final CharWindow window;
    private final CanonicalEventJson canonical = new CanonicalEventJson();
    private final CanonicalEventLine lines = new CanonicalEventLine(canonical);
    private char[] buffer;
    /** End of the characters read into the buffer. */
    private int end;
    private boolean endOfInput;
    /** How many times more input was read. */
    private long fills;
    /** Where the line after the last row read starts: everything before it has been accounted for. */
    private int resume;
    /** The number of the line that starts at {@link #resume}. */
    private long resumeLine = 1;
    /**
     * Reads the line from {@link #parserStart} to {@link #parserEnd}: one line, its line break included, so
     * {@link #parserEnd} is where the line after it starts.
     */
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
            if (parser == null) {
                ParsedRow row = fromLineInBuffer();
                if (row != null) {
                    return Optional.of(row);
                }
                long fillsBefore = fills;
                int lineBreak = nextLineBreak();
                if (lineBreak < 0) {
                    return Optional.empty();
                }
                int lineStart = resume;
                long line = resumeLine;
                if (!isBlank(lineStart, lineBreak)) {
                    // Unless more input was read, the line was whole in the buffer, and refused above.
                    CustomerEvent event = fills == fillsBefore ? null : lines.read(buffer, lineStart, lineBreak);
                    if (event != null) {
                        resume = afterBreak(lineBreak);
                        resumeLine++;
                        return Optional.of(new ParsedRow.Accepted(line, event));
                    }
                    startParser(afterBreak(lineBreak));
                } else {
                    resume = afterBreak(lineBreak);
                    resumeLine++;
                    continue;
                }
            }
            ParsedRow row = nextRow(parser);
            if (row != null) {
                return Optional.of(row);
            }
        }
    }

    /**
     * Reads the line at {@link #resume} with {@link CanonicalEventLine} from the characters in the buffer, before
     * looking for its end: null when it is not such a line or not known to be whole (a {@code \r} at the end
     * of the buffer may be half of a {@code \r\n}).
     */
    private @Nullable ParsedRow fromLineInBuffer() {
        CustomerEvent event = lines.read(buffer, resume, end);
        if (event == null) {
            return null;
        }
        int lineBreak = lines.lineEnd();
        if (lineBreak == end ? !endOfInput : buffer[lineBreak] == '\r' && lineBreak + 1 == end && !endOfInput) {
            return null;
        }
        long line = resumeLine;
        resume = afterBreak(lineBreak);
        resumeLine++;
        return new ParsedRow.Accepted(line, event);
    }

    /**
     * Returns the index of the line break that ends the line at {@link #resume} (the end of the input for a
     * last line without one), reading more input when the buffer holds no whole line; -1 at the end of the
     * input. A {@code \r} counts once the next character shows whether it is half of a {@code \r\n}.
     */
    private int nextLineBreak() throws IOException {
        int from = resume;
        while (true) {
            for (int i = from; i < end; i++) {
                char c = buffer[i];
                if (c == '\n' || c == '\r' && (i + 1 < end || endOfInput)) {
                    return i;
                }
            }
            if (endOfInput) {
                return resume < end ? end : -1;
            }
            int scanned = end - resume;
            read();
            from = resume + Math.max(0, scanned - 1);
        }
    }

    /** Returns where the line after the line break at {@code lineBreak} starts ({@code \r\n} is one break). */
    private int afterBreak(int lineBreak) {
        if (lineBreak >= end) {
            return end;
        }
        return buffer[lineBreak] == '\r' && lineBreak + 1 < end && buffer[lineBreak + 1] == '\n'
                ? lineBreak + 2 : lineBreak + 1;
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
                    if (close.getLineNr() == start.getLineNr()
                            && restOfLineBlank(parserStart + (int) close.getCharOffset() + 1)) {
                        resume = parserEnd;
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
     * Reads the parser's line on its own, through data binding, and moves past it; returns null when the
     * parser's row was that line (it is not blank: only a line that is not gets a parser).
     */
    private @Nullable ParsedRow strictly() {
        if (resume == parserEnd) {
            return null;
        }
        int lineStart = resume;
        long line = resumeLine;
        resume = parserEnd;
        resumeLine++;
        return StrictEventJson.parse(line, new String(buffer, lineStart, lineBreakFrom(lineStart) - lineStart));
    }

    /** Starts a parser on the line from {@link #resume} to {@code lineEnd}, its line break included. */
    private void startParser(int lineEnd) throws IOException {
        parserStart = resume;
        parserEnd = lineEnd;
        parserLine = resumeLine;
        parser = FACTORY.createParser(buffer, parserStart, parserEnd - parserStart);
    }

    private void closeParser() throws IOException {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }

    /** Reads more input, keeping what is not yet read; see {@link CharWindow#fill}. */
    private void read() throws IOException {
        fills++;
        resume = window.fill(resume);
        buffer = window.chars();
        end = window.end();
        endOfInput = window.endOfInput();
    }

    /** Returns the index of the first line break at or after {@code from}, or the end of the parser's line. */
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
     * Returns whether only JSON whitespace comes from {@code from} to the line break that ends the parser's line
     * (or the end of the input, for a last line without one).
     */
    private boolean restOfLineBlank(int from) {
        for (int i = from; i < parserEnd; i++) {
            char c = buffer[i];
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
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
