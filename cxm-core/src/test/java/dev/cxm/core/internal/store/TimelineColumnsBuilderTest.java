package dev.cxm.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

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

/**
 * The columns builder's contract, on slots and timelines filled as the in-memory store fills them (each event
 * in the next slot, its customer numbered at their first event and linked in after). Oracle: a brute force
 * over the list of the events the test appended (erased customers removed): grouped by customer, each
 * customer's sorted stably by time, each event as its instant in microseconds since the epoch (epoch second
 * times 10^6 plus nanoseconds / 1000, worked out here), its type and its touchpoint; and the documented rules
 * of {@code extend}: it extends (is present) when every appended event is at or after the latest event of its
 * customer in the columns (ties included; new customers always), is empty when one is earlier or lies beyond a
 * {@code long} of microseconds, numbers on from the codes it was given (a pair keeps its code; a new pair
 * gets the next one) and leaves the columns it extends as they were. Touchpoints come as new instances equal
 * to earlier ones as often as shared ones, so the codes' table by identity and by value both decide.
 */
class TimelineColumnsBuilderTest {

    private static final Instant[] BASES = {
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:00Z"), Instant.parse("1900-06-01T00:00:00Z")
    };

    /** An event's entry in the columns as the brute force sees it. */
    private record Entry(long micros, EventType type, Optional<Touchpoint> touchpoint) {}

    /** A pair the codes number. */
    private record Pair(EventType type, Optional<Touchpoint> touchpoint) {}

    /** Slots and timelines as the store keeps them, and the plain list of their events for the brute force. */
    private static final class Parts {
        final EventLog slots = new EventLog();
        final Timelines timelines = new Timelines();
        final List<CustomerEvent> events = new ArrayList<>();
        final Map<String, CustomerId> ids = new HashMap<>();

        void append(CustomerEvent event) {
            int slot = slots.size();
            slots.append(event);
            events.add(event);
            long key = InstantKey.of(event);
            int number = timelines.numberOf(event.customerId());
            if (number < 0) {
                timelines.add(event.customerId(), slot, key);
            } else {
                timelines.link(number, slot, key, slots::get);
            }
        }

        void erase(CustomerId customer) {
            int number = timelines.numberOf(customer);
            for (int slot : timelines.slotsOf(number)) {
                slots.clear(slot);
            }
            timelines.remove(number);
            events.removeIf(event -> event.customerId().equals(customer));
        }

