package dev.cxm.test.store;

import static dev.cxm.test.store.TestEvents.CHECKOUT;
import static dev.cxm.test.store.TestEvents.HOTLINE;
import static dev.cxm.test.store.TestEvents.at;
import static dev.cxm.test.store.TestEvents.interaction;
import static dev.cxm.test.store.TestEvents.nps;
import static dev.cxm.test.store.TestEvents.purchase;
import static dev.cxm.test.store.TestEvents.withAttribute;
import static dev.cxm.test.store.TestEvents.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventPage;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.PageCursor;
import dev.cxm.core.store.ScoreCount;
import dev.cxm.core.store.ScoreGrouping;
import dev.cxm.core.store.TimeSpan;

/**
 * The contract of {@link EventStore}, as tests every backend must pass: extend this class, implement
 * {@link #createStore()}, and run it with the backend's tests. The tests are grouped in {@code @Nested}
 * sections (appending, reading back, ordering, queries, timelines, paging, counting, erasure, feedback
 * histograms, streams, concurrency), which JUnit runs for every subclass.
 *
 * <p>A backend whose streams hold connections, cursors or statements also overrides
 * {@link #openStreamResources()}, so that the kit can check that closing a stream releases them.
 *
 * <p>Expected values come from the contract itself (the Javadoc of {@link EventStore}) or from a brute-force
 * computation over the events the test appended: a filter written out criterion by criterion (not
 * {@link EventQuery#matches}), a stable sort by time of the append sequence, a grouping by customer id, a
 * minimum and maximum.
 */
public abstract class EventStoreCompatibilityKit {

    /** The store under test, new for each test. */
    protected EventStore store;

    /** Creates the kit; a subclass supplies the backend through {@link #createStore()}. */
    protected EventStoreCompatibilityKit() {}

    /**
     * Returns a new, empty store of the backend under test; called before each test, and more often by the
     * tests that compare stores.
     *
     * @return the store
     */
    protected abstract EventStore createStore();

    /**
     * Returns how many resources the store under test holds open for its streams right now: connections
     * borrowed from a pool, open cursors or statements. The kit reads it before streams are opened and after
     * they are closed and expects the same number; a backend whose streams hold nothing (as the in-memory
     * store) keeps this default of 0.
     *
     * @return the number of resources held for streams
     */
    protected long openStreamResources() {
        return 0;
    }

    @BeforeEach
    void newStore() {
        store = createStore();
    }

    // ---- shared helpers and oracles ----

    List<CustomerEvent> scan() {
        try (Stream<CustomerEvent> events = store.scan()) {
            return events.toList();
        }
    }

    List<CustomerEvent> query(EventQuery query) {
        try (Stream<CustomerEvent> events = store.query(query)) {
            return events.toList();
        }
    }

    List<CustomerTimeline> timelines(EventQuery query) {
        try (Stream<CustomerTimeline> timelines = store.timelines(query)) {
            return timelines.toList();
        }
    }

    /** Pages through {@code query} to its end, checking each page's size against {@code limit}. */
    List<CustomerEvent> pageThrough(EventQuery query, int limit) {
        return pageThrough(query, PageCursor.start(), limit);
    }

    /**
     * Pages through {@code query} from {@code from} to its end, checking each page's size against {@code limit}
     * (and failing, rather than paging for ever, when the store never says a page is the last).
     */
    List<CustomerEvent> pageThrough(EventQuery query, PageCursor from, int limit) {
        List<CustomerEvent> all = new ArrayList<>();
        PageCursor cursor = from;
        for (int pages = 0; pages < 100_000; pages++) {
            EventPage page = store.page(query, cursor, limit);
            if (page.next().isEmpty()) {
                assertThat(page.events()).as("the last page of %s", query).hasSizeLessThanOrEqualTo(limit);
                all.addAll(page.events());
                return all;
            }
            assertThat(page.events()).as("a page before the last of %s", query).hasSize(limit);
            all.addAll(page.events());
            // Through the token, as a host that keeps the cursor in a URL or a file would.
            cursor = PageCursor.of(page.next().get().token());
        }
        throw new AssertionError("paging " + query + " by " + limit + " did not end after 100,000 pages");
    }

    /** The contract's order, by brute force: the events in append order, sorted stably by time. */
    static List<CustomerEvent> inStoreOrder(List<CustomerEvent> appended) {
        return appended.stream().sorted(Comparator.comparing(CustomerEvent::occurredAt)).toList();
    }

    /** The query's events, by brute force: filter by hand, then the contract's order. */
    static List<CustomerEvent> bruteForce(EventQuery query, List<CustomerEvent> appended) {
        return inStoreOrder(appended.stream().filter(event -> bruteForceMatch(query, event)).toList());
    }

    /** Each criterion written out again, independently of {@link EventQuery#matches}. */
    static boolean bruteForceMatch(EventQuery query, CustomerEvent event) {
        boolean customer = query.customers().isEmpty() || query.customers().stream()
                .anyMatch(wanted -> wanted.value().equals(event.customerId().value()));
        boolean type = query.types().isEmpty() || query.types().contains(event.eventType());
        long nanos = epochNanos(event.occurredAt());
        boolean from = query.from().map(f -> nanos >= epochNanos(f)).orElse(true);
        boolean to = query.to().map(t -> nanos < epochNanos(t)).orElse(true);
        boolean touchpoint = query.touchpoint()
                .map(tp -> event.atTouchpoint().map(at -> at.id().equals(tp)).orElse(false)).orElse(true);
        boolean attributes = query.attributes().entrySet().stream()
                .allMatch(wanted -> wanted.getValue().equals(event.attributes().get(wanted.getKey())));
        return customer && type && from && to && touchpoint && attributes;
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** 60 events of four customers at 60 seconds in 0..299 (some shared), every type, two regions. */
    static List<CustomerEvent> mixedEvents() {
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long second = (i * 37L) % 300;
            String customer = "c" + (i % 4);
            CustomerEvent event = switch (i % 3) {
                case 0 -> nps("e" + i, customer, second, i % 11);
                case 1 -> purchase("e" + i, customer, second, i + ".00");
                default -> interaction("e" + i, customer, second, i % 2 == 0 ? CHECKOUT : HOTLINE);
            };
            events.add(i % 5 == 0 ? event : withAttribute(event, "region", i % 2 == 0 ? "north" : "south"));
        }
        return events;
    }

    /** The queries the brute-force tests try: every criterion alone and in combination. */
    static List<EventQuery> sampleQueries() {
        return List.of(
                EventQuery.all(),
                EventQuery.forCustomer(CustomerId.of("c2")),
                EventQuery.forCustomers(List.of(CustomerId.of("c1"), CustomerId.of("c3"))),
                EventQuery.forCustomers(List.of(CustomerId.of("c0"), CustomerId.of("nobody"))),
                EventQuery.ofTypes(EventType.FEEDBACK),
                EventQuery.ofTypes(EventType.PURCHASE, EventType.INTERACTION),
                EventQuery.builder().between(at(100), at(200)).build(),
                EventQuery.builder().from(at(150)).build(),
                EventQuery.builder().to(at(150)).build(),
                EventQuery.builder().touchpoint(TouchpointId.of("hotline")).build(),
                EventQuery.builder().attribute("region", "north").build(),
                EventQuery.builder().attribute("region", "south").types(EventType.PURCHASE).build(),
                EventQuery.builder().attribute("region", "west").build(),
                EventQuery.builder().customer(CustomerId.of("c1")).types(EventType.INTERACTION)
                        .between(at(0), at(250)).touchpoint(TouchpointId.of("checkout")).build(),
                EventQuery.builder().between(at(120), at(120)).build(),
                EventQuery.forCustomer(CustomerId.of("nobody")),
                EventQuery.builder().customers(List.of(CustomerId.of("c0"), CustomerId.of("c2")))
                        .attribute("region", "north").from(at(40)).build(),
                EventQuery.builder().types(EventType.FEEDBACK).customer(CustomerId.of("c3")).build());
    }

