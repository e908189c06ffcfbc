package dev.cxm.core.store.memory;

import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static dev.cxm.core.store.kit.TestEvents.interaction;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static dev.cxm.core.store.kit.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;

/**
 * The in-memory store reads timelines 64 customers at a time; at every count of customers around a batch's
 * size the stream must still hold each customer once. Oracle: a brute-force grouping of the appended events
 * by customer id in a {@code TreeMap} (the ids' {@code String} order), each customer's events filtered by the
 * query's types and sorted stably by time.
 */
class InMemoryEventStoreTimelinesTest {

    private static List<CustomerTimeline> bruteForce(List<CustomerEvent> appended, EventQuery query) {
        Map<String, List<CustomerEvent>> byCustomer = new TreeMap<>();
        for (CustomerEvent event : appended) {
            boolean customer = query.customers().isEmpty() || query.customers().contains(event.customerId());
            boolean type = query.types().isEmpty() || query.types().contains(event.eventType());
            if (customer && type) {
                byCustomer.computeIfAbsent(event.customerId().value(), c -> new ArrayList<>()).add(event);
            }
        }
        List<CustomerTimeline> timelines = new ArrayList<>();
        byCustomer.forEach((customer, events) -> timelines.add(new CustomerTimeline(CustomerId.of(customer),
                events.stream().sorted(Comparator.comparing(CustomerEvent::occurredAt)).toList())));
        return timelines;
    }

    private static List<CustomerTimeline> timelines(InMemoryEventStore store, EventQuery query) {
        try (Stream<CustomerTimeline> timelines = store.timelines(query)) {
            return timelines.toList();
        }
    }

    @Test
    void everyCountOfCustomersAroundTheBatchSizeReadsEachCustomerOnce() {
        Random random = new Random(9);
        for (int customers : new int[] {1, 2, 63, 64, 65, 127, 128, 129, 191, 192, 193}) {
            List<CustomerEvent> appended = new ArrayList<>();
            int id = 0;
            for (int c = 0; c < customers; c++) {
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    String customer = "c" + c;
                    String eventId = "e" + id++;
                    int second = random.nextInt(100);
                    appended.add(switch (random.nextInt(3)) {
                        case 0 -> nps(eventId, customer, second, random.nextInt(11));
                        case 1 -> purchase(eventId, customer, second, "1.00");
                        default -> interaction(eventId, customer, second, HOTLINE);
                    });
                }
            }
            Collections.shuffle(appended, random);
            InMemoryEventStore store = InMemoryEventStore.create();
            store.appendAll(appended);
            List<CustomerId> named = new ArrayList<>();
            for (int c = 0; c < customers; c += 2) {
                named.add(CustomerId.of("c" + c));
            }

            for (EventQuery query : List.of(EventQuery.all(), EventQuery.ofTypes(EventType.PURCHASE),
                    EventQuery.forCustomers(named))) {
                assertThat(timelines(store, query)).as("%d customers, %s", customers, query)
                        .isEqualTo(bruteForce(appended, query));
            }
        }
    }
}
