package dev.cxm.examples.cli.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.cxm.core.io.MissingColumnException;
import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.Converters;
import dev.cxm.metrics.text.TextCsv;
import picocli.CommandLine.Option;

/**
 * A CSV file of texts (any file with a header row and a text column: a survey export, a review dump, ticket
 * notes; not necessarily cxm events) and its text column: what {@code cxm sentiment} and {@code cxm themes} read,
 * row by row, through the library's {@link TextCsv}. Rows are numbered from 1 after the header in every message,
 * and no message repeats a cell.
 */
final class TextInputOptions {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The CSV file, with a header row.")
    Path input;

    @Option(names = "--text-column", required = true, paramLabel = "C", description = "The column of the texts.")
    String textColumn;

    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",", converter = Converters.Separator.class,
            description = "Column separator (default: ,).")
    Character separator;

    /**
     * Reads the file, handing each row to {@code rows}; the id and group columns are optional, each with the
     * option that names it.
     */
    long read(Optional<Column> id, Optional<Column> group, TextCsv.RowHandler rows) throws IOException {
        CommandFailure.requireReadableFile(input);
        TextCsv.Builder csv = TextCsv.custom(textColumn).separator(separator);
        id.ifPresent(column -> csv.idColumn(column.name()));
        group.ifPresent(column -> csv.groupColumn(column.name()));
        Map<String, String> options = Map.of("textColumn", "--text-column",
                "idColumn", id.map(Column::option).orElse(""), "groupColumn", group.map(Column::option).orElse(""));
        try {
            return csv.build().read(input, rows);
        } catch (MissingColumnException e) {
            throw new CommandFailure("column \"" + e.column() + "\" (" + options.get(e.setting()) + ") is not in the"
                    + " header of " + input);
        } catch (JsonProcessingException e) {
            throw new CommandFailure(input + " is not readable CSV" + CommandFailure.location(e));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(input + ": " + e.getMessage());
        }
    }

    /**
     * A column an option names.
     *
     * @param name the column's name
     * @param option the option, for messages
     */
    record Column(String name, String option) {}
}
