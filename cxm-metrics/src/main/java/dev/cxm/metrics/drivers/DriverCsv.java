package dev.cxm.metrics.drivers;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.io.CsvHeaders;
import dev.cxm.metrics.drivers.internal.DecimalCell;
import dev.cxm.metrics.drivers.internal.Variables;

/**
 * Reads {@link DriverData} from a CSV file with a header row: the outcome's column and each driver's column,
 * found by their header names; other columns (ids, comments) are ignored.
 *
 * <pre>{@code
 * DriverData data = DriverCsv.ofDefaults("recommend", List.of("wait", "staff", "price")).read(Path.of("survey.csv"));
 * }</pre>
 *
 * <p>Strict, as cxm's other readers: RFC 4180 quoting (Jackson's CSV parser), every row with exactly the
 * header's cells (a row with more is refused, as a decimal comma or an unquoted separator would make it), a
 * number of ASCII digits with an optional sign, decimal point and exponent in every cell read, nothing empty.
 * A refusal is an {@link IllegalArgumentException} naming the line (of the file, counting from 1, the header
 * and blank lines included), the column and the rule, never the cell's text: {@code line 7, column wait: not a
 * number; ...}. The numbers go straight into one primitive array, 8 bytes per value.
 *
 * @param outcomeColumn the header name of the outcome's column
 * @param driverColumns the header names of the drivers' columns, in the order of the result
 * @param separator the character between cells; a comma unless set
 */
public record DriverCsv(String outcomeColumn, List<String> driverColumns, char separator) {

    private static final CsvFactory CSV = new CsvFactory().configure(CsvParser.Feature.SKIP_EMPTY_LINES, true);
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * Validates the reader's settings.
     *
     * @param outcomeColumn the outcome's column; not blank
     * @param driverColumns the drivers' columns; at least one, distinct, not blank, not the outcome's
     * @param separator not a letter, digit, quote, point, sign, space or line break
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public DriverCsv {
        driverColumns = Variables.requireNames(outcomeColumn, driverColumns);
        requireSeparator(separator);
    }

    /**
     * Returns a reader of comma-separated files.
     *
     * @param outcomeColumn the outcome's column
     * @param driverColumns the drivers' columns
     * @return the reader
     * @throws IllegalArgumentException when a name is blank or repeated, or there is no driver
     */
    public static DriverCsv ofDefaults(String outcomeColumn, List<String> driverColumns) {
        return new DriverCsv(outcomeColumn, driverColumns, ',');
    }

    /**
     * Starts a reader of these columns from the defaults.
     *
     * @param outcomeColumn the outcome's column
     * @param driverColumns the drivers' columns
     * @return a builder
     * @throws IllegalArgumentException when a name is blank or repeated, or there is no driver
     */
    public static Builder custom(String outcomeColumn, List<String> driverColumns) {
        return new Builder(ofDefaults(outcomeColumn, driverColumns));
    }

    /**
     * Starts a reader from {@code base}.
     *
     * @param base the reader whose settings the builder starts with
     * @return a builder
     */
    public static Builder from(DriverCsv base) {
        return new Builder(Checks.present("base", base));
    }

    private static char requireSeparator(char separator) {
        if (Character.isLetterOrDigit(separator) || separator == '"' || separator == '.' || separator == '+'
                || separator == '-' || separator == ' ' || separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("separator: '" + separator + "' cannot separate cells of numbers; use a"
                    + " comma, semicolon, tab or another punctuation character");
        }
        return separator;
    }

