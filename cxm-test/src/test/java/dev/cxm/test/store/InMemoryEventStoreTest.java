package dev.cxm.test.store;

import static dev.cxm.test.store.TestEvents.CHECKOUT;
import static dev.cxm.test.store.TestEvents.HOTLINE;
import static dev.cxm.test.store.TestEvents.interaction;
import static dev.cxm.test.store.TestEvents.nps;
import static dev.cxm.test.store.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.TimeSpan;
import dev.cxm.core.store.memory.InMemoryEventStore;

/** Runs the compatibility kit on the in-memory store, plus what only this store promises: sharing, its index paths. */
class InMemoryEventStoreTest extends EventStoreCompatibilityKit {

    @Override
    protected EventStore createStore() {
        return InMemoryEventStore.create();
    }

    @Test
    void equalCustomerIdsAndTouchpointsAreStoredAsOneInstance() {
        // Separate but equal instances, as a CSV import would create them row by row.
        store.appendAll(List.of(
                interaction("i1", "c1", 1, Touchpoint.of("checkout", "Checkout page", Channel.WEB).inStage("purchase")),
                interaction("i2", new String("c1"), 2, CHECKOUT)));

        Interaction first = (Interaction) store.get(EventId.of("i1")).orElseThrow();
        Interaction second = (Interaction) store.get(EventId.of("i2")).orElseThrow();
        assertThat(second.customerId()).isSameAs(first.customerId());
        assertThat(second.touchpoint()).isSameAs(first.touchpoint());
        assertThat(second.outcome()).isSameAs(first.outcome());
        List<CustomerEvent> ofCustomer = store.eventsOf(CustomerId.of("c1"));
        assertThat(ofCustomer).containsExactly(first, second);
    }

    @Test
    void aQueryOfAFewCustomersReadsTheirTimelinesAndOrdersTheirTiesByAppend() {
        // Oracle: the brute-force filter and stable sort. Customers a and b hold 6 of 206 events, so the store
        // reads their timelines rather than scanning (fewer than a quarter); their events at second 5 were
        // appended a, b, a, b across batches, which their separate timelines alone cannot order.
        List<CustomerEvent> appended = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            appended.add(nps("x" + i, "other" + i % 10, i % 20, i % 11));
        }
        appended.add(nps("a1", "a", 5, 1));
        appended.add(purchase("b1", "b", 5, "1.00"));
        appended.add(nps("a0", "a", 1, 0));
        appended.add(nps("a2", "a", 5, 2));
        appended.add(purchase("b2", "b", 5, "2.00"));
        appended.add(purchase("b3", "b", 9, "3.00"));
        store.appendAll(appended.subList(0, 202));
        store.appendAll(appended.subList(202, 206));
        EventQuery query = EventQuery.forCustomers(List.of(CustomerId.of("b"), CustomerId.of("a")));

