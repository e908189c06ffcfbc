package dev.cxm.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.internal.store.columns.TimelineColumns;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.core.store.EventQuery;

/**
 * The in-memory store's timelines as columns ({@code timelineColumns}, the journey calculators' fast path)
 * against a brute force over a plain list of the events the test stored (append order, erased customers
 * removed): the query's time range (half-open) and types checked by hand, the events grouped by customer and
 * each customer's sorted stably by time. An event's entry in the columns must be its instant in microseconds
 * since the epoch (epoch second times 10^6 plus nanoseconds / 1000, worked out here) and a code whose sample
 * has the event's type and touchpoint, one code per distinct (type, touchpoint) pair. Customers may come in any
 * order, so both sides are compared as maps of customer to events.
 *
 * <p>The histories take the store's three ways to the columns: built anew (first read, events out of time
 * order, an erasure), extended (a few events later than their customers' latest), and kept (no write since
 * the last read); columns handed out earlier must still read as they did.
 */
class InMemoryEventStoreColumnsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<Touchpoint> TOUCHPOINTS = List.of(
            Touchpoint.of("ad", "Ad", Channel.WEB),
            Touchpoint.of("checkout", "Checkout", Channel.WEB).inStage("purchase"),
            Touchpoint.of("hotline", "Hotline", Channel.PHONE),
            Touchpoint.of("shop", "Shop", Channel.STORE));

    /** An event's column entry as the brute force sees it. */
    private record Entry(long micros, EventType type, Optional<Touchpoint> touchpoint) {}

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static Entry entryOf(CustomerEvent event) {
        return new Entry(micros(event.occurredAt()), event.eventType(), event.atTouchpoint());
    }

    /** The brute force: each criterion of a query of time and types, written out. */
    private static Map<CustomerId, List<Entry>> expected(EventQuery query, List<CustomerEvent> stored) {
        Map<CustomerId, List<CustomerEvent>> byCustomer = new HashMap<>();
        for (CustomerEvent event : stored) {
            boolean type = query.types().isEmpty() || query.types().contains(event.eventType());
            boolean from = query.from().map(f -> !event.occurredAt().isBefore(f)).orElse(true);
            boolean to = query.to().map(t -> event.occurredAt().isBefore(t)).orElse(true);
            if (type && from && to) {
                byCustomer.computeIfAbsent(event.customerId(), c -> new ArrayList<>()).add(event);
            }
        }
        Map<CustomerId, List<Entry>> expected = new HashMap<>();
        byCustomer.forEach((customer, events) -> expected.put(customer, events.stream()
                .sorted(Comparator.comparing(CustomerEvent::occurredAt)).map(InMemoryEventStoreColumnsTest::entryOf)
                .toList()));
        return expected;
    }

    /** Reads the columns back into the brute force's form, checking their shape and codes on the way. */
    private static Map<CustomerId, List<Entry>> read(TimelineColumns columns) {
        Map<CustomerId, List<Entry>> read = new HashMap<>();
        Map<Entry, Integer> codeOfPair = new HashMap<>();
        int[] offsets = columns.offsets();
        assertThat(offsets).hasSize(columns.customers() + 1);
        assertThat(offsets[0]).isZero();
        assertThat(columns.events()).isEqualTo(offsets[columns.customers()]);
        assertThat(columns.micros()).hasSize(columns.events());
        assertThat(columns.codes()).hasSize(columns.events());
        assertThat(columns.customerIds()).hasSize(columns.customers());
        for (int c = 0; c < columns.customers(); c++) {
            CustomerId customer = columns.customer(c);
            assertThat(columns.customerIds()[c]).isSameAs(customer);
            assertThat(columns.orderKey(c)).isEqualTo(TimelineColumns.orderKey(customer));
            assertThat(columns.orderKeys()[c]).isEqualTo(TimelineColumns.orderKey(customer));
            assertThat(offsets[c + 1]).as("customer %s has events", customer).isGreaterThan(offsets[c]);
            List<Entry> entries = new ArrayList<>();
            for (int i = offsets[c]; i < offsets[c + 1]; i++) {
                int code = columns.codes()[i];
                assertThat(code).isBetween(0, columns.codeCount() - 1);
                CustomerEvent sample = columns.sample(code);
                Entry entry = new Entry(columns.micros()[i], sample.eventType(), sample.atTouchpoint());
                Entry pair = new Entry(0, entry.type(), entry.touchpoint());
                assertThat(codeOfPair.computeIfAbsent(pair, p -> code)).as("the code of %s", pair).isEqualTo(code);
                entries.add(entry);
            }
            assertThat(read.put(customer, entries)).as("customer %s once", customer).isNull();
        }
        return read;
    }

    private static void assertColumns(InMemoryEventStore store, EventQuery query, List<CustomerEvent> stored) {
        Optional<TimelineColumns> columns = store.timelineColumns(query);
        assertThat(columns).as("%s", query).isPresent();
        assertThat(read(columns.get())).as("%s", query).isEqualTo(expected(query, stored));
    }

    private static CustomerEvent randomEvent(Random random, String id, String customer, Instant at) {
        Optional<Touchpoint> touchpoint = random.nextInt(5) == 0 ? Optional.empty()
                : Optional.of(TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size())));
        return switch (random.nextInt(3)) {
            case 0 -> Interaction.builder(CustomerId.of(customer), at, touchpoint.orElse(TOUCHPOINTS.get(0)))
                    .eventId(id).build();
            case 1 -> {
                Purchase.Builder purchase = Purchase.builder(CustomerId.of(customer), at, Money.of("1.00", "EUR"))
                        .eventId(id);
                touchpoint.ifPresent(purchase::touchpoint);
                yield purchase.build();
            }
            default -> {
                FeedbackResponse.Builder response = FeedbackResponse.builder(CustomerId.of(customer), at, "nps",
                        FeedbackScale.NPS, random.nextInt(11)).eventId(id);
                touchpoint.ifPresent(response::touchpoint);
                yield response.build();
            }
        };
    }

    /**
     * Nanoseconds of a bound past its second: none, a few microseconds (where the events lie, so that bounds fall
     * on their instants), or any number of microseconds.
     */
    private static long randomMicros(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> 1_000L * random.nextInt(3);
            default -> 1_000L * random.nextInt(1_000_000);
        };
    }

    /** A query of time and types: each bound present or not, at whole seconds or microseconds between. */
    private static EventQuery randomQuery(Random random) {
        EventQuery.Builder query = EventQuery.builder();
        if (random.nextBoolean()) {
            List<EventType> types = new ArrayList<>(EnumSet.allOf(EventType.class));
            Collections.shuffle(types, random);
            int count = 1 + random.nextInt(types.size());
            query.types(types.get(0), types.subList(1, count).toArray(EventType[]::new));
        }
        Instant from = START.plusSeconds(random.nextInt(60) - 5).plusNanos(randomMicros(random));
        Instant to = from.plusSeconds(random.nextInt(40)).plusNanos(randomMicros(random));
        switch (random.nextInt(4)) {
            case 0 -> query.from(from);
            case 1 -> query.to(to);
            case 2 -> query.between(from, to);
            default -> { }
        }
        return query.build();
    }

    @Test
    void columnsMatchABruteForceThroughBuildsExtensionsErasuresAndReadsWithoutWrites() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            InMemoryEventStore store = InMemoryEventStore.create();
            List<CustomerEvent> stored = new ArrayList<>();
            List<TimelineColumns> earlier = new ArrayList<>();
            List<Map<CustomerId, List<Entry>>> earlierRead = new ArrayList<>();
            int customers = 1 + random.nextInt(random.nextBoolean() ? 8 : 80);
            long latestMicros = 0;
            int nextId = 0;
            for (int step = 0; step < 8; step++) {
                int action = random.nextInt(10);
                List<CustomerEvent> batch = new ArrayList<>();
                if (action < 3 || stored.isEmpty()) {
                    // Any times: the columns are built anew when they come before a customer's latest.
                    for (int i = random.nextInt(60); i >= 0; i--) {
                        Instant at = START.plusSeconds(random.nextInt(50)).plusNanos(1_000L * random.nextInt(3));
                        batch.add(randomEvent(random, "e" + nextId++, "c" + random.nextInt(customers), at));
                    }
                } else if (action < 7) {
                    // A few events later than every stored one (some of new customers): the columns are extended.
                    for (int i = random.nextInt(4); i >= 0; i--) {
                        latestMicros += random.nextInt(3);
                        Instant at = START.plusSeconds(60 + latestMicros / 1_000_000).plusNanos(
                                1_000L * (latestMicros % 1_000_000));
                        String customer = random.nextInt(4) == 0 ? "n" + nextId : "c" + random.nextInt(customers);
                        batch.add(randomEvent(random, "e" + nextId++, customer, at));
                    }
                } else if (action < 8) {
                    // Events stored already: nothing changes, the columns are kept.
                    batch.add(stored.get(random.nextInt(stored.size())));
                } else {
                    CustomerId erased = stored.get(random.nextInt(stored.size())).customerId();
                    store.erase(erased);
                    stored.removeIf(event -> event.customerId().equals(erased));
                }
                for (CustomerEvent event : batch) {
                    if (stored.stream().noneMatch(s -> s.eventId().equals(event.eventId()))) {
                        stored.add(event);
                    }
                }
                store.appendAll(batch);
                if (random.nextBoolean()) {
                    assertColumns(store, EventQuery.all(), stored);
                }
                for (int q = 0; q < 3; q++) {
                    assertColumns(store, randomQuery(random), stored);
                }
                assertColumns(store, EventQuery.builder().to(Instant.MAX).build(), stored);
                TimelineColumns all = store.timelineColumns(EventQuery.all()).orElseThrow();
                assertThat(read(all)).isEqualTo(expected(EventQuery.all(), stored));
                // Without a write between, the columns are the ones kept, not built again.
                assertThat(store.timelineColumns(EventQuery.all())).containsSame(all);
                earlier.add(all);
                earlierRead.add(read(all));
            }
            // Columns handed out before later writes still read as they did.
            for (int i = 0; i < earlier.size(); i++) {
                assertThat(read(earlier.get(i))).isEqualTo(earlierRead.get(i));
            }
        });
    }

    @Test
    void manyCustomersAndTouchpointsAreLaidOutAndCodedLikeAFew() {
        // Oracle: the brute force above. 700 customers are walked in rounds of 256; 5,000 touchpoints (one per
        // interaction, a purchase or a response at every tenth) go past the 4,096 the code table keeps by
        // identity, after which codes are found by value.
        Random random = new Random(3);
        InMemoryEventStore store = InMemoryEventStore.create();
        List<CustomerEvent> stored = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Touchpoint touchpoint = Touchpoint.of("t" + i, "T" + i, Channel.WEB);
            CustomerId customer = CustomerId.of("c" + random.nextInt(700));
            Instant at = START.plusSeconds(random.nextInt(1_000));
            stored.add(i % 10 == 0
                    ? Purchase.builder(customer, at, Money.of("2.00", "EUR")).eventId("p" + i).touchpoint(touchpoint)
                            .build()
                    : Interaction.builder(customer, at, touchpoint).eventId("i" + i).build());
        }
        // In two appends, the second all later than the first, so that the columns of the first are extended.
        List<CustomerEvent> ordered = stored.stream().sorted(Comparator.comparing(CustomerEvent::occurredAt)).toList();
        store.appendAll(ordered.subList(0, 4_200));
        assertColumns(store, EventQuery.all(), ordered.subList(0, 4_200));
        store.appendAll(ordered.subList(4_200, 5_000));
        assertColumns(store, EventQuery.all(), stored);
        assertColumns(store, EventQuery.ofTypes(EventType.PURCHASE), stored);
        assertThat(store.timelineColumns(EventQuery.all()).orElseThrow().codeCount()).isEqualTo(5_000);
    }

    @Test
    void anInstantBeyondAMicrosecondLongOrAQueryOfMoreThanTimeAndTypesHasNoColumns() {
        // Oracle: the contract of ColumnarTimelines: empty when an instant lies beyond what a long of
        // microseconds holds (about 292,000 years from 1970), whether the columns are built or extended, and
        // for a query that names customers, a touchpoint or attributes.
        InMemoryEventStore store = InMemoryEventStore.create();
        CustomerEvent near = Interaction.builder(CustomerId.of("c1"), START, TOUCHPOINTS.get(0)).eventId("near")
                .build();
        store.append(near);
        assertColumns(store, EventQuery.all(), List.of(near));
        assertThat(store.timelineColumns(EventQuery.forCustomer(CustomerId.of("c1")))).isEmpty();
        assertThat(store.timelineColumns(EventQuery.builder().touchpoint(TouchpointId.of("ad")).build())).isEmpty();
        assertThat(store.timelineColumns(EventQuery.builder().attribute("k", "v").build())).isEmpty();

        store.append(Interaction.builder(CustomerId.of("c1"), Instant.parse("+300000-01-01T00:00:00Z"),
                TOUCHPOINTS.get(0)).eventId("far").build());
        assertThat(store.timelineColumns(EventQuery.all())).isEmpty();

        InMemoryEventStore past = InMemoryEventStore.create();
        past.append(Interaction.builder(CustomerId.of("c1"), Instant.parse("-300000-01-01T00:00:00Z"),
                TOUCHPOINTS.get(0)).eventId("past").build());
        assertThat(past.timelineColumns(EventQuery.all())).isEmpty();
        assertThat(past.timelineColumns(EventQuery.ofTypes(EventType.INTERACTION))).isEmpty();
    }

    @Test
    void columnsReadBeforeAnErasureAreNotServedOrExtendedAfterIt() {
        // Oracle: written out. An erasure changes no count of slots, so columns kept by that count alone would
        // still hold the erased customer, and so would columns extended by the events appended after it.
        CustomerEvent a1 = Interaction.builder(CustomerId.of("a"), START, TOUCHPOINTS.get(0)).eventId("a1").build();
        CustomerEvent b1 = Interaction.builder(CustomerId.of("b"), START.plusSeconds(1), TOUCHPOINTS.get(1))
                .eventId("b1").build();
        CustomerEvent b2 = Interaction.builder(CustomerId.of("b"), START.plusSeconds(2), TOUCHPOINTS.get(2))
                .eventId("b2").build();
        CustomerEvent a2 = Interaction.builder(CustomerId.of("a"), START.plusSeconds(3), TOUCHPOINTS.get(0))
                .eventId("a2").build();
        InMemoryEventStore store = InMemoryEventStore.create();
        store.appendAll(List.of(a1, b1));
        assertColumns(store, EventQuery.all(), List.of(a1, b1));

        store.erase(CustomerId.of("a"));
        assertColumns(store, EventQuery.all(), List.of(b1));

        store.append(a2);
        assertColumns(store, EventQuery.all(), List.of(b1, a2));
        store.erase(CustomerId.of("a"));
        store.append(b2);
        assertColumns(store, EventQuery.all(), List.of(b1, b2));
        assertThat(store.timelineColumns(EventQuery.all()).orElseThrow().customerIds())
                .containsExactly(CustomerId.of("b"));
    }
}
