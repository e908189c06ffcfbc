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

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.cxm.core.internal.Checks;

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
 * <p>Rows are numbered from 1 after the header, and every complaint names the row, the column and the rule,
 * never a cell's text (it may be personal data): {@code row 2: column duration is not a number}. A reader is
 * an immutable configuration that compares by value.
 */
public final class SurvivalCsv {

    private static final CsvFactory CSV = new CsvFactory().configure(CsvParser.Feature.SKIP_EMPTY_LINES, true);

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
     * @throws IOException when the file cannot be read or is not CSV
     * @throws IllegalArgumentException naming the row, column and rule of the first cell that breaks one, or
     *     the column missing from the header ({@link MissingColumnException})
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
     * @throws IOException when the text cannot be read or is not CSV
     * @throws IllegalArgumentException naming the row, column and rule of the first cell that breaks one, or
     *     the column missing from the header ({@link MissingColumnException})
     */
    public SurvivalData read(Reader text) throws IOException {
        try (CsvParser parser = CSV.createParser(Checks.present("text", text))) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            List<String> header = nextRow(parser).orElseThrow(() -> new IllegalArgumentException(
                    "header: the input is empty; it needs a header row"));
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            for (int j = 0; j < header.size(); j++) {
                int first = header.indexOf(header.get(j));
                if (first < j) {
                    throw new IllegalArgumentException("header: columns " + (first + 1) + " and " + (j + 1)
                            + " are both named \"" + header.get(j) + "\"; column names must be distinct");
                }
            }
            int duration = column(header, durationColumn, "durationColumn");
            int event = column(header, eventColumn, "eventColumn");
            int group = groupColumn.isPresent() ? column(header, groupColumn.get(), "groupColumn") : -1;
            int[] covariateColumns = new int[covariates.size()];
            for (int j = 0; j < covariates.size(); j++) {
                covariateColumns[j] = column(header, covariates.get(j), "covariates");
            }
            SurvivalData.Builder builder = SurvivalData.builder(unit, covariates);
            if (!groups.isEmpty()) {
                builder.groups(groups.toArray(String[]::new));
            }
            double[] values = new double[covariates.size()];
            long row = 0;
            for (Optional<List<String>> cells = nextRow(parser); cells.isPresent(); cells = nextRow(parser)) {
                row++;
                List<String> line = cells.get();
                if (line.size() != header.size()) {
                    throw new IllegalArgumentException("row " + row + ": " + line.size() + " columns, the header has "
                            + header.size() + "; every row must have exactly the header's columns");
                }
                for (int j = 0; j < values.length; j++) {
                    values[j] = number(row, covariates.get(j), line.get(covariateColumns[j]));
                }
                boolean observed;
                try {
                    observed = SurvivalData.parseEventFlag(line.get(event));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("row " + row + ": " + e.getMessage(), e);
                }
                builder.add(number(row, durationColumn, line.get(duration)), observed,
                        group < 0 ? SurvivalData.DEFAULT_GROUP : line.get(group).strip(), values);
            }
            return builder.build();
        }
    }

    private static int column(List<String> header, String name, String setting) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new MissingColumnException(setting, name, header);
        }
        return index;
    }

    /** Parses a cell as a number; the complaint names the row and column, never the cell's text. */
    private static double number(long row, String column, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("row " + row + ": column " + column + " is not a number");
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

    /**
     * A column the reader is configured with is not in the header: it names the setting, so that a caller
     * can point at its own option for it.
     */
    public static final class MissingColumnException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** The reader's setting that names the column, such as {@code durationColumn}. */
        private final String setting;
        /** The column's name as configured. */
        private final String column;

        MissingColumnException(String setting, String column, List<String> header) {
            super("column \"" + column + "\" (" + setting + ") is not in the header; the columns are " + header);
            this.setting = setting;
            this.column = column;
        }

        /**
         * Returns the reader's setting that names the column: {@code durationColumn}, {@code eventColumn},
         * {@code groupColumn} or {@code covariates}.
         *
         * @return the setting
         */
        public String setting() {
            return setting;
        }

        /**
         * Returns the column's name as configured.
         *
         * @return the column's name
         */
        public String column() {
            return column;
        }
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
