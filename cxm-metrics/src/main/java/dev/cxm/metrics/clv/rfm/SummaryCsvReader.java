package dev.cxm.metrics.clv.rfm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.rfm.internal.SummaryCsvParser;
import dev.cxm.metrics.clv.rfm.internal.Units;

/**
 * Reads a summary CSV, one customer (or cell of customers) per row, into {@link RfmCells}: the files Python's
 * lifetimes, R's BTYD and Hardie's spreadsheets write, and {@code cxm clv summary --output}.
 *
 * <p>Columns are found by their header names (case matters): the customer id {@code ID}, {@code id},
 * {@code customer_id}, {@code CustomerID}, {@code cust} or an unnamed first column (R's row names); frequency
 * {@code frequency}, {@code x} or {@code frequency_cal}; recency {@code recency}, {@code t_x}, {@code t.x} or
 * {@code recency_cal}; T {@code T}, {@code T_cal}, {@code T.cal}, {@code periods}, {@code n.cal} or
 * {@code n_cal}; the mean repeat spend {@code monetary_value}, {@code m.x}, {@code m_x}, {@code zbar} or
 * {@code monetary_value_cal} (optional; empty for a customer without repeat purchases, whose 0 is read as no
 * spend); a row weight {@code weights}, {@code weight} or {@code custs} (optional, 1 otherwise). Other columns
 * are ignored. The numbers carry no unit: the caller says which unit recency and T are in.
 *
 * <p>Strict: a row with more cells than the header, a number that is not ASCII digits with an optional
 * decimal point and exponent, and any value no customer can have (a negative time, a recency above T, a
 * fractional frequency, a recency or spend without repeat purchases, a weight that is not positive, an empty
 * id) stop the reading with an {@link IllegalArgumentException} that names the line (counting from 1, the
 * header included), the column and the rule, never the cell's text. A row's customer id goes with it, so that
 * a model that refuses the row names the customer.
 *
 * <p>It reads straight into columns of numbers (about 45 bytes per row, ids packed), without an object per row
 * or cell.
 *
 * <pre>{@code
 * RfmCells customers = SummaryCsvReader.ofDefaults(ChronoUnit.WEEKS).read(Path.of("cdnow_customers_summary.csv"));
 * ModelFit<BgNbdModel> fit = BgNbd.ofDefaults().fit(customers);
 * }</pre>
 *
 * @param unit the unit recency and T are in
 * @param separator the character between cells; a comma unless set
 */
public record SummaryCsvReader(ChronoUnit unit, char separator) {

    /**
     * Validates the reader's settings.
     *
     * @param unit the unit recency and T are in
     * @param separator the character between cells; a comma unless set
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public SummaryCsvReader {
        Units.requireModelUnit("unit", unit);
        requireSeparator(separator);
    }

    /**
     * Returns a reader of comma-separated summaries whose times are in {@code unit}.
     *
     * @param unit the unit of recency and T: {@code SECONDS} to {@code WEEKS}, or {@code MONTHS} or
     *     {@code YEARS} for counts of whole periods
     * @return the reader
     */
    public static SummaryCsvReader ofDefaults(ChronoUnit unit) {
        return new SummaryCsvReader(unit, ',');
    }

    /**
     * Starts a reader of summaries whose times are in {@code unit}.
     *
     * @param unit the unit of recency and T
     * @return the builder
     */
    public static Builder custom(ChronoUnit unit) {
        return new Builder(ofDefaults(unit));
    }

    /**
     * Starts a reader from {@code base}.
     *
     * @param base the reader whose settings the builder starts with
     * @return the builder
     */
    public static Builder from(SummaryCsvReader base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns whether a header names the columns of a summary (a frequency and a recency column under any of
     * their names), to tell a summary file from a transaction file.
     *
     * @param header the column names
     * @return whether it is a summary's header
     */
    public static boolean isSummaryHeader(List<String> header) {
        return SummaryCsvParser.isSummaryHeader(Checks.present("header", header));
    }

    /**
     * Reads {@code file}.
     *
     * @param file a UTF-8 file, with or without a byte-order mark
     * @return one row per data row, with the customer ids when the file has an id column
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line, column and rule of the first refused cell
     */
    public RfmCells read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(Checks.present("file", file))) {
            return read(in);
        }
    }

    /**
     * Reads a summary from {@code in}, which it does not close.
     *
     * @param in the bytes of a UTF-8 summary CSV
     * @return one row per data row, with the customer ids when the file has an id column
     * @throws IOException when reading fails
     * @throws IllegalArgumentException naming the line, column and rule of the first refused cell
     */
    public RfmCells read(InputStream in) throws IOException {
        return new RfmCells(new SummaryCsvParser(unit, separator).read(Checks.present("in", in)));
    }

    private static char requireSeparator(char separator) {
        if (separator > 127 || separator == '"' || separator == '\n' || separator == '\r' || separator == ' '
                || Character.isLetterOrDigit(separator) || separator == '.' || separator == '-' || separator == '+') {
            throw new IllegalArgumentException("separator: U+" + String.format("%04X", (int) separator) + " cannot"
                    + " separate cells; use an ASCII punctuation character or a tab, such as , ; | or \\t");
        }
        return separator;
    }

    /** Builds a {@link SummaryCsvReader}; each setter checks its value at once. */
    public static final class Builder {
        private final ChronoUnit unit;
        private char separator;

        private Builder(SummaryCsvReader base) {
            this.unit = base.unit;
            this.separator = base.separator;
        }

        /**
         * Sets the character between cells; a comma unless set.
         *
         * @param value an ASCII punctuation character or a tab, not a quote, point or sign
         * @return this builder
         */
        public Builder separator(char value) {
            this.separator = requireSeparator(value);
            return this;
        }

        /**
         * Returns the reader.
         *
         * @return the reader
         */
        public SummaryCsvReader build() {
            return new SummaryCsvReader(unit, separator);
        }
    }
}
