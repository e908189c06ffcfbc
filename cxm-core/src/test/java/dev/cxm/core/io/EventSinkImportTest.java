package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;

/**
 * An import into an {@link EventSink}: the oracle for the events is the same import into an in-memory store
 * (the sink must take exactly the events the store keeps, in input order, which for these inputs with
 * increasing times is the store's time order); counts are read off the small inputs.
 */
class EventSinkImportTest {

    private static final String CSV = "event_id,type,customer_id,occurred_at,touchpoint_id,channel,score,scale,amount,currency\n"
            + "e1,feedback,c1,2026-01-05T10:00:00Z,hotline,phone,9,nps,,\n"
            + "e2,purchase,c1,2026-01-06T00:00:00Z,,,,,19.90,EUR\n"
            + "e3,interaction,c2,2026-01-07T12:00:00Z,checkout,web,,,,\n";
    private static final String BAD_ROW = "e4,feedback,c2,2026-01-08T10:00:00Z,,,11,nps,,\n";

    private static ReaderSource text(String content) {
        return () -> new StringReader(content);
    }

    private static CsvEventImporter csv(ImportPolicy policy) {
        return CsvEventImporter.custom(CsvColumnMapping.ofDefaults(), policy).batchSize(2).build();
    }

    private static List<CustomerEvent> storedBy(EventImporter importer, ReaderSource source) throws IOException {
        EventStore store = InMemoryEventStore.create();
        importer.importInto(store, source);
        try (Stream<CustomerEvent> events = store.scan()) {
            return events.toList();
        }
    }

    @Test
    void aSinkTakesTheEventsAStoreWouldKeepInInputOrder() throws IOException {
        List<CustomerEvent> taken = new ArrayList<>();

        ImportReport report = csv(ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(taken::add, text(CSV));

        assertThat(taken).containsExactlyElementsOf(storedBy(csv(ImportPolicy.FAIL_ON_FIRST_ERROR), text(CSV)));
        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.appended()).isEqualTo(3);
        assertThat(report.duplicates()).isZero();
        assertThat(report.clean()).isTrue();
    }

    @Test
    void ndjsonImportsIntoASinkToo() throws IOException {
        EventStore store = InMemoryEventStore.create();
        csv(ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(store, text(CSV));
        StringWriter ndjson = new StringWriter();
        try (Stream<CustomerEvent> events = store.scan()) {
            Ndjson.writeEvents(events, ndjson);
        }
        List<CustomerEvent> taken = new ArrayList<>();

        ImportReport report = NdjsonEventImporter.ofDefaults(ImportPolicy.FAIL_ON_FIRST_ERROR)
                .importInto(taken::add, text(ndjson.toString()));

        assertThat(report.appended()).isEqualTo(3);
        assertThat(taken).containsExactlyElementsOf(storedBy(csv(ImportPolicy.FAIL_ON_FIRST_ERROR), text(CSV)));
    }

    @Test
    void failOnFirstErrorHandsTheSinkNothingWhenARowIsBad() throws IOException {
        List<CustomerEvent> taken = new ArrayList<>();

        ImportReport report = csv(ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(taken::add, text(CSV + BAD_ROW));

        assertThat(taken).isEmpty();
        assertThat(report.applied()).isFalse();
        assertThat(report.rejected()).singleElement().satisfies(row -> assertThat(row.line()).isEqualTo(5));
    }

    @Test
    void skipAndReportHandsOverTheGoodRowsAndListsTheBadOnes() throws IOException {
        List<CustomerEvent> taken = new ArrayList<>();

        ImportReport report = csv(ImportPolicy.SKIP_AND_REPORT).importInto(taken::add, text(CSV + BAD_ROW));

        assertThat(taken).hasSize(3);
        assertThat(report.appended()).isEqualTo(3);
        assertThat(report.rejectedCount()).isEqualTo(1);
        assertThat(report.rejected().get(0).column()).contains("score");
    }

    @Test
    void aRepeatedEventIdReachesTheSinkEachTimeAStoreWouldKeepItOnce() throws IOException {
        // The EventSink contract: nothing looks ids up. A store counts the second e1 as a duplicate.
        String repeated = CSV + "e1,feedback,c1,2026-01-05T10:00:00Z,hotline,phone,9,nps,,\n";
        List<CustomerEvent> taken = new ArrayList<>();

        ImportReport report = csv(ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(taken::add, text(repeated));
        ImportReport stored = csv(ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(InMemoryEventStore.create(),
                text(repeated));

        assertThat(taken).hasSize(4);
        assertThat(report.appended()).isEqualTo(4);
        assertThat(stored.appended()).isEqualTo(3);
        assertThat(stored.duplicates()).isEqualTo(1);
    }

    @Test
    void aSinksRefusalReachesTheCallerUnchangedNotAsARejectedRow() {
        // The import engine reads an IllegalArgumentException from a store as a conflicting batch; a sink's
        // IllegalArgumentException must not be mistaken for one (nor be retried row by row).
        IllegalArgumentException refusal = new IllegalArgumentException("occurredAt: too far from the others");
        List<CustomerEvent> taken = new ArrayList<>();
        EventSink refusesTheSecond = event -> {
            if (taken.size() == 1) {
                throw refusal;
            }
            taken.add(event);
        };

        assertThatThrownBy(() -> csv(ImportPolicy.SKIP_AND_REPORT).importInto(refusesTheSecond, text(CSV)))
                .isSameAs(refusal);
        assertThat(taken).hasSize(1);
    }

    @Test
    void refusesAMissingSinkNamingIt() {
        assertThatThrownBy(() -> csv(ImportPolicy.SKIP_AND_REPORT).importInto((EventSink) null, text(CSV)))
                .hasMessageContaining("sink");
    }

    @Test
    void anImporterOfItsOwnSeesAStoreThatCountsWhatTheSinkTookAndKeepsNothing() throws IOException {
        // A host's own EventImporter gets the import's store from importInto(sink, ...): every appended event
        // reaches the sink, the store's count is the number the sink took (its appends, as for any store),
        // no id is found stored, and what would need kept events is refused. Oracle: the two batches below.
        CustomerEvent first = storedBy(csv(ImportPolicy.FAIL_ON_FIRST_ERROR), text(CSV)).get(0);
        CustomerEvent second = storedBy(csv(ImportPolicy.FAIL_ON_FIRST_ERROR), text(CSV)).get(1);
        List<CustomerEvent> taken = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        EventImporter own = (store, source) -> {
            counts.add(store.count());
            AppendResult one = store.appendAll(List.of(first));
            counts.add(store.count());
            AppendResult two = store.appendAll(List.of(second, first));
            counts.add(store.count());
            assertThat(one).isEqualTo(new AppendResult(1, 0));
            assertThat(two).isEqualTo(new AppendResult(2, 0));
            assertThat(store.get(first.eventId())).isEmpty();
            assertThatThrownBy(() -> store.query(EventQuery.all())).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> store.erase(first.customerId())).isInstanceOf(UnsupportedOperationException.class);
            return csv(ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(InMemoryEventStore.create(), source);
        };

        own.importInto(taken::add, text(CSV));

        assertThat(counts).containsExactly(0L, 1L, 3L);
        assertThat(taken).containsExactly(first, second, first);
    }
}
