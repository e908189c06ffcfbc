package dev.cxm.core.io;

import static dev.cxm.core.store.kit.TestEvents.at;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
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

    private static String line(CustomerEvent event) throws IOException {
        StringWriter out = new StringWriter();
        Ndjson.writeEvents(Stream.of(event), out);
        return out.toString().strip();
    }

    private ImportReport importLines(String... lines) throws IOException {
        String input = String.join("\n", lines) + "\n";
        return NdjsonEventImporter.ofDefaults(ImportPolicy.SKIP_AND_REPORT).importInto(store, () -> new StringReader(input));
    }

    @Test
    void fractionsStringsAndDuplicateKeysAreRejectedAsCsvRejectsThem() throws IOException {
        // Issue 9, item 2: "score": 10.5 was read as 10 (a promoter), "score": "9" as 9, and of two "score" keys
        // the last won. Each line below holds one of these, and is rejected naming the property.
        String valid = line(nps("n1", "c1", 1, 9));
        String purchase = line(purchase("p1", "c1", 1, "12.50"));

        ImportReport report = importLines(
                valid.replace("\"score\":9", "\"score\":10.5"),
                valid.replace("\"score\":9", "\"score\":\"9\""),
                valid.replace("\"score\":9", "\"score\":9,\"score\":2"),
                purchase.replace("\"amount\":12.50", "\"amount\":\"12.50\""),
                purchase.replace("\"itemCount\":2", "\"itemCount\":2.0"),
                valid.replace("\"min\":0", "\"min\":0,\"min\":1"),
                valid.replace("\"surveyId\"", "\"attributes\":{\"jane\":\"a\",\"jane\":\"b\"},\"surveyId\""),
                valid);

        assertThat(report.appended()).isEqualTo(1);
        assertThat(report.rejected()).containsExactly(
                new RejectedRow(1, Optional.of("score"), "the value is not an integer"),
                new RejectedRow(2, Optional.of("score"), "a string where a number belongs; write the number without quotes"),
                new RejectedRow(3, Optional.of("score"),
                        "a duplicate key: the property appears twice in one object; each may appear once"),
                new RejectedRow(4, Optional.of("amount.amount"),
                        "a string where a number belongs; write the number without quotes"),
                new RejectedRow(5, Optional.of("itemCount"), "the value is not an integer"),
                new RejectedRow(6, Optional.of("scale.min"),
                        "a duplicate key: the property appears twice in one object; each may appear once"),
                new RejectedRow(7, Optional.of("attributes"),
                        "a duplicate key: the property appears twice in one object; each may appear once"));
    }

    @Test
    void amountsBeyondTheBoundsAreRejectedAsInCsvAndEveryWrittenAmountReadsBack() throws IOException {
        // Issue 9, item 7: the same bounds as CSV (Money: less than 10^18, at most 18 decimal places), the same
        // reasons; 1e1000 was accepted by an import and then unreadable from its own NDJSON.
        String purchase = line(purchase("p1", "c1", 1, "12.50"));
        Purchase largest = new Purchase(EventId.of("p2"), CustomerId.of("c1"),
                at(1), "o", Money.of("999999999999999999.999999999999999999", "EUR"), 1,
                Optional.empty(), Map.of());

        ImportReport report = importLines(
                purchase.replace("12.50", "1e999999999"),
                purchase.replace("12.50", "1e1000"),
                purchase.replace("12.50", "0.0000000000000000001"),
                purchase.replace("12.50", "-4111111111111111"),
                line(largest));

        assertThat(report.rejected()).containsExactly(
                new RejectedRow(1, Optional.of("amount"), "the value is 10^18 or more; an amount must be less than 10^18"),
                new RejectedRow(2, Optional.of("amount"), "the value is 10^18 or more; an amount must be less than 10^18"),
                new RejectedRow(3, Optional.of("amount"),
                        "the value has more than 18 decimal places; an amount has at most 18"),
                new RejectedRow(4, Optional.of("amount"), "the value is negative; an amount must be 0 or more"));
        assertThat(store.get(largest.eventId())).contains(largest);
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsIgnored() throws IOException {
        // Issue 9, item 9: a file saved with a BOM failed on line 1 ("the line is not a JSON object").
        ImportReport report = importLines("\uFEFF" + line(nps("n1", "c1", 1, 9)));

        assertThat(report.clean()).isTrue();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void aSkipImportListsAtMostTheLimitOfRejectedLines() throws IOException {
        // Issue 9, item 10: five bad lines, a limit of two: two listed, five counted.
        String input = "{}\n".repeat(5);
        ImportReport report = NdjsonEventImporter.custom(ImportPolicy.SKIP_AND_REPORT).rejectedRowLimit(2).build()
                .importInto(store, () -> new StringReader(input));

        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(1L, 2L);
        assertThat(report.rejectedCount()).isEqualTo(5);
        assertThat(NdjsonEventImporter.from(NdjsonEventImporter.ofDefaults(ImportPolicy.SKIP_AND_REPORT)).build())
                .isEqualTo(NdjsonEventImporter.ofDefaults(ImportPolicy.SKIP_AND_REPORT));
    }
}
