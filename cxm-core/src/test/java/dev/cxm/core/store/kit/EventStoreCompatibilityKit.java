package dev.cxm.core.store.kit;

import static dev.cxm.core.store.kit.TestEvents.CHECKOUT;
import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static dev.cxm.core.store.kit.TestEvents.at;
import static dev.cxm.core.store.kit.TestEvents.interaction;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static dev.cxm.core.store.kit.TestEvents.purchase;
import static dev.cxm.core.store.kit.TestEvents.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;

/**
 * The contract of {@link EventStore}, as tests every backend must pass: extend this class, implement
 * {@link #createStore()}, and run it with the backend's tests.
 *
 * <p>Expected values come from the contract itself (the Javadoc of {@link EventStore}) or from a
 * brute-force filter and stable sort of the events the test appended.
 */
public abstract class EventStoreCompatibilityKit {

    /** The store under test, new for each test. */
    protected EventStore store;

    /** Returns a new, empty store of the backend under test. */
    protected abstract EventStore createStore();

    @BeforeEach
    void newStore() {
        store = createStore();
    }

    private List<CustomerEvent> scan() {
        try (Stream<CustomerEvent> events = store.scan()) {
            return events.toList();
        }
    }

    private List<CustomerEvent> query(EventQuery query) {
        try (Stream<CustomerEvent> events = store.query(query)) {
            return events.toList();
        }
    }

    // ---- reading back ----

    @Test
    void appendedEventIsReadBackByIdUnchanged() {
        CustomerEvent event = purchase("p1", "c1", 10, "19.90");

        assertThat(store.append(event)).isEqualTo(new AppendResult(1, 0));
        assertThat(store.get(EventId.of("p1"))).contains(event);
        assertThat(store.get(EventId.of("absent"))).isEmpty();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void newStoreIsEmpty() {
        assertThat(store.count()).isZero();
        assertThat(scan()).isEmpty();
        assertThat(store.eventsOf(CustomerId.of("c1"))).isEmpty();
    }

    // ---- ordering ----

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

    // ---- idempotency ----

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

    // ---- queries ----

    @Test
    void queriesMatchABruteForceFilterOfTheEvents() {
        // Oracle: filter the appended events with the query's criteria by hand and sort them stably by
        // time, which is the order the contract promises.
        List<CustomerEvent> events = mixedEvents();
        store.appendAll(events);
        List<EventQuery> queries = List.of(
                EventQuery.all(),
                EventQuery.forCustomer(CustomerId.of("c2")),
                EventQuery.ofTypes(EventType.FEEDBACK),
                EventQuery.ofTypes(EventType.PURCHASE, EventType.INTERACTION),
                EventQuery.builder().between(at(100), at(200)).build(),
                EventQuery.builder().from(at(150)).build(),
                EventQuery.builder().to(at(150)).build(),
                EventQuery.builder().touchpoint(TouchpointId.of("hotline")).build(),
                EventQuery.builder().customer(CustomerId.of("c1")).types(EventType.INTERACTION)
                        .between(at(0), at(250)).touchpoint(TouchpointId.of("checkout")).build(),
                EventQuery.builder().between(at(120), at(120)).build(),
                EventQuery.forCustomer(CustomerId.of("nobody")));
        for (EventQuery query : queries) {
            List<CustomerEvent> expected = events.stream()
                    .filter(event -> bruteForceMatch(query, event))
                    .sorted(Comparator.comparing(CustomerEvent::occurredAt))
                    .toList();
            assertThat(query(query)).as(query.toString()).isEqualTo(expected);
            assertThat(store.count(query)).as(query.toString()).isEqualTo(expected.size());
        }
    }

    private static boolean bruteForceMatch(EventQuery query, CustomerEvent event) {
        long second = event.occurredAt().getEpochSecond() - TestEvents.EPOCH.getEpochSecond();
        boolean customer = query.customer().map(c -> c.equals(event.customerId())).orElse(true);
        boolean type = query.types().isEmpty() || query.types().contains(event.eventType());
        boolean from = query.from().map(f -> second >= f.getEpochSecond() - TestEvents.EPOCH.getEpochSecond())
                .orElse(true);
        boolean to = query.to().map(t -> second < t.getEpochSecond() - TestEvents.EPOCH.getEpochSecond())
                .orElse(true);
        boolean touchpoint = query.touchpoint()
                .map(tp -> event.atTouchpoint().map(at -> at.id().equals(tp)).orElse(false)).orElse(true);
        return customer && type && from && to && touchpoint;
    }

    private static List<CustomerEvent> mixedEvents() {
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long second = (i * 37L) % 300;
            String customer = "c" + (i % 4);
            events.add(switch (i % 3) {
                case 0 -> nps("e" + i, customer, second, i % 11);
                case 1 -> purchase("e" + i, customer, second, i + ".00");
                default -> interaction("e" + i, customer, second, i % 2 == 0 ? CHECKOUT : HOTLINE);
            });
        }
        return events;
    }

    @Test
    void typedQueryReturnsOnlyThatType() {
        store.appendAll(mixedEvents());

        try (Stream<FeedbackResponse> feedback = store.query(EventQuery.all(), FeedbackResponse.class)) {
            assertThat(feedback.toList()).hasSize(20).allMatch(f -> f.eventType() == EventType.FEEDBACK);
        }
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

    // ---- erasure ----

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

    // ---- concurrency ----

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

    // ---- shared instances ----

    @Test
    void storedEventsEqualTheAppendedOnesWhateverTheStoreShares() {
        CustomerEvent first = purchase("p1", "c1", 10, "1.00");
        CustomerEvent second = withId(first, "p2");
        store.appendAll(List.of(first, second));

        assertThat(store.get(EventId.of("p2"))).contains(second);
        assertThat(store.eventsOf(CustomerId.of("c1"))).containsExactly(first, second);
    }

    @Test
    void typedQueriesMatchABruteForceFilter() {
        // A store may fuse filter, type check and cast (the in-memory one does); the oracle is the plain filter
        // over all events in time order.
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(switch (i % 3) {
                case 0 -> nps("f" + i, "c" + i % 4, 59 - i, i % 11);
                case 1 -> interaction("i" + i, "c" + i % 4, i, i % 2 == 0 ? CHECKOUT : HOTLINE);
                default -> purchase("p" + i, "c" + i % 4, i, "9.99");
            });
        }
        store.appendAll(events);
        List<EventQuery> queries = List.of(EventQuery.all(), EventQuery.ofTypes(EventType.FEEDBACK),
                EventQuery.ofTypes(EventType.INTERACTION, EventType.FEEDBACK),
                EventQuery.builder().types(EventType.FEEDBACK).between(at(10), at(40)).build(),
                EventQuery.builder().touchpoint(HOTLINE.id()).build(),
                EventQuery.builder().customer(CustomerId.of("c1")).types(EventType.FEEDBACK).build());

        for (EventQuery query : queries) {
            List<FeedbackResponse> expected;
            try (Stream<CustomerEvent> all = store.scan()) {
                expected = all.filter(query::matches).filter(FeedbackResponse.class::isInstance)
                        .map(FeedbackResponse.class::cast).toList();
            }
            try (Stream<FeedbackResponse> typed = store.query(query, FeedbackResponse.class)) {
                assertThat(typed.toList()).as("%s", query).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void typedQueriesRefuseANullTypeOrQueryAtTheCall() {
        assertThatThrownBy(() -> store.query(EventQuery.all(), null)).hasMessage("type must not be null");
        assertThatThrownBy(() -> store.query(null, FeedbackResponse.class)).hasMessage("query must not be null");
    }
}
