package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.io.RejectedRow;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;

/**
 * The import engine against the contracts it implements, worked by hand for small inputs of given rows: the
 * Javadoc of {@link ImportPolicy} (all or nothing validates the whole input and the store first; a conflict shown
 * only while storing keeps the batches stored before), of {@code EventImporter#importInto} (the accepted rows
 * reach the store in atomic batches of the batch size, every row is counted), and of {@link ImportReport} (at most
 * the limit of rejected rows listed, all counted; the row where an import stopped always listed; rows placed by
 * the daylight-saving rule counted once stored). The store is an in-memory store behind a recorder of the calls
 * the engine makes.
 */
class ImportEngineTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static Purchase purchase(String id, int cents) {
        return new Purchase(EventId.of(id), CustomerId.of("c"), T0.plusSeconds(cents), "o-" + id,
                new Money(BigDecimal.valueOf(cents, 2), EUR), 1, Optional.empty(), Map.of());
    }

    private static ParsedRow accepted(long line, CustomerEvent event) {
        return new ParsedRow.Accepted(line, event);
    }

    private static ParsedRow rejected(long line, String reason) {
        return new ParsedRow.Rejected(new RejectedRow(line, Optional.empty(), reason), false);
    }

    /** Opens a reader of the given rows, each time afresh (an all-or-nothing import reads twice). */
    private static RowReader.Opener rows(List<ParsedRow> rows) {
        return () -> new RowReader() {
            private final Iterator<ParsedRow> next = rows.iterator();

            @Override
            public Optional<ParsedRow> next() {
                return next.hasNext() ? Optional.of(next.next()) : Optional.empty();
            }

            @Override
            public void close() {}
        };
    }

    /** An in-memory store that records the size of every batch appended and of every id lookup. */
    private static final class Recording implements EventStore {
        final InMemoryEventStore store = InMemoryEventStore.create();
        final List<Integer> appends = new ArrayList<>();
        final List<Integer> lookups = new ArrayList<>();
        /** The appendAll call (counted from 0) refused as if another writer had just stored a conflict. */
        int refusedCall = -1;

        @Override
        public AppendResult appendAll(Collection<? extends CustomerEvent> events) {
            appends.add(events.size());
            if (appends.size() - 1 == refusedCall) {
                throw new IllegalArgumentException("eventId: refused");
            }
            return store.appendAll(events);
        }

        @Override
        public Optional<CustomerEvent> get(EventId id) {
            return store.get(id);
        }

        @Override
        public Map<EventId, CustomerEvent> getAll(Collection<EventId> ids) {
            lookups.add(ids.size());
            return store.getAll(ids);
        }

        @Override
        public Stream<CustomerEvent> query(EventQuery query) {
            return store.query(query);
        }

        @Override
        public long count() {
            return store.count();
        }

        @Override
        public long erase(CustomerId customer) {
            return store.erase(customer);
        }
    }

    private static List<ParsedRow> sevenPurchases() {
        List<ParsedRow> rows = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rows.add(accepted(i + 1, purchase("e" + i, i)));
        }
        return rows;
    }

    @Test
    void acceptedRowsReachTheStoreInBatchesOfTheBatchSizeUnderEitherPolicy() throws IOException {
        // 7 rows in batches of 3: 3, 3 and the last 1 (ceil(7 / 3) = 3 batches), under both policies; the
        // all-or-nothing import also looks the ids up in batches of 3 before storing.
        for (ImportPolicy policy : ImportPolicy.values()) {
            Recording store = new Recording();

            ImportReport report = ImportEngine.run(rows(sevenPurchases()), store, policy, 3, 10);

            assertThat(store.appends).as(policy.name()).containsExactly(3, 3, 1);
            assertThat(report.appended()).isEqualTo(7);
            assertThat(report.rowsRead()).isEqualTo(7);
            assertThat(report.applied()).isTrue();
            assertThat(report.readToEnd()).isTrue();
            assertThat(store.count()).isEqualTo(7);
            if (policy == ImportPolicy.FAIL_ON_FIRST_ERROR) {
                assertThat(store.lookups).containsExactly(3, 3, 1);
            }
        }
    }

    @Test
    void aBatchOfOneStoresEachRowAlone() throws IOException {
        // 3 rows in batches of 1: three batches of 1 (ImportReport's Javadoc: applied when every row was stored).
        for (ImportPolicy policy : ImportPolicy.values()) {
            Recording store = new Recording();

            ImportReport report = ImportEngine.run(rows(sevenPurchases().subList(0, 3)), store, policy, 1, 10);

            assertThat(store.appends).as(policy.name()).containsExactly(1, 1, 1);
            // Every batch was stored, the last one full: nothing is left for the end, and the import applied.
            assertThat(report.applied()).isTrue();
            assertThat(report.appended()).isEqualTo(3);
        }
    }

    @Test
    void allOrNothingStopsAtTheFirstRowThatConflictsWithTheStoreAndStoresNothing() throws IOException {
        // e5 is stored with other content: validation must name its line (6), before the rejected row on
        // line 8 that comes later, and store none of the input.
        Recording store = new Recording();
        store.store.append(purchase("e5", 99));
        List<ParsedRow> input = new ArrayList<>(sevenPurchases());
        input.set(6, rejected(8, "the value is not valid here"));

        ImportReport report = ImportEngine.run(rows(input), store, ImportPolicy.FAIL_ON_FIRST_ERROR, 2, 10);

        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(6L);
        assertThat(report.rejected().get(0).reason()).contains("event id e5 already names a different event");
        assertThat(report.applied()).isFalse();
        assertThat(report.readToEnd()).isFalse();
        assertThat(report.appended()).isZero();
        assertThat(report.rejectedCount()).isEqualTo(1);
        assertThat(store.appends).isEmpty();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void allOrNothingFindsAConflictWithTheStoreInTheLastPartialBatchBeforeStoringAnything() throws IOException {
        // 3 rows in batches of 10: the only lookup is at the end of the validating read. e2 is stored with other
        // content: the import stops there without handing the store any batch.
        Recording store = new Recording();
        store.store.append(purchase("e2", 99));

        ImportReport report = ImportEngine.run(rows(sevenPurchases().subList(0, 3)), store,
                ImportPolicy.FAIL_ON_FIRST_ERROR, 10, 10);

        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(3L);
        assertThat(report.readToEnd()).isFalse();
        assertThat(report.applied()).isFalse();
        assertThat(store.lookups).containsExactly(3);
        assertThat(store.appends).isEmpty();
    }

    @Test
    void allOrNothingNamesAConflictWithTheStoreInThePendingRowsBeforeALaterRejectedRow() throws IOException {
        // Batches of 4: e1..e3 are pending (not yet looked up) when the rejected row on line 5 comes; the
        // conflict of e2 (line 3) is earlier and is the one named.
        Recording store = new Recording();
        store.store.append(purchase("e2", 99));
        List<ParsedRow> input = List.of(accepted(2, purchase("e1", 1)), accepted(3, purchase("e2", 2)),
                accepted(4, purchase("e3", 3)), rejected(5, "the value is not valid here"),
                accepted(6, purchase("e4", 4)));

        ImportReport report = ImportEngine.run(rows(input), store, ImportPolicy.FAIL_ON_FIRST_ERROR, 4, 10);

        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(3L);
        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(store.count()).isEqualTo(1);

        // Without the conflict, the rejected row itself stops the import.
        Recording clean = new Recording();
        ImportReport stopped = ImportEngine.run(rows(input), clean, ImportPolicy.FAIL_ON_FIRST_ERROR, 4, 10);
        assertThat(stopped.rejected()).extracting(RejectedRow::line).containsExactly(5L);
        assertThat(stopped.rejected().get(0).reason()).isEqualTo("the value is not valid here");
        assertThat(clean.appends).isEmpty();
    }

    @Test
    void allOrNothingKeepsTheBatchesStoredBeforeAnIdRepeatedWithOtherContent() throws IOException {
        // ImportPolicy's Javadoc: an id repeated in the input with other content shows only while storing;
        // the import stops at the second row (line 7), stores nothing of that batch, and the batches before
        // it remain (2 rows, batches of 2).
        Recording store = new Recording();
        List<ParsedRow> input = List.of(accepted(2, purchase("e1", 1)), accepted(3, purchase("e2", 2)),
                accepted(4, purchase("e3", 3)), accepted(7, purchase("e3", 4)), accepted(8, purchase("e4", 5)));

        ImportReport report = ImportEngine.run(rows(input), store, ImportPolicy.FAIL_ON_FIRST_ERROR, 2, 0);

        assertThat(report.appended()).isEqualTo(2);
        assertThat(report.applied()).isFalse();
        assertThat(report.readToEnd()).isFalse();
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(7L);
        assertThat(report.rejected().get(0).reason()).contains("event id e3 already names a different event");
        assertThat(store.count()).isEqualTo(2);
        assertThat(store.appends).containsExactly(2, 2);
    }

    @Test
    void allOrNothingNamesARowThatConflictsWithABatchStoredEarlierInTheSameImport() throws IOException {
        // e1 and e2 are stored with the first batch; the second batch repeats e1 unchanged (line 4, a duplicate,
        // no conflict) and e2 with other content (line 5), which passed the validation (the store did not hold
        // e2 then) and is named when the store refuses that batch.
        Recording store = new Recording();
        List<ParsedRow> input = List.of(accepted(2, purchase("e1", 1)), accepted(3, purchase("e2", 2)),
                accepted(4, purchase("e1", 1)), accepted(5, purchase("e2", 4)));

        ImportReport report = ImportEngine.run(rows(input), store, ImportPolicy.FAIL_ON_FIRST_ERROR, 2, 10);

        assertThat(report.appended()).isEqualTo(2);
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(5L);
        assertThat(report.rejected().get(0).reason()).contains("event id e2 already names a different event");
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void allOrNothingStopsAtARowRejectedOnlyOnTheSecondRead() throws IOException {
        // The input changed between the validating read and the storing read: the row rejected on the second
        // read stops the import there, after the batch before it was stored.
        List<ParsedRow> first = sevenPurchases().subList(0, 4);
        List<ParsedRow> second = new ArrayList<>(first);
        second.set(3, rejected(5, "the value is not valid here"));
        int[] opened = {0};
        RowReader.Opener changing = () -> rows(opened[0]++ == 0 ? first : second).open();
        Recording store = new Recording();

        ImportReport report = ImportEngine.run(changing, store, ImportPolicy.FAIL_ON_FIRST_ERROR, 2, 0);

        assertThat(opened[0]).isEqualTo(2);
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(5L);
        assertThat(report.rejectedCount()).isEqualTo(1);
        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.appended()).isEqualTo(2);
        assertThat(report.applied()).isFalse();
        assertThat(report.readToEnd()).isFalse();
        assertThat(store.appends).containsExactly(2);
    }

    @Test
    void allOrNothingReportsABatchTheStoreRefusedForNoReasonTheRowsShow() throws IOException {
        // A concurrent writer: the store refuses the second batch although no row conflicts; the import stops
        // and names the batch's first line (4).
        Recording store = new Recording();
        store.refusedCall = 1;
        List<ParsedRow> input = sevenPurchases().subList(0, 4);

        ImportReport report = ImportEngine.run(rows(input), store, ImportPolicy.FAIL_ON_FIRST_ERROR, 2, 10);

        assertThat(report.appended()).isEqualTo(2);
        assertThat(report.applied()).isFalse();
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(4L);
        assertThat(report.rejected().get(0).reason())
                .isEqualTo("the store refused the batch starting here: an event id was written concurrently");
        assertThat(store.appends).containsExactly(2, 2);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void skipAndReportStoresARefusedBatchRowByRowAndRejectsOnlyTheConflicts() throws IOException {
        // e2 is stored with other content: its batch (e1, e2, e3) is refused whole, then stored one by one:
        // e1 and e3 appended, e2 rejected at its line (3); the next batch goes through whole.
        Recording store = new Recording();
        store.store.append(purchase("e2", 99));
        List<ParsedRow> input = List.of(new ParsedRow.Accepted(2, purchase("e1", 1), true),
                new ParsedRow.Accepted(3, purchase("e2", 2), true), accepted(4, purchase("e3", 3)),
                new ParsedRow.Accepted(5, purchase("e4", 4), true), accepted(6, purchase("e5", 5)));

        ImportReport report = ImportEngine.run(rows(input), store, ImportPolicy.SKIP_AND_REPORT, 3, 10);

        assertThat(report.appended()).isEqualTo(4);
        assertThat(report.rejectedCount()).isEqualTo(1);
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(3L);
        assertThat(report.rejected().get(0).reason()).contains("event id e2 already names a different event");
        // Rows placed by the daylight-saving rule count once stored: e1 and e4, not the rejected e2.
        assertThat(report.daylightSavingRows()).isEqualTo(2);
        assertThat(report.readToEnd()).isTrue();
        assertThat(store.appends).containsExactly(3, 1, 1, 1, 2);
    }

    @Test
    void skipAndReportListsAtMostTheLimitButAlwaysTheRowWhereItStopped() throws IOException {
        List<ParsedRow> input = List.of(rejected(2, "a"), accepted(3, purchase("e1", 1)), rejected(4, "b"),
                rejected(5, "c"), new ParsedRow.Rejected(new RejectedRow(6, Optional.empty(), "unreadable"), true),
                accepted(7, purchase("e2", 2)));

        for (int limit : new int[] {0, 1, 2, 3}) {
            Recording store = new Recording();
            ImportReport report = ImportEngine.run(rows(input), store, ImportPolicy.SKIP_AND_REPORT, 10, limit);

            List<Long> listed = new ArrayList<>(List.of(2L, 4L, 5L).subList(0, limit));
            listed.add(6L);
            assertThat(report.rejected()).as("limit %d", limit).extracting(RejectedRow::line)
                    .containsExactlyElementsOf(listed);
            assertThat(report.rejectedCount()).isEqualTo(4);
            assertThat(report.rowsRead()).isEqualTo(5);
            assertThat(report.appended()).isEqualTo(1);
            assertThat(report.readToEnd()).isFalse();
            assertThat(report.applied()).isTrue();
            assertThat(store.count()).isEqualTo(1);
        }
    }

    @Test
    void daylightSavingRowsAreCountedInEveryBatchStored() throws IOException {
        // 70 rows, more than the engine's first per-row arrays hold (64), every third placed by the rule.
        List<ParsedRow> input = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            input.add(new ParsedRow.Accepted(i + 2, purchase("e" + i, i), i % 3 == 0));
        }
        for (ImportPolicy policy : ImportPolicy.values()) {
            ImportReport report = ImportEngine.run(rows(input), new Recording(), policy, 100, 10);

            assertThat(report.daylightSavingRows()).as(policy.name()).isEqualTo(24);
            assertThat(report.appended()).isEqualTo(70);
        }
    }

    @Test
    void aRejectedRowIsOnTheLineOfItsRejection() {
        // ParsedRow's contract: every row has the line it starts on; a rejected row's is its rejection's.
        assertThat(rejected(7, "x").line()).isEqualTo(7);
        assertThat(new ParsedRow.Rejected(new RejectedRow(12, Optional.of("score"), "y"), true).line()).isEqualTo(12);
        assertThat(accepted(9, purchase("e1", 1)).line()).isEqualTo(9);
    }
}
