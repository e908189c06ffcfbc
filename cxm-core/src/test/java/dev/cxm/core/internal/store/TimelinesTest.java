package dev.cxm.core.internal.store;

import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;

/**
 * Timelines link each customer's events in time order, ties in slot order, whatever order the events come
 * in. Oracle: for each customer, the slots of their events sorted stably by time (a brute-force sort of the
 * appended events).
 */
class TimelinesTest {

    /** Instants clustered on a few values (many ties), with some beyond the span of a long of microseconds. */
    private static Instant randomInstant(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> Instant.parse("+200000000-01-01T00:00:00Z").plusSeconds(random.nextInt(3));
            case 1 -> Instant.parse("-200000000-01-01T00:00:00Z").plusSeconds(random.nextInt(3));
            default -> Instant.parse("2026-01-01T00:00:00Z").plusMillis(random.nextInt(12) * 250L);
        };
    }

    @Test
    void eachCustomersSlotsComeInTimeOrderWithTiesInSlotOrder() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Timelines timelines = new Timelines();
            List<CustomerEvent> events = new ArrayList<>();
            Map<String, Integer> numbers = new TreeMap<>();
            int count = 1 + random.nextInt(300);
            boolean inOrder = random.nextBoolean();
            List<Instant> instants = new ArrayList<>(IntStream.range(0, count).mapToObj(i -> randomInstant(random))
                    .toList());
            if (inOrder) {
                instants.sort(null);
            }
            for (int slot = 0; slot < count; slot++) {
                CustomerId customer = CustomerId.of("c" + random.nextInt(1 + count / 8));
                CustomerEvent event = Interaction.builder(customer, instants.get(slot), HOTLINE).eventId("e" + slot)
                        .build();
                events.add(event);
                int number = timelines.numberOf(customer);
                if (number < 0) {
                    numbers.put(customer.value(), timelines.add(customer, slot, event.occurredAt()));
                } else {
                    assertThat(number).isEqualTo(numbers.get(customer.value()));
                    timelines.link(number, slot, event.occurredAt(), events::get);
                }
            }
            for (Map.Entry<String, Integer> customer : numbers.entrySet()) {
                int[] expected = IntStream.range(0, count)
                        .filter(slot -> events.get(slot).customerId().value().equals(customer.getKey()))
                        .boxed().sorted(Comparator.comparing(slot -> events.get(slot).occurredAt()))
                        .mapToInt(Integer::intValue).toArray();
                assertThat(timelines.slotsOf(customer.getValue())).as("customer %s", customer.getKey())
                        .containsExactly(expected);
                assertThat(timelines.customer(customer.getValue()).value()).isEqualTo(customer.getKey());
                assertThat(timelines.eventsOf(CustomerId.of(customer.getKey()), events::get)).as("customer %s",
                        customer.getKey()).contains(IntStream.of(expected).mapToObj(events::get).toList());
            }
            assertThat(timelines.eventsOf(CustomerId.of("nobody"), events::get)).isEmpty();
            assertThat(timelines.customers()).extracting(CustomerId::value)
                    .containsExactlyInAnyOrderElementsOf(numbers.keySet());
            // Read side by side, in any order of customers, each timeline is its slots' events.
            List<Integer> shuffled = new ArrayList<>(numbers.values());
            java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
            int[] batch = shuffled.stream().mapToInt(Integer::intValue).toArray();
            CustomerEvent[][] read = timelines.eventsOf(batch, events::get);
            for (int c = 0; c < batch.length; c++) {
                assertThat(read[c]).containsExactly(IntStream.of(timelines.slotsOf(batch[c])).mapToObj(events::get)
                        .toArray(CustomerEvent[]::new));
            }
        });
    }

    @Test
    void aRemovedCustomerIsForgottenAndTheOthersKeepTheirTimelines() {
        // Oracle: written out; c1 holds slots 0 and 2, c2 slot 1.
        Timelines timelines = new Timelines();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<CustomerEvent> events = List.of(
                Interaction.builder(CustomerId.of("c1"), start.plusSeconds(5), HOTLINE).eventId("a").build(),
                Interaction.builder(CustomerId.of("c2"), start, HOTLINE).eventId("b").build(),
                Interaction.builder(CustomerId.of("c1"), start, HOTLINE).eventId("c").build());
        int c1 = timelines.add(CustomerId.of("c1"), 0, events.get(0).occurredAt());
        int c2 = timelines.add(CustomerId.of("c2"), 1, events.get(1).occurredAt());
        timelines.link(c1, 2, events.get(2).occurredAt(), events::get);

        timelines.remove(c1);

        assertThat(timelines.numberOf(CustomerId.of("c1"))).isEqualTo(-1);
        assertThat(timelines.numberOf(CustomerId.of("c2"))).isEqualTo(c2);
        assertThat(timelines.slotsOf(c2)).containsExactly(1);
        assertThat(timelines.customers()).containsExactly(CustomerId.of("c2"));
        assertThat(timelines.eventsOf(CustomerId.of("c1"), events::get)).isEmpty();
        int again = timelines.add(CustomerId.of("c1"), 3, start);
        assertThat(again).isNotEqualTo(c1);
        assertThat(timelines.slotsOf(again)).containsExactly(3);
    }

    @Test
    void timelinesSpanningSeveralChunksOfLinksComeInTimeOrder() {
        // Oracle: each customer's slots sorted stably by time. 40,000 slots fill more than two chunks of links.
        SplittableRandom random = new SplittableRandom(5);
        Timelines timelines = new Timelines();
        List<CustomerEvent> events = new ArrayList<>();
        for (int slot = 0; slot < 40_000; slot++) {
            CustomerId customer = CustomerId.of("c" + random.nextInt(50));
            Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(slot < 20_000 ? slot : random.nextInt(40_000));
            events.add(Interaction.builder(customer, at, HOTLINE).eventId("e" + slot).build());
            place(timelines, events, slot);
        }
        for (int c = 0; c < 50; c++) {
            String customer = "c" + c;
            int[] expected = IntStream.range(0, events.size())
                    .filter(slot -> events.get(slot).customerId().value().equals(customer)).boxed()
                    .sorted(Comparator.comparing(slot -> events.get(slot).occurredAt())).mapToInt(Integer::intValue)
                    .toArray();
            assertThat(timelines.slotsOf(timelines.numberOf(CustomerId.of(customer)))).containsExactly(expected);
        }
    }

    /** Adds the event in {@code slot} to its customer's timeline, as the store does: a new customer or a link. */
    private static void place(Timelines timelines, List<CustomerEvent> events, int slot) {
        CustomerEvent event = events.get(slot);
        int number = timelines.numberOf(event.customerId());
        if (number < 0) {
            timelines.add(event.customerId(), slot, event.occurredAt());
        } else {
            timelines.link(number, slot, event.occurredAt(), events::get);
        }
    }

    private static final int BEFORE_BATCH = 10;

    @Test
    void roomMadeForABatchUpFrontHoldsItAndTheSlotsAfterIt() {
        // Oracle: each customer's slots in order (the events come in time order). The store makes room for a
        // whole batch before linking it; after 10 slots, a batch that fills the grown first chunk exactly (210
        // where 64 were, 16,384) or goes past it, then slots beyond the batch: every link must hold, the earlier
        // slots' too.
        for (int batch : new int[] {65, 86, 87, 200, 16_374, 16_375, 20_000}) {
            Timelines timelines = new Timelines();
            List<CustomerEvent> events = new ArrayList<>();
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            for (int slot = 0; slot < BEFORE_BATCH + batch + 300; slot++) {
                if (slot == BEFORE_BATCH) {
                    timelines.ensureSlots(BEFORE_BATCH + batch);
                }
                CustomerId customer = CustomerId.of("c" + slot % 7);
                Instant at = start.plusSeconds(slot);
                events.add(Interaction.builder(customer, at, HOTLINE).eventId("e" + slot).build());
                place(timelines, events, slot);
            }
            for (int c = 0; c < 7; c++) {
                int customer = c;
                int[] expected = IntStream.range(0, events.size()).filter(slot -> slot % 7 == customer).toArray();
                assertThat(timelines.slotsOf(timelines.numberOf(CustomerId.of("c" + c)))).as("batch %d, c%d", batch, c)
                        .containsExactly(expected);
            }
        }
    }
}
