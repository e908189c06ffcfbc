package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Identity;
import dev.cxm.core.model.IdentityType;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.privacy.ErasureReport;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.ScoreCount;
import dev.cxm.core.store.ScoreGrouping;
import dev.cxm.jdbc.testing.FailingDataSource;
import dev.cxm.test.store.TestEvents;

/**
 * What the stores promise beyond the SPI's kit, on one database (subclasses name it): a connection lost at
 * any statement of an append leaves nothing of it, appends of overlapping batches from 8 threads lose and
 * duplicate nothing, and hostile text comes back verbatim.
 */
abstract class JdbcFaultTests {

    /** Returns what opens a new physical connection to a new, empty database each time it is called. */
    abstract FailingDataSource.ConnectionFactory unpooledDatabase();

    /** Returns a pooled data source of a new, empty database, for many threads. */
    abstract DataSource pooledDatabase();

    private static List<CustomerEvent> events(String prefix, int from, int to) {
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            CustomerEvent event = TestEvents.nps(prefix + i, "c" + i % 17, i % 500, i % 11);
            events.add(i % 3 == 0 ? TestEvents.withAttribute(event, "plan", "p" + i % 4) : event);
        }
        return events;
    }

    private static Set<String> storedIds(JdbcEventStore store) {
        try (Stream<CustomerEvent> all = store.scan()) {
            return new HashSet<>(all.map(event -> event.eventId().value()).toList());
        }
    }

    @Test
    void aConnectionLostAtAnyStatementOfAnAppendLeavesNothingOfItAndTheStoreUsable() {
        // Oracle: the contract (appendAll is all or nothing). 50 events are stored; then an append of 480
        // distinct events (30 of them already stored, 450 new, in batches of 100) loses its connection at its
        // 1st, 2nd, ... statement, until one runs through. After each loss the exception names the append
        // (size, first and last id) and, when the loss hit a statement batch, that batch: batch k of 5 holds
        // the events b(20 + 100 (k - 1)) to b(min(499, 19 + 100 k)), 100 of them (80 in the last), since the
        // 480 are offered in the order b20..b499. Every batch is named by some loss; the store holds exactly
        // the 50 after each, and the next append works.
        FailingDataSource failing = new FailingDataSource(unpooledDatabase());
        JdbcEventStore store = JdbcStores.builder(failing).batchSize(100).build().eventStore();
        List<CustomerEvent> kept = events("b", 0, 50);
        store.appendAll(kept);
        List<CustomerEvent> batch = new ArrayList<>(events("b", 20, 50));
        batch.addAll(events("b", 50, 500));
        Set<String> keptIds = storedIds(store);

        int failures = 0;
        Set<Integer> batchesNamed = new HashSet<>();
        Pattern namedBatch = Pattern.compile("in its batch (\\d+) of 5 \\((\\d+) events, first (b\\d+), last (b\\d+)\\)");
        for (int n = 1; ; n++) {
            failing.failAt(n);
            try {
                AppendResult result = store.appendAll(batch);
                assertThat(result).isEqualTo(new AppendResult(450, 30));
                break;
            } catch (JdbcStoreException lost) {
                failures++;
                assertThat(lost).hasMessageContaining("appending 480 events (first b20, last b499)")
                        .hasMessageContaining("none of them was stored").hasMessageContaining("connection");
                Matcher named = namedBatch.matcher(lost.getMessage());
                if (named.find()) {
                    int k = Integer.parseInt(named.group(1));
                    batchesNamed.add(k);
                    assertThat(named.group(2)).isEqualTo(k < 5 ? "100" : "80");
                    assertThat(named.group(3)).isEqualTo("b" + (20 + 100 * (k - 1)));
                    assertThat(named.group(4)).isEqualTo("b" + Math.min(499, 19 + 100 * k));
                }
            }
            failing.failAt(0);
            assertThat(storedIds(store)).as("after a loss at statement %d", n).isEqualTo(keptIds);
            assertThat(store.count()).isEqualTo(50);
        }
        failing.failAt(0);
        assertThat(failures).as("statements of the append, each lost once").isGreaterThanOrEqualTo(7);
        assertThat(batchesNamed).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(store.count()).isEqualTo(500);
        assertThat(store.get(EventId.of("b499"))).contains(batch.get(batch.size() - 1));
    }

    @Test
    void anErasureThatLosesItsConnectionErasesNothingAndTheNextErasesEverything() {
        // Oracle: the contract of JdbcStores.erase (one transaction). Customer c1 has 3 events and a profile
        // with a segment and an identity, c2 one event. An erasure of c1 that loses its connection at any of
        // its 6 statements (the lock of the appends, c1's responses, their rows of the feedback counts, the
        // counts' update, the events, then the customer with its parts) leaves all of it; the next erasure
        // removes exactly c1's 3 events and 1 profile, stamped with the configured clock, and the histogram
        // counts only c2's response (the counts lost c1's 2 exactly once).
        FailingDataSource failing = new FailingDataSource(unpooledDatabase());
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        JdbcStores stores = JdbcStores.builder(failing).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        CustomerId c1 = CustomerId.of("c1");
        stores.eventStore().appendAll(List.of(TestEvents.nps("n1", "c1", 1, 9), TestEvents.nps("n2", "c2", 2, 3),
                TestEvents.withAttribute(TestEvents.nps("n3", "c1", 3, 7), "plan", "gold"),
                TestEvents.purchase("p1", "c1", 4, "5.00")));
        Customer profile = Customer.builder(c1, TestEvents.at(0)).segment("vip").profile("tier", "gold")
                .identity(new Identity(IdentityType.DEVICE_ID, "device-1")).build();
        stores.customerStore().put(profile);

        int statements = 6;
        for (int n = 1; n <= statements; n++) {
            failing.failAt(n);
            assertThatThrownBy(() -> stores.erase(c1)).isInstanceOf(JdbcStoreException.class)
                    .hasMessageStartingWith("erasing customer c1 failed: the connection to the database failed");
            failing.failAt(0);
            assertThat(stores.eventStore().eventsOf(c1)).as("after a loss at statement %d", n).hasSize(3);
            assertThat(stores.customerStore().get(c1)).as("after a loss at statement %d", n).contains(profile);
        }
        failing.failAt(statements + 1);
        assertThat(stores.erase(c1)).isEqualTo(new ErasureReport(c1, 1, 3, Map.of(), now));
        assertThat(failing.executed()).as("the statements of an erasure, each lost once above").isEqualTo(statements);
        failing.failAt(0);
        assertThat(stores.eventStore().feedbackHistogram(EventQuery.all(), ScoreGrouping.overall()))
                .containsExactly(new ScoreCount(Optional.empty(), Optional.empty(), FeedbackScale.NPS, 3, 1));
        assertThat(stores.eventStore().eventsOf(c1)).isEmpty();
        assertThat(stores.customerStore().get(c1)).isEmpty();
        assertThat(stores.eventStore().count()).isEqualTo(1);
        assertThat(stores.erase(c1)).isEqualTo(new ErasureReport(c1, 0, 0, Map.of(), now));
    }

    @Test
    void eightThreadsAppendingOverlappingBatchesLoseNothingAndDuplicateNothing() throws Exception {
        // Oracle: set arithmetic. 8,000 distinct events; each of 8 threads appends 10 batches of 800 events,
        // batch k of thread t starting at (1,000 t + 400 k) mod 8,000, so every event is offered by several
        // threads at once. Each event must be stored exactly once: the appended counts add up to 8,000, the
        // appended and duplicate counts to the 64,000 offered, and the store holds each event, equal.
        JdbcEventStore store = JdbcStores.builder(pooledDatabase()).batchSize(250).build().eventStore();
        List<CustomerEvent> universe = events("u", 0, 8_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AppendResult>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    AppendResult total = AppendResult.NONE;
                    for (int k = 0; k < 10; k++) {
                        int start = (1_000 * thread + 400 * k) % 8_000;
                        List<CustomerEvent> batch = new ArrayList<>();
                        for (int i = 0; i < 800; i++) {
                            batch.add(universe.get((start + i) % 8_000));
                        }
                        total = total.plus(store.appendAll(batch));
                    }
                    return total;
                }));
            }
            AppendResult sum = AppendResult.NONE;
            for (Future<AppendResult> result : results) {
                sum = sum.plus(result.get(10, TimeUnit.MINUTES));
            }
            assertThat(sum.appended()).isEqualTo(8_000);
            assertThat(sum.appended() + sum.duplicates()).isEqualTo(8 * 10 * 800);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.count()).isEqualTo(8_000);
        try (Stream<CustomerEvent> all = store.scan()) {
            assertThat(all.toList()).containsExactlyInAnyOrderElementsOf(universe);
        }
    }

    /** Text a careless store would change or run: quotes, SQL, comments, control characters, placeholders. */
    static final List<String> HOSTILE = List.of(
            "it's", "\"quoted\"", "a;b", "-- comment", "/* c */", "'; DROP TABLE cxm_events; --",
            "x' OR '1'='1", "tab\there", "line\nbreak", "cr\rlf", "bell\u0007", "esc\u001b[31m", "del\u007f",
            "c1\u0085\u009f", "?", "$1", "$$ dollar $$", "%_like", "back\\slash", "{\"json\": [1]}", "null", "NULL",
            "é ü ß", "日本語", "emoji \uD83D\uDE00", " padded ");

    @Test
    void hostileTextInIdsAttributeKeysAndValuesComesBackVerbatim() {
        // Oracle: the text itself. Each hostile string is an event id, a customer id, an attribute key and an
        // attribute value; every read (by id, scan, customer, attribute, timeline, histogram) returns it as
        // it was, and erasing a hostile customer removes exactly their event.
        JdbcEventStore store = JdbcStores.builder(pooledDatabase()).build().eventStore();
        Touchpoint touchpoint = new Touchpoint(dev.cxm.core.model.TouchpointId.of("tp " + HOSTILE.get(5)),
                HOSTILE.get(6), Channel.CHAT, java.util.Optional.of(HOSTILE.get(9)));
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            String text = HOSTILE.get(i);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(text, text);
            attributes.put("k" + i, HOSTILE.get((i + 1) % HOSTILE.size()));
            events.add(new FeedbackResponse(EventId.of("id " + text), CustomerId.of("c " + text),
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "survey " + text, FeedbackScale.NPS, i % 11,
                    java.util.Optional.of("comment " + text), java.util.Optional.of(touchpoint), attributes));
        }
        store.appendAll(events);

        try (Stream<CustomerEvent> all = store.scan()) {
            assertThat(all.toList()).isEqualTo(events);
        }
        for (int i = 0; i < HOSTILE.size(); i++) {
            String text = HOSTILE.get(i);
            CustomerEvent event = events.get(i);
            assertThat(store.get(EventId.of("id " + text))).as(text).contains(event);
            assertThat(store.eventsOf(CustomerId.of("c " + text))).as(text).containsExactly(event);
            try (Stream<CustomerEvent> byAttribute = store.query(EventQuery.builder().attribute(text, text).build())) {
                assertThat(byAttribute.toList()).as(text).containsExactly(event);
            }
        }
        try (Stream<CustomerTimeline> timelines = store.timelines(EventQuery.all())) {
            assertThat(timelines.map(CustomerTimeline::customer).map(CustomerId::value).toList())
                    .isEqualTo(HOSTILE.stream().map(text -> "c " + text).sorted().toList());
        }
        List<ScoreCount> bySurvey = store.feedbackHistogram(EventQuery.all(), ScoreGrouping.by(GroupKeys.survey()));
        assertThat(bySurvey).extracting(cell -> cell.group().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(HOSTILE.stream().map(text -> "survey " + text).toList());
        List<ScoreCount> byAttribute = store.feedbackHistogram(EventQuery.all(),
                ScoreGrouping.by(GroupKeys.attribute(HOSTILE.get(5))));
        Map<String, Long> perGroup = new LinkedHashMap<>();
        byAttribute.forEach(cell -> perGroup.merge(cell.group().orElseThrow(), cell.count(), Long::sum));
        assertThat(perGroup).containsOnly(Map.entry(HOSTILE.get(5), 1L),
                Map.entry(GroupKeys.NO_VALUE, HOSTILE.size() - 1L));
        assertThat(store.erase(CustomerId.of("c " + HOSTILE.get(5)))).isEqualTo(1);
        assertThat(store.count()).isEqualTo(HOSTILE.size() - 1);
    }

    @Test
    void textADatabaseCannotHoldIsRefusedBeforeAnythingIsStored() {
        // Oracle: the store's rules (Storable). A NUL character (PostgreSQL's text cannot hold it), an unpaired
        // surrogate and an instant in the year 10000 are refused naming the field and the event, never the
        // value; the rest of the batch is not stored.
        JdbcEventStore store = JdbcStores.builder(pooledDatabase()).build().eventStore();
        CustomerEvent good = TestEvents.nps("good", "c1", 1, 9);

        assertThatThrownBy(() -> store.appendAll(List.of(good, TestEvents.withAttribute(TestEvents.nps("n", "c1", 2, 9),
                "plan", "a\u0000b")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attributes value").hasMessageContaining("NUL").hasMessageNotContaining("a\u0000b");
        assertThatThrownBy(() -> store.append(TestEvents.nps("s\uD800", "c1", 2, 9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> store.append(TestEvents.at(TestEvents.nps("late", "c1", 2, 9),
                Instant.parse("+10000-01-01T00:00:00Z")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("occurredAt").hasMessageContaining("late");
        assertThat(store.count()).isZero();
        assertThat(store.count(EventQuery.builder().attribute("plan", "a\u0000b").build())).isZero();
        assertThat(store.eventsOf(CustomerId.of("c\u00001"))).isEmpty();
    }
}
