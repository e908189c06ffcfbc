package dev.cxm.core.privacy;

import static dev.cxm.core.store.kit.TestEvents.at;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static dev.cxm.core.store.kit.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryCustomerStore;
import dev.cxm.core.store.memory.InMemoryEventStore;

/** Erasure across stores: the counts are checked against what the test put in. */
class CustomerErasureTest {

    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final InMemoryCustomerStore customers = InMemoryCustomerStore.create();
    private final EventStore feedback = InMemoryEventStore.create();
    private final EventStore orders = InMemoryEventStore.create();
    private final CustomerErasure erasure = CustomerErasure.custom()
            .customers(customers).events(feedback).events(orders)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .build();

    @Test
    void removesProfileAndEventsFromEveryStoreAndReportsWhat() {
        customers.put(Customer.builder(CustomerId.of("c1"), at(0)).build());
        customers.put(Customer.builder(CustomerId.of("c2"), at(0)).build());
        feedback.appendAll(List.of(nps("n1", "c1", 1, 9), nps("n2", "c1", 2, 3), nps("n3", "c2", 3, 7)));
        orders.appendAll(List.of(purchase("p1", "c1", 4, "9.99"), purchase("p2", "c2", 5, "1.00")));

        ErasureReport report = erasure.erase(CustomerId.of("c1"));

        assertThat(report).isEqualTo(new ErasureReport(CustomerId.of("c1"), 1, 3, now));
        assertThat(customers.get(CustomerId.of("c1"))).isEmpty();
        assertThat(feedback.eventsOf(CustomerId.of("c1"))).isEmpty();
        assertThat(orders.eventsOf(CustomerId.of("c1"))).isEmpty();
        assertThat(feedback.count() + orders.count()).isEqualTo(2);
        assertThat(customers.count()).isEqualTo(1);
    }

    @Test
    void erasingAgainRemovesNothing() {
        feedback.append(nps("n1", "c1", 1, 9));
        erasure.erase(CustomerId.of("c1"));

        ErasureReport again = erasure.erase(CustomerId.of("c1"));

        assertThat(again.removedAnything()).isFalse();
        assertThat(again.eventsRemoved()).isZero();
    }

    @Test
    void anErasureOverNoStoreIsRefused() {
        assertThatThrownBy(() -> CustomerErasure.custom().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stores: ");
    }

    @Test
    void fromBaseAddsAStoreAndErasuresCompareByTheirStores() {
        // Oracle: the stores given; an erasure from its base is equal to it, one more store makes it differ and
        // erase there too.
        EventStore extra = InMemoryEventStore.create();
        extra.append(nps("x1", "c1", 1, 9));

        CustomerErasure wider = CustomerErasure.from(erasure).events(extra).build();

        assertThat(CustomerErasure.from(erasure).build()).isEqualTo(erasure).hasSameHashCodeAs(erasure);
        assertThat(wider).isNotEqualTo(erasure);
        assertThat(wider.toString()).isEqualTo("CustomerErasure[customerStores=1, eventStores=3]");
        assertThat(wider.erase(CustomerId.of("c1")).eventsRemoved()).isEqualTo(1);
        assertThat(extra.count()).isZero();
    }
}
