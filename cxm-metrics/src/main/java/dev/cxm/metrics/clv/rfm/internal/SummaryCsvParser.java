package dev.cxm.metrics.clv.rfm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.cxm.core.internal.AsciiNumbers;
import dev.cxm.core.internal.Checks;

/**
 * Reads a summary CSV ({@code ID,frequency,recency,T[,monetary_value][,weights]}, under the header names
 * Python's lifetimes, R's BTYD and Hardie's files use) straight into the columns of RFM cells: one pass over
 * the bytes, numbers parsed from them without a string per cell, ids kept packed as UTF-8.
 *
 * <p>Strict: RFC 4180 quoting, a row with more cells than the header is refused, numbers are ASCII digits
 * with an optional decimal point and exponent, and no value a customer cannot have is accepted (a negative
 * time, a recency above T, a fractional frequency, a recency or spend without repeat purchases, a weight that
 * is not positive). Every refusal is an {@link IllegalArgumentException} naming the line (of the file,
 * counting from 1, blank lines included), the column and the rule, never the cell's text.
 */
public final class SummaryCsvParser {

    /** The fields of a summary and the header names each may have, in order of preference. */
    enum Field {
        ID("ID", "id", "customer_id", "CustomerID", "cust"),
        FREQUENCY("frequency", "x", "frequency_cal"),
        RECENCY("recency", "t_x", "t.x", "recency_cal"),
        AGE("T", "T_cal", "T.cal", "periods", "n.cal", "n_cal"),
        MONETARY("monetary_value", "m.x", "m_x", "zbar", "monetary_value_cal"),
        WEIGHT("weights", "weight", "custs");

        private final List<String> names;

        Field(String... names) {
            this.names = List.of(names);
        }
    }

    private static final int BUFFER = 1 << 16;

    private final ChronoUnit unit;
    private final byte separator;

    /**
     * Reads summaries whose times are in {@code unit}, with cells separated by {@code separator}.
     *
     * @param unit the unit of recency and T
     * @param separator an ASCII character other than a quote, a line break or a space
     */
    public SummaryCsvParser(ChronoUnit unit, char separator) {
        this.unit = Units.requireModelUnit("unit", unit);
        this.separator = (byte) separator;
    }

    /**
     * Returns whether a header names the columns of a summary: a frequency and a recency column under any
     * of their names.
     *
     * @param header the column names
     * @return whether it is a summary's header
     */
    public static boolean isSummaryHeader(List<String> header) {
        return find(header, Field.FREQUENCY).isPresent() && find(header, Field.RECENCY).isPresent();
    }

    /**
     * Reads every row of {@code in} (which it does not close).
     *
     * @param in the file's bytes, UTF-8, with or without a byte-order mark
     * @return the columns, with ids when the file has an id column
     * @throws IOException when reading fails
     * @throws IllegalArgumentException naming the line, column and rule of the first refused cell
     */
    public CellColumns read(InputStream in) throws IOException {
        Checks.present("in", in);
        Tokenizer tokens = new Tokenizer(in, separator);
        if (!tokens.nextRow()) {
            throw new IllegalArgumentException("header: the file is empty; a summary CSV starts with a header row");
        }
        List<String> header = new ArrayList<>(tokens.cells());
        for (int i = 0; i < tokens.cells(); i++) {
            header.add(tokens.text(i).strip());
        }
        int columns = header.size();
        int[] column = new int[Field.values().length];
        for (Field field : Field.values()) {
            column[field.ordinal()] = find(header, field).orElse(-1);
        }
        for (Field required : List.of(Field.FREQUENCY, Field.RECENCY, Field.AGE)) {
            if (column[required.ordinal()] < 0) {
                throw new IllegalArgumentException("header: no " + required.names.get(0) + " column; name it "
                        + String.join(" or ", required.names));
            }
        }
        // R's write.csv leaves the column of row names (BTYD's customer ids) unnamed.
        if (column[Field.ID.ordinal()] < 0 && header.get(0).isEmpty()) {
            column[Field.ID.ordinal()] = 0;
        }
        Columns out = new Columns(column[Field.ID.ordinal()] >= 0);
        String[] names = new String[Field.values().length];
        for (Field field : Field.values()) {
            int index = column[field.ordinal()];
            names[field.ordinal()] = index < 0 ? "" : header.get(index).isEmpty() ? Integer.toString(index + 1)
                    : header.get(index);
        }
        RowReader row = new RowReader(tokens, column, names);
        while (tokens.nextRow()) {
            if (tokens.cells() > columns) {
                throw new IllegalArgumentException("line " + tokens.line() + ": " + tokens.cells()
                        + " cells but the header has " + columns + " columns; a row may not have more cells than the"
                        + " header (a decimal comma, or a separator inside an unquoted cell?)");
            }
            out.add(row);
        }
        return out.build(unit);
    }

