package dev.cxm.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.RejectedRow;

/**
 * Reads CSV rows one at a time, in constant memory, and maps each to an event. The first row is the header.
 * The text is split into cells as Jackson's CSV parser splits it ({@link CsvTokenizer}).
 */
public final class CsvRowReader implements RowReader {

    private final CsvTokenizer tokenizer;
    private final CsvRowMapper mapper;
    private boolean finished;

    private CsvRowReader(CsvTokenizer tokenizer, CsvRowMapper mapper) {
        this.tokenizer = tokenizer;
        this.mapper = mapper;
    }

    /**
     * Opens a reader and reads the header.
     *
     * @param input the CSV; closed with the reader, or at once when the header does not fit
     * @param mapping how columns become fields
     * @return the reader, positioned at the first row after the header
     * @throws IllegalArgumentException when the input has no header row, or the header does not fit the
     *     mapping; the reader is closed then
     * @throws IOException when the input cannot be read
     */
    public static CsvRowReader open(Reader input, CsvColumnMapping mapping) throws IOException {
        CsvTokenizer tokenizer = new CsvTokenizer(input, mapping.separator());
        try {
            return new CsvRowReader(tokenizer, new CsvRowMapper(mapping, readHeader(tokenizer)));
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /**
     * Returns the column names of the header row of {@code input}, read as an import reads them (quotes,
     * a byte-order mark, surrounding blanks stripped); closes the input.
     *
     * @param input the CSV
     * @param separator the column separator
     * @return the names, in order
     * @throws IllegalArgumentException when the input has no header row, or it is not readable CSV
     * @throws IOException when the input cannot be read
     */
    public static List<String> header(Reader input, char separator) throws IOException {
        CsvTokenizer tokenizer = new CsvTokenizer(input, separator);
        try {
            return List.of(readHeader(tokenizer));
        } finally {
            tokenizer.close();
        }
    }

    /** Reads the header row: its cells without surrounding blanks. */
    static String[] readHeader(CsvTokenizer tokenizer) throws IOException {
        try {
            if (!tokenizer.next()) {
                throw new IllegalArgumentException("input: empty; a CSV import needs a header row");
            }
        } catch (CsvTokenizer.UnreadableCsv unreadable) {
            throw new IllegalArgumentException("header: the header row at line " + unreadable.line()
                    + " cannot be read as CSV (" + unreadable.problem() + ")", unreadable);
        }
        CsvRow row = tokenizer.row();
        List<String> header = new ArrayList<>(row.count());
        for (int i = 0; i < row.count(); i++) {
            header.add(row.raw(i).strip());
        }
        return header.toArray(String[]::new);
    }

    @Override
    public Optional<ParsedRow> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        try {
            if (!tokenizer.next()) {
                finished = true;
                return Optional.empty();
            }
        } catch (CsvTokenizer.UnreadableCsv unreadable) {
            finished = true;
            return Optional.of(unreadable(unreadable));
        }
        return Optional.of(mapper.map(tokenizer.rowLine(), tokenizer.row()));
    }

    /**
     * Returns the row that ends an import at text that cannot be read, reported at the line where the
     * unreadable row starts, not where the reading gave up (for an unclosed quote, the end of the input).
     */
    static ParsedRow unreadable(CsvTokenizer.UnreadableCsv unreadable) {
        return new ParsedRow.Rejected(new RejectedRow(unreadable.line(), Optional.empty(),
                "the CSV cannot be read from here on (" + unreadable.problem() + "); no later row was read"), true);
    }

    @Override
    public void close() throws IOException {
        tokenizer.close();
    }
}