    /** A random query over {@link #mixedEvents()}: each criterion present or not, at random. */
    static EventQuery randomQuery(Random random) {
        EventQuery.Builder query = EventQuery.builder();
        if (random.nextInt(3) == 0) {
            List<CustomerId> customers = new ArrayList<>();
            customers.add(CustomerId.of("c" + random.nextInt(5)));
            while (random.nextBoolean()) {
                customers.add(CustomerId.of("c" + random.nextInt(5)));
            }
            query.customers(customers);
        }
        if (random.nextInt(3) == 0) {
            EventType[] types = EventType.values();
            query.types(types[random.nextInt(types.length)], random.nextBoolean()
                    ? new EventType[0] : new EventType[] {types[random.nextInt(types.length)]});
        }
        if (random.nextBoolean()) {
            int from = random.nextInt(320) - 10;
            query.from(at(from));
            if (random.nextBoolean()) {
                query.to(at(from + random.nextInt(200)));
            }
        } else if (random.nextInt(3) == 0) {
            query.to(at(random.nextInt(320)));
        }
        if (random.nextInt(4) == 0) {
            query.touchpoint(random.nextBoolean() ? HOTLINE.id() : CHECKOUT.id());
        }
        if (random.nextInt(4) == 0) {
            query.attribute("region", random.nextBoolean() ? "north" : "south");
        }
        return query.build();
    }

    // ---- the sections ----

    /** Appends are idempotent on the event id, atomic, and refuse a conflict or bad input without change. */
    @Nested
    class Appending {

        /** A null event or element is refused with a message naming it, and nothing of the batch is stored. */
        @Test
        void aNullEventOrElementIsRefusedNamingItAndNothingIsStored() {
            List<CustomerEvent> withNull = Arrays.asList(nps("n1", "c1", 1, 9), nps("n2", "c1", 2, 9), null);

            assertThatThrownBy(() -> store.appendAll(withNull)).isInstanceOf(NullPointerException.class)
                    .hasMessage("events: the element at position 2 (counting from 0) is null; every element must be"
                            + " present");
            assertThatThrownBy(() -> store.appendAll(null)).hasMessage("events must not be null");
            assertThatThrownBy(() -> store.append(null)).hasMessage("event must not be null");
            assertThat(store.count()).isZero();
        }

        @Test
        void appendingTheSameEventTwiceStoresItOnce() {
            CustomerEvent event = nps("n1", "c1", 10, 10);

            assertThat(store.append(event)).isEqualTo(new AppendResult(1, 0));
            assertThat(store.append(event)).isEqualTo(new AppendResult(0, 1));
            assertThat(store.count()).isEqualTo(1);
            assertThat(scan()).containsExactly(event);
        }

        @Test
        void duplicatesWithinOneBatchAreStoredOnce() {
            CustomerEvent event = nps("n1", "c1", 10, 10);
            CustomerEvent other = purchase("p1", "c1", 11, "2.00");

            assertThat(store.appendAll(List.of(event, other, event))).isEqualTo(new AppendResult(2, 1));
            assertThat(store.count()).isEqualTo(2);
        }

        @Test
        void duplicatesWithinABatchAfterEarlierAppendsAreStoredOnce() {
            // Oracle: counted by hand. The store holds events already, so the batch's new events do not start
            // at the beginning of the store: the repeat of a new event must be found among the batch's own.
            store.appendAll(List.of(nps("n1", "c1", 1, 1), nps("n2", "c2", 2, 2), nps("n3", "c1", 3, 3)));
            CustomerEvent first = purchase("p1", "c1", 10, "1.00");
            CustomerEvent second = nps("n4", "c3", 11, 4);

            assertThat(store.appendAll(List.of(first, second, nps("n2", "c2", 2, 2), second, first)))
                    .isEqualTo(new AppendResult(2, 3));
            assertThat(store.count()).isEqualTo(5);
            assertThat(store.get(EventId.of("p1"))).contains(first);
            assertThat(store.get(EventId.of("n4"))).contains(second);
            assertThatThrownBy(() -> store.appendAll(List.of(nps("n5", "c1", 12, 5), nps("n5", "c1", 12, 6))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n5");
            assertThat(store.count()).isEqualTo(5);
            assertThat(store.get(EventId.of("n5"))).isEmpty();
        }

        @Test
        void eventIdThatNamesADifferentEventIsRejectedAndNothingOfTheBatchIsStored() {
            store.append(nps("n1", "c1", 10, 10));
            List<CustomerEvent> batch = List.of(purchase("p1", "c2", 20, "3.00"), nps("n1", "c1", 10, 3));

            assertThatThrownBy(() -> store.appendAll(batch))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("n1");
            assertThat(store.count()).isEqualTo(1);
            assertThat(store.get(EventId.of("p1"))).isEmpty();
            assertThat(store.get(EventId.of("n1"))).contains(nps("n1", "c1", 10, 10));
            assertThat(store.append(purchase("p1", "c2", 20, "4.00")).appended()).isEqualTo(1);
        }

        @Test
        void eventIdRepeatedWithinABatchWithDifferentContentIsRejected() {
            List<CustomerEvent> batch = List.of(nps("n1", "c1", 10, 10), nps("n1", "c1", 10, 0));

            assertThatThrownBy(() -> store.appendAll(batch)).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.count()).isZero();
            assertThat(store.get(EventId.of("n1"))).isEmpty();
            // No trace of the refused batch is left to refuse or swallow a later append of the same id.
            assertThat(store.append(nps("n1", "c1", 10, 0)).appended()).isEqualTo(1);
            assertThat(store.get(EventId.of("n1"))).contains(nps("n1", "c1", 10, 0));
        }

        @Test
        void nullInABatchIsRejectedAndNothingIsStored() {
            List<CustomerEvent> batch = Arrays.asList(nps("n1", "c1", 10, 10), null);

            assertThatThrownBy(() -> store.appendAll(batch)).isInstanceOf(NullPointerException.class);
            assertThat(store.count()).isZero();
        }

        @Test
        void emptyBatchChangesNothing() {
            assertThat(store.appendAll(List.of())).isEqualTo(AppendResult.NONE);
            assertThat(store.count()).isZero();
        }
    }

    /** What goes in comes out equal: by id, by scan, to the microsecond. */
    @Nested
    class ReadingBack {

        @Test
        void appendedEventIsReadBackByIdUnchanged() {
            CustomerEvent event = purchase("p1", "c1", 10, "19.90");

            assertThat(store.append(event)).isEqualTo(new AppendResult(1, 0));
            assertThat(store.get(EventId.of("p1"))).contains(event);
            assertThat(store.get(EventId.of("absent"))).isEmpty();
            assertThat(store.count()).isEqualTo(1);
        }

        @Test
        void manyIdsAreLookedUpAtOnceAsOneByOne() {
            // Oracle: get(id) for each id, which the kit checks above.
            List<CustomerEvent> events = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                events.add(i % 3 == 0 ? purchase("m" + i, "c" + i % 7, i, "1.50") : nps("m" + i, "c" + i % 7, i, i % 11));
            }
            store.appendAll(events);
            List<EventId> ids = new ArrayList<>();
            for (int i = 0; i < 1500; i += 2) {
                ids.add(EventId.of("m" + i));
            }
            ids.add(EventId.of("m0"));
            Map<EventId, CustomerEvent> expected = new HashMap<>();
            for (EventId id : ids) {
                store.get(id).ifPresent(event -> expected.put(id, event));
            }

