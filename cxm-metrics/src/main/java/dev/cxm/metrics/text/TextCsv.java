package dev.cxm.metrics.text;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.io.CsvHeaders;

/**
 * Reads a CSV file of texts with a header row (survey exports, review dumps, ticket lists: any file with a text
 * column, not necessarily cxm events), row by row, so that a file of any size streams: the text column, and
 * optionally an id and a group column.
 *
 * <pre>{@code
 * TextCsv.custom("comment").idColumn("response_id").groupColumn("segment").build()
 *         .read(Path.of("survey.csv"), row -> accumulator.add(analyzer.score(row.text())));
 * }</pre>
 *
 * <p>Cells are quoted as RFC 4180 says (a text may hold the separator, quotes and line breaks inside quotes).
 * Rows are numbered from 1 after the header, and every complaint names the row and the rule, never a cell's
 * text (it is personal data): {@code row 7: 2 columns, the header has 3}. A reader is an immutable
 * configuration that compares by value.
 */
public final class TextCsv {

    private static final CsvFactory CSV = new CsvFactory().configure(CsvParser.Feature.SKIP_EMPTY_LINES, true);

    private final String textColumn;
    private final Optional<String> idColumn;
    private final Optional<String> groupColumn;
    private final char separator;

    private TextCsv(Builder builder) {
        this.textColumn = builder.textColumn;
        this.idColumn = builder.idColumn;
        this.groupColumn = builder.groupColumn;
        this.separator = builder.separator;
    }

    /**
     * Returns the reader of the texts in {@code textColumn} of a comma-separated file, without ids or groups.
     *
     * @param textColumn the name of the text column
     * @return the reader
     */
    public static TextCsv ofDefaults(String textColumn) {
        return custom(textColumn).build();
    }

    /**
     * Starts a configuration of a reader of the texts in {@code textColumn}.
     *
     * @param textColumn the name of the text column; not blank
     * @return a builder holding the defaults
     */
    public static Builder custom(String textColumn) {
        return new Builder(Checks.nonBlank("textColumn", textColumn));
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the reader whose settings the builder starts with
     * @return a builder holding {@code base}'s settings
     */
    public static Builder from(TextCsv base) {
        Checks.present("base", base);
        Builder builder = new Builder(base.textColumn);
        builder.idColumn = base.idColumn;
        builder.groupColumn = base.groupColumn;
        builder.separator = base.separator;
        return builder;
    }

    /**
     * Reads the rows of a UTF-8 file and hands each to {@code rows}, in file order.
     *
     * @param file the file
     * @param rows receives each row
     * @return the number of rows read
     * @throws IOException when the file cannot be read or is not CSV, or when {@code rows} throws it
     * @throws IllegalArgumentException naming the row and the rule of the first row that breaks one, or the
     *     column missing from the header ({@link dev.cxm.core.io.MissingColumnException})
     */
    public long read(Path file, RowHandler rows) throws IOException {
        try (Reader reader = Files.newBufferedReader(Checks.present("file", file), StandardCharsets.UTF_8)) {
            return read(reader, rows);
        }
    }

    /**
     * Reads the rows of CSV text and hands each to {@code rows}; the reader is not closed.
     *
     * @param text the CSV text, with a header row
     * @param rows receives each row
     * @return the number of rows read
     * @throws IOException when the text cannot be read or is not CSV, or when {@code rows} throws it
     * @throws IllegalArgumentException naming the row and the rule of the first row that breaks one, or the
     *     column missing from the header ({@link dev.cxm.core.io.MissingColumnException})
     */
    public long read(Reader text, RowHandler rows) throws IOException {
        Checks.present("rows", rows);
        try (CsvParser parser = CSV.createParser(Checks.present("text", text))) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            List<String> header = CsvHeaders.distinct(nextRow(parser).orElseThrow(() ->
                    new IllegalArgumentException("header: the input is empty; it needs a header row")));
            int textAt = CsvHeaders.column(header, textColumn, "textColumn");
            int idAt = idColumn.isPresent() ? CsvHeaders.column(header, idColumn.get(), "idColumn") : -1;
            int groupAt = groupColumn.isPresent() ? CsvHeaders.column(header, groupColumn.get(), "groupColumn") : -1;
            long row = 0;
            for (Optional<List<String>> cells = nextRow(parser); cells.isPresent(); cells = nextRow(parser)) {
                row++;
                List<String> line = cells.get();
                if (line.size() != header.size()) {
                    throw new IllegalArgumentException("row " + row + ": " + line.size() + " columns, the header has "
                            + header.size() + "; every row must have exactly the header's columns");
                }
                rows.accept(new TextRow(row, idAt < 0 ? Optional.empty() : Optional.of(line.get(idAt)),
                        line.get(textAt), groupAt < 0 ? Optional.empty() : Optional.of(line.get(groupAt))));
            }
            return row;
        }
    }

    private static Optional<List<String>> nextRow(CsvParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return Optional.empty();
        }
        List<String> cells = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            cells.add(parser.getText().strip());
        }
        return Optional.of(cells);
    }

    /**
     * Compares the columns and the separator.
     *
     * @param other the object to compare with
     * @return whether {@code other} reads the same columns with the same separator
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof TextCsv that && textColumn.equals(that.textColumn) && idColumn.equals(that.idColumn)
                && groupColumn.equals(that.groupColumn) && separator == that.separator;
    }

    /**
     * Hashes the columns and the separator.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(textColumn, idColumn, groupColumn, separator);
    }

    /**
     * Returns the settings.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "TextCsv[text=" + textColumn + ", id=" + idColumn.orElse("none") + ", group="
                + groupColumn.orElse("none") + ", separator=" + separator + "]";
    }

    /** Receives the rows a {@link TextCsv} reads. */
    @FunctionalInterface
    public interface RowHandler {
        /**
         * Takes one row.
         *
         * @param row the row
         * @throws IOException when the handler's own output fails; reading stops
         */
        void accept(TextRow row) throws IOException;
    }

    /** Builds a {@link TextCsv}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private final String textColumn;
        private Optional<String> idColumn = Optional.empty();
        private Optional<String> groupColumn = Optional.empty();
        private char separator = ',';

        private Builder(String textColumn) {
            this.textColumn = textColumn;
        }

        /**
         * Reads each row's id from {@code name} (default: none).
         *
         * @param name the column's name; not blank
         * @return this builder
         */
        public Builder idColumn(String name) {
            this.idColumn = Optional.of(Checks.nonBlank("idColumn", name));
            return this;
        }

        /**
         * Reads each row's group from {@code name} (default: none).
         *
         * @param name the column's name; not blank
         * @return this builder
         */
        public Builder groupColumn(String name) {
            this.groupColumn = Optional.of(Checks.nonBlank("groupColumn", name));
            return this;
        }

        /**
         * Sets the column separator; a comma unless set.
         *
         * @param value the separator; not a letter, digit, quote or line break
         * @return this builder
         * @throws IllegalArgumentException naming the separator when it cannot separate columns
         */
        public Builder separator(char value) {
            if (Character.isLetterOrDigit(value) || value == '"' || value == '\n' || value == '\r') {
                throw new IllegalArgumentException("separator: '" + value + "' cannot separate columns; use a"
                        + " comma, semicolon, tab or another punctuation character");
            }
            this.separator = value;
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public TextCsv build() {
            return new TextCsv(this);
        }
    }
}
