package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

import dev.cxm.core.group.GroupKeys;
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
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;
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
                        + " needs a value for customer; the header has type, occurred_at, score");
        CsvEventImporter feedback = CsvEventImporter.ofDefaults(CsvColumnMapping.custom().type(EventType.FEEDBACK)
                .scale(FeedbackScale.NPS).build(), ImportPolicy.SKIP_AND_REPORT);
        assertThatThrownBy(() -> feedback.importInto(store, text("customer_id,occurred_at,rating\nc1,2026-02-01,9\n")))
                .hasMessageStartingWith("column: \"score\" is not in the header and no fixed value is set, but every"
                        + " feedback response needs a value for score");
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

    private ImportReport importFeedback(String csv, CsvColumnMapping.Builder mapping) throws IOException {
        return CsvEventImporter.ofDefaults(mapping.fallback(CsvField.TYPE, "feedback").fallback(CsvField.SCALE, "nps")
                .build(), ImportPolicy.SKIP_AND_REPORT).importInto(store, text(csv));
    }

    @Test
    void aChannelWithoutATouchpointIsKeptOnATouchpointNamedAfterIt() throws IOException {
        // Issue 9, item 1: a survey export without a touchpoint column lost its channel (GroupKeys.channel() gave
        // no value). Expected values read off the rows: the touchpoint is named after the channel; a stage alone
        // is on "other"; a touchpoint name alone is also the id.
        String csv = "customer_id,channel,score,responded_at,stage,touchpoint_name\n"
                + "c1,web,9,2026-01-01,,\n"
                + "c2,Phone,3,2026-01-02,support,\n"
                + "c3,,7,2026-01-03,onboarding,\n"
                + "c4,email,8,2026-01-04,,Welcome mail\n"
                + "c5,,10,2026-01-05,,\n";

        ImportReport report = importFeedback(csv, CsvColumnMapping.custom().column(CsvField.TIME, "responded_at"));

        assertThat(report.clean()).isTrue();
        List<CustomerEvent> events = stored();
        assertThat(events).extracting(e -> GroupKeys.channel().valueOf(e).orElse("-"))
                .containsExactly("web", "phone", "other", "email", "-");
        assertThat(events).extracting(e -> GroupKeys.stage().valueOf(e).orElse("-"))
                .containsExactly("-", "support", "onboarding", "-", "-");
        assertThat(events.get(0).atTouchpoint()).contains(
                new Touchpoint(TouchpointId.of("web"), "web", Channel.WEB,
                        Optional.empty()));
        assertThat(events.get(3).atTouchpoint().orElseThrow().id().value()).isEqualTo("Welcome mail");
    }

    @Test
    void aFixedChannelWithoutATouchpointColumnIsKept() throws IOException {
        // Issue 9, item 1: --channel on a file without touchpoints; expected: every response on "store".
        ImportReport report = importFeedback("customer_id,occurred_at,score\nc1,2026-01-01,9\n",
                CsvColumnMapping.custom().channel(Channel.STORE));

        assertThat(report.clean()).isTrue();
        assertThat(GroupKeys.channel().valueOf(stored().get(0))).contains("store");
    }

    @Test
    void aValueInAColumnTheRowsTypeHasNoPlaceForRejectsTheRow() throws IOException {
        // Issue 9, item 1: a cell the mapping reads but cannot place is an error, never dropped. Row 3 is a
        // purchase with a score, row 4 a feedback response with an amount; rows 2 and 5 have empty cells there.
        String csv = "type,customer_id,occurred_at,score,scale,amount,currency\n"
                + "feedback,c1,2026-01-01,9,nps,,\n"
                + "purchase,c1,2026-01-02,9,,10.00,EUR\n"
                + "feedback,c1,2026-01-03,9,nps,10.00,\n"
                + "purchase,c1,2026-01-04, ,,10.00,EUR\n";

        ImportReport report = importCsv(csv, ImportPolicy.SKIP_AND_REPORT);

        assertThat(report.appended()).isEqualTo(2);
        assertThat(report.rejected()).containsExactly(
                new RejectedRow(3, Optional.of("score"), "a purchase has no score; the cell must be empty in purchase"
                        + " rows, or the column copied into the attributes"),
                new RejectedRow(4, Optional.of("amount"), "a feedback response has no amount; the cell must be empty"
                        + " in feedback response rows, or the column copied into the attributes"));
    }

    @Test
    void namingAColumnForAFieldTheFixedTypeLacksFailsBeforeAnyRow() {
        // Issue 9, item 1: every row is a purchase, so a score column could never be placed.
        CsvEventImporter importer = CsvEventImporter.ofDefaults(CsvColumnMapping.custom().type(EventType.PURCHASE)
                .currency(Currency.getInstance("EUR")).column(CsvField.SCORE, "rating").build(),
                ImportPolicy.SKIP_AND_REPORT);

        assertThatThrownBy(() -> importer.importInto(store, text("customer_id,occurred_at,amount,rating\n"
                + "c1,2026-01-01,5,9\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column: \"rating\" is mapped to the score, but every row is a purchase, which has no"
                        + " score; map the column to an attribute instead");
        assertThat(store.count()).isZero();
    }

    @Test
    void impossibleCalendarDatesAreRejectedInIsoAndInPatterns() throws IOException {
        // Issue 9, item 3: 2026-02-30 was moved to 2026-02-28 (java.time's SMART resolver); the oracle is the
        // calendar: February 2026 has 28 days, a day has hours 0..23.
        String iso = "customer_id,occurred_at,score\nc1,2026-02-30,9\nc2,2026-02-28T24:00:00,9\nc3,2026-02-28,9\n";
        ImportReport isoReport = importFeedback(iso, CsvColumnMapping.custom());
        assertThat(isoReport.rejected()).extracting(RejectedRow::line, RejectedRow::reason).containsExactly(
                tuple(2L,
                        "the value is not a real date or time of day (such as February 30 or hour 24)"),
                tuple(3L,
                        "the value is not a real date or time of day (such as February 30 or hour 24)"));
        assertThat(isoReport.appended()).isEqualTo(1);

        String pattern = "customer_id,occurred_at,score\nc1,20260230,9\nc2,20240229,9\nc3,20250229,9\n";
        ImportReport patternReport = importFeedback(pattern, CsvColumnMapping.custom().timePattern("yyyyMMdd"));
        assertThat(patternReport.rejected()).extracting(RejectedRow::line).containsExactly(2L, 4L);
        assertThat(stored()).extracting(CustomerEvent::occurredAt).contains(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderIsRejectedNotCutShort() throws IOException {
        // Issue 9, item 4: "1,000.50" unquoted is two cells; the amount must not become 1. The core reader already
        // rejected such rows (the clv readers did not); this keeps it so.
        String csv = "customer_id,occurred_at,amount\nc1,2026-01-01,1,000.50\nc2,2026-01-01,\"1,000.50\"\n";
        ImportReport report = CsvEventImporter.ofDefaults(CsvColumnMapping.custom().type(EventType.PURCHASE)
                .currency(Currency.getInstance("USD")).build(), ImportPolicy.SKIP_AND_REPORT).importInto(store, text(csv));

        assertThat(report.rejected()).containsExactly(
                new RejectedRow(2, Optional.empty(), "the row has 4 cells; the header has 3"),
                new RejectedRow(3, Optional.of("amount"), "the value is not a plain decimal number such as 19.99"));
        assertThat(store.count()).isZero();
    }

    @Test
    void digitsOfOtherScriptsAreNotNumbers() throws IOException {
        // Issue 9, item 5: Integer.parseInt and new BigDecimal read Devanagari (\u096f is 9) and Arabic-Indic digits;
        // only ASCII digits make a number. Every row below has one such number and is rejected.
        String csv = "type,customer_id,occurred_at,touchpoint_id,duration,score,scale,amount,currency,items\n"
                + "feedback,c1,2026-01-01,,,\u096f,nps,,,\n"
                + "feedback,c1,2026-01-01,,,9,stars:\u0661..5,,,\n"
                + "purchase,c1,2026-01-01,,,,,\u0661\u0660.50,EUR,\n"
                + "purchase,c1,2026-01-01,,,,,10.50,EUR,\u0663\n"
                + "interaction,c1,2026-01-01,web,\u096f\u096f,,,,,\n"
                + "feedback,c1,2026-01-01,,,9,nps,,,\n";

        ImportReport report = importCsv(csv, ImportPolicy.SKIP_AND_REPORT);

        assertThat(report.rejected()).extracting(RejectedRow::line, r -> r.column().orElse("-")).containsExactly(
                tuple(2L, "score"), tuple(3L, "scale"),
                tuple(4L, "amount"), tuple(5L, "items"),
                tuple(6L, "duration"));
        assertThat(report.appended()).isEqualTo(1);
    }

    @Test
    void localTimesInADaylightSavingGapOrOverlapArePlacedByTheRuleAndCounted() throws IOException {
        // Issue 9, item 6. Oracle: Berlin springs from 02:00 CET to 03:00 CEST on 2026-03-29 and falls back from
        // 03:00 CEST to 02:00 CET on 2026-10-25. 02:30 in the gap moves an hour later, to 03:30+02:00 = 01:30Z;
        // 02:30 in the overlap takes the earlier offset, +02:00 = 00:30Z; 12:00 is neither.
        String csv = "customer_id,occurred_at,score\n"
                + "c1,2026-03-29 02:30,9\n"
                + "c2,2026-10-25 02:30,9\n"
                + "c3,2026-10-25 12:00,9\n"
                + "c4,2026-10-25T02:30:00+01:00,9\n";

        ImportReport report = importFeedback(csv, CsvColumnMapping.custom().zone(ZoneId.of("Europe/Berlin")));

        assertThat(report.daylightSavingRows()).isEqualTo(2);
        assertThat(stored()).extracting(CustomerEvent::occurredAt).containsExactly(
                Instant.parse("2026-03-29T01:30:00Z"), Instant.parse("2026-10-25T00:30:00Z"),
                Instant.parse("2026-10-25T01:30:00Z"), Instant.parse("2026-10-25T11:00:00Z"));
    }

    @Test
    void amountsBeyondTheBoundsAreOneRowErrorEachAndTheImportGoesOn() throws IOException {
        // Issue 9, item 7: 1e999999999 aborted a skip-mode import ("BigInteger would overflow"). Bounds from Money:
        // less than 10^18, at most 18 decimal places; the largest amount inside both is accepted.
        String csv = "customer_id,occurred_at,amount\n"
                + "c1,2026-01-01,1e999999999\n"
                + "c2,2026-01-01,1000000000000000000\n"
                + "c3,2026-01-01,0.0000000000000000001\n"
                + "c4,2026-01-01,1e-999999999\n"
                + "c5,2026-01-01,999999999999999999.999999999999999999\n"
                + "c6,2026-01-01,0e999999999\n";

        ImportReport report = CsvEventImporter.ofDefaults(CsvColumnMapping.custom().type(EventType.PURCHASE)
                .currency(Currency.getInstance("EUR")).build(), ImportPolicy.SKIP_AND_REPORT).importInto(store, text(csv));

        assertThat(report.rejected()).containsExactly(
                new RejectedRow(2, Optional.of("amount"), "the value is 10^18 or more; an amount must be less than 10^18"),
                new RejectedRow(3, Optional.of("amount"), "the value is 10^18 or more; an amount must be less than 10^18"),
                new RejectedRow(4, Optional.of("amount"),
                        "the value has more than 18 decimal places; an amount has at most 18"),
                new RejectedRow(5, Optional.of("amount"),
                        "the value has more than 18 decimal places; an amount has at most 18"));
        assertThat(stored()).extracting(e -> ((Purchase) e).amount().amount().toPlainString())
                .containsExactlyInAnyOrder("999999999999999999.999999999999999999", "0.00");
    }

    @Test
    void reasonsNeverRepeatANumericCell() throws IOException {
        // Issue 9, item 8: "the value 170123456 is outside the scale 0..10" and "the amount -4111111111111111 is
        // negative" put a pasted card number into logs.
        String csv = "type,customer_id,occurred_at,touchpoint_id,score,scale,amount,currency,duration,items\n"
                + "feedback,c1,2026-01-05,,170123456,nps,,,,\n"
                + "purchase,c1,2026-01-05,,,,-4111111111111111,EUR,,\n"
                + "interaction,c1,2026-01-05,web,,,,,-4111111111111111,\n"
                + "purchase,c1,2026-01-05,,,,1,EUR,,-411111111\n";

        ImportReport report = importCsv(csv, ImportPolicy.SKIP_AND_REPORT);

        assertThat(report.rejected()).hasSize(4).allSatisfy(row -> assertThat(row.toString())
                .doesNotContain("170123456").doesNotContain("411111111"));
        assertThat(report.rejected().get(0)).isEqualTo(
                new RejectedRow(2, Optional.of("score"), "the value is outside the NPS scale 0..10"));
    }

    @Test
    void aSkipImportListsTheFirstRejectedRowsAndCountsTheRest() throws IOException {
        // Issue 9, item 10: 2,500 bad rows and one good one; the limit is 1,000 by default, 10 when set.
        StringBuilder csv = new StringBuilder("customer_id,occurred_at,score\n");
        for (int i = 0; i < 2_500; i++) {
            csv.append("c").append(i).append(",2026-01-01,x\n");
        }
        csv.append("c-good,2026-01-01,9\n");
        CsvColumnMapping mapping = CsvColumnMapping.custom().type(EventType.FEEDBACK).scale(FeedbackScale.NPS).build();

        ImportReport byDefault = CsvEventImporter.ofDefaults(mapping, ImportPolicy.SKIP_AND_REPORT)
                .importInto(store, text(csv.toString()));
        ImportReport ten = CsvEventImporter.custom(mapping, ImportPolicy.SKIP_AND_REPORT).rejectedRowLimit(10).build()
                .importInto(InMemoryEventStore.create(), text(csv + "c-cut,\"2026-01-01,9\n"));

        assertThat(byDefault.rejectedCount()).isEqualTo(2_500);
        assertThat(byDefault.rejected()).hasSize(CsvEventImporter.DEFAULT_REJECTED_ROW_LIMIT)
                .extracting(RejectedRow::line).startsWith(2L, 3L).endsWith(1_001L);
        assertThat(byDefault.rejectedNotListed()).isEqualTo(1_500);
        assertThat(byDefault.rowsRead()).isEqualTo(byDefault.accepted() + byDefault.rejectedCount());
        // The row where an import stopped is always listed, last.
        assertThat(ten.rejected()).hasSize(11).last().extracting(RejectedRow::line).isEqualTo(2_503L);
        assertThat(ten.rejectedCount()).isEqualTo(2_501);
        assertThat(ten.readToEnd()).isFalse();
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItStarts() throws IOException {
        // Issue 9, item 9: in the header, Jackson gave up at the end of the input (line 5); the quote opens on
        // line 1. In a row after blank lines, the row starts on line 5.
        assertThatThrownBy(() -> importCsv("customer_id,\"occurred_at,score\nc1,2026-01-01,9\nc2,2026-01-01,9\n\n",
                ImportPolicy.SKIP_AND_REPORT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header: the header row at line 1 cannot be read as CSV (a quoted value is not closed,"
                        + " or a quote stands inside an unquoted value)");
        ImportReport report = importFeedback("customer_id,occurred_at,score\nc1,2026-02-01,9\n\n\n\"c2,2026-02-01,9\n"
                + "c3,2026-01-01,1\n", CsvColumnMapping.custom());
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(5L);
    }

    @Test
    void aByteOrderMarkBeforeAQuotedFirstColumnNameIsIgnored() throws IOException {
        // Found by ImportFuzzTest (issue 9, items 9 and 11): the parser took the mark as text before the quote, so
        // the first column was named "\"customer_id\"" with its quotes, and a mapped column went missing.
        ImportReport report = importFeedback("\uFEFF\"customer_id\",occurred_at,score\nc1,2026-01-01,9\n",
                CsvColumnMapping.custom());

        assertThat(report.clean()).isTrue();
        assertThat(stored()).extracting(e -> e.customerId().value()).containsExactly("c1");
        assertThat(CsvEventImporter.ofDefaults(CsvColumnMapping.ofDefaults(), ImportPolicy.SKIP_AND_REPORT)
                .columns(text("\uFEFF\"duration\",x\n"))).containsExactly("duration", "x");
    }

    @Test
    void importersAndMappingsAreValuesWithTheConfigurationIdiom() {
        // Decision 1 of the brief: ofDefaults, custom, from(base); equal settings make equal values.
        CsvColumnMapping mapping = CsvColumnMapping.custom().type(EventType.FEEDBACK).zone(ZoneId.of("Europe/Paris"))
                .build();
        CsvEventImporter importer = CsvEventImporter.custom(mapping, ImportPolicy.SKIP_AND_REPORT).batchSize(7)
                .rejectedRowLimit(3).build();

        assertThat(CsvColumnMapping.from(mapping).build()).isEqualTo(mapping).hasSameHashCodeAs(mapping);
        assertThat(CsvColumnMapping.from(mapping).separator(';').build()).isNotEqualTo(mapping);
        assertThat(CsvEventImporter.from(importer).build()).isEqualTo(importer);
        assertThat(CsvEventImporter.ofDefaults(mapping, ImportPolicy.SKIP_AND_REPORT).rejectedRowLimit())
                .isEqualTo(1_000);
        assertThat(importer.batchSize()).isEqualTo(7);
        assertThatThrownBy(() -> CsvEventImporter.custom(mapping, ImportPolicy.SKIP_AND_REPORT).rejectedRowLimit(-1))
                .hasMessage("rejectedRowLimit: -1 is negative; it must be 0 or more");
        assertThatThrownBy(() -> CsvEventImporter.custom(mapping, ImportPolicy.SKIP_AND_REPORT).batchSize(0))
                .hasMessage("batchSize: 0 is not positive; it must be 1 or more");
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
