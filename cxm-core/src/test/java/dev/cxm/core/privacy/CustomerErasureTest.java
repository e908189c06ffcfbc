package dev.cxm.core.privacy;

import static dev.cxm.core.store.kit.TestEvents.at;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static dev.cxm.core.store.kit.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

        assertThat(report).isEqualTo(new ErasureReport(CustomerId.of("c1"), 1, 3, Map.of(), now));
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

    /** A participant keeping a count of records per customer, as a live view would. */
    private static final class CountingView implements ErasureParticipant {
        private final Map<CustomerId, Long> records = new HashMap<>();

        CountingView keep(String customer, long count) {
            records.put(CustomerId.of(customer), count);
            return this;
        }

        @Override
        public long forget(CustomerId customer) {
            Long removed = records.remove(customer);
            return removed == null ? 0 : removed;
        }
    }

    @Test
    void reachesEveryParticipantAfterTheStoresAndReportsWhatEachForgot() {
        // Oracle: the records the test put in each view: 2 and 5 of c1, and none in the third.
        CountingView profiles = new CountingView().keep("c1", 2).keep("c2", 1);
        CountingView contacts = new CountingView().keep("c1", 5);
        CountingView empty = new CountingView();
        List<String> order = new ArrayList<>();
        feedback.append(nps("n1", "c1", 1, 9));
        CustomerErasure all = CustomerErasure.from(erasure)
                .participant("profiles", customer -> {
                    order.add("profiles saw " + feedback.eventsOf(customer).size() + " events");
                    return profiles.forget(customer);
                })
                .participant("contacts", contacts).participant("cache", empty).build();

        ErasureReport report = all.erase(CustomerId.of("c1"));

        assertThat(report.forgotten()).containsExactly(Map.entry("profiles", 2L), Map.entry("contacts", 5L),
                Map.entry("cache", 0L));
        assertThat(report.eventsRemoved()).isEqualTo(1);
        assertThat(order).containsExactly("profiles saw 0 events");
        assertThat(profiles.records).containsOnlyKeys(CustomerId.of("c2"));
        assertThat(contacts.records).isEmpty();
        assertThat(all.erase(CustomerId.of("c1")).removedAnything()).isFalse();
        assertThat(all.toString()).isEqualTo(
                "CustomerErasure[customerStores=1, eventStores=2, participants=[profiles, contacts, cache]]");
    }

    @Test
    void aFailingParticipantStopsNoOtherAndItsFailureIsThrownAfterwards() {
        // Oracle: the views the test filled; the second of three throws, the first and third still forget.
        CountingView before = new CountingView().keep("c1", 1);
        CountingView after = new CountingView().keep("c1", 1);
        feedback.append(nps("n1", "c1", 1, 9));
        CustomerErasure failing = CustomerErasure.custom().events(feedback).participant("before", before)
                .participant("broken", customer -> {
                    throw new IllegalStateException("the view's database is down");
                })
                .participant("after", after).build();

        assertThatThrownBy(() -> failing.erase(CustomerId.of("c1"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("the view's database is down");
        assertThat(before.records).isEmpty();
        assertThat(after.records).isEmpty();
        assertThat(feedback.eventsOf(CustomerId.of("c1"))).isEmpty();
    }

    @Test
    void participantsAloneMakeAnErasureButANameIsGivenOnce() {
        CountingView view = new CountingView().keep("c1", 3);
        CustomerErasure viewsOnly = CustomerErasure.custom().participant("view", view)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        assertThat(viewsOnly.erase(CustomerId.of("c1")))
                .isEqualTo(new ErasureReport(CustomerId.of("c1"), 0, 0, Map.of("view", 3L), now));
        assertThatThrownBy(() -> CustomerErasure.custom().participant("view", view).participant("view", view))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name: view is given to another participant already; names are unique");
        assertThat(CustomerErasure.custom().participant("view", view).build())
                .isEqualTo(CustomerErasure.custom().participant("view", view).build())
                .isNotEqualTo(CustomerErasure.custom().participant("other", view).build());
    }

    @Test
    void aReportRefusesANegativeCount() {
        assertThatThrownBy(() -> new ErasureReport(CustomerId.of("c1"), 0, 0, Map.of("view", -1L), now))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("forgotten.view: -1 is negative; it must be 0 or more");
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
        assertThat(wider.toString()).isEqualTo("CustomerErasure[customerStores=1, eventStores=3, participants=[]]");
        assertThat(wider.erase(CustomerId.of("c1")).eventsRemoved()).isEqualTo(1);
        assertThat(extra.count()).isZero();
    }
}
