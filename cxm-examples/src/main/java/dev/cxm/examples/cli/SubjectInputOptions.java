package dev.cxm.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.cxm.metrics.survival.SurvivalData;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A CSV file of subjects for survival analysis (one row per customer: how long they were followed, whether
 * they churned, their group, their covariates) and the columns to read: what {@code churn km},
 * {@code churn logrank} and {@code churn cox} take. These are not events, so the event column mapping does
 * not apply. Rows are numbered from 1 after the header in every message.
 */
final class SubjectInputOptions {

    private static final CsvFactory CSV = new CsvFactory().configure(CsvParser.Feature.SKIP_EMPTY_LINES, true);

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The CSV file of subjects, with a header row.")
    Path input;

    @Option(names = "--duration-column", paramLabel = "COL", defaultValue = "duration",
            description = "Column with the time each subject was followed, in --unit (default: ${DEFAULT-VALUE}).")
    String durationColumn;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "days",
            description = "Unit of the durations: days, weeks, months, hours, ... (default: ${DEFAULT-VALUE});"
                    + " the results give their times in it and name it.")
    String unitName;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--event-column", paramLabel = "COL", defaultValue = "event",
            description = "Column with 1/true when the subject churned, 0/false when censored (default: ${DEFAULT-VALUE}).")
    String eventColumn;

    @Option(names = "--group-column", paramLabel = "COL", description = "Column with each subject's group.")
    String groupColumn;

    @Option(names = "--groups", paramLabel = "GROUP", split = ",",
            description = "The only groups expected, in this order; a row of any other group is an error.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",", description = "Column separator (default: ,).")
    char separator;

    /** Reads the subjects without covariates. */
    SurvivalData read() throws IOException {
        return read(List.of());
    }

    /** Returns the unit of the durations, {@code --unit}; a name that is none is a usage error. */
    ChronoUnit unit() {
        return UnitNames.parse(mixee.commandLine(), "--unit", unitName, UnitNames.SURVIVAL_TIMES);
    }

    /** Reads the subjects with the named covariates. */
    SurvivalData read(List<String> names) throws IOException {
        ChronoUnit unit = unit();
        CommandFailure.requireReadableFile(input);
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                CsvParser parser = CSV.createParser(reader)) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            List<String> header = nextRow(parser)
                    .orElseThrow(() -> new CommandFailure(input + " is empty; it needs a header row"));
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            for (int j = 0; j < header.size(); j++) {
                int first = header.indexOf(header.get(j));
                if (first < j) {
                    throw new CommandFailure("header of " + input + ": columns " + (first + 1) + " and " + (j + 1)
                            + " are both named \"" + header.get(j) + "\"; column names must be distinct");
                }
            }
            int duration = column(header, durationColumn, "--duration-column");
            int event = column(header, eventColumn, "--event-column");
            int group = groupColumn == null ? -1 : column(header, groupColumn, "--group-column");
            int[] covariateColumns = new int[names.size()];
            for (int j = 0; j < names.size(); j++) {
                covariateColumns[j] = column(header, names.get(j), "--covariates");
            }
            SurvivalData.Builder builder = SurvivalData.builder(unit, names);
            if (!groups.isEmpty()) {
                builder.groups(groups.toArray(String[]::new));
            }
            double[] values = new double[names.size()];
            long row = 0;
            for (Optional<List<String>> cells = nextRow(parser); cells.isPresent(); cells = nextRow(parser)) {
                row++;
                List<String> line = cells.get();
                if (line.size() != header.size()) {
                    throw new CommandFailure("row " + row + ": " + line.size() + " columns, the header has "
                            + header.size() + "; every row must have exactly the header's columns");
                }
                for (int j = 0; j < values.length; j++) {
                    values[j] = number(row, names.get(j), line.get(covariateColumns[j]));
                }
                boolean observed;
                try {
                    observed = SurvivalData.parseEventFlag(line.get(event));
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure("row " + row + ": " + e.getMessage());
                }
                builder.add(number(row, durationColumn, line.get(duration)), observed,
                        group < 0 ? SurvivalData.DEFAULT_GROUP : line.get(group).strip(), values);
            }
            return builder.build();
        } catch (JsonProcessingException e) {
            throw new CommandFailure(input + " is not readable CSV near line " + e.getLocation().getLineNr());
        }
    }

    private int column(List<String> header, String name, String option) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new CommandFailure("column \"" + name + "\" (" + option + ") is not in the header of " + input
                    + "; the columns are " + header);
        }
        return index;
    }

    /** Parses a cell as a number; the complaint names the row and column, never the cell's text. */
    private static double number(long row, String column, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new CommandFailure("row " + row + ": column " + column + " is not a number");
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
}
