package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Purchase;

/**
 * The rules of {@link CsvColumnMapping}'s Javadoc that decide which cells a row is read from, each applied by
 * hand to the small inputs below (the oracle): a fallback type and no type column make every row that type (so a
 * column named for a field it lacks is an error, and a column with only such a field's default name is an
 * ordinary column); the type needs a column or a value; a value in a column whose field the row's type lacks
 * rejects the row unless the column is also copied into the attributes (the rejection's own advice); unmapped
 * columns become attributes only when asked; a time pattern is the only form times are read in; a bad touchpoint
 * is named by the column it came from; a mapping copied with {@code from(base)} equals its base, and mappings
 * that differ hash apart.
 */
class CsvMappingRulesTest {

    private static List<CustomerEvent> importCsv(CsvColumnMapping mapping, String csv) throws IOException {
        List<CustomerEvent> events = new ArrayList<>();
        CsvEventImporter.ofDefaults(mapping, ImportPolicy.FAIL_ON_FIRST_ERROR)
                .importInto(events::add, () -> new StringReader(csv));
        return events;
    }

    private static ImportReport importReporting(CsvColumnMapping mapping, String csv, List<CustomerEvent> events)
            throws IOException {
        return CsvEventImporter.ofDefaults(mapping, ImportPolicy.SKIP_AND_REPORT)
                .importInto(events::add, () -> new StringReader(csv));
    }

    @Test
    void aFallbackTypeWithoutATypeColumnIsEveryRowsType() throws IOException {
        CsvColumnMapping purchases = CsvColumnMapping.custom().fallback(CsvField.TYPE, "purchase")
                .column(CsvField.SCORE, "score").currency(Currency.getInstance("EUR")).build();

        // No type column: every row is a purchase, so a column explicitly named for the score is an error.
        assertThatThrownBy(() -> importCsv(purchases, "customer_id,occurred_at,amount,score\nc1,2026-02-01,5,9\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("column: \"score\" is mapped to the score, but every row is a purchase,"
                        + " which has no score");

        // No type column, feedback by fallback: a column that only has the amount's default name is no field's.
        CsvColumnMapping feedback = CsvColumnMapping.custom().fallback(CsvField.TYPE, "feedback")
                .scale(FeedbackScale.NPS).build();
        assertThat(importCsv(feedback, "customer_id,occurred_at,score,amount\nc1,2026-02-01,9,12.50\n"))
                .singleElement().isInstanceOfSatisfying(FeedbackResponse.class,
                        response -> assertThat(response.score()).isEqualTo(9));

        // A type column: each row keeps its own type, and the fallback decides no column's field.
        List<CustomerEvent> typed = importCsv(purchases,
                "type,customer_id,occurred_at,amount,score,scale\n"
                        + "feedback,c1,2026-02-01,,9,nps\n"
                        + "purchase,c2,2026-02-01,5,,\n");
        assertThat(typed).extracting(CustomerEvent::eventType).containsExactly(EventType.FEEDBACK, EventType.PURCHASE);
        assertThat(((FeedbackResponse) typed.get(0)).score()).isEqualTo(9);
    }

    @Test
    void everyEventNeedsATypeFromAColumnOrAValue() throws IOException {
        assertThatThrownBy(() -> importCsv(CsvColumnMapping.custom().scale(FeedbackScale.NPS).build(),
                "customer_id,occurred_at,score\nc1,2026-02-01,9\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("column: \"type\" is not in the header and no fixed value is set,"
                        + " but every event needs a value for type");
        assertThat(importCsv(CsvColumnMapping.custom().scale(FeedbackScale.NPS).build(),
                "type,customer_id,occurred_at,score\nfeedback,c1,2026-02-01,9\n")).hasSize(1);
    }

    @Test
    void aValueInAForeignColumnRejectsTheRowUnlessTheColumnIsCopiedIntoTheAttributes() throws IOException {
        String csv = "type,customer_id,occurred_at,amount,currency,score,scale\n"
                + "purchase,c1,2026-02-01,5,EUR,7,\n";

        List<CustomerEvent> events = new ArrayList<>();
        ImportReport report = importReporting(CsvColumnMapping.ofDefaults(), csv, events);
        assertThat(events).isEmpty();
        assertThat(report.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.column()).contains("score");
            assertThat(rejected.reason()).startsWith("a purchase has no score; the cell must be empty");
        });

        List<CustomerEvent> kept = importCsv(CsvColumnMapping.custom().attributeColumns(List.of("score")).build(), csv);
        assertThat(kept).singleElement().isInstanceOfSatisfying(Purchase.class,
                purchase -> assertThat(purchase.attributes()).containsExactly(Map.entry("score", "7")));
    }

