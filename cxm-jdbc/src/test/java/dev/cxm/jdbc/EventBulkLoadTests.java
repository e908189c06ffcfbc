package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.ScoreCount;
import dev.cxm.core.store.ScoreGrouping;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.jdbc.testing.FailingDataSource;
import dev.cxm.test.store.TestEvents;

/**
 * The contract of {@link EventBulkLoad} on one database (subclasses name it). The oracle throughout is the
 * store's ordinary path: the same events appended with {@code appendAll} into a second, empty store of the same
 * database give the same rows, row for row (sequence numbers, every column, the attribute rows).
 */
abstract class EventBulkLoadTests {

    /** Returns a data source of a new, empty database. */
    abstract DataSource newDatabase();

    /** Returns what opens a new physical connection to a new, empty database each time it is called. */
    abstract FailingDataSource.ConnectionFactory unpooledDatabase();

    /** Whether the database is H2 (whose attributes table and indexes the load also handles). */
    abstract boolean h2();

    /**
     * The appends of the tests: 3 parts of interactions, purchases and NPS responses of 23 customers, some at
     * the same instant, every third with an attribute; the second part repeats 10 events of the first (equal:
     * duplicates) and one of its own.
     */
    private static List<List<CustomerEvent>> parts() {
        List<CustomerEvent> first = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            first.add(event(i));
        }
        List<CustomerEvent> second = new ArrayList<>(first.subList(100, 110));
        for (int i = 400; i < 700; i++) {
            second.add(event(i));
        }
        second.add(event(650));
        List<CustomerEvent> third = new ArrayList<>();
        for (int i = 700; i < 1000; i++) {
            third.add(event(i));
        }
        return List.of(first, second, third);
    }

    private static CustomerEvent event(int i) {
        String customer = "c" + (i * 7919 % 23);
        long second = i * 7 % 500;
        CustomerEvent event = switch (i % 3) {
            case 0 -> TestEvents.interaction("e" + i, customer, second, TestEvents.CHECKOUT);
            case 1 -> TestEvents.purchase("e" + i, customer, second, (i % 90) + ".50");
            default -> TestEvents.nps("e" + i, customer, second, i % 11);
        };
        return i % 3 == 0 ? TestEvents.withAttribute(event, "plan", "p" + i % 4) : event;
    }

    private static AppendResult load(JdbcEventStore store, List<List<CustomerEvent>> parts) {
        try (EventBulkLoad load = store.bulkLoad()) {
            for (List<CustomerEvent> part : parts) {
                load.appendAll(part);
            }
            return load.finish();
        }
    }

    private static AppendResult append(JdbcEventStore store, List<List<CustomerEvent>> parts) {
        int appended = 0;
        int duplicates = 0;
        for (List<CustomerEvent> part : parts) {
            AppendResult result = store.appendAll(part);
            appended += result.appended();
            duplicates += result.duplicates();
        }
        return new AppendResult(appended, duplicates);
    }

    /** Every row of the events table (and in H2 of the attributes table) in sequence order, as text. */
    private static List<String> rows(DataSource database, boolean h2) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            readRows(statement, "SELECT * FROM cxm_events ORDER BY seq", rows);
            if (h2) {
                readRows(statement, "SELECT * FROM cxm_event_attributes ORDER BY event_seq, attribute_key", rows);
            }
        }
        return rows;
    }

    private static void readRows(Statement statement, String sql, List<String> rows) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.append(meta.getColumnName(column)).append('=').append(result.getString(column)).append(';');
                }
                rows.add(row.toString());
            }
        }
    }

    /**
     * The feedback counts (schema version 2) as text, summed per key without the rows that fell to zero, so that
     * two stores holding the same responses give the same list whatever order their rows were made in.
     */
    private static List<String> counts(DataSource database) throws SQLException {
        String key = "bucket, touchpoint_id, touchpoint_name, touchpoint_channel, touchpoint_stage, survey_id,"
                + " scale_name, scale_min, scale_max, score";
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            readRows(statement, "SELECT " + key + ", SUM(response_count) AS n FROM cxm_feedback_counts GROUP BY "
                    + key + " HAVING SUM(response_count) <> 0 ORDER BY " + key, rows);
        }
        return rows;
    }

    /** The H2 indexes of the events tables with their columns, in a stable order. */
    static List<String> indexes(DataSource database) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME,"
                        + " ORDINAL_POSITION FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_NAME IN"
                        + " ('CXM_EVENTS', 'CXM_EVENT_ATTRIBUTES') ORDER BY TABLE_NAME, INDEX_NAME, ORDINAL_POSITION")) {
            while (result.next()) {
                String index = result.getString(2);
                // Constraint indexes carry generated names; only the named secondary indexes are compared.
                if (index.startsWith("CXM_")) {
                    indexes.add(result.getString(1) + "." + index + "." + result.getString(3));
                }
            }
        }
        return indexes;
    }

    /** The indexes without those a finished load leaves to build when first needed (customer, touchpoint, entries). */
    static List<String> withoutDeferred(List<String> indexes) {
        return indexes.stream().filter(index -> !index.contains("_EVENTS_CUSTOMER.")
                && !index.contains("_EVENTS_TOUCHPOINT.") && !index.contains("_EVENT_ATTRIBUTES_ENTRY.")).toList();
    }

    private static List<CustomerEvent> scan(JdbcEventStore store) {
        try (Stream<CustomerEvent> all = store.scan()) {
            return all.toList();
        }
    }

    private static List<CustomerTimeline> timelines(JdbcEventStore store) {
        try (Stream<CustomerTimeline> all = store.timelines(EventQuery.all())) {
            return all.toList();
        }
    }

    @Test
    void aLoadStoresWhatTheSameAppendsStoreRowForRow() throws SQLException {
        // Oracle: the ordinary appends into a second empty store. 1,000 distinct events are offered with 11
        // repeats (10 of the first part in the second, one within the second): 1,000 stored, 11 duplicates,
        // by both paths; rows, scans, timelines and (H2) the indexes' definitions are equal.
        DataSource loadedDatabase = newDatabase();
        DataSource appendedDatabase = newDatabase();
        JdbcStores loadedStores = JdbcStores.builder(loadedDatabase).batchSize(128).build();
        JdbcStores appendedStores = JdbcStores.builder(appendedDatabase).batchSize(128).build();
        List<String> freshIndexes = h2() ? indexes(loadedDatabase) : List.of();

        AppendResult loaded = load(loadedStores.eventStore(), parts());
        AppendResult appended = append(appendedStores.eventStore(), parts());

        assertThat(loaded).isEqualTo(new AppendResult(1000, 11)).isEqualTo(appended);
        assertThat(rows(loadedDatabase, h2())).hasSize(h2() ? 1334 : 1000).isEqualTo(rows(appendedDatabase, h2()));
        assertThat(scan(loadedStores.eventStore())).isEqualTo(scan(appendedStores.eventStore()));
        if (h2()) {
            // The load built the time index (2 columns) beside the unique event id's (1); a scan builds no other.
            assertThat(indexes(loadedDatabase)).isEqualTo(withoutDeferred(freshIndexes)).hasSize(3);
        }
        assertThat(timelines(loadedStores.eventStore())).isEqualTo(timelines(appendedStores.eventStore()));
        // The feedback counts are kept by the load's appends as by ordinary ones.
        assertThat(counts(loadedDatabase)).isNotEmpty().isEqualTo(counts(appendedDatabase));
        if (h2()) {
            // The migration's 4 secondary indexes (2 + 1 + 3 + 2 columns) and the unique event id's (1): the
            // timelines above needed the customer index, and built the three the load had left.
            assertThat(freshIndexes).hasSize(9);
            assertThat(indexes(loadedDatabase)).isEqualTo(freshIndexes);
        }
        // The store takes ordinary appends again, idempotent on what the load stored.
        assertThat(loadedStores.eventStore().appendAll(parts().get(0))).isEqualTo(new AppendResult(0, 400));
    }

    @Test
    void anErasureAfterALoadRemovesWhatItRemovesAfterAppends() throws SQLException {
        // Oracle: the same erasure on the appended store. Customer c5 is erased from both; their rows and only
        // theirs are gone, equally.
        DataSource loadedDatabase = newDatabase();
        DataSource appendedDatabase = newDatabase();
        JdbcStores loadedStores = JdbcStores.builder(loadedDatabase).build();
        JdbcStores appendedStores = JdbcStores.builder(appendedDatabase).build();
        load(loadedStores.eventStore(), parts());
        append(appendedStores.eventStore(), parts());
        long ofC5 = parts().stream().flatMap(List::stream).map(CustomerEvent::eventId).distinct()
                .filter(id -> event(Integer.parseInt(id.value().substring(1))).customerId().value().equals("c5"))
                .count();

        assertThat(loadedStores.erase(CustomerId.of("c5")).eventsRemoved()).isEqualTo(ofC5).isPositive();
        appendedStores.erase(CustomerId.of("c5"));

        assertThat(loadedStores.eventStore().count(EventQuery.forCustomer(CustomerId.of("c5")))).isZero();
        assertThat(loadedStores.eventStore().count()).isEqualTo(1000 - ofC5);
        assertThat(rows(loadedDatabase, h2())).isEqualTo(rows(appendedDatabase, h2()));
        assertThat(counts(loadedDatabase)).isEqualTo(counts(appendedDatabase));
    }

    @Test
    void aConnectionLostAtAnyStatementOfALoadLeavesTheStoreEmptyAndUsable() throws SQLException {
        // Oracle: the contract (on a failure the store is emptied again). The load of the three parts loses its
        // connection at its 1st, 2nd, ... statement until one runs through; after each loss the store holds no
        // event, (H2) has every index, takes a new load, and in the end holds what the appends would.
        FailingDataSource failing = new FailingDataSource(unpooledDatabase());
        JdbcStores stores = JdbcStores.builder(failing).batchSize(128).build();
        JdbcEventStore store = stores.eventStore();
        List<String> freshIndexes = h2() ? indexes(failing) : List.of();
        int failures = 0;
        for (int n = 1; ; n++) {
            failing.failAt(n);
            try {
                assertThat(load(store, parts())).isEqualTo(new AppendResult(1000, 11));
                break;
            } catch (JdbcStoreException lost) {
                failures++;
            }
            failing.failAt(0);
            assertThat(store.count()).as("after a loss at statement %d", n).isZero();
            assertThat(counts(failing)).as("feedback counts after a loss at statement %d", n).isEmpty();
            if (h2()) {
                assertThat(indexes(failing)).as("after a loss at statement %d", n).isEqualTo(freshIndexes);
            }
        }
        failing.failAt(0);
        assertThat(failures).as("statements of the load, each lost once").isGreaterThanOrEqualTo(10);
        assertThat(store.count()).isEqualTo(1000);
        DataSource appendedDatabase = newDatabase();
        append(JdbcStores.builder(appendedDatabase).batchSize(128).build().eventStore(), parts());
        assertThat(scan(store)).isEqualTo(scan(JdbcStores.builder(appendedDatabase).build().eventStore()));
    }

    @Test
    void aConflictingIdUndoesTheWholeLoad() {
        // Oracle: the contract. The second part offers e5 with other content than the first part stored: refused
        // with IllegalArgumentException, and the store is empty again (the first part too is gone); the load
        // takes no more appends.
        JdbcEventStore store = JdbcStores.builder(newDatabase()).build().eventStore();
        List<List<CustomerEvent>> parts = parts();
        CustomerEvent conflicting = TestEvents.withId(event(6), "e5");
        try (EventBulkLoad load = store.bulkLoad()) {
            load.appendAll(parts.get(0));
            assertThatThrownBy(() -> load.appendAll(List.of(event(400), conflicting)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e5");
            assertThat(store.count()).isZero();
            assertThatThrownBy(() -> load.appendAll(parts.get(2))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(load::finish).isInstanceOf(IllegalStateException.class);
        }
        assertThat(store.count()).isZero();
        assertThat(load(store, parts)).isEqualTo(new AppendResult(1000, 11));
    }

    @Test
    void aLoadGoesOnlyIntoAnEmptyStoreAndHoldsOffOtherAppends() {
        // Oracle: the contract. A store holding one event refuses a load; during a load the store's own appends
        // and a second load are refused; a load closed unfinished leaves the store empty, and appends work again.
        JdbcEventStore store = JdbcStores.builder(newDatabase()).build().eventStore();
        store.append(event(1));
        assertThatThrownBy(store::bulkLoad).isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
        store.erase(event(1).customerId());

        try (EventBulkLoad load = store.bulkLoad()) {
            load.appendAll(parts().get(0));
            assertThatThrownBy(() -> store.appendAll(List.of(event(999)))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(store::bulkLoad).isInstanceOf(IllegalStateException.class);
        }
        assertThat(store.count()).isZero();
        assertThat(store.appendAll(parts().get(0))).isEqualTo(new AppendResult(400, 0));
    }

    @Test
    void duringAndAfterALoadTheHistogramFromTheCountsEqualsTheScan() {
        // Oracle: the in-memory store holding the same events (its histogram is computed by a scan of the
        // responses), per touchpoint and overall, after the first part (the load running: its appends keep the
        // counts) and after the whole load.
        JdbcEventStore store = JdbcStores.builder(newDatabase()).build().eventStore();
        InMemoryEventStore memory = InMemoryEventStore.create();
        List<ScoreGrouping> groupings = List.of(ScoreGrouping.overall(), ScoreGrouping.by(GroupKeys.touchpoint()));
        try (EventBulkLoad load = store.bulkLoad()) {
            load.appendAll(parts().get(0));
            memory.appendAll(parts().get(0));
            for (ScoreGrouping grouping : groupings) {
                assertThat(sorted(store.feedbackHistogram(EventQuery.all(), grouping))).isNotEmpty()
                        .isEqualTo(sorted(memory.feedbackHistogram(EventQuery.all(), grouping)));
            }
            for (List<CustomerEvent> part : parts().subList(1, 3)) {
                load.appendAll(part);
                memory.appendAll(part);
            }
            load.finish();
        }
        for (ScoreGrouping grouping : groupings) {
            List<ScoreCount> expected = sorted(memory.feedbackHistogram(EventQuery.all(), grouping));
            assertThat(sorted(store.feedbackHistogram(EventQuery.all(), grouping))).isEqualTo(expected);
            assertThat(sorted(store.feedbackHistogram(EventQuery.all(), grouping, false))).isEqualTo(expected);
        }
    }

    private static List<ScoreCount> sorted(List<ScoreCount> cells) {
        List<ScoreCount> sorted = new ArrayList<>(cells);
        sorted.sort(ScoreCount.ORDER);
        return sorted;
    }
}
