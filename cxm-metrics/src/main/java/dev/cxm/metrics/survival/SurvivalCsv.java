package dev.cxm.metrics.survival;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.cxm.core.internal.AsciiNumbers;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.io.CsvHeaders;
import dev.cxm.core.internal.io.CsvRow;
import dev.cxm.core.internal.io.CsvTokenizer;
import dev.cxm.core.internal.io.ParsedTexts;

/**
 * Reads {@link SurvivalData} from a CSV file of subjects with a header row: one row per subject with how
 * long they were followed, whether they churned (1/0, true/false), optionally their group and numeric
 * covariates, in the columns this reader is configured with.
 *
 * <pre>{@code
 * SurvivalData data = SurvivalCsv.custom(ChronoUnit.DAYS)
 *         .durationColumn("tenure_days").eventColumn("churned").groupColumn("plan")
 *         .covariates("tickets", "discount")
 *         .build()
 *         .read(Path.of("subjects.csv"));
 * }</pre>
 *
 * <p>Durations and covariates are plain decimal numbers in ASCII digits, with an optional sign, decimal point
 * and exponent ({@code 12}, {@code 0.5}, {@code -3}, {@code 1e3}); {@code NaN}, {@code Infinity}, hexadecimal
 * ({@code 0x1p3}), a type suffix ({@code 1d}) and other scripts' digits are not numbers here. Cells are split
 * as Jackson's CSV parser splits them (quotes, doubled quotes, line breaks inside quotes, blank lines skipped)
 * and read in place, straight into the columns of numbers, without a string per cell.
 *
 * <p>Rows are numbered from 1 after the header, and every complaint names the row, the column and the rule,
 * never a cell's text (it may be personal data): {@code row 2: column duration is not a number}; text that is
 * not CSV at all (an unclosed quote) is refused at the line where its row starts. A reader is an immutable
 * configuration that compares by value.
 */
public final class SurvivalCsv {

    private final ChronoUnit unit;
    private final String durationColumn;
    private final String eventColumn;
    private final Optional<String> groupColumn;
    private final List<String> groups;
    private final List<String> covariates;
    private final char separator;

    private SurvivalCsv(Builder builder) {
        this.unit = builder.unit;
        this.durationColumn = builder.durationColumn;
        this.eventColumn = builder.eventColumn;
        this.groupColumn = builder.groupColumn;
        this.groups = builder.groups;
        this.covariates = builder.covariates;
        this.separator = builder.separator;
    }

    /**
     * Returns the reader of durations in {@code unit} from the columns {@code duration} and {@code event},
     * comma-separated, without groups or covariates.
     *
     * @param unit the unit of the durations
     * @return the reader
     */
    public static SurvivalCsv ofDefaults(ChronoUnit unit) {
        return custom(unit).build();
    }