        /** The latest instant of each customer, by the brute force. */
        Map<CustomerId, Instant> latest() {
            Map<CustomerId, Instant> latest = new HashMap<>();
            for (CustomerEvent event : events) {
                latest.merge(event.customerId(), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
            return latest;
        }
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static Map<CustomerId, List<Entry>> expected(List<CustomerEvent> events) {
        Map<CustomerId, List<CustomerEvent>> byCustomer = new HashMap<>();
        for (CustomerEvent event : events) {
            byCustomer.computeIfAbsent(event.customerId(), c -> new ArrayList<>()).add(event);
        }
        Map<CustomerId, List<Entry>> expected = new HashMap<>();
        byCustomer.forEach((customer, list) -> expected.put(customer, list.stream()
                .sorted(Comparator.comparing(CustomerEvent::occurredAt))
                .map(e -> new Entry(micros(e.occurredAt()), e.eventType(), e.atTouchpoint())).toList()));
        return expected;
    }

    /** The columns read back as the brute force's map; checks their shape and that each pair has one code. */
    private static Map<CustomerId, List<Entry>> read(TimelineColumns columns, Map<Pair, Integer> codes) {
        Map<CustomerId, List<Entry>> read = new HashMap<>();
        int[] offsets = columns.offsets();
        assertThat(offsets).hasSize(columns.customers() + 1);
        assertThat(offsets[0]).isZero();
        assertThat(columns.events()).isEqualTo(columns.micros().length).isEqualTo(columns.codes().length);
        for (int c = 0; c < columns.customers(); c++) {
            assertThat(columns.orderKey(c)).isEqualTo(TimelineColumns.orderKey(columns.customer(c)));
            List<Entry> entries = new ArrayList<>();
            for (int i = offsets[c]; i < offsets[c + 1]; i++) {
                int code = columns.codes()[i];
                CustomerEvent sample = columns.sample(code);
                Pair pair = new Pair(sample.eventType(), sample.atTouchpoint());
                assertThat(codes.computeIfAbsent(pair, p -> code)).as("the code of %s", pair).isEqualTo(code);
                entries.add(new Entry(columns.micros()[i], sample.eventType(), sample.atTouchpoint()));
            }
            assertThat(read.put(columns.customer(c), entries)).as("%s once", columns.customer(c)).isNull();
        }
        return read;
    }

    private static Set<Pair> pairs(List<CustomerEvent> events) {
        Set<Pair> pairs = new HashSet<>();
        for (CustomerEvent event : events) {
            pairs.add(new Pair(event.eventType(), event.atTouchpoint()));
        }
        return pairs;
    }

    /** A touchpoint equal to number {@code t}: the shared instance or, as often, a new one. */
    private static Touchpoint touchpoint(SplittableRandom random, List<Touchpoint> shared, int t) {
        return random.nextBoolean() ? shared.get(t) : Touchpoint.of("t" + t, "Touchpoint " + t, Channel.WEB);
    }

    private static CustomerEvent event(SplittableRandom random, List<Touchpoint> shared, String id, CustomerId customer,
            Instant at) {
        int t = random.nextInt(shared.size());
        boolean withTouchpoint = random.nextInt(6) != 0;
        return switch (random.nextInt(3)) {
            case 0 -> Interaction.builder(customer, at, touchpoint(random, shared, t)).eventId(id).build();
            case 1 -> {
                Purchase.Builder purchase = Purchase.builder(customer, at, Money.of("1.00", "EUR")).eventId(id);
                if (withTouchpoint) {
                    purchase.touchpoint(touchpoint(random, shared, t));
                }
                yield purchase.build();
            }
            default -> {
                FeedbackResponse.Builder response = FeedbackResponse.builder(customer, at, "nps", FeedbackScale.NPS, 7)
                        .eventId(id);
                if (withTouchpoint) {
                    response.touchpoint(touchpoint(random, shared, t));
                }
                yield response.build();
            }
        };
    }

    private static CustomerId customer(Parts parts, String value) {
        return parts.ids.computeIfAbsent(value, CustomerId::of);
    }

    @Test
    void extendingByEventsAtOrAfterEachCustomersLatestGivesTheColumnsOfEveryEventAndKeepsTheCodes() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Instant base = BASES[random.nextInt(BASES.length)];
            int touchpointCount = 1 + random.nextInt(random.nextBoolean() ? 4 : 300);
            List<Touchpoint> shared = new ArrayList<>();
            for (int t = 0; t < touchpointCount; t++) {
                shared.add(Touchpoint.of("t" + t, "Touchpoint " + t, Channel.WEB));
            }
            int customers = 1 + random.nextInt(random.nextBoolean() ? 5 : 120);
            Parts parts = new Parts();
            int nextId = 0;
            // Any order at first; the builder reads the slots in append order and places them by the timelines.
            for (int i = random.nextInt(200); i >= 0; i--) {
                Instant at = base.plusSeconds(random.nextInt(30)).plusNanos(1_000L * random.nextInt(3));
                parts.append(event(random, shared, "e" + nextId++, customer(parts, "c" + random.nextInt(customers)), at));
            }
            if (random.nextInt(3) == 0) {
                parts.erase(parts.events.get(random.nextInt(parts.events.size())).customerId());
            }
            TimelineColumnsBuilder.Built built = TimelineColumnsBuilder.build(parts.slots, parts.timelines).orElseThrow();
            assertThat(built.slotCount()).isEqualTo(parts.slots.size());
            Map<Pair, Integer> codes = new HashMap<>();
            assertThat(read(built.columns(), codes)).isEqualTo(expected(parts.events));
            assertThat(built.columns().codeCount()).isEqualTo(pairs(parts.events).size());

            for (int round = 0; round < 4; round++) {
                TimelineColumns before = built.columns();
                Map<CustomerId, List<Entry>> beforeRead = read(before, new HashMap<>(codes));
                int beforeCodes = before.codeCount();
                Map<CustomerId, Instant> latest = parts.latest();
                Set<Pair> newPairs = new HashSet<>();
                Set<Pair> known = new HashSet<>(codes.keySet());
                for (int i = random.nextInt(1 + random.nextInt(40)); i >= 0; i--) {
                    // At or after the customer's latest (ties too); a new customer now and then.
                    String value = random.nextInt(4) == 0 ? "n" + nextId : "c" + random.nextInt(customers);
                    CustomerId customer = customer(parts, value);
                    Instant from = latest.getOrDefault(customer, base);
                    Instant at = from.plusNanos(1_000L * random.nextInt(3)).plusSeconds(random.nextInt(2));
                    latest.put(customer, at);
                    CustomerEvent event = event(random, shared, "e" + nextId++, customer, at);
                    Pair pair = new Pair(event.eventType(), event.atTouchpoint());
                    if (!known.contains(pair)) {
                        newPairs.add(pair);
                    }
                    parts.append(event);
                }
                Optional<TimelineColumnsBuilder.Built> extended = TimelineColumnsBuilder.extend(built, parts.slots,
                        parts.timelines);
                assertThat(extended).as("extended, round %d", round).isPresent();
                built = extended.get();
                assertThat(built.slotCount()).isEqualTo(parts.slots.size());
                // The pairs known keep their codes (the same map checks them), new ones follow on.
                assertThat(read(built.columns(), codes)).isEqualTo(expected(parts.events));
                assertThat(built.columns().codeCount()).isEqualTo(beforeCodes + newPairs.size());
                for (Pair pair : newPairs) {
                    assertThat(codes.get(pair)).isGreaterThanOrEqualTo(beforeCodes);
                }
                assertThat(read(before, new HashMap<>())).as("the columns extended, as they were")
                        .isEqualTo(beforeRead);
                assertThat(before.codeCount()).isEqualTo(beforeCodes);
            }
        });
    }