        try (Stream<CustomerEvent> events = store.query(query)) {
            assertThat(events.map(e -> e.eventId().value()).toList())
                    .containsExactly("a0", "a1", "b1", "a2", "b2", "b3");
        }
        assertThat(query(query)).isEqualTo(bruteForce(query, appended));
        assertThat(pageThrough(query, 2)).isEqualTo(bruteForce(query, appended));
        assertThat(store.count(query)).isEqualTo(6);
    }

    @Test
    void randomHistoriesOfAppendsAndErasuresReadBackAsABruteForceModelAndOldSnapshotsStayAsTheyWere() {
        // Oracle: the model, a list of the stored events in append order, read by the kit's brute-force filter
        // and stable sort. The histories cover what this store does differently on the way: one event type and
        // then several (the type column starts), events in time order and then out of it (the time-ordered log
        // splits from the slots), erasures before and after that split, duplicates and conflicts. Streams
        // opened before each step must still read the store as it was.
        for (long seed = 0; seed < 60; seed++) {
            Random random = new Random(seed);
            InMemoryEventStore memory = InMemoryEventStore.create();
            List<CustomerEvent> model = new ArrayList<>();
            Map<String, CustomerEvent> byId = new LinkedHashMap<>();
            int nextId = 0;
            long clock = 0;
            boolean mixed = false;
            for (int step = 0; step < 25; step++) {
                List<CustomerEvent> before = List.copyOf(model);
                Stream<CustomerEvent> openScan = memory.scan();
                Stream<FeedbackResponse> openFeedback = memory.query(EventQuery.all(), FeedbackResponse.class);
                int action = random.nextInt(10);
                if (action < 7) {
                    mixed |= step > 4 && random.nextInt(3) == 0;
                    // A third of the histories stay in time order throughout, so that erasures meet the
                    // slots while they are the time-ordered log; the others leave time order at some step.
                    boolean inOrder = seed % 3 == 0 || step < 8 && random.nextInt(4) != 0;
                    List<CustomerEvent> batch = new ArrayList<>();
                    for (int i = random.nextInt(12); i > 0; i--) {
                        if (!byId.isEmpty() && random.nextInt(8) == 0) {
                            batch.add(List.copyOf(byId.values()).get(random.nextInt(byId.size())));
                            continue;
                        }
                        long second = inOrder ? clock + random.nextInt(2) : random.nextInt((int) clock + 5);
                        clock = Math.max(clock, second);
                        String customer = "c" + random.nextInt(6);
                        String id = "e" + nextId++;
                        batch.add(switch (mixed ? random.nextInt(3) : 0) {
                            case 0 -> nps(id, customer, second, random.nextInt(11));
                            case 1 -> purchase(id, customer, second, (1 + random.nextInt(9)) + ".00");
                            default -> interaction(id, customer, second, random.nextBoolean() ? CHECKOUT : HOTLINE);
                        });
                    }
                    if (!byId.isEmpty() && random.nextInt(10) == 0) {
                        CustomerEvent stored = List.copyOf(byId.values()).get(random.nextInt(byId.size()));
                        batch.add(random.nextInt(batch.size() + 1), nps(stored.eventId().value(), "other", 1, 1));
                        assertThatThrownByConflict(memory, batch);
                    } else {
                        for (CustomerEvent event : batch) {
                            if (byId.putIfAbsent(event.eventId().value(), event) == null) {
                                model.add(event);
                            }
                        }
                        memory.appendAll(batch);
                    }
                } else {
                    String customer = "c" + random.nextInt(7);
                    long held = model.stream().filter(e -> e.customerId().value().equals(customer)).count();
                    assertThat(memory.erase(CustomerId.of(customer))).isEqualTo(held);
                    model.removeIf(e -> e.customerId().value().equals(customer));
                    byId.values().removeIf(e -> e.customerId().value().equals(customer));
                }
                assertThat(openScan.toList()).as("seed %d step %d: a scan opened before", seed, step)
                        .isEqualTo(inStoreOrder(before));
                assertThat(openFeedback.toList()).as("seed %d step %d: a typed query opened before", seed, step)
                        .isEqualTo(inStoreOrder(before).stream().filter(FeedbackResponse.class::isInstance).toList());
                assertReadsAsTheModel(memory, model, random, "seed " + seed + " step " + step);
            }
        }
    }

    @Test
    void timelinesReadInBatchesOfCustomersEqualABruteForceGrouping() {
        // Oracle: the kit's brute-force filter, stable sort and grouping. The store reads timelines 64 customers
        // at a time, walking their links side by side: 300 customers of 1 to 12 events each (some timelines
        // longer than others in a batch), appended out of time order, a few erased, read sequentially and in
        // parallel.
        Random random = new Random(11);
        InMemoryEventStore memory = InMemoryEventStore.create();
        List<CustomerEvent> model = new ArrayList<>();
        int id = 0;
        for (int c = 0; c < 300; c++) {
            for (int i = 1 + random.nextInt(12); i > 0; i--) {
                String customer = "c" + c;
                String eventId = "e" + id++;
                model.add(switch (random.nextInt(3)) {
                    case 0 -> nps(eventId, customer, random.nextInt(500), random.nextInt(11));
                    case 1 -> purchase(eventId, customer, random.nextInt(500), "2.00");
                    default -> interaction(eventId, customer, random.nextInt(500), random.nextBoolean() ? CHECKOUT
                            : HOTLINE);
                });
            }
        }
        java.util.Collections.shuffle(model, random);
        memory.appendAll(model);
        for (int c = 0; c < 300; c += 37) {
            String erased = "c" + c;
            memory.erase(CustomerId.of(erased));
            model.removeIf(e -> e.customerId().value().equals(erased));
        }
        store = memory;
        List<EventQuery> queries = new ArrayList<>(List.of(EventQuery.all(), EventQuery.ofTypes(EventType.PURCHASE)));
        for (int i = 0; i < 20; i++) {
            queries.add(randomQuery(random));
        }
        for (EventQuery query : queries) {
            List<CustomerTimeline> expected = bruteForceTimelines(query, model);
            assertThat(timelines(query)).as(query.toString()).isEqualTo(expected);
            try (Stream<CustomerTimeline> parallel = memory.timelines(query).parallel()) {
                assertThat(parallel.toList()).as(query.toString()).isEqualTo(expected);
            }
        }
    }

    private static void assertThatThrownByConflict(InMemoryEventStore memory, List<CustomerEvent> batch) {
        long count = memory.count();
        try {
            memory.appendAll(batch);
            throw new AssertionError("a batch with a conflicting id was stored");
        } catch (IllegalArgumentException expected) {
            assertThat(memory.count()).isEqualTo(count);
        }
    }

    private void assertReadsAsTheModel(InMemoryEventStore memory, List<CustomerEvent> model, Random random,
            String step) {
        store = memory;
        assertThat(scan()).as(step).isEqualTo(inStoreOrder(model));
        assertThat(memory.count()).as(step).isEqualTo(model.size());
        for (CustomerEvent event : model) {
            assertThat(memory.get(event.eventId())).as(step).contains(event);
        }
        for (EventType type : EventType.values()) {
            EventQuery ofType = EventQuery.ofTypes(type);
            assertThat(memory.count(ofType)).as(step).isEqualTo(bruteForce(ofType, model).size());
            try (Stream<? extends CustomerEvent> typed = memory.query(EventQuery.all(), type.eventClass())) {
                assertThat(typed.map(CustomerEvent.class::cast).toList()).as(step)
                        .isEqualTo(bruteForce(ofType, model));
            }
        }
        for (int i = 0; i < 8; i++) {
            EventQuery query = randomQuery(random);
            List<CustomerEvent> expected = bruteForce(query, model);
            assertThat(query(query)).as("%s: %s", step, query).isEqualTo(expected);
            assertThat(memory.count(query)).as("%s: %s", step, query).isEqualTo(expected.size());
            assertThat(memory.span(query)).as("%s: %s", step, query).isEqualTo(expected.isEmpty() ? Optional.empty()
                    : Optional.of(new TimeSpan(expected.get(0).occurredAt(),
                            expected.get(expected.size() - 1).occurredAt())));
            assertThat(pageThrough(query, 1 + random.nextInt(5))).as("%s: %s", step, query).isEqualTo(expected);
        }
        for (int c = 0; c < 7; c++) {
            String customer = "c" + c;
            assertThat(memory.eventsOf(CustomerId.of(customer))).as(step).isEqualTo(
                    inStoreOrder(model.stream().filter(e -> e.customerId().value().equals(customer)).toList()));
        }
        assertThat(timelines(EventQuery.all()).stream().map(CustomerTimeline::customer).map(CustomerId::value)
                .toList()).as(step).isEqualTo(model.stream().map(e -> e.customerId().value()).distinct().sorted()
                        .toList());
    }

    @Test
    void eventsBeyondThePrimitiveTimeSpanKeepTheirOrderInTimelinesAndScans() {
        // Oracle: the brute-force stable sort by time. The store compares times as longs of microseconds, which
        // end about 292,000 years from 1970; these events are a hundred million years out, apart by seconds.
        Instant far = Instant.parse("+100000000-01-01T00:00:00Z");
        Instant past = Instant.parse("-100000000-01-01T00:00:00Z");
        List<CustomerEvent> appended = new ArrayList<>();
        long[] seconds = {5, 1, 3, 3, 0, 9, 2};
        for (int i = 0; i < seconds.length; i++) {
            Instant base = i % 2 == 0 ? far : past;
            appended.add(TestEvents.at(nps("f" + i, "c1", 0, i), base.plusSeconds(seconds[i])));
            appended.add(TestEvents.at(purchase("p" + i, "c2", 0, "1.00"), far.plusSeconds(seconds[i])));
        }
        for (CustomerEvent event : appended) {
            store.append(event);
        }

        List<CustomerEvent> sorted = appended.stream().sorted(Comparator.comparing(CustomerEvent::occurredAt)).toList();
        assertThat(scan()).isEqualTo(sorted);
        assertThat(store.eventsOf(CustomerId.of("c1")))
                .isEqualTo(sorted.stream().filter(e -> e.customerId().value().equals("c1")).toList());
        assertThat(store.eventsOf(CustomerId.of("c2"))).isEqualTo(sorted.stream().filter(Purchase.class::isInstance)
                .toList());
    }
}