    /**
     * Reads a UTF-8 file.
     *
     * @param file the file
     * @return the rows
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line, column and rule of the first cell or row refused, or
     *     the column missing from the header
     */
    public DriverData read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(Checks.present("file", file), StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    /**
     * Reads CSV text; the reader is not closed.
     *
     * @param text the CSV text, with a header row
     * @return the rows
     * @throws IOException when the text cannot be read
     * @throws IllegalArgumentException naming the line, column and rule of the first cell or row refused, or
     *     the column missing from the header
     */
    public DriverData read(Reader text) throws IOException {
        PushbackReader input = new PushbackReader(Checks.present("text", text), 1);
        int first = input.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) {
            input.unread(first);
        }
        CsvParser parser = CSV.createParser(input);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
        long line = 1;
        try {
            List<String> header = new ArrayList<>();
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("header: the input is empty; it needs a header row");
            }
            line = readHeader(parser, header);
            int[] columns = columnsOf(header);
            String[] names = new String[columns.length];
            names[0] = outcomeColumn;
            for (int j = 0; j < driverColumns.size(); j++) {
                names[j + 1] = driverColumns.get(j);
            }
            return readRows(parser, header.size(), columns, names);
        } catch (JsonProcessingException unreadable) {
            // Jackson's message quotes the text where it gave up; say where, never what.
            long at = unreadable.getLocation() == null ? line : unreadable.getLocation().getLineNr();
            throw new IllegalArgumentException("line " + at + ": not well-formed CSV (a quoted cell that is not"
                    + " closed, or a quote inside an unquoted cell)", unreadable);
        } finally {
            parser.close();
        }
    }

    private static long readHeader(CsvParser parser, List<String> header) throws IOException {
        long line = 1;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (header.isEmpty()) {
                line = parser.currentTokenLocation().getLineNr();
            }
            header.add(parser.getText().strip());
        }
        return line;
    }

    /** Returns the header position of the outcome's column, then of each driver's. */
    private int[] columnsOf(List<String> header) {
        int[] columns = new int[driverColumns.size() + 1];
        columns[0] = column(header, outcomeColumn, "outcomeColumn");
        for (int j = 0; j < driverColumns.size(); j++) {
            columns[j + 1] = column(header, driverColumns.get(j), "driverColumns");
        }
        return columns;
    }

    private static int column(List<String> header, String name, String setting) {
        int index = CsvHeaders.column(header, name, setting);
        if (header.lastIndexOf(name) != index) {
            throw new IllegalArgumentException("header: columns " + (index + 1) + " and " + (header.lastIndexOf(name) + 1)
                    + " are both named \"" + name + "\"; the column read must be named once");
        }
        return index;
    }

    private DriverData readRows(CsvParser parser, int width, int[] columns, String[] names) throws IOException {
        int q = columns.length;
        int[] variableAt = new int[width];
        Arrays.fill(variableAt, -1);
        for (int v = 0; v < q; v++) {
            variableAt[columns[v]] = v;
        }
        double[] values = new double[16 * q];
        int rows = 0;
        while (parser.nextToken() == JsonToken.START_ARRAY) {
            if ((rows + 1L) * q > values.length) {
                values = Arrays.copyOf(values, DriverData.grow(values.length / q, rows + 1, q) * q);
            }
            int at = rows * q;
            int cells = 0;
            long line = -1;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (line < 0) {
                    // The parser reports a stale location for START_ARRAY; the first cell's is the row's line.
                    line = parser.currentTokenLocation().getLineNr();
                }
                if (cells < width && variableAt[cells] >= 0) {
                    String text = parser.getText();
                    double value = DecimalCell.parse(text);
                    if (Double.isNaN(value)) {
                        throw refuse(line, names[variableAt[cells]], DecimalCell.problem(text));
                    }
                    values[at + variableAt[cells]] = value;
                }
                cells++;
            }
            if (cells != width) {
                throw new IllegalArgumentException("line " + Math.max(1, line) + ": " + cells + " cells, but the header"
                        + " has " + width + " columns; every row has exactly the header's columns (a decimal comma,"
                        + " or a separator inside an unquoted cell?)");
            }
            rows++;
        }
        return new DriverData(outcomeColumn, driverColumns, rows, Arrays.copyOf(values, rows * q));
    }

    private static IllegalArgumentException refuse(long line, String column, DecimalCell.Problem problem) {
        String rule = switch (problem) {
            case EMPTY -> "empty; a number is needed";
            case OUT_OF_RANGE -> "a number too large for a double";
            case NOT_A_NUMBER -> "not a number; write ASCII digits with an optional sign, decimal point and exponent";
        };
        return new IllegalArgumentException("line " + line + ", column " + column + ": " + rule);
    }

    /** Returns the settings, for logs and configuration dumps. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DriverCsv[outcome=%s, drivers=%s, separator=%s]", outcomeColumn,
                driverColumns, separator == '\t' ? "\\t" : String.valueOf(separator));
    }

    /** Builds a {@link DriverCsv}; each setter refuses a bad value at once. */
    public static final class Builder {
        private final String outcomeColumn;
        private final List<String> driverColumns;
        private char separator;

        private Builder(DriverCsv base) {
            this.outcomeColumn = base.outcomeColumn;
            this.driverColumns = base.driverColumns;
            this.separator = base.separator;
        }

        /**
         * Sets the separator between cells; a comma unless set.
         *
         * @param value not a letter, digit, quote, point, sign, space or line break
         * @return this builder
         * @throws IllegalArgumentException naming the separator when it cannot separate cells of numbers
         */
        public Builder separator(char value) {
            this.separator = requireSeparator(value);
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public DriverCsv build() {
            return new DriverCsv(outcomeColumn, driverColumns, separator);
        }
    }
}
