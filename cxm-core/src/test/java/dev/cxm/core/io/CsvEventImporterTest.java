package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;

/**
 * CSV import: the expected events, counts and rejected lines are read off the small inputs written in
 * each test.
 */
class CsvEventImporterTest {

    private static final String HEADER =
            "event_id,type,customer_id,occurred_at,touchpoint_id,channel,score,scale,amount,currency,comment,region\n";
    private static final String GOOD = HEADER
            + "e1,feedback,c1,2026-01-05T10:00:00Z,hotline,phone,9,nps,,,\"Great, fast\",north\n"
            + "e2,purchase,c1,2026-01-06,,,,,19.90,EUR,,north\n"
            + "e3,interaction,c2,2026-01-06 12:00:00,checkout,web,,,,,,south\n";
    private static final String WITH_ERRORS = GOOD
            + "e4,feedback,c2,2026-01-07T10:00:00Z,,,11,nps,,,,south\n"
            + "e5,purchase,c3,yesterday,,,,,1.00,EUR,,east\n"
            + "e6,purchase,c3,2026-01-08T00:00:00Z,,,,,-3,EUR,,east\n"
            + "e7,purchase,c3,2026-01-08T00:00:00Z,,,,,3\n";

    private final EventStore store = InMemoryEventStore.create();

    private static ReaderSource text(String csv) {
        return () -> new StringReader(csv);
    }

    private ImportReport importCsv(String csv, ImportPolicy policy) throws IOException {
        return CsvEventImporter.ofDefaults(CsvColumnMapping.ofDefaults(), policy).importInto(store, text(csv));
    }

    private List<CustomerEvent> stored() {
        try (Stream<CustomerEvent> events = store.scan()) {
            return events.toList();
        }
    }

