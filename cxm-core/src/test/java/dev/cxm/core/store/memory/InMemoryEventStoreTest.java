package dev.cxm.core.store.memory;

import static dev.cxm.core.store.kit.TestEvents.CHECKOUT;
import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static dev.cxm.core.store.kit.TestEvents.at;
import static dev.cxm.core.store.kit.TestEvents.interaction;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static dev.cxm.core.store.kit.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.kit.EventStoreCompatibilityKit;

/** Runs the compatibility kit on the in-memory store, plus what only this store promises: sharing. */
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
    void typedQueriesMatchABruteForceFilter() {
        // This store fuses filter, type check and cast into one stage; the oracle is the plain filter over all
        // events in time order.
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
}
