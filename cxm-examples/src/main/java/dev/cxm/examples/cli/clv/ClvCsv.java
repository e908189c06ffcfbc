package dev.cxm.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** Streams the rows of a CSV file with a header, as cells by column name, one row in memory at a time. */
final class ClvCsv {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private ClvCsv() {}

    /** One data row: its line number (the header is line 1, blank lines not counted) and cells. */
    record Row(long line, String[] cells, Map<String, Integer> header) {
        /** Returns the cell of {@code column}, stripped; empty when the row is short. */
        String get(String column) {
            Integer index = header.get(column);
            return index == null || index >= cells.length ? "" : cells[index].strip();
        }
    }

    /** Returns the column names of the file's header row. */
    static List<String> header(Path file, char separator) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<String[]> rows = iterator(reader, separator)) {
            if (!rows.hasNext()) {
                throw new CommandFailure(file + " is empty; a CSV file needs a header row");
            }
            List<String> names = new ArrayList<>();
            for (String name : rows.next()) {
                names.add(name.replace("\uFEFF", "").strip());
            }
            return names;
        }
    }

    /** Calls {@code row} for each data row after the header. */
    static void rows(Path file, char separator, BiConsumer<Row, Long> row) throws IOException {
        List<String> names = header(file, separator);
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(names.get(i), i);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<String[]> rows = iterator(reader, separator)) {
            rows.next();
            long count = 0;
            while (rows.hasNext()) {
                String[] cells = rows.next();
                count++;
                row.accept(new Row(count + 1, cells, header), count);
            }
        } catch (RuntimeException e) {
            if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException malformed) {
                throw new CommandFailure(file + " cannot be read as CSV" + CommandFailure.location(malformed)
                        + " (a quote not closed, or a character out of place)");
            }
            if (e.getCause() instanceof IOException io) {
                throw new CommandFailure(file + " cannot be read as CSV: " + io.getMessage());
            }
            throw e;
        }
    }

    /**
     * Returns the number in a cell, or fails naming the row, the column and the rule; never the cell's text,
     * which may be personal data.
     */
    static double number(String where, String column, String text) {
        if (text.isEmpty()) {
            throw new CommandFailure(where + ", column " + column + ": empty; a number is needed");
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandFailure(where + ", column " + column + ": not a finite number");
    }

    /** Returns the whole number in a cell, or fails as {@link #number} does. */
    static int integer(String where, String column, String text) {
        double value = number(where, column, text);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new CommandFailure(where + ", column " + column + ": not a whole number; " + column
                    + " counts repeat purchases");
        }
        return (int) value;
    }

    private static MappingIterator<String[]> iterator(Reader reader, char separator) throws IOException {
        return MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema().withColumnSeparator(separator))
                .readValues(reader);
    }
}
