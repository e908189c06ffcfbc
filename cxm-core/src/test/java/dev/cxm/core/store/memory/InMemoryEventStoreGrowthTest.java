package dev.cxm.core.store.memory;

import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static dev.cxm.core.store.kit.TestEvents.interaction;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static dev.cxm.core.store.kit.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.store.EventQuery;

/**
 * A store that holds some events and then takes a batch of a different size (far larger, about its own size,
 * or past the 16,384 entries of a full chunk) grows its arrays without losing what it held. Oracle: the
 * appended events themselves, as a plain list: found by id, scanned in a stable sort by time (all of them, and
 * each type's), each customer's in the same order.
 */
class InMemoryEventStoreGrowthTest {

    private static List<CustomerEvent> events(Random random, int first, int count, int customers) {
        List<CustomerEvent> events = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            String customer = "c" + random.nextInt(customers);
            int second = random.nextInt(1_000);
            events.add(switch (i % 3) {
                case 0 -> nps("e" + i, customer, second, i % 11);
                case 1 -> purchase("e" + i, customer, second, "1.00");
                default -> interaction("e" + i, customer, second, HOTLINE);
            });
        }
        return events;
    }

    private static void assertHolds(InMemoryEventStore store, List<CustomerEvent> appended, int customers,
            String as) {
        List<CustomerEvent> sorted = appended.stream().sorted(Comparator.comparing(CustomerEvent::occurredAt))
                .toList();
        assertThat(store.count()).as(as).isEqualTo(appended.size());
        try (Stream<CustomerEvent> scan = store.scan()) {
            assertThat(scan.toList()).as(as).isEqualTo(sorted);
        }
        // Each type on its own: the scan checks the type of every event, chunk after chunk.
        for (EventType type : EventType.values()) {
            try (Stream<CustomerEvent> ofType = store.query(EventQuery.ofTypes(type))) {
                assertThat(ofType.toList()).as("%s, %s", as, type)
                        .isEqualTo(sorted.stream().filter(event -> event.eventType() == type).toList());
            }
        }
        for (CustomerEvent event : appended) {
            assertThat(store.get(event.eventId())).as(as).contains(event);
        }
        for (int c = 0; c < customers; c++) {
            CustomerId customer = CustomerId.of("c" + c);
            assertThat(store.eventsOf(customer)).as("%s, %s", as, customer)
                    .isEqualTo(sorted.stream().filter(event -> event.customerId().equals(customer)).toList());
        }
    }

    @Test
    void aBatchOfAnySizeAfterEarlierEventsKeepsThemAll() {
        Random random = new Random(21);
        int[][] sizes = {{1, 200}, {10, 97}, {40, 60}, {64, 1}, {64, 65}, {96, 200}, {200, 3_000}, {10, 17_000}};
        for (int[] size : sizes) {
            int customers = Math.min(50, 1 + size[0] / 8);
            String as = size[0] + " events, then " + size[1];
            InMemoryEventStore store = InMemoryEventStore.create();
            List<CustomerEvent> first = events(random, 0, size[0], customers);
            store.appendAll(first);
            List<CustomerEvent> second = events(random, size[0], size[1], customers);
            store.appendAll(second);
            List<CustomerEvent> all = new ArrayList<>(first);
            all.addAll(second);
            assertHolds(store, all, customers, as);
        }
    }

    @Test
    void anErasureFromAStoreWhoseArraysAreFullKeepsTheOthers() {
        // A first batch of 96 or more events gives the arrays exactly its length, so the erasure reads a log
        // whose every slot is taken. Oracle: the appended list without the erased customer's events.
        Random random = new Random(23);
        for (int size : new int[] {64, 96, 100, 16_384}) {
            for (boolean inOrder : new boolean[] {true, false}) {
                List<CustomerEvent> all = new ArrayList<>(events(random, 0, size, 10));
                if (inOrder) {
                    all.sort(Comparator.comparing(CustomerEvent::occurredAt));
                }
                InMemoryEventStore store = InMemoryEventStore.create();
                store.appendAll(all);
                CustomerId erased = all.get(0).customerId();
                long held = all.stream().filter(event -> event.customerId().equals(erased)).count();

                assertThat(store.erase(erased)).isEqualTo(held);
                all.removeIf(event -> event.customerId().equals(erased));
                assertHolds(store, all, 10, size + " events, " + (inOrder ? "in order" : "out of order")
                        + ", one customer erased");
            }
        }
    }

    @Test
    void eventsInTimeOrderTakeTheSameGrowthAsTheOthers() {
        // In time order, the slots are the time-ordered log itself: the growth of one array serves both.
        Random random = new Random(22);
        for (int[] size : new int[][] {{10, 200}, {50, 17_000}}) {
            int customers = 1 + size[0] / 4;
            List<CustomerEvent> all = events(random, 0, size[0] + size[1], customers).stream()
                    .sorted(Comparator.comparing(CustomerEvent::occurredAt)).toList();
            InMemoryEventStore store = InMemoryEventStore.create();
            store.appendAll(all.subList(0, size[0]));
            store.appendAll(all.subList(size[0], all.size()));
            assertHolds(store, all, customers, size[0] + " in order, then " + size[1]);
            assertThat(store.count(EventQuery.builder().from(all.get(size[0]).occurredAt()).build()))
                    .isEqualTo(all.stream().filter(e -> !e.occurredAt().isBefore(all.get(size[0]).occurredAt()))
                            .count());
        }
    }
}