            assertThat(store.getAll(ids)).isEqualTo(expected).hasSize(600);
            assertThat(store.getAll(List.of())).isEmpty();
            assertThatThrownBy(() -> store.getAll(Arrays.asList(EventId.of("m0"), null)))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void newStoreIsEmpty() {
            assertThat(store.count()).isZero();
            assertThat(scan()).isEmpty();
            assertThat(store.eventsOf(CustomerId.of("c1"))).isEmpty();
            assertThat(timelines(EventQuery.all())).isEmpty();
            assertThat(store.span(EventQuery.all())).isEmpty();
            assertThat(store.count(EventQuery.all())).isZero();
            assertThat(store.page(EventQuery.all(), PageCursor.start(), 10))
                    .isEqualTo(new EventPage(List.of(), Optional.empty()));
        }

        @Test
        void storedEventsEqualTheAppendedOnesWhateverTheStoreShares() {
            CustomerEvent first = purchase("p1", "c1", 10, "1.00");
            CustomerEvent second = withId(first, "p2");
            store.appendAll(List.of(first, second));

            assertThat(store.get(EventId.of("p2"))).contains(second);
            assertThat(store.eventsOf(CustomerId.of("c1"))).containsExactly(first, second);
        }

        @Test
        void instantsReadBackExactlyToTheMicrosecond() {
            // Oracle: the instants written out by hand, in time order; fractions down to the microsecond,
            // before and after the epoch, far from today, and pairs an hour apart that read as the same local
            // time where daylight-saving time repeats an hour (Central Europe on 25 October 2026, New York on
            // 1 November 2026). A column of lower precision, or one that rounds or goes through a local time,
            // changes some of them.
            List<Instant> instants = List.of(
                    Instant.parse("1900-01-01T00:00:00.000001Z"),
                    Instant.parse("1969-12-31T23:59:59.999999Z"),
                    Instant.parse("1970-01-01T00:00:00Z"),
                    Instant.parse("2026-03-29T00:59:59.123456Z"),
                    Instant.parse("2026-10-25T00:30:00.654321Z"),
                    Instant.parse("2026-10-25T01:30:00.000999Z"),
                    Instant.parse("2026-11-01T05:30:00.500000Z"),
                    Instant.parse("2026-11-01T06:30:00.500001Z"),
                    Instant.parse("2199-12-31T23:59:59.999999Z"));
            List<CustomerEvent> events = new ArrayList<>();
            for (int i = 0; i < instants.size(); i++) {
                events.add(TestEvents.at(nps("t" + i, "c" + i % 2, 0, i), instants.get(i)));
            }
            store.appendAll(events);

            for (int i = 0; i < instants.size(); i++) {
                CustomerEvent read = store.get(EventId.of("t" + i)).orElseThrow();
                assertThat(read.occurredAt()).isEqualTo(instants.get(i));
                assertThat(read).isEqualTo(events.get(i));
            }
            assertThat(scan()).extracting(CustomerEvent::occurredAt).containsExactlyElementsOf(instants);
            assertThat(pageThrough(EventQuery.all(), 3)).isEqualTo(events);
            assertThat(timelines(EventQuery.all())).flatExtracting(CustomerTimeline::events)
                    .containsExactlyInAnyOrderElementsOf(events);
            assertThat(store.span(EventQuery.all()))
                    .contains(new TimeSpan(instants.get(0), instants.get(instants.size() - 1)));
        }

        @Test
        void anEventBuiltWithNanosecondsReadsBackAtTheMicrosecondBelow() {
            // Oracle: the model truncates to microseconds on construction (CustomerEvent.PRECISION), so the
            // event stored and read back holds .123456 for .123456789, and equals the event appended.
            CustomerEvent event = TestEvents.at(nps("n1", "c1", 0, 7), Instant.parse("2026-05-01T08:00:00.123456789Z"));
            store.append(event);

            CustomerEvent read = store.get(EventId.of("n1")).orElseThrow();
            assertThat(read.occurredAt()).isEqualTo(Instant.parse("2026-05-01T08:00:00.123456Z"));
            assertThat(read).isEqualTo(event);
            assertThat(store.append(read)).isEqualTo(new AppendResult(0, 1));
        }
    }

    /** Time order, ties in append order, whatever order the events were appended in. */
    @Nested
    class Ordering {

        @Test
        void scanReturnsEventsInTimeOrderWhateverTheAppendOrder() {
            CustomerEvent late = nps("n1", "c1", 300, 9);
            CustomerEvent early = interaction("i1", "c2", 100, HOTLINE);
            CustomerEvent middle = purchase("p1", "c1", 200, "5.00");
            store.append(late);
            store.append(early);
            store.append(middle);

            assertThat(scan()).containsExactly(early, middle, late);
        }

        @Test
        void eventsAtTheSameInstantKeepTheirAppendOrder() {
            CustomerEvent first = nps("n1", "c1", 50, 9);
            CustomerEvent second = purchase("p1", "c2", 50, "5.00");
            CustomerEvent third = interaction("i1", "c1", 50, CHECKOUT);
            CustomerEvent earlier = interaction("i0", "c3", 10, CHECKOUT);
            store.append(first);
            store.append(second);
            store.append(third);
            store.append(earlier);

            assertThat(scan()).containsExactly(earlier, first, second, third);
            assertThat(store.eventsOf(CustomerId.of("c1"))).containsExactly(first, third);
        }

        @Test
        void eventsOfACustomerComeInTimeOrder() {
            store.appendAll(List.of(nps("n1", "c1", 30, 7), purchase("p1", "c1", 10, "1.00"),
                    interaction("i1", "c2", 20, HOTLINE), interaction("i2", "c1", 20, HOTLINE)));

            assertThat(store.eventsOf(CustomerId.of("c1"))).extracting(e -> e.eventId().value())
                    .containsExactly("p1", "i2", "n1");
        }

        @Test
        void scanOrderDoesNotDependOnAppendOrder() {
            // Oracle: the same events appended in another order give the same scan (times are distinct, so the
            // order is fully determined by time).
            qt().withExamples(40).forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 60), longs().all())
                    .checkAssert((seconds, seed) -> {
                        List<CustomerEvent> events = distinctTimeEvents(seconds);
                        List<CustomerEvent> shuffled = new ArrayList<>(events);
                        Collections.shuffle(shuffled, new Random(seed));
                        EventStore inOrder = createStore();
                        EventStore outOfOrder = createStore();
                        inOrder.appendAll(events);
                        shuffled.forEach(outOfOrder::append);
                        try (Stream<CustomerEvent> a = inOrder.scan(); Stream<CustomerEvent> b = outOfOrder.scan()) {
                            assertThat(b.toList()).isEqualTo(a.toList());
                        }
                    });
        }

        private static List<CustomerEvent> distinctTimeEvents(List<Integer> seconds) {
            return seconds.stream().distinct().sorted().map(second -> (CustomerEvent) switch (second % 3) {
                case 0 -> nps("e" + second, "c" + second % 7, second, second % 11);
                case 1 -> purchase("e" + second, "c" + second % 7, second, second % 100 + ".50");
                default -> interaction("e" + second, "c" + second % 7, second, second % 2 == 0 ? CHECKOUT : HOTLINE);
            }).toList();
        }