    @Test
    void anAppendedEventBeforeItsCustomersLatestOrBeyondALongOfMicrosecondsIsNotExtended() {
        // Oracle: extend's documented contract (empty, and the caller builds anew), written out per case.
        Touchpoint hotline = Touchpoint.of("hotline", "Hotline", Channel.PHONE);
        Instant t0 = BASES[0];
        Parts parts = new Parts();
        CustomerId a = CustomerId.of("a");
        CustomerId b = CustomerId.of("b");
        parts.append(Interaction.builder(a, t0.plusSeconds(5), hotline).eventId("a1").build());
        parts.append(Interaction.builder(b, t0.plusSeconds(9), hotline).eventId("b1").build());
        TimelineColumnsBuilder.Built built = TimelineColumnsBuilder.build(parts.slots, parts.timelines).orElseThrow();

        // Earlier than a's latest by a microsecond, though later than b's: not extended.
        parts.append(Interaction.builder(a, t0.plusSeconds(5).minusNanos(1_000), hotline).eventId("a0").build());
        assertThat(TimelineColumnsBuilder.extend(built, parts.slots, parts.timelines)).isEmpty();
        TimelineColumnsBuilder.Built rebuilt = TimelineColumnsBuilder.build(parts.slots, parts.timelines)
                .orElseThrow();
        assertThat(read(rebuilt.columns(), new HashMap<>())).isEqualTo(expected(parts.events));

        // Behind a later event of the same customer in the same batch: the later one is the latest by then.
        parts.append(Interaction.builder(b, t0.plusSeconds(20), hotline).eventId("b2").build());
        parts.append(Interaction.builder(b, t0.plusSeconds(19), hotline).eventId("b3").build());
        assertThat(TimelineColumnsBuilder.extend(rebuilt, parts.slots, parts.timelines)).isEmpty();

        // Beyond a long of microseconds, later than every event: not extended, and not built either.
        Parts far = new Parts();
        far.append(Interaction.builder(a, t0, hotline).eventId("a1").build());
        TimelineColumnsBuilder.Built near = TimelineColumnsBuilder.build(far.slots, far.timelines).orElseThrow();
        far.append(Interaction.builder(a, Instant.parse("+300000-01-01T00:00:00Z"), hotline).eventId("a2").build());
        assertThat(TimelineColumnsBuilder.extend(near, far.slots, far.timelines)).isEmpty();
        assertThat(TimelineColumnsBuilder.build(far.slots, far.timelines)).isEmpty();
    }
}
