package dev.cxm.core.internal.io;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.RejectedRow;

/**
 * Reads CSV rows with Jackson's streaming CSV parser, one row in memory at a time, and maps each to an
 * event. The first row is the header.
 */
public final class CsvRowReader implements RowReader {

    private static final CsvFactory FACTORY = new CsvFactory().configure(CsvParser.Feature.SKIP_EMPTY_LINES, true);
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CsvParser parser;
    private final CsvRowMapper mapper;
    /** The cells of the row being read, reused from row to row; as many as the header has columns. */
    private final String[] cells;
    private boolean finished;

    private CsvRowReader(CsvParser parser, CsvRowMapper mapper) {
        this.parser = parser;
        this.mapper = mapper;
        this.cells = new String[mapper.columnCount()];
    }

    /**
     * Opens a reader and reads the header.
     *
     * @throws IllegalArgumentException when the input has no header row, or the header does not fit the
     *     mapping; the reader is closed then
     */
    public static CsvRowReader open(Reader input, CsvColumnMapping mapping) throws IOException {
        CsvParser parser = FACTORY.createParser(withoutByteOrderMark(input));
        try {
            return new CsvRowReader(parser, new CsvRowMapper(mapping, readHeader(parser, mapping.separator())));
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /**
     * Returns the column names of the header row of {@code input}, read as an import reads them (quotes,
     * a byte-order mark, surrounding blanks stripped); closes the input.
     *
     * @throws IllegalArgumentException when the input has no header row
     */
    public static List<String> header(Reader input, char separator) throws IOException {
        try (CsvParser parser = FACTORY.createParser(withoutByteOrderMark(input))) {
            return List.of(readHeader(parser, separator));
        }
    }

    private static String[] readHeader(CsvParser parser, char separator) throws IOException {
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
        List<String> header = new ArrayList<>();
        long line = 1;
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("input: empty; a CSV import needs a header row");
            }
            line = Math.max(1, parser.currentLocation().getLineNr());
            readCells(parser, header);
        } catch (JsonProcessingException unreadable) {
            // Jackson gives up where the damage ends (for an unclosed quote, the end of the input) and quotes
            // the text there; the header row starts here.
            throw new IllegalArgumentException("header: the header row at line " + line + " cannot be read as CSV ("
                    + problem(unreadable) + ")", unreadable);
        }
        return header.stream().map(String::strip).toArray(String[]::new);
    }

    /**
     * Returns {@code input} past a byte-order mark, if it starts with one: the parser would take the mark as
     * text before the first cell, so that a quoted first column name would keep its quotes and match nothing.
     */
    private static Reader withoutByteOrderMark(Reader input) throws IOException {
        PushbackReader reader = new PushbackReader(input, 1);
        int first = reader.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }

    @Override
    public Optional<ParsedRow> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        long line = parser.currentLocation().getLineNr();
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                finished = true;
                return Optional.empty();
            }
            // Past the blank lines before the row: where the row starts, even if its first cell cannot be read.
            line = parser.currentLocation().getLineNr();
            int count = 0;
            for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new IllegalStateException("CSV row ended without END_ARRAY");
                }
                if (count == 0) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                // Cells beyond the header's are only counted: the row is rejected for them.
                if (count < cells.length) {
                    cells[count] = parser.getText();
                }
                count++;
            }
            return Optional.of(mapper.map(Math.max(1, line), cells, count));
        } catch (JsonProcessingException unreadable) {
            // Reported at the line where the unreadable row starts, not where the parser gave up (for an
            // unclosed quote, the end of the input).
            finished = true;
            return Optional.of(new ParsedRow.Rejected(new RejectedRow(Math.max(1, line), Optional.empty(),
                    "the CSV cannot be read from here on (" + problem(unreadable) + "); no later row was read"),
                    true));
        }
    }

    /** Says what is wrong with the text without quoting it: Jackson's message quotes the offending character. */
    private static String problem(JsonProcessingException unreadable) {
        String message = String.valueOf(unreadable.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("quote") ? "a quoted value is not closed, or a quote stands inside an unquoted value"
                : "the text is not well-formed CSV";
    }

    /**
     * Reads the cells of the row whose START_ARRAY was just read into {@code cells}.
     *
     * @return the line the row starts on: that of its first cell, since the parser reports a stale
     *     location for START_ARRAY
     */
    private static long readCells(CsvParser parser, List<String> cells) throws IOException {
        long line = -1;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new IllegalStateException("CSV row ended without END_ARRAY");
            }
            if (line < 0) {
                line = parser.currentTokenLocation().getLineNr();
            }
            cells.add(parser.getText());
        }
        return Math.max(1, line);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