        @Test
        void tiesKeepTheirAppendOrderOverALargeScan() {
            // Oracle: the append sequence sorted stably by time. 6,000 events of 40 customers fall on only 6
            // instants, appended in 60 batches whose instants go back and forth, so a store must keep the
            // order of thousands of ties (a database needs a sequence column: time alone does not order them).
            List<CustomerEvent> appended = new ArrayList<>();
            Random random = new Random(20260101);
            for (int batch = 0; batch < 60; batch++) {
                List<CustomerEvent> events = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    int n = batch * 100 + i;
                    String customer = "c" + random.nextInt(40);
                    long second = 10L * random.nextInt(6);
                    events.add(switch (n % 3) {
                        case 0 -> nps("t" + n, customer, second, n % 11);
                        case 1 -> purchase("t" + n, customer, second, "1.00");
                        default -> interaction("t" + n, customer, second, HOTLINE);
                    });
                }
                store.appendAll(events);
                appended.addAll(events);
            }

            assertThat(scan()).isEqualTo(inStoreOrder(appended));
            EventQuery feedback = EventQuery.ofTypes(EventType.FEEDBACK);
            assertThat(query(feedback)).isEqualTo(bruteForce(feedback, appended));
            try (Stream<FeedbackResponse> typed = store.query(EventQuery.all(), FeedbackResponse.class)) {
                assertThat(typed.map(CustomerEvent.class::cast).toList()).isEqualTo(bruteForce(feedback, appended));
            }
            EventQuery threeCustomers = EventQuery.forCustomers(
                    List.of(CustomerId.of("c7"), CustomerId.of("c3"), CustomerId.of("c21")));
            assertThat(query(threeCustomers)).isEqualTo(bruteForce(threeCustomers, appended));
            EventQuery mostCustomers = EventQuery.builder().customers(
                    appended.stream().map(CustomerEvent::customerId).filter(c -> !c.value().equals("c5")).toList())
                    .build();
            assertThat(query(mostCustomers)).isEqualTo(bruteForce(mostCustomers, appended));
            assertThat(store.eventsOf(CustomerId.of("c9"))).isEqualTo(bruteForce(EventQuery.forCustomer(CustomerId.of("c9")), appended));
            assertThat(pageThrough(EventQuery.all(), 250)).isEqualTo(inStoreOrder(appended));
            assertThat(timelines(EventQuery.all())).isEqualTo(bruteForceTimelines(EventQuery.all(), appended));
        }
    }

    /** Queries select what a brute-force filter selects, in the contract's order. */
    @Nested
    class Queries {

        @Test
        void queriesMatchABruteForceFilterOfTheEvents() {
            // Oracle: filter the appended events with the query's criteria by hand and sort them stably by
            // time, which is the order the contract promises.
            List<CustomerEvent> events = mixedEvents();
            store.appendAll(events);

            for (EventQuery query : sampleQueries()) {
                List<CustomerEvent> expected = bruteForce(query, events);
                assertThat(query(query)).as(query.toString()).isEqualTo(expected);
                assertThat(store.count(query)).as(query.toString()).isEqualTo(expected.size());
            }
        }

        @Test
        void randomQueriesMatchABruteForceFilterOfTheEvents() {
            // Oracle: as above, for 200 random combinations of customers, types, time range, touchpoint and
            // attribute.
            List<CustomerEvent> events = mixedEvents();
            store.appendAll(events);

            qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
                EventQuery query = randomQuery(new Random(seed));
                assertThat(query(query)).as(query.toString()).isEqualTo(bruteForce(query, events));
            });
        }

        @Test
        void boundsBelowAMicrosecondSelectWhatTheMicrosecondAboveSelects() {
            // Oracle: events are held at microseconds, so "at or after 10 s + 1 ns" is "at or after 10 s + 1 µs"
            // (the event at 10 s is out), and "before 10 s + 1 ns" keeps it. A database that rounds a bound
            // to its precision instead gets these wrong.
            CustomerEvent atTen = nps("n1", "c1", 10, 9);
            store.appendAll(List.of(nps("n0", "c1", 9, 9), atTen, nps("n2", "c1", 11, 9)));

            assertThat(query(EventQuery.builder().from(at(10).plusNanos(1)).build()))
                    .extracting(e -> e.eventId().value()).containsExactly("n2");
            assertThat(query(EventQuery.builder().to(at(10).plusNanos(1)).build()))
                    .extracting(e -> e.eventId().value()).containsExactly("n0", "n1");
            assertThat(query(EventQuery.builder().from(at(10).minusNanos(1)).to(at(10).plusNanos(999)).build()))
                    .containsExactly(atTen);
            assertThat(store.count(EventQuery.builder().from(at(10).plusNanos(1)).build())).isEqualTo(1);
        }

        @Test
        void typedQueryReturnsOnlyThatType() {
            store.appendAll(mixedEvents());

            try (Stream<FeedbackResponse> feedback = store.query(EventQuery.all(), FeedbackResponse.class)) {
                assertThat(feedback.toList()).hasSize(20).allMatch(f -> f.eventType() == EventType.FEEDBACK);
            }
        }

        @Test
        void typedQueriesMatchABruteForceFilter() {
            // A store may fuse filter, type check and cast (the in-memory one does); the oracle is the plain filter
            // over all events in time order.
            List<CustomerEvent> events = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                CustomerEvent event = switch (i % 3) {
                    case 0 -> nps("f" + i, "c" + i % 4, 59 - i, i % 11);
                    case 1 -> interaction("i" + i, "c" + i % 4, i, i % 2 == 0 ? CHECKOUT : HOTLINE);
                    default -> purchase("p" + i, "c" + i % 4, i, "9.99");
                };
                events.add(i % 4 == 0 ? withAttribute(event, "plan", "pro") : event);
            }
            store.appendAll(events);
            List<EventQuery> queries = List.of(EventQuery.all(), EventQuery.ofTypes(EventType.FEEDBACK),
                    EventQuery.ofTypes(EventType.INTERACTION, EventType.FEEDBACK),
                    EventQuery.builder().types(EventType.FEEDBACK).between(at(10), at(40)).build(),
                    EventQuery.builder().touchpoint(HOTLINE.id()).build(),
                    EventQuery.builder().customer(CustomerId.of("c1")).types(EventType.FEEDBACK).build(),
                    EventQuery.builder().attribute("plan", "pro").build(),
                    EventQuery.forCustomers(List.of(CustomerId.of("c0"), CustomerId.of("c2"))));

            for (EventQuery query : queries) {
                List<FeedbackResponse> expected = bruteForce(query, events).stream()
                        .filter(FeedbackResponse.class::isInstance).map(FeedbackResponse.class::cast).toList();
                try (Stream<FeedbackResponse> typed = store.query(query, FeedbackResponse.class)) {
                    assertThat(typed.toList()).as("%s", query).containsExactlyElementsOf(expected);
                }
            }
        }

        @Test
        void typedQueriesOfEveryTypeAndOfAnyEventMatchABruteForceFilter() {
            // Oracle: the brute-force filter of the events, then the type's instances; CustomerEvent admits every
            // event, so its typed query is the plain one.
            List<CustomerEvent> events = mixedEvents();
            store.appendAll(events);
            List<EventQuery> queries = new ArrayList<>(sampleQueries());
            Random random = new Random(17);
            for (int i = 0; i < 30; i++) {
                queries.add(randomQuery(random));
            }

            for (EventQuery query : queries) {
                List<CustomerEvent> matching = bruteForce(query, events);
                for (EventType type : EventType.values()) {
                    try (Stream<? extends CustomerEvent> typed = store.query(query, type.eventClass())) {
                        assertThat(typed.map(CustomerEvent.class::cast).toList()).as("%s of %s", type, query)
                                .isEqualTo(matching.stream().filter(type.eventClass()::isInstance).toList());
                    }
                }
                try (Stream<CustomerEvent> any = store.query(query, CustomerEvent.class)) {
                    assertThat(any.toList()).as("any event of %s", query).isEqualTo(matching);
                }
            }
        }

        @Test
        void typedQueriesRefuseANullTypeOrQueryAtTheCall() {
            assertThatThrownBy(() -> store.query(EventQuery.all(), null)).hasMessage("type must not be null");
            assertThatThrownBy(() -> store.query(null, FeedbackResponse.class)).hasMessage("query must not be null");
        }

        @Test
        void queryStreamIsASnapshotUnaffectedByLaterAppends() {
            store.append(nps("n1", "c1", 10, 9));

            try (Stream<CustomerEvent> events = store.scan()) {
                store.append(nps("n2", "c1", 5, 9));
                store.append(nps("n3", "c1", 20, 9));
                assertThat(events.map(e -> e.eventId().value()).toList()).containsExactly("n1");
            }
            assertThat(scan()).extracting(e -> e.eventId().value()).containsExactly("n2", "n1", "n3");
        }
    }

    /** Brute force: the query's events grouped by customer, customers by id, each group in store order. */
    static List<CustomerTimeline> bruteForceTimelines(EventQuery query, List<CustomerEvent> appended) {
        Map<String, List<CustomerEvent>> byCustomer = new TreeMap<>();
        for (CustomerEvent event : bruteForce(query, appended)) {
            byCustomer.computeIfAbsent(event.customerId().value(), c -> new ArrayList<>()).add(event);
        }
        return byCustomer.entrySet().stream()
                .map(entry -> new CustomerTimeline(CustomerId.of(entry.getKey()), entry.getValue())).toList();
    }

    /** One timeline per customer, customers in id order, each in the contract's order. */
    @Nested
    class Timelines {

        @Test
        void timelinesEqualABruteForceGroupingOfTheQuery() {
            // Oracle: the brute-force filter and stable sort, grouped by customer id in a TreeMap of the ids'
            // strings (String.compareTo order).
            List<CustomerEvent> events = mixedEvents();
            store.appendAll(events);

            for (EventQuery query : sampleQueries()) {
                assertThat(timelines(query)).as(query.toString()).isEqualTo(bruteForceTimelines(query, events));
            }
            qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
                EventQuery query = randomQuery(new Random(seed));
                assertThat(timelines(query)).as(query.toString()).isEqualTo(bruteForceTimelines(query, events));
            });
        }

        @Test
        void customersComeInTheStringOrderOfTheirIds() {
            // Oracle: String.compareTo orders by UTF-16 code unit: upper case before lower case, "a10" before
            // "a9", and "é" (U+00E9) after every ASCII letter. A database must use a binary collation to agree.
            List<String> ids = List.of("b", "é", "a9", "A", "a10", "Z");
            for (int i = 0; i < ids.size(); i++) {
                store.append(nps("n" + i, ids.get(i), 100 - i, 5));
            }

            assertThat(timelines(EventQuery.all())).extracting(timeline -> timeline.customer().value())
                    .containsExactly("A", "Z", "a10", "a9", "b", "é");
        }

        @Test
        void customersAndEventsWhoseIdsHaveEqualHashCodesAreKeptApart() {
            // Oracle: the brute-force grouping, order and lookup by id. "Aa" and "BB" have equal String hash
            // codes, and so have the four ids of two of them in a row ("AaAa", "AaBB", "BBAa", "BBBB"), so a store
            // that finds ids by their hash must still tell them apart by value. Event ids collide the same way.
            List<String> ids = new ArrayList<>(List.of("Aa", "BB"));
            for (String first : List.of("Aa", "BB")) {
                for (String second : List.of("Aa", "BB")) {
                    ids.add(first + second);
                }
            }
            List<CustomerEvent> events = new ArrayList<>();
            for (int i = 0; i < 3 * ids.size(); i++) {
                String id = ids.get(i % ids.size());
                String eventId = i < ids.size() ? id : id + "-" + i;
                events.add(i % 2 == 0 ? nps(eventId, id, 50 - i, i % 11) : purchase(eventId, id, 50 - i, "1.00"));
            }
            store.appendAll(events);

            assertThat(timelines(EventQuery.all())).isEqualTo(bruteForceTimelines(EventQuery.all(), events));
            for (String id : ids) {
                CustomerId customer = CustomerId.of(id);
                assertThat(store.eventsOf(customer)).as(id)
                        .isEqualTo(bruteForce(EventQuery.forCustomer(customer), events));
            }
            for (CustomerEvent event : events) {
                assertThat(store.get(event.eventId())).as("%s", event.eventId()).contains(event);
            }
        }

        @Test
        void aCustomerWithoutMatchingEventsHasNoTimeline() {
            store.appendAll(List.of(nps("n1", "c1", 10, 9), purchase("p1", "c2", 20, "3.00")));

            assertThat(timelines(EventQuery.ofTypes(EventType.PURCHASE)))
                    .containsExactly(new CustomerTimeline(CustomerId.of("c2"), List.of(purchase("p1", "c2", 20, "3.00"))));
            assertThat(timelines(EventQuery.forCustomer(CustomerId.of("c3")))).isEmpty();
        }
    }

    /** Pages concatenate to the query, and a cursor stays true while events are appended or erased. */
    @Nested
    class Paging {

        @Test
        void pagesConcatenateToTheWholeQuery() {
            // Oracle: the brute-force query; every page before the last is full.
            List<CustomerEvent> events = mixedEvents();
            store.appendAll(events);

            for (EventQuery query : sampleQueries()) {
                for (int limit : new int[] {1, 3, 7, 60, 1000}) {
                    assertThat(pageThrough(query, limit)).as("%s by %d", query, limit)
                            .isEqualTo(bruteForce(query, events));
                }
            }
        }

        @Test
        void aCursorMarksAPositionInTimeThatAnotherQueryResumesFrom() {
            // Oracle: the contract ("with another query a cursor still marks the same position in time") and the
            // brute-force query, cut after the instant of the cursor's last event: the events of mixedEvents() lie
            // at 60 distinct instants, so what follows that event is what is later than its instant. The queries
            // include time ranges that start after the cursor, before it and around it.
            List<CustomerEvent> events = mixedEvents();
            store.appendAll(events);
            EventPage first = store.page(EventQuery.all(), PageCursor.start(), 20);
            Instant last = first.events().get(19).occurredAt();
            List<EventQuery> queries = new ArrayList<>(sampleQueries());
            queries.add(EventQuery.builder().from(at(250)).build());
            queries.add(EventQuery.builder().from(at(280)).types(EventType.FEEDBACK, EventType.PURCHASE).build());
            queries.add(EventQuery.builder().between(at(0), at(90)).build());

            for (EventQuery other : queries) {
                List<CustomerEvent> after = bruteForce(other, events).stream()
                        .filter(event -> event.occurredAt().isAfter(last)).toList();
                EventPage whole = store.page(other, first.next().orElseThrow(), 1000);
                assertThat(whole.events()).as("%s after %s", other, last).isEqualTo(after);
                assertThat(whole.hasNext()).isFalse();
                List<CustomerEvent> byThree = pageThrough(other, first.next().orElseThrow(), 3);
                assertThat(byThree).as("%s after %s, by 3", other, last).isEqualTo(after);
            }
        }

        @Test
        void pagesEndingAmongTiesResumeAfterTheLastEventReturned() {
            // Oracle: the append order. 25 events at one instant, paged by 4: each page must continue inside
            // the group of ties exactly where the previous one stopped.
            List<CustomerEvent> events = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                events.add(nps("n" + i, "c" + i % 3, 42, i % 11));
            }
            store.appendAll(events.subList(0, 10));
            store.appendAll(events.subList(10, 25));

            assertThat(pageThrough(EventQuery.all(), 4)).isEqualTo(events);
            EventQuery twoCustomers = EventQuery.forCustomers(List.of(CustomerId.of("c0"), CustomerId.of("c2")));
            assertThat(pageThrough(twoCustomers, 4)).isEqualTo(bruteForce(twoCustomers, events));
        }

        @Test
        void appendsBetweenPagesAreReturnedWhenTheySortAfterTheCursorAndNothingIsReturnedTwice() {
            // Oracle: the contract. After each page three events are appended: one before the last instant
            // returned (never returned), one at that instant (ties sort in append order, so after the cursor:
            // returned), one later (returned). Every event stored at the start is returned exactly once.
            List<CustomerEvent> initial = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                initial.add(nps("n" + i, "c" + i % 5, 10L * (i / 3), i % 11));
            }
            store.appendAll(initial);
            List<CustomerEvent> returned = new ArrayList<>();
            Set<String> appendedBefore = new HashSet<>();
            Set<String> appendedAtOrAfter = new HashSet<>();
            PageCursor cursor = PageCursor.start();
            for (int page = 0; page < 1000; page++) {
                EventPage result = store.page(EventQuery.all(), cursor, 7);
                returned.addAll(result.events());
                if (result.next().isEmpty()) {
                    break;
                }
                cursor = result.next().get();
                long last = result.events().get(result.events().size() - 1).occurredAt().getEpochSecond()
                        - TestEvents.EPOCH.getEpochSecond();
                CustomerEvent before = purchase("before" + page, "c9", last - 1, "1.00");
                CustomerEvent tie = purchase("tie" + page, "c8", last, "2.00");
                CustomerEvent later = purchase("later" + page, "c7", last + 3, "3.00");
                store.appendAll(List.of(before, tie, later));
                appendedBefore.add(before.eventId().value());
                appendedAtOrAfter.add(tie.eventId().value());
                appendedAtOrAfter.add(later.eventId().value());
            }

            List<String> ids = returned.stream().map(e -> e.eventId().value()).toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ids).containsAll(initial.stream().map(e -> e.eventId().value()).toList());
            assertThat(ids).containsAll(appendedAtOrAfter).doesNotContainAnyElementsOf(appendedBefore);
            assertThat(returned).extracting(CustomerEvent::occurredAt).isSorted();
        }

        @Test
        void erasingTheCustomerOfTheLastEventReturnedSkipsOnlyTheirEvents() {
            // Oracle: the contract. Ten events at one instant of customers a, b, c in turn; the first page of
            // four ends with a's event "t3"; a is then erased. The rest of the paging holds exactly the events
            // of b and c not returned yet, in append order.
            List<CustomerEvent> events = new ArrayList<>();
            String[] customers = {"a", "b", "c"};
            for (int i = 0; i < 10; i++) {
                events.add(nps("t" + i, customers[i % 3], 42, 5));
            }
            events.add(nps("t10", "b", 43, 5));
            store.appendAll(events);

            EventPage first = store.page(EventQuery.all(), PageCursor.start(), 4);
            assertThat(first.events()).extracting(e -> e.eventId().value()).containsExactly("t0", "t1", "t2", "t3");
            store.erase(CustomerId.of("a"));
            List<CustomerEvent> rest = pageThrough(EventQuery.all(), first.next().orElseThrow(), 2);

            assertThat(rest).extracting(e -> e.eventId().value()).containsExactly("t4", "t5", "t7", "t8", "t10");
        }

        @Test
        void erasingTheCustomerOfTheLastEventAfterPagesThatResumedAmongTiesSkipsOnlyTheirEvents() {
            // Oracle: the contract (erasure between pages): later pages hold exactly the events of the other
            // customers not returned yet, in the query's order. Ten events at one instant of customers a, b, c
            // in turn and one later; after each number of pages of 2 or 3 that ends among the ties (so the page
            // before the erasure may have resumed inside the ties and lie wholly at their instant), the customer
            // of the last event returned is erased, alone.
            List<CustomerEvent> events = new ArrayList<>();
            String[] customers = {"a", "b", "c"};
            for (int i = 0; i < 10; i++) {
                events.add(nps("t" + i, customers[i % 3], 42, 5));
            }
            events.add(nps("t10", "b", 43, 5));
            for (int limit : new int[] {2, 3}) {
                for (int pages = 1; pages * limit <= 10; pages++) {
                    store = createStore();
                    store.appendAll(events);
                    List<CustomerEvent> returned = new ArrayList<>();
                    PageCursor cursor = PageCursor.start();
                    for (int p = 0; p < pages; p++) {
                        EventPage page = store.page(EventQuery.all(), cursor, limit);
                        returned.addAll(page.events());
                        cursor = page.next().orElseThrow();
                    }
                    CustomerId erased = returned.get(returned.size() - 1).customerId();
                    store.erase(erased);
                    List<CustomerEvent> rest = pageThrough(EventQuery.all(), cursor, limit);

                    List<CustomerEvent> expected = events.stream()
                            .filter(e -> !returned.contains(e) && !e.customerId().equals(erased)).toList();
                    assertThat(rest).as("%d pages of %d, then %s erased", pages, limit, erased)
                            .isEqualTo(expected);
                }
            }
        }

        @Test
        void aPageOfAnEmptyResultIsEmptyAndLast() {
            store.append(nps("n1", "c1", 10, 9));

            assertThat(store.page(EventQuery.ofTypes(EventType.PURCHASE), PageCursor.start(), 5))
                    .isEqualTo(new EventPage(List.of(), Optional.empty()));
        }

        @Test
        void aLimitBelowOneAndATokenThatIsNoCursorAreRefused() {
            store.append(nps("n1", "c1", 10, 9));

            assertThatThrownBy(() -> store.page(EventQuery.all(), PageCursor.start(), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
            assertThatThrownBy(() -> store.page(EventQuery.all(), PageCursor.of("not-a-cursor"), 5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not-a-cursor");
        }
    }

    /** Counts and spans answer what the query's events say, by brute force. */
    @Nested
    class Counting {

        @Test
        void countOfAQueryIsTheNumberOfItsEvents() {
            // Oracle: the size of the brute-force filter, for the sample and 200 random queries.
            List<CustomerEvent> events = mixedEvents();
            store.appendAll(events);

            for (EventQuery query : sampleQueries()) {
                assertThat(store.count(query)).as(query.toString()).isEqualTo(bruteForce(query, events).size());
            }
            qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
                EventQuery query = randomQuery(new Random(seed));
                assertThat(store.count(query)).as(query.toString()).isEqualTo(bruteForce(query, events).size());
            });
            assertThat(store.count()).isEqualTo(events.size());
        }

        @Test
        void spanIsTheEarliestAndLatestInstantOfTheQuery() {
            // Oracle: the minimum and maximum instant of the brute-force filter; empty when it is empty.
            List<CustomerEvent> events = mixedEvents();
            store.appendAll(events);

            List<EventQuery> queries = new ArrayList<>(sampleQueries());
            Random random = new Random(7);
            for (int i = 0; i < 200; i++) {
                queries.add(randomQuery(random));
            }
            for (EventQuery query : queries) {
                List<Instant> instants = events.stream().filter(event -> bruteForceMatch(query, event))
                        .map(CustomerEvent::occurredAt).toList();
                Optional<TimeSpan> expected = instants.isEmpty() ? Optional.empty() : Optional.of(new TimeSpan(
                        Collections.min(instants), Collections.max(instants)));
                assertThat(store.span(query)).as(query.toString()).isEqualTo(expected);
            }
        }
    }

    /** Erasure removes a customer's events, all of them and only them. */
    @Nested
    class Erasure {

        @Test
        void erasureRemovesEveryEventOfTheCustomerAndOnlyThose() {
            List<CustomerEvent> events = mixedEvents();
            store.appendAll(events);
            CustomerId erased = CustomerId.of("c1");
            long erasedCount = events.stream().filter(e -> e.customerId().equals(erased)).count();

            assertThat(store.erase(erased)).isEqualTo(erasedCount);

            List<CustomerEvent> remaining = events.stream().filter(e -> !e.customerId().equals(erased))
                    .sorted(Comparator.comparing(CustomerEvent::occurredAt)).toList();
            assertThat(scan()).isEqualTo(remaining);
            assertThat(store.eventsOf(erased)).isEmpty();
            assertThat(store.count()).isEqualTo(remaining.size());
            events.stream().filter(e -> e.customerId().equals(erased))
                    .forEach(e -> assertThat(store.get(e.eventId())).isEmpty());
            assertThat(query(EventQuery.ofTypes(EventType.FEEDBACK))).noneMatch(e -> e.customerId().equals(erased));
            assertThat(timelines(EventQuery.all())).noneMatch(timeline -> timeline.customer().equals(erased));
            assertThat(store.count(EventQuery.forCustomer(erased))).isZero();
        }

        @Test
        void erasingAnUnknownCustomerRemovesNothing() {
            store.append(nps("n1", "c1", 10, 9));

            assertThat(store.erase(CustomerId.of("c9"))).isZero();
            assertThat(store.count()).isEqualTo(1);
        }

        @Test
        void erasureIsIdempotentAndTheCustomerCanReturn() {
            store.append(nps("n1", "c1", 10, 9));

            assertThat(store.erase(CustomerId.of("c1"))).isEqualTo(1);
            assertThat(store.erase(CustomerId.of("c1"))).isZero();
            assertThat(store.append(nps("n1", "c1", 10, 3))).isEqualTo(new AppendResult(1, 0));
            assertThat(store.eventsOf(CustomerId.of("c1"))).containsExactly(nps("n1", "c1", 10, 3));
        }
    }

    /** Closing a stream releases what it held, however much of it was read. */
    @Nested
    class Streams {

        @Test
        void closedStreamsReleaseEverythingTheyHeld() {
            // Oracle: openStreamResources() before any stream is opened. 40 rounds open a stream of each kind,
            // read none, one or all of it, and close it; then the count must be back where it started.
            store.appendAll(mixedEvents());
            long baseline = openStreamResources();

            for (int round = 0; round < 40; round++) {
                int read = round % 3;
                List<Stream<?>> streams = List.of(
                        store.scan(),
                        store.query(EventQuery.ofTypes(EventType.PURCHASE)),
                        store.query(EventQuery.forCustomers(List.of(CustomerId.of("c1"), CustomerId.of("c2")))),
                        store.query(EventQuery.all(), FeedbackResponse.class),
                        store.query(EventQuery.builder().attribute("region", "north").build(), Purchase.class),
                        store.timelines(EventQuery.all()));
                for (Stream<?> stream : streams) {
                    try (stream) {
                        Iterator<?> iterator = stream.iterator();
                        if (read == 1 && iterator.hasNext()) {
                            iterator.next();
                        } else if (read == 2) {
                            iterator.forEachRemaining(element -> { });
                        }
                    }
                }
            }

            assertThat(openStreamResources()).isEqualTo(baseline);
        }

        @Test
        void methodsThatReturnNoStreamHoldNothingAfterwards() {
            // Oracle: openStreamResources() before the calls; methods that read through a stream of their own
            // (counts, spans, pages, a customer's events) must close it.
            store.appendAll(mixedEvents());
            long baseline = openStreamResources();

            for (int round = 0; round < 40; round++) {
                store.count(EventQuery.builder().touchpoint(HOTLINE.id()).build());
                store.span(EventQuery.forCustomer(CustomerId.of("c" + round % 4)));
                store.eventsOf(CustomerId.of("c" + round % 5));
                EventPage page = store.page(EventQuery.all(), PageCursor.start(), 5);
                store.page(EventQuery.all(), page.next().orElseThrow(), 5);
            }

            assertThat(openStreamResources()).isEqualTo(baseline);
        }
    }

    /** The feedback histogram: the counts a store computes itself equal the counts of its responses. */
    @Nested
    class FeedbackHistograms {

        /** A store that has only the abstract methods of the SPI: its histogram is the default, by scan. */
        private EventStore scanning(EventStore backend) {
            return new EventStore() {
                @Override
                public AppendResult appendAll(java.util.Collection<? extends CustomerEvent> events) {
                    return backend.appendAll(events);
                }

                @Override
                public Optional<CustomerEvent> get(EventId id) {
                    return backend.get(id);
                }

                @Override
                public Stream<CustomerEvent> query(EventQuery query) {
                    return backend.query(query);
                }

                @Override
                public long count() {
                    return backend.count();
                }

                @Override
                public long erase(CustomerId customer) {
                    return backend.erase(customer);
                }
            };
        }

        @Test
        void histogramsEqualABruteForceCountOfTheResponsesAndTheScanForEveryGrouping() {
            // Oracle: the responses the brute-force filter selects, counted by hand per group (GroupKey.groupOf),
            // calendar day (LocalDate.ofInstant in the zone), scale and score; and the SPI's default, which
            // reads the responses. Five random data sets (400 events over two years, instants at and around
            // local midnights and daylight-saving changes, three scales, touchpoints with and without stages,
            // attributes present and absent), each with 40 random queries and groupings, zones among them with
            // half-hour offsets and half-hour daylight saving (Lord Howe).
            qt().withExamples(5).forAll(longs().all()).checkAssert(seed -> {
                Random random = new Random(seed);
                EventStore backend = createStore();
                List<CustomerEvent> events = histogramEvents(random, 400);
                backend.appendAll(events);
                EventStore scan = scanning(backend);
                for (int i = 0; i < 40; i++) {
                    EventQuery query = i % 4 == 0 ? EventQuery.all() : randomHistogramQuery(random);
                    ScoreGrouping grouping = randomGrouping(random);
                    List<ScoreCount> expected = bruteForceHistogram(query, grouping, events);
                    assertThat(backend.feedbackHistogram(query, grouping)).as("%s by %s", query, grouping)
                            .isEqualTo(expected);
                    assertThat(scan.feedbackHistogram(query, grouping)).as("scan of %s by %s", query, grouping)
                            .isEqualTo(expected);
                }
            });
        }

        @Test
        void aHistogramOfNoResponsesIsEmptyAndOtherEventsAreNotCounted() {
            store.appendAll(List.of(purchase("p1", "c1", 10, "1.00"), interaction("i1", "c1", 20, HOTLINE)));

            assertThat(store.feedbackHistogram(EventQuery.all(), ScoreGrouping.by(GroupKeys.channel())
                    .perDay(java.time.ZoneOffset.UTC))).isEmpty();
            assertThatThrownBy(() -> store.feedbackHistogram(null, ScoreGrouping.overall()))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> store.feedbackHistogram(EventQuery.all(), null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    /** Events for histograms: feedback on three scales, with interactions and purchases among them. */
    static List<CustomerEvent> histogramEvents(Random random, int n) {
        Touchpoint app = Touchpoint.of("app", "Mobile app", Channel.MOBILE_APP).inStage("use");
        Touchpoint[] touchpoints = {HOTLINE, CHECKOUT, app};
        FeedbackScale[] scales = {FeedbackScale.NPS, FeedbackScale.CSAT, FeedbackScale.custom("stars", 1, 10)};
        String[] surveys = {"relationship", "transactional"};
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        // Around local midnights and daylight-saving changes in the zones the groupings use.
        long[] secondsOfDay = {0, 1, 1799, 1800, 3599, 3600, 5399, 7199, 7200, 10799, 37800, 41399, 45000, 48599,
            84599, 84600, 86399};
        List<CustomerEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant at = start.plusSeconds(86_400L * random.nextInt(730)
                    + (random.nextBoolean() ? secondsOfDay[random.nextInt(secondsOfDay.length)] : random.nextInt(86_400)))
                    .plusNanos(1000L * random.nextInt(1_000_000));
            String customer = "c" + random.nextInt(30);
            CustomerEvent event;
            int kind = random.nextInt(10);
            if (kind == 0) {
                event = Interaction.builder(CustomerId.of(customer), at, touchpoints[random.nextInt(3)])
                        .eventId("h" + i).outcome(random.nextBoolean() ? "resolved" : "abandoned").build();
            } else if (kind == 1) {
                event = Purchase.builder(CustomerId.of(customer), at, dev.cxm.core.model.Money.of("9.99", "EUR"))
                        .eventId("h" + i).build();
            } else {
                FeedbackScale scale = scales[random.nextInt(scales.length)];
                FeedbackResponse.Builder response = FeedbackResponse.builder(CustomerId.of(customer), at,
                        surveys[random.nextInt(2)], scale, scale.min() + random.nextInt(scale.points())).eventId("h" + i);
                if (random.nextInt(4) > 0) {
                    response.touchpoint(touchpoints[random.nextInt(3)]);
                }
                int plan = random.nextInt(3);
                if (plan > 0) {
                    response.attribute("plan", plan == 1 ? "pro" : "free");
                }
                event = response.build();
            }
            events.add(event);
        }
        return events;
    }

    private static EventQuery randomHistogramQuery(Random random) {
        EventQuery.Builder query = EventQuery.builder();
        if (random.nextInt(3) == 0) {
            query.customers(List.of(CustomerId.of("c" + random.nextInt(30)), CustomerId.of("c" + random.nextInt(30))));
        }
        if (random.nextInt(3) == 0) {
            query.types(EventType.FEEDBACK);
        } else if (random.nextInt(6) == 0) {
            query.types(EventType.PURCHASE);
        }
        if (random.nextInt(3) == 0) {
            Instant from = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(86_400L * random.nextInt(700));
            query.between(from, from.plusSeconds(86_400L * random.nextInt(200)));
        }
        if (random.nextInt(5) == 0) {
            query.touchpoint(random.nextBoolean() ? HOTLINE.id() : CHECKOUT.id());
        }
        if (random.nextInt(5) == 0) {
            query.attribute("plan", random.nextBoolean() ? "pro" : "free");
        }
        return query.build();
    }

    private static ScoreGrouping randomGrouping(Random random) {
        List<GroupKey> keys = List.of(GroupKeys.channel(), GroupKeys.touchpoint(), GroupKeys.touchpointName(),
                GroupKeys.stage(), GroupKeys.survey(), GroupKeys.outcome(), GroupKeys.eventType(),
                GroupKeys.attribute("plan"), GroupKeys.attribute("region"),
                GroupKey.of("customer-initial", event -> Optional.of(event.customerId().value().substring(0, 2))));
        List<String> zones = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
                "Pacific/Chatham", "America/St_Johns");
        ScoreGrouping grouping = random.nextInt(4) == 0 ? ScoreGrouping.overall()
                : ScoreGrouping.by(keys.get(random.nextInt(keys.size())));
        return random.nextBoolean() ? grouping.perDay(java.time.ZoneId.of(zones.get(random.nextInt(zones.size()))))
                : grouping;
    }

    /** The histogram by hand: the filtered responses counted per group, day, scale and score. */
    static List<ScoreCount> bruteForceHistogram(EventQuery query, ScoreGrouping grouping, List<CustomerEvent> events) {
        Map<List<Object>, Long> counts = new HashMap<>();
        for (CustomerEvent event : events) {
            if (event instanceof FeedbackResponse response && bruteForceMatch(query, event)) {
                List<Object> cell = Arrays.asList(grouping.key().map(key -> key.groupOf(response)),
                        grouping.dayZone().map(zone -> java.time.LocalDate.ofInstant(response.occurredAt(), zone)),
                        response.scale(), response.score());
                counts.merge(cell, 1L, Long::sum);
            }
        }
        List<ScoreCount> cells = new ArrayList<>();
        counts.forEach((cell, count) -> {
            @SuppressWarnings("unchecked")
            Optional<String> group = (Optional<String>) cell.get(0);
            @SuppressWarnings("unchecked")
            Optional<java.time.LocalDate> day = (Optional<java.time.LocalDate>) cell.get(1);
            cells.add(new ScoreCount(group, day, (FeedbackScale) cell.get(2), (Integer) cell.get(3), count));
        });
        cells.sort(ScoreCount.ORDER);
        return cells;
    }

    /** Writers and readers at once: every append whole, exactly once. */
    @Nested
    class Concurrency {

        @Test
        void concurrentAppendsAreAllStoredExactlyOnceAndReadersNeverSeeHalfABatch() throws Exception {
            // Oracle: 8 writers append 250 batches of 8 events each; every batch is also appended a second time
            // by the next writer, so the exact count is writers x batches x batchSize, and a reader that sees
            // any event of a batch must see all of it.
            int writers = 8;
            int batches = 250;
            int batchSize = 8;
            ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    writes.add(pool.submit(() -> {
                        start.await();
                        for (int b = 0; b < batches; b++) {
                            store.appendAll(batch(writer, b, batchSize));
                            store.appendAll(batch((writer + 1) % writers, b, batchSize));
                        }
                        return null;
                    }));
                }
                List<Future<Integer>> reads = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    reads.add(pool.submit(() -> {
                        start.await();
                        int checks = 0;
                        do {
                            assertWholeBatchesInTimeOrder(scan(), batchSize);
                            checks++;
                        } while (writing.get());
                        return checks;
                    }));
                }
                start.countDown();
                for (Future<?> write : writes) {
                    write.get(2, TimeUnit.MINUTES);
                }
                writing.set(false);
                for (Future<Integer> read : reads) {
                    assertThat(read.get(2, TimeUnit.MINUTES)).isPositive();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.count()).isEqualTo((long) writers * batches * batchSize);
            assertWholeBatchesInTimeOrder(scan(), batchSize);
        }

        private static List<CustomerEvent> batch(int writer, int batch, int size) {
            List<CustomerEvent> events = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                String id = "w" + writer + "-b" + batch + "-" + i;
                events.add(Interaction.builder(CustomerId.of("c" + writer), at((batch * 7L + i * 13L) % 1000), HOTLINE)
                        .eventId(id).attribute("batch", "w" + writer + "-b" + batch).build());
            }
            return events;
        }

        private static void assertWholeBatchesInTimeOrder(List<CustomerEvent> events, int batchSize) {
            Map<String, Integer> perBatch = new HashMap<>();
            for (int i = 0; i < events.size(); i++) {
                perBatch.merge(events.get(i).attributes().get("batch"), 1, Integer::sum);
                if (i > 0) {
                    assertThat(events.get(i).occurredAt()).isAfterOrEqualTo(events.get(i - 1).occurredAt());
                }
            }
            assertThat(perBatch.values()).allMatch(count -> count == batchSize);
        }
    }
}
