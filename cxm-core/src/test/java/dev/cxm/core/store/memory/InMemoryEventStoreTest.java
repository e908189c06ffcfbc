package dev.cxm.core.store.memory;

import static dev.cxm.core.store.kit.TestEvents.CHECKOUT;
import static dev.cxm.core.store.kit.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
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
}