    /**
     * Starts a configuration of a reader of durations in {@code unit} from the defaults.
     *
     * @param unit the unit of the durations
     * @return a builder holding the defaults
     */
    public static Builder custom(ChronoUnit unit) {
        return new Builder(Checks.present("unit", unit));
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the reader whose settings the builder starts with
     * @return a builder holding the settings of {@code base}
     */
    public static Builder from(SurvivalCsv base) {
        Checks.present("base", base);
        Builder builder = new Builder(base.unit);
        builder.durationColumn = base.durationColumn;
        builder.eventColumn = base.eventColumn;
        builder.groupColumn = base.groupColumn;
        builder.groups = base.groups;
        builder.covariates = base.covariates;
        builder.separator = base.separator;
        return builder;
    }

    /**
     * Reads the subjects of a UTF-8 file.
     *
     * @param file the file
     * @return the subjects
     * @throws IOException when the file cannot be read, or is not UTF-8
     * @throws IllegalArgumentException naming the row, column and rule of the first cell that breaks one, the
     *     line where text that cannot be read as CSV starts, or the column missing from the header
     *     ({@link dev.cxm.core.io.MissingColumnException})
     */
    public SurvivalData read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(Checks.present("file", file), StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    /**
     * Reads the subjects of CSV text; the reader is not closed.
     *
     * @param text the CSV text, with a header row
     * @return the subjects
     * @throws IOException when the text cannot be read
     * @throws IllegalArgumentException naming the row, column and rule of the first cell that breaks one, the
     *     line where text that cannot be read as CSV starts, or the column missing from the header
     *     ({@link dev.cxm.core.io.MissingColumnException})
     */
    public SurvivalData read(Reader text) throws IOException {
        // Cells are split as Jackson's CSV parser splits them, but read in place: no string per cell.
        CsvTokenizer tokens = new CsvTokenizer(Checks.present("text", text), separator);
        if (!next(tokens)) {
            throw new IllegalArgumentException("header: the input is empty; it needs a header row");
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < tokens.row().count(); j++) {
            names.add(tokens.row().raw(j).strip());
        }
        List<String> header = CsvHeaders.distinct(names);
        int duration = CsvHeaders.column(header, durationColumn, "durationColumn");
        int event = CsvHeaders.column(header, eventColumn, "eventColumn");
        int group = groupColumn.isPresent() ? CsvHeaders.column(header, groupColumn.get(), "groupColumn") : -1;
        int[] covariateColumns = new int[covariates.size()];
        for (int j = 0; j < covariates.size(); j++) {
            covariateColumns[j] = CsvHeaders.column(header, covariates.get(j), "covariates");
        }
        SurvivalData.Builder builder = SurvivalData.builder(unit, covariates);
        if (!groups.isEmpty()) {
            builder.groups(groups.toArray(String[]::new));
        }
        // A group's name becomes a string once, not once per row.
        ParsedTexts<String> groupNames = new ParsedTexts<>(Function.identity());
        double[] values = new double[covariates.size()];
        long row = 0;
        while (next(tokens)) {
            row++;
            CsvRow cells = tokens.row();
            if (cells.count() != header.size()) {
                throw new IllegalArgumentException("row " + row + ": " + cells.count() + " columns, the header has "
                        + header.size() + "; every row must have exactly the header's columns");
            }
            for (int j = 0; j < values.length; j++) {
                values[j] = number(row, covariates.get(j), cells, covariateColumns[j]);
            }
            boolean observed = eventFlag(row, cells, event);
            String groupName = SurvivalData.DEFAULT_GROUP;
            if (group >= 0) {
                int from = cells.strippedStart(group);
                groupName = groupNames.parse(cells.chars(group), from, cells.strippedEnd(group, from));
            }
            builder.add(number(row, durationColumn, cells, duration), observed, groupName, values);
        }
        return builder.build();
    }

    /**
     * Reads the next row; text that cannot be read as CSV is refused at the line where its row starts.
     *
     * @return false at the end of the input
     */
    private static boolean next(CsvTokenizer tokens) throws IOException {
        try {
            return tokens.next();
        } catch (CsvTokenizer.UnreadableCsv unreadable) {
            throw new IllegalArgumentException("line " + unreadable.line() + ": the text cannot be read as CSV from"
                    + " here on (" + unreadable.problem() + ")", unreadable);
        }
    }

    /**
     * Reads a cell as a plain decimal number (ASCII digits, an optional sign, decimal point and exponent; not
     * {@code NaN}, {@code Infinity}, hexadecimal or {@code 1d}, which {@link Double#parseDouble} takes); the
     * complaint names the row and column, never the cell's text.
     */
    private static double number(long row, String column, CsvRow cells, int cell) {
        int from = cells.strippedStart(cell);
        double value = AsciiNumbers.parseDouble(cells.chars(cell), from, cells.strippedEnd(cell, from));
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("row " + row + ": column " + column + " is not a number");
        }
        return value;
    }

    /** Reads a cell as {@link SurvivalData#parseEventFlag} does, without a string for the common flags. */
    private static boolean eventFlag(long row, CsvRow cells, int cell) {
        char[] chars = cells.chars(cell);
        int from = cells.strippedStart(cell);
        int to = cells.strippedEnd(cell, from);
        if (to - from == 1 && (chars[from] == '1' || chars[from] == '0')) {
            return chars[from] == '1';
        }
        if (equalsIgnoringAsciiCase(chars, from, to, "true")) {
            return true;
        }
        if (equalsIgnoringAsciiCase(chars, from, to, "false")) {
            return false;
        }
        try {
            return SurvivalData.parseEventFlag(cells.raw(cell));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("row " + row + ": " + e.getMessage(), e);
        }
    }

    private static boolean equalsIgnoringAsciiCase(char[] chars, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if ((chars[from + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Compares unit, columns, groups, covariates and separator. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SurvivalCsv that && unit == that.unit && durationColumn.equals(that.durationColumn)
                && eventColumn.equals(that.eventColumn) && groupColumn.equals(that.groupColumn)
                && groups.equals(that.groups) && covariates.equals(that.covariates) && separator == that.separator;
    }

    /** Hashes unit, columns, groups, covariates and separator. */
    @Override
    public int hashCode() {
        return Objects.hash(unit, durationColumn, eventColumn, groupColumn, groups, covariates, separator);
    }

    /** Returns the settings, for logs and configuration dumps. */
    @Override
    public String toString() {
        return "SurvivalCsv[unit=" + unit + ", duration=" + durationColumn + ", event=" + eventColumn + ", group="
                + groupColumn.orElse("none") + ", groups=" + groups + ", covariates=" + covariates + ", separator="
                + separator + "]";
    }

    /** Builds a {@link SurvivalCsv}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private final ChronoUnit unit;
        private String durationColumn = "duration";
        private String eventColumn = "event";
        private Optional<String> groupColumn = Optional.empty();
        private List<String> groups = List.of();
        private List<String> covariates = List.of();
        private char separator = ',';

        private Builder(ChronoUnit unit) {
            this.unit = unit;
        }

        /**
         * Sets the column of the durations; {@code duration} unless set.
         *
         * @param name the column's name; not blank
         * @return this builder
         */
        public Builder durationColumn(String name) {
            this.durationColumn = Checks.nonBlank("durationColumn", name);
            return this;
        }

        /**
         * Sets the column of the event flags (1 or true: churned; 0 or false: censored); {@code event} unless set.
         *
         * @param name the column's name; not blank
         * @return this builder
         */
        public Builder eventColumn(String name) {
            this.eventColumn = Checks.nonBlank("eventColumn", name);
            return this;
        }

        /**
         * Sets the column of the subjects' groups (default: none, every subject in
         * {@value SurvivalData#DEFAULT_GROUP}).
         *
         * @param name the column's name; not blank
         * @return this builder
         */
        public Builder groupColumn(String name) {
            this.groupColumn = Optional.of(Checks.nonBlank("groupColumn", name));
            return this;
        }

        /**
         * Declares the only groups expected, in the order results list them; a row of another group is then
         * refused (default: every group found, in order of appearance).
         *
         * @param names the groups; distinct, not blank
         * @return this builder
         * @throws IllegalArgumentException naming a blank or repeated group
         */
        public Builder groups(String... names) {
            this.groups = distinct("groups", names);
            return this;
        }

        /**
         * Sets the numeric covariate columns, in model order (default: none).
         *
         * @param names the columns; distinct, not blank
         * @return this builder
         * @throws IllegalArgumentException naming a blank or repeated column
         */
        public Builder covariates(String... names) {
            this.covariates = distinct("covariates", names);
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

        private static List<String> distinct(String field, String... names) {
            Checks.present(field, names);
            LinkedHashSet<String> set = new LinkedHashSet<>();
            for (String name : names) {
                if (!set.add(Checks.nonBlank(field, name))) {
                    throw new IllegalArgumentException(field + ": \"" + name + "\" is named twice; each is named once");
                }
            }
            return List.copyOf(set);
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public SurvivalCsv build() {
            return new SurvivalCsv(this);
        }
    }
}