    @Test
    void unmappedColumnsBecomeAttributesOnlyWhenAsked() throws IOException {
        String csv = "type,customer_id,occurred_at,score,scale,region\nfeedback,c1,2026-02-01,9,nps,north\n";

        assertThat(importCsv(CsvColumnMapping.ofDefaults(), csv)).singleElement()
                .satisfies(event -> assertThat(event.attributes()).isEmpty());
        assertThat(importCsv(CsvColumnMapping.custom().unmappedColumnsAsAttributes(true).build(), csv))
                .singleElement()
                .satisfies(event -> assertThat(event.attributes()).containsExactly(Map.entry("region", "north")));
    }

    @Test
    void aTimePatternIsTheOnlyFormTimesAreReadIn() throws IOException {
        CsvColumnMapping dayFirst = CsvColumnMapping.custom().type(EventType.FEEDBACK).scale(FeedbackScale.NPS)
                .timePattern("dd/MM/yyyy HH:mm").build();
        String csv = "customer_id,occurred_at,score\n"
                + "c1,05/01/2026 10:30,9\n"
                + "c2,2026-01-05T10:30:00Z,9\n";

        List<CustomerEvent> events = new ArrayList<>();
        ImportReport report = importReporting(dayFirst, csv, events);

        assertThat(events).extracting(CustomerEvent::occurredAt).containsExactly(Instant.parse("2026-01-05T10:30:00Z"));
        assertThat(report.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(3);
            assertThat(rejected.column()).contains("occurred_at");
        });
    }

    @Test
    void aBadTouchpointIsNamedByTheColumnItCameFrom() throws IOException {
        // An id of 257 characters breaks the id length limit of 256.
        String tooLong = "t".repeat(257);
        CsvColumnMapping interactions = CsvColumnMapping.custom().type(EventType.INTERACTION).build();
        List<CustomerEvent> events = new ArrayList<>();

        ImportReport byId = importReporting(interactions,
                "customer_id,occurred_at,touchpoint_id,touchpoint_name\nc1,2026-02-01," + tooLong + ",Help desk\n",
                events);
        ImportReport byName = importReporting(interactions,
                "customer_id,occurred_at,touchpoint_id,touchpoint_name\nc1,2026-02-01,," + tooLong + "\n", events);

        assertThat(events).isEmpty();
        assertThat(byId.rejected()).singleElement()
                .satisfies(rejected -> assertThat(rejected.column()).contains("touchpoint_id"));
        assertThat(byName.rejected()).singleElement()
                .satisfies(rejected -> assertThat(rejected.column()).contains("touchpoint_name"));
    }

    @Test
    void aMappingFromABaseEqualsItAndDistinctMappingsHashApart() {
        CsvColumnMapping base = CsvColumnMapping.custom()
                .column(CsvField.CUSTOMER, "client")
                .fixed(CsvField.CHANNEL, "web")
                .fallback(CsvField.SCALE, "nps")
                .timePattern("yyyyMMdd").zone(ZoneId.of("Europe/Paris")).durationUnit(ChronoUnit.MINUTES)
                .separator(';').attributeColumns(List.of("region")).unmappedColumnsAsAttributes(true)
                .build();

        CsvColumnMapping copy = CsvColumnMapping.from(base).build();
        assertThat(copy).isEqualTo(base).hasSameHashCodeAs(base);
        assertThat(copy.columnFor(CsvField.CUSTOMER)).isEqualTo("client");
        assertThat(copy.isExplicit(CsvField.CUSTOMER)).isTrue();
        assertThat(copy.fixedValue(CsvField.CHANNEL)).contains("web");
        assertThat(copy.fallbackValue(CsvField.SCALE)).contains("nps");
        // toString names every setting (its Javadoc: for logs and test failures); the texts written by hand.
        assertThat(base.toString()).startsWith("CsvColumnMapping[").contains("timePattern=yyyyMMdd",
                "zone=Europe/Paris", "durationUnit=Minutes", "separator=';'", "attributeColumns=[region]",
                "unmappedColumnsAsAttributes=true", "client", "web", "nps");
        assertThat(CsvColumnMapping.ofDefaults().toString()).contains("timePattern=ISO-8601",
                "unmappedColumnsAsAttributes=false");

        List<CsvColumnMapping> distinct = List.of(base, CsvColumnMapping.ofDefaults(),
                CsvColumnMapping.from(base).column(CsvField.CUSTOMER, "customer").build(),
                CsvColumnMapping.from(base).channel(Channel.PHONE).build(),
                CsvColumnMapping.from(base).separator(',').build(),
                CsvColumnMapping.custom().fallback(CsvField.SCALE, "csat").build());
        assertThat(Set.copyOf(distinct)).hasSize(distinct.size());
        Set<Integer> hashes = distinct.stream().map(CsvColumnMapping::hashCode).collect(Collectors.toSet());
        assertThat(hashes).hasSize(distinct.size());
    }
}