    @Test
    void importsEachEventTypeFromTheDefaultColumns() throws IOException {
        ImportReport report = importCsv(GOOD, ImportPolicy.FAIL_ON_FIRST_ERROR);

        assertThat(report.clean()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.appended()).isEqualTo(3);
        FeedbackResponse feedback = (FeedbackResponse) store.get(EventId.of("e1")).orElseThrow();
        assertThat(feedback.score()).isEqualTo(9);
        assertThat(feedback.scale()).isEqualTo(FeedbackScale.NPS);
        assertThat(feedback.comment()).contains("Great, fast");
        assertThat(feedback.touchpoint().orElseThrow().channel()).isEqualTo(Channel.PHONE);
        assertThat(feedback.occurredAt()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        Purchase purchase = (Purchase) store.get(EventId.of("e2")).orElseThrow();
        assertThat(purchase.amount()).isEqualTo(Money.of("19.90", "EUR"));
        assertThat(purchase.occurredAt()).isEqualTo(Instant.parse("2026-01-06T00:00:00Z"));
        Interaction interaction = (Interaction) store.get(EventId.of("e3")).orElseThrow();
        assertThat(interaction.touchpoint().name()).isEqualTo("checkout");
        assertThat(interaction.occurredAt()).isEqualTo(Instant.parse("2026-01-06T12:00:00Z"));
        assertThat(interaction.attributes()).isEmpty();
    }

    @Test
    void skipAndReportStoresGoodRowsAndReportsEachBadOneWithLineColumnAndReason() throws IOException {
        ImportReport report = importCsv(WITH_ERRORS, ImportPolicy.SKIP_AND_REPORT);

        assertThat(report.applied()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(7);
        assertThat(report.appended()).isEqualTo(3);
        assertThat(report.rejected()).containsExactly(
                new RejectedRow(5, Optional.of("score"), "the value is outside the NPS scale 0..10"),
                new RejectedRow(6, Optional.of("occurred_at"),
                        "the value is not an ISO-8601 date or date-time such as 2026-03-01T09:30:00Z"),
                new RejectedRow(7, Optional.of("amount"), "the value is negative; an amount must be 0 or more"),
                new RejectedRow(8, Optional.empty(), "the row has 9 cells; the header has 12"));
        assertThat(report.rowsRead()).isEqualTo(report.accepted() + report.rejectedCount());
        assertThat(stored()).extracting(e -> e.eventId().value()).containsExactly("e1", "e2", "e3");
    }

    @Test
    void failOnFirstErrorStoresNothingAndReportsTheFirstBadRow() throws IOException {
        ImportReport report = importCsv(WITH_ERRORS, ImportPolicy.FAIL_ON_FIRST_ERROR);

        assertThat(report.applied()).isFalse();
        assertThat(report.appended()).isZero();
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(5L);
        assertThat(store.count()).isZero();
    }

    @Test
    void importingTheSameFileTwiceStoresItOnce() throws IOException {
        importCsv(GOOD, ImportPolicy.FAIL_ON_FIRST_ERROR);
        ImportReport again = importCsv(GOOD, ImportPolicy.FAIL_ON_FIRST_ERROR);

        assertThat(again.appended()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void rowsWithoutEventIdsGetDeterministicIdsSoReimportIsIdempotent() throws IOException {
        String csv = "customer_id,occurred_at,score\nc1,2026-02-01,10\nc1,2026-02-01,10\nc2,2026-02-02,3\n";
        CsvEventImporter importer = CsvEventImporter.ofDefaults(CsvColumnMapping.custom()
                .type(EventType.FEEDBACK).scale(FeedbackScale.NPS).build(), ImportPolicy.SKIP_AND_REPORT);

        ImportReport first = importer.importInto(store, text(csv));
        ImportReport second = importer.importInto(store, text(csv));

        // Two identical rows are two responses (their lines differ), and each keeps its id across imports.
        assertThat(first.appended()).isEqualTo(3);
        assertThat(second.duplicates()).isEqualTo(3);
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void anEventIdRepeatedWithDifferentContentIsRejected() throws IOException {
        String csv = HEADER
                + "e1,feedback,c1,2026-01-05T10:00:00Z,,,9,nps,,,,\n"
                + "e1,feedback,c1,2026-01-05T10:00:00Z,,,2,nps,,,,\n";

        ImportReport skipped = importCsv(csv, ImportPolicy.SKIP_AND_REPORT);

        assertThat(skipped.appended()).isEqualTo(1);
        assertThat(skipped.rejected()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.reason()).contains("e1").contains("different event");
        });
        assertThat(((FeedbackResponse) store.get(EventId.of("e1")).orElseThrow()).score()).isEqualTo(9);
    }

    @Test
    void failOnFirstErrorChecksEventIdsAgainstTheStoreBeforeStoringAnything() throws IOException {
        importCsv(HEADER + "e2,feedback,c9,2026-01-05T10:00:00Z,,,0,nps,,,,\n", ImportPolicy.FAIL_ON_FIRST_ERROR);

        ImportReport report = importCsv(GOOD, ImportPolicy.FAIL_ON_FIRST_ERROR);

        assertThat(report.applied()).isFalse();
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(3L);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void failOnFirstErrorStopsAtAConflictWithinTheFileWithoutStoringItsBatch() throws IOException {
        String csv = HEADER
                + "e1,feedback,c1,2026-01-05T10:00:00Z,,,9,nps,,,,\n"
                + "e1,feedback,c1,2026-01-05T10:00:00Z,,,2,nps,,,,\n";

        ImportReport report = importCsv(csv, ImportPolicy.FAIL_ON_FIRST_ERROR);

        assertThat(report.applied()).isFalse();
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(3L);
        assertThat(store.count()).isZero();
    }

    @Test
    void reasonsNeverRepeatTheCellText() throws IOException {
        String csv = HEADER
                + "e1,feedback,c1,2026-01-05T10:00:00Z,,,jane@example.com,nps,,,,\n"
                + "e2,feedback,c1,jane@example.com,,,5,nps,,,,\n"
                + "e3,purchase,c1,2026-01-05T10:00:00Z,,,,,jane@example.com,EUR,,\n"
                + "e4,feedback,c1,2026-01-05T10:00:00Z,hotline,jane@example.com,5,nps,,,,\n";

        ImportReport report = importCsv(csv, ImportPolicy.SKIP_AND_REPORT);

        assertThat(report.rejected()).hasSize(4)
                .allSatisfy(row -> assertThat(row.toString()).doesNotContain("jane"));
    }

    @Test
    void lineNumbersCountPhysicalLinesThroughQuotedLineBreaksCrlfAndBlankLines() throws IOException {
        String csv = "\uFEFFcustomer_id,occurred_at,score,comment\r\n"
                + "c1,2026-02-01,9,\"first line\r\nsecond line\"\r\n"
                + "\r\n"
                + "c2,2026-02-01,x,\r\n";
        CsvEventImporter importer = CsvEventImporter.ofDefaults(CsvColumnMapping.custom()
                .type(EventType.FEEDBACK).scale(FeedbackScale.NPS).build(), ImportPolicy.SKIP_AND_REPORT);

        ImportReport report = importer.importInto(store, text(csv));

        assertThat(report.appended()).isEqualTo(1);
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(5L);
        FeedbackResponse response = (FeedbackResponse) stored().get(0);
        assertThat(response.comment()).contains("first line\r\nsecond line");
    }

    @Test
    void unreadableCsvStopsTheImportAndKeepsTheRowsBeforeIt() throws IOException {
        String csv = "customer_id,occurred_at,score\nc1,2026-02-01,9\nc2,\"2026-02-01,9\n";
        CsvEventImporter importer = CsvEventImporter.ofDefaults(CsvColumnMapping.custom()
                .type(EventType.FEEDBACK).scale(FeedbackScale.NPS).build(), ImportPolicy.SKIP_AND_REPORT);

        ImportReport report = importer.importInto(store, text(csv));

        assertThat(report.appended()).isEqualTo(1);
        assertThat(report.readToEnd()).isFalse();
        assertThat(report.clean()).isFalse();
        assertThat(report.rejected()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.reason()).isEqualTo("the CSV cannot be read from here on (a quoted value is not closed,"
                    + " or a quote stands inside an unquoted value); no later row was read");
        });
    }

    @Test
    void mappingCanRenameColumnsFixValuesAndReadPatternsZonesAndUnits() throws IOException {
        String csv = "ID;day;spend;calls_secs;where\n"
                + "42;19970101;29.33;90;store-7\n";
        CsvColumnMapping mapping = CsvColumnMapping.custom()
                .separator(';')
                .column(CsvField.CUSTOMER, "ID")
                .column(CsvField.TIME, "day").timePattern("yyyyMMdd").zone(ZoneId.of("America/New_York"))
                .column(CsvField.AMOUNT, "spend")
                .type(EventType.PURCHASE)
                .currency(Currency.getInstance("USD"))
                .attributeColumns(List.of("where"))
                .build();

        ImportReport report = CsvEventImporter.ofDefaults(mapping, ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(store, text(csv));

        assertThat(report.clean()).isTrue();
        Purchase purchase = (Purchase) stored().get(0);
        assertThat(purchase.customerId()).isEqualTo(CustomerId.of("42"));
        assertThat(purchase.occurredAt()).isEqualTo(Instant.parse("1997-01-01T05:00:00Z"));
        assertThat(purchase.amount()).isEqualTo(Money.of("29.33", "USD"));
        assertThat(purchase.attributes()).containsEntry("where", "store-7").hasSize(1);
    }

    @Test
    void aFallbackValueAppliesOnlyWhenTheHeaderHasNoColumnForTheField() throws IOException {
        // Expected values read off the inputs: without a scale column every row is on the fallback scale; with
        // one, each row keeps its own scale (and a row of another type its own type).
        CsvColumnMapping mapping = CsvColumnMapping.custom().fallback(CsvField.TYPE, "feedback")
                .fallback(CsvField.SCALE, "nps").build();
        CsvEventImporter importer = CsvEventImporter.ofDefaults(mapping, ImportPolicy.FAIL_ON_FIRST_ERROR);

        importer.importInto(store, text("event_id,customer_id,occurred_at,score\ne1,c1,2026-01-05T10:00:00Z,9\n"));
        importer.importInto(store, text("event_id,type,customer_id,occurred_at,score,scale\n"
                + "e2,feedback,c2,2026-01-05T10:00:00Z,4,csat\n"
                + "e3,feedback,c3,2026-01-05T10:00:00Z,7,nps\n"));

        List<CustomerEvent> events = stored();
        assertThat(events).extracting(e -> ((FeedbackResponse) e).scale())
                .containsExactly(FeedbackScale.NPS, FeedbackScale.CSAT, FeedbackScale.NPS);
        assertThat(mapping.fallbackValue(CsvField.SCALE)).contains("nps");
        assertThat(mapping.fixedValue(CsvField.SCALE)).isEmpty();
        assertThatThrownBy(() -> CsvColumnMapping.custom().fixed(CsvField.SCALE, "nps").fallback(CsvField.SCALE, "csat"))
                .hasMessage("fallback: SCALE already has a fixed value; a field is fixed or falls back, not both");
        assertThatThrownBy(() -> CsvColumnMapping.custom().fallback(CsvField.SCORE, "9"))
                .hasMessageStartingWith("fallback: SCORE cannot have a fallback value");
    }

    @Test
    void columnsReadsTheHeaderAsTheImportDoes() throws IOException {
        // A quoted name holding the separator, a byte-order mark, blanks around a name and another separator: the names are
        // read off the input by hand.
        CsvEventImporter semicolons = CsvEventImporter.ofDefaults(CsvColumnMapping.custom().separator(';').build(),
                ImportPolicy.FAIL_ON_FIRST_ERROR);

        assertThat(CsvEventImporter.ofDefaults(CsvColumnMapping.ofDefaults(), ImportPolicy.FAIL_ON_FIRST_ERROR)
                .columns(text("\uFEFFcustomer_id,\"a,b\", scale \nc1,x,nps\n")))
                .containsExactly("customer_id", "a,b", "scale");
        assertThat(semicolons.columns(text("customer_id;\"x;y\";score\n"))).containsExactly("customer_id", "x;y", "score");
        assertThatThrownBy(() -> semicolons.columns(text(""))).hasMessageStartingWith("input: empty");
    }

    @Test
    void durationsAreIsoOrNumbersInTheMappingsUnit() throws IOException {
        String csv = "customer_id,occurred_at,touchpoint_id,duration\n"
                + "c1,2026-02-01T08:00:00Z,hotline,PT4M\n"
                + "c1,2026-02-01T09:00:00Z,hotline,2.5\n";
        CsvColumnMapping mapping = CsvColumnMapping.custom().type(EventType.INTERACTION)
                .durationUnit(ChronoUnit.MINUTES).unmappedColumnsAsAttributes(true).build();

        CsvEventImporter.ofDefaults(mapping, ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(store, text(csv));

        assertThat(stored()).extracting(e -> ((Interaction) e).duration())
                .containsExactly(Duration.ofMinutes(4), Duration.ofSeconds(150));
    }

    @Test
    void typeSpecificFieldsAreRequiredWithAClearReason() throws IOException {
        String csv = "type,customer_id,occurred_at,score\n"
                + "interaction,c1,2026-02-01,\n"
                + "feedback,c1,2026-02-01,\n"
                + "purchase,c1,2026-02-01,\n";

        ImportReport report = importCsv(csv, ImportPolicy.SKIP_AND_REPORT);

        assertThat(report.rejected()).extracting(RejectedRow::reason).containsExactly(
                "an interaction needs a value for touchpoint, but the header has no column \"touchpoint_id\""
                        + " and no fixed value is set",
                "a feedback response needs a value for scale, but the header has no column \"scale\""
                        + " and no fixed value is set",
                "a purchase needs a value for amount, but the header has no column \"amount\""
                        + " and no fixed value is set");
    }

    @Test
    void headerProblemsAreConfigurationErrorsRaisedBeforeAnythingIsStored() {
        CsvEventImporter importer = CsvEventImporter.ofDefaults(
                CsvColumnMapping.custom().column(CsvField.SCORE, "rating").build(), ImportPolicy.SKIP_AND_REPORT);

        assertThatThrownBy(() -> importer.importInto(store, text(GOOD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("column: \"rating\" is not in the header; the header has event_id, type,");
        assertThatThrownBy(() -> importCsv("", ImportPolicy.SKIP_AND_REPORT))
                .hasMessage("input: empty; a CSV import needs a header row");
        assertThatThrownBy(() -> importCsv("a,b,a\n1,2,3\n", ImportPolicy.SKIP_AND_REPORT))
                .hasMessageContaining("\"a\" appears twice");
        assertThat(store.count()).isZero();
    }

    @Test
    void aHeaderWithoutAFieldEveryRowNeedsFailsBeforeAnyRowIsRead() {
        // Every row would be rejected for the same reason, so the import fails once, naming the column.
        assertThatThrownBy(() -> importCsv("type,occurred_at,score\nfeedback,2026-02-01,9\n", ImportPolicy.SKIP_AND_REPORT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column: \"customer_id\" is not in the header and no fixed value is set, but every event"
                        + " needs a customer; the header has type, occurred_at, score");
        CsvEventImporter feedback = CsvEventImporter.ofDefaults(CsvColumnMapping.custom().type(EventType.FEEDBACK)
                .scale(FeedbackScale.NPS).build(), ImportPolicy.SKIP_AND_REPORT);
        assertThatThrownBy(() -> feedback.importInto(store, text("customer_id,occurred_at,rating\nc1,2026-02-01,9\n")))
                .hasMessageStartingWith("column: \"score\" is not in the header and no fixed value is set, but every"
                        + " feedback response needs a score");
        assertThat(store.count()).isZero();
    }

    @Test
    void aCleanImportIsReadToTheEnd() throws IOException {
        ImportReport report = importCsv(GOOD, ImportPolicy.SKIP_AND_REPORT);
        assertThat(report.readToEnd()).isTrue();
        assertThat(report.clean()).isTrue();
        ImportReport stopped = importCsv(WITH_ERRORS, ImportPolicy.FAIL_ON_FIRST_ERROR);
        assertThat(stopped.readToEnd()).isFalse();
    }

    @Test
    void mappingRejectsInvalidSettingsAtOnce() {
        assertThatThrownBy(() -> CsvColumnMapping.custom().fixed(CsvField.SCORE, "9"))
                .hasMessageStartingWith("fixed: SCORE cannot have a fixed value");
        assertThatThrownBy(() -> CsvColumnMapping.custom().fixed(CsvField.SCALE, "likert"))
                .hasMessageStartingWith("fixed SCALE: \"likert\" is not a scale");
        assertThatThrownBy(() -> CsvColumnMapping.custom().column(CsvField.TYPE, "kind").type(EventType.PURCHASE))
                .hasMessageContaining("already reads from column \"kind\"");
        assertThatThrownBy(() -> CsvColumnMapping.custom().timePattern("yyyy-MM-dd'"))
                .hasMessageStartingWith("timePattern: ");
        assertThatThrownBy(() -> CsvColumnMapping.custom().durationUnit(ChronoUnit.MONTHS))
                .hasMessageStartingWith("durationUnit: Months has no fixed length");
    }

    @Test
    void largeInputIsStreamedInBatchesAndEveryRowIsCounted() throws IOException {
        // A generated input of 250,000 rows, read lazily; the counting store keeps nothing, so the test
        // checks that every row reaches the store exactly once, in batches of the configured size.
        int rows = 250_000;
        CountingStore counting = new CountingStore();
        CsvEventImporter importer = CsvEventImporter.custom(CsvColumnMapping.custom().type(EventType.FEEDBACK)
                .scale(FeedbackScale.NPS).build(), ImportPolicy.SKIP_AND_REPORT).batchSize(4096).build();

        ImportReport report = importer.importInto(counting, () -> new GeneratedCsv(rows));

        assertThat(report.appended()).isEqualTo(rows);
        assertThat(counting.events).isEqualTo(rows);
        assertThat(counting.batches).isEqualTo((rows + 4095) / 4096);
    }

    /** Yields "customer_id,occurred_at,score" and then {@code rows} generated rows, without holding them. */
    private static final class GeneratedCsv extends Reader {
        private final int rows;
        private int row = -1;
        private String pending = "";
        private int position;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == pending.length()) {
                if (row == rows) {
                    return -1;
                }
                pending = row < 0 ? "customer_id,occurred_at,score\n"
                        : "c" + (row % 977) + ",2026-03-01T00:00:00Z," + (row % 11) + "\n";
                row++;
                position = 0;
            }
            int count = Math.min(length, pending.length() - position);
            pending.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {}
    }

    /** Counts what reaches it and keeps nothing. */
    private static final class CountingStore implements EventStore {
        long events;
        long batches;

        @Override
        public AppendResult appendAll(Collection<? extends CustomerEvent> batch) {
            batches++;
            events += batch.size();
            return new AppendResult(batch.size(), 0);
        }

        @Override
        public Optional<CustomerEvent> get(EventId id) {
            return Optional.empty();
        }

        @Override
        public Stream<CustomerEvent> query(EventQuery query) {
            return new ArrayList<CustomerEvent>().stream();
        }

        @Override
        public long count() {
            return events;
        }

        @Override
        public long erase(CustomerId customer) {
            return 0;
        }
    }
}