    private static Optional<Integer> find(List<String> header, Field field) {
        Integer found = null;
        String foundName = null;
        for (String name : field.names) {
            int at = header.indexOf(name);
            if (at >= 0) {
                if (found != null) {
                    throw new IllegalArgumentException("header: columns " + foundName + " and " + name
                            + " both name the " + field.names.get(0) + "; keep one");
                }
                found = at;
                foundName = name;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Reads the fields of the tokenizer's current row, refusing impossible values with line, column and rule. */
    private static final class RowReader {
        private final Tokenizer tokens;
        private final int[] column;
        private final String[] names;

        RowReader(Tokenizer tokens, int[] column, String[] names) {
            this.tokens = tokens;
            this.column = column;
            this.names = names;
        }

        boolean has(Field field) {
            return column[field.ordinal()] >= 0;
        }

        boolean isEmpty(Field field) {
            int index = column[field.ordinal()];
            return index >= tokens.cells() || tokens.isBlank(index);
        }

        IllegalArgumentException refuse(Field field, String rule) {
            return new IllegalArgumentException("line " + tokens.line() + ", column " + names[field.ordinal()] + ": "
                    + rule);
        }

        double number(Field field) {
            if (isEmpty(field)) {
                throw refuse(field, "empty; a number is needed");
            }
            int index = column[field.ordinal()];
            double value = tokens.number(index);
            if (Double.isNaN(value)) {
                throw refuse(field, tokens.negative(index) ? "negative; it must be 0 or more"
                        : "not a finite number; write ASCII digits with an optional decimal point and exponent");
            }
            return value;
        }
    }

    /** The growing columns of the rows read so far. */
    private static final class Columns {
        private int size;
        private int[] frequency = new int[1024];
        private double[] recency = new double[1024];
        private double[] age = new double[1024];
        private double[] monetary = new double[1024];
        private double[] weight = new double[1024];
        private final boolean withIds;
        private byte[] idBytes = new byte[0];
        private int[] idOffsets = new int[0];
        private int idLength;

        Columns(boolean withIds) {
            this.withIds = withIds;
            if (withIds) {
                idBytes = new byte[8192];
                idOffsets = new int[1025];
            }
        }

        void add(RowReader row) {
            double x = row.number(Field.FREQUENCY);
            if (x != Math.rint(x) || x > Integer.MAX_VALUE) {
                throw row.refuse(Field.FREQUENCY, "not a whole number; frequency counts repeat purchases");
            }
            int frequencyValue = (int) x;
            double recencyValue = row.number(Field.RECENCY);
            double ageValue = row.number(Field.AGE);
            if (recencyValue > ageValue) {
                throw row.refuse(Field.RECENCY, "greater than T; the last purchase cannot come after the end of"
                        + " calibration");
            }
            if (frequencyValue == 0 && recencyValue != 0) {
                throw row.refuse(Field.RECENCY, "not 0 although frequency is 0; without repeat purchases the recency"
                        + " is 0");
            }
            double spend = Double.NaN;
            if (row.has(Field.MONETARY) && !row.isEmpty(Field.MONETARY)) {
                double value = row.number(Field.MONETARY);
                if (frequencyValue > 0) {
                    spend = value;
                } else if (value != 0) {
                    throw row.refuse(Field.MONETARY, "not 0 although frequency is 0; the mean repeat spend needs a"
                            + " repeat purchase");
                }
            }
            double w = 1;
            if (row.has(Field.WEIGHT)) {
                w = row.number(Field.WEIGHT);
                if (!(w > 0)) {
                    throw row.refuse(Field.WEIGHT, "not positive; a row stands for a positive number of customers");
                }
            }
            if (size == frequency.length) {
                int capacity = size * 2;
                frequency = Arrays.copyOf(frequency, capacity);
                recency = Arrays.copyOf(recency, capacity);
                age = Arrays.copyOf(age, capacity);
                monetary = Arrays.copyOf(monetary, capacity);
                weight = Arrays.copyOf(weight, capacity);
            }
            if (withIds) {
                addId(row);
            }
            frequency[size] = frequencyValue;
            recency[size] = recencyValue;
            age[size] = ageValue;
            monetary[size] = spend;
            weight[size] = w;
            size++;
        }

        private void addId(RowReader row) {
            if (row.isEmpty(Field.ID)) {
                throw row.refuse(Field.ID, "empty; a customer id is needed");
            }
            int index = row.column[Field.ID.ordinal()];
            Tokenizer tokens = row.tokens;
            int from = tokens.start(index);
            int to = tokens.end(index);
            while (from < to && isSpace(tokens.row[from]) && !tokens.quoted(index)) {
                from++;
            }
            while (to > from && isSpace(tokens.row[to - 1]) && !tokens.quoted(index)) {
                to--;
            }
            int length = to - from;
            // UTF-8 takes at least one byte per UTF-16 char, so only a long id needs decoding to be measured.
            if (length > Checks.MAX_ID_LENGTH
                    && new String(tokens.row, from, length, StandardCharsets.UTF_8).length() > Checks.MAX_ID_LENGTH) {
                throw row.refuse(Field.ID, "longer than " + Checks.MAX_ID_LENGTH + " characters; an id is a key");
            }
            if (idLength + length > idBytes.length) {
                idBytes = Arrays.copyOf(idBytes, Math.max(idBytes.length * 2, idLength + length));
            }
            System.arraycopy(tokens.row, from, idBytes, idLength, length);
            idLength += length;
            if (size + 2 > idOffsets.length) {
                idOffsets = Arrays.copyOf(idOffsets, idOffsets.length * 2);
            }
            idOffsets[size + 1] = idLength;
        }

        CellColumns build(ChronoUnit unit) {
            CustomerIds ids = withIds ? CustomerIds.packed(Arrays.copyOf(idBytes, idLength),
                    Arrays.copyOf(idOffsets, size + 1)) : null;
            return new CellColumns(unit, Arrays.copyOf(frequency, size), Arrays.copyOf(recency, size),
                    Arrays.copyOf(age, size), Arrays.copyOf(monetary, size), Arrays.copyOf(weight, size), ids);
        }
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    /**
     * Splits the bytes into rows of cells (RFC 4180: cells in double quotes may hold separators, line breaks
     * and doubled quotes); each row's unquoted bytes sit in one array, with each cell's start and end.
     */
    static final class Tokenizer {

        private final InputStream in;
        private final byte separator;
        private final byte[] buffer = new byte[BUFFER];
        private int position;
        private int limit;
        private boolean exhausted;
        /** The line the next byte is on. */
        private long currentLine = 1;
        /** The line the last row started on. */
        private long rowLine;
        byte[] row = new byte[256];
        private int rowLength;
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private boolean[] quotedCells = new boolean[16];
        private int cells;
        private boolean first = true;
        /** The characters of the number being read. */
        private char[] digits = new char[32];

        Tokenizer(InputStream in, byte separator) {
            this.in = in;
            this.separator = separator;
        }

        private int read() throws IOException {
            if (position == limit) {
                if (exhausted) {
                    return -1;
                }
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    exhausted = true;
                    return -1;
                }
            }
            return buffer[position++] & 0xFF;
        }

        private void unread() {
            position--;
        }

        /** Reads the next non-blank row; returns false at the end of the input. */
        boolean nextRow() throws IOException {
            while (true) {
                int c = read();
                if (first) {
                    first = false;
                    if (c == 0xEF) {
                        if (read() != 0xBB || read() != 0xBF) {
                            throw new IllegalArgumentException("line 1: the file starts with a broken byte-order mark;"
                                    + " save it as UTF-8");
                        }
                        c = read();
                    }
                }
                if (c == -1) {
                    return false;
                }
                if (c == '\n') {
                    currentLine++;
                    continue;
                }
                if (c == '\r') {
                    int next = read();
                    if (next != '\n' && next != -1) {
                        unread();
                    }
                    currentLine++;
                    continue;
                }
                unread();
                readRow();
                return true;
            }
        }

        private void readRow() throws IOException {
            rowLine = currentLine;
            rowLength = 0;
            cells = 0;
            while (true) {
                startCell();
                int c = scanUnquoted();
                if (c == '"') {
                    if (!isBlank(cells - 1, rowLength)) {
                        throw new IllegalArgumentException("line " + currentLine + ", cell " + cells
                                + ": a quote inside an unquoted cell; quote the whole cell and double the quote");
                    }
                    rowLength = starts[cells - 1];
                    quotedCells[cells - 1] = true;
                    c = readQuoted();
                    while ((c == ' ' || c == '\t') && c != separator) {
                        c = read();
                    }
                    if (c != separator && c != '\n' && c != '\r' && c != -1) {
                        throw new IllegalArgumentException("line " + currentLine + ", cell " + cells
                                + ": text after the closing quote; a quoted cell ends at its quote");
                    }
                }
                ends[cells - 1] = rowLength;
                if (c == separator) {
                    continue;
                }
                if (c == '\r') {
                    int next = read();
                    if (next != '\n' && next != -1) {
                        unread();
                    }
                }
                if (c != -1) {
                    currentLine++;
                }
                return;
            }
        }

        /**
         * Copies the bytes of an unquoted cell into the row, a run of the buffer at a time, up to the
         * separator, line break or quote that ends it; returns that character (-1 at the end of the input),
         * consumed.
         */
        private int scanUnquoted() throws IOException {
            byte stop = separator;
            while (true) {
                byte[] bytes = buffer;
                int end = limit;
                int from = position;
                int at = from;
                while (at < end) {
                    byte b = bytes[at];
                    if (b == stop || b == '\n' || b == '\r' || b == '"') {
                        break;
                    }
                    at++;
                }
                appendRun(bytes, from, at);
                position = at;
                if (at < end) {
                    position++;
                    return bytes[at] & 0xFF;
                }
                if (read() == -1) {
                    return -1;
                }
                unread();
            }
        }

        private void appendRun(byte[] bytes, int from, int to) {
            int length = to - from;
            if (rowLength + length > row.length) {
                row = Arrays.copyOf(row, Math.max(row.length * 2, rowLength + length));
            }
            System.arraycopy(bytes, from, row, rowLength, length);
            rowLength += length;
        }

        private boolean isBlank(int cell, int end) {
            for (int i = starts[cell]; i < end; i++) {
                if (!isSpace(row[i])) {
                    return false;
                }
            }
            return true;
        }

        /** Reads a quoted cell after its opening quote; returns the character after the closing quote. */
        private int readQuoted() throws IOException {
            long opened = currentLine;
            while (true) {
                int c = read();
                if (c == -1) {
                    throw new IllegalArgumentException("line " + opened + ": a quoted cell opened here is not closed");
                }
                if (c == '"') {
                    int next = read();
                    if (next != '"') {
                        return next;
                    }
                } else if (c == '\n') {
                    currentLine++;
                } else if (c == '\r') {
                    int next = read();
                    if (next != '\n' && next != -1) {
                        unread();
                    }
                    currentLine++;
                    append('\r');
                    if (next == '\n') {
                        append('\n');
                    }
                    continue;
                }
                append(c);
            }
        }

        private void startCell() {
            if (cells == starts.length) {
                starts = Arrays.copyOf(starts, cells * 2);
                ends = Arrays.copyOf(ends, cells * 2);
                quotedCells = Arrays.copyOf(quotedCells, cells * 2);
            }
            starts[cells] = rowLength;
            quotedCells[cells] = false;
            cells++;
        }

        private void append(int c) {
            if (rowLength == row.length) {
                row = Arrays.copyOf(row, row.length * 2);
            }
            row[rowLength++] = (byte) c;
        }

        long line() {
            return rowLine;
        }

        int cells() {
            return cells;
        }

        int start(int cell) {
            return starts[cell];
        }

        int end(int cell) {
            return ends[cell];
        }

        boolean quoted(int cell) {
            return quotedCells[cell];
        }

        String text(int cell) {
            return new String(row, starts[cell], ends[cell] - starts[cell], StandardCharsets.UTF_8);
        }

        /** Returns whether cell {@code cell} holds nothing but spaces. */
        boolean isBlank(int cell) {
            return isBlank(cell, ends[cell]);
        }

        /** Returns whether cell {@code cell}, stripped, starts with a minus sign. */
        boolean negative(int cell) {
            int i = starts[cell];
            while (i < ends[cell] && isSpace(row[i])) {
                i++;
            }
            return i < ends[cell] && row[i] == '-';
        }

        /**
         * Returns the number in cell {@code cell}: ASCII digits with an optional decimal point and exponent,
         * surrounding spaces ignored, as {@link AsciiNumbers#parseDouble} reads them; NaN for anything else (a
         * sign, other characters) and for a number too large for a {@code double}.
         */
        double number(int cell) {
            int from = starts[cell];
            int to = ends[cell];
            while (from < to && isSpace(row[from])) {
                from++;
            }
            while (to > from && isSpace(row[to - 1])) {
                to--;
            }
            if (from == to || row[from] == '-' || row[from] == '+') {
                return Double.NaN;
            }
            int length = to - from;
            if (length > digits.length) {
                digits = new char[Math.max(length, digits.length * 2)];
            }
            // A byte of a multi-byte character becomes a char above 0x7F here, which is no digit.
            for (int i = 0; i < length; i++) {
                digits[i] = (char) (row[from + i] & 0xFF);
            }
            double value = AsciiNumbers.parseDouble(digits, 0, length);
            return Double.isFinite(value) ? value : Double.NaN;
        }
    }
}
