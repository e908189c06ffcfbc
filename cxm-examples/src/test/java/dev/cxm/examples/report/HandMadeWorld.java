package dev.cxm.examples.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.cxm.core.store.memory.InMemoryCustomerStore;
import dev.cxm.core.store.memory.InMemoryEventStore;

/**
 * The small world of {@code src/test/resources/report/world} (written by {@code make-world.py} there, in the
 * simulator's layout), loaded into in-memory stores, and its events read once more as plain CSV rows by Jackson,
 * for the tests' own recounts.
 */
final class HandMadeWorld {

    static final Path FOLDER = Path.of("src/test/resources/report/world");
    /** The customer id with quotes and markup that the HTML must escape. */
    static final String QUOTED_ID = "c-\"quote'd\"&<b>x</b>";
    /** The detractor comment with a script element that the HTML must escape. */
    static final String SCRIPT_COMMENT = "Awful and terrible wait <script>alert(1)</script> never again";

    private HandMadeWorld() {}

    /** Returns the world's input, its events and records in in-memory stores. */
    static ReportInput input() {
        try {
            WorldFolder world = WorldFolder.of(FOLDER);
            InMemoryEventStore events = InMemoryEventStore.create();
            InMemoryCustomerStore customers = InMemoryCustomerStore.create();
            world.importEvents(events);
            world.files().importCustomers(customers);
            return world.files().input("hand-made world", events, customers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the rows of {@code events.csv} as column name to cell, read by Jackson, not by cxm. */
    static List<Map<String, String>> eventRows() {
        return rows(FOLDER.resolve("events.csv"));
    }

    /** Returns the rows of a CSV file of the world as column name to cell. */
    static List<Map<String, String>> rows(Path file) {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
