package dev.cxm.core.io;

import static dev.cxm.core.store.kit.TestEvents.interaction;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static dev.cxm.core.store.kit.TestEvents.purchase;
import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;

/** NDJSON import: written events come back equal; each bad line is reported with its number. */
class NdjsonEventImporterTest {

    private final EventStore store = InMemoryEventStore.create();

    @Test
    void eventsWrittenAsNdjsonImportBackEqual(@TempDir Path dir) throws IOException {
        List<CustomerEvent> events = List.of(nps("n1", "c1", 1, 9), purchase("p1", "c2", 2, "12.50"),
                interaction("i1", "c1", 3, HOTLINE));
        Path file = dir.resolve("events.ndjson");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Ndjson.writeEvents(events.stream(), out);
        }

        ImportReport report = NdjsonEventImporter.ofDefaults(ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(store, file);

        assertThat(report.clean()).isTrue();
        try (Stream<CustomerEvent> stored = store.scan()) {
            assertThat(stored.toList()).isEqualTo(events);
        }
    }

    @Test
    void badLinesAreReportedWithLineNumberPropertyAndReason() throws IOException {
        StringWriter good = new StringWriter();
        Ndjson.writeEvents(Stream.of(nps("n1", "c1", 1, 9)), good);
        String valid = good.toString().strip();
        String input = valid + "\n"
                + "{not json\n"
                + "\n"
                + valid.replace("\"feedback\"", "\"refund\"") + "\n"
                + valid.replace("\"score\":9", "\"score\":12").replace("n1", "n4") + "\n"
                + valid.replace(",\"score\":9", "").replace("n1", "n5") + "\n"
                + valid.replace("\"customerId\"", "\"customer\"").replace("n1", "n6") + "\n"
                + valid.replace("\"customerId\"", "\"bogus\":1,\"customerId\"").replace("n1", "n7") + "\n";

        ImportReport report = NdjsonEventImporter.ofDefaults(ImportPolicy.SKIP_AND_REPORT)
                .importInto(store, () -> new StringReader(input));

        assertThat(report.appended()).isEqualTo(1);
        assertThat(report.rowsRead()).isEqualTo(7);
        assertThat(report.rejected()).containsExactly(
                new RejectedRow(2, Optional.empty(), "the line is not a JSON object"),
                new RejectedRow(4, Optional.empty(),
                        "the \"type\" is missing or unknown; expected interaction, purchase or feedback"),
                new RejectedRow(5, Optional.of("score"), "the value is outside the NPS scale 0..10"),
                new RejectedRow(6, Optional.of("score"), "the value is missing or is not a valid int"),
                new RejectedRow(7, Optional.empty(), "customerId must not be null"),
                new RejectedRow(8, Optional.empty(),
                        "a property cxm's event JSON does not have (its name is not repeated here: it is input text)"));
    }
}
