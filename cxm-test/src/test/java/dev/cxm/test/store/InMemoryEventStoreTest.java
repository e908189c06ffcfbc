package dev.cxm.test.store;

import static dev.cxm.test.store.TestEvents.CHECKOUT;
import static dev.cxm.test.store.TestEvents.interaction;
import static dev.cxm.test.store.TestEvents.nps;
import static dev.cxm.test.store.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
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
}
