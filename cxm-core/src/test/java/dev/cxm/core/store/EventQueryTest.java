package dev.cxm.core.store;

import static dev.cxm.core.store.kit.TestEvents.CHECKOUT;
import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static dev.cxm.core.store.kit.TestEvents.at;
import static dev.cxm.core.store.kit.TestEvents.interaction;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static dev.cxm.core.store.kit.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;

/**
 * The query's criteria by customers, types, touchpoint, time range and attributes, its builder's checks, and its
 * bounds at microseconds. Oracle: the criteria as the record's Javadoc states them (a half-open time range
 * {@code [from, to)}, a touchpoint matched by id, empty criteria matching everything), applied by hand to each event.
 */
class EventQueryTest {

    private static final CustomerId A = CustomerId.of("a");
    private static final CustomerId B = CustomerId.of("b");

    @Test
    void customersAddUpAndMatchAnyOfThem() {
        EventQuery query = EventQuery.builder().customer(A).customers(List.of(B, A)).build();

        assertThat(query.customers()).containsExactlyInAnyOrder(A, B);
        assertThat(query.matches(nps("n1", "a", 1, 9))).isTrue();
        assertThat(query.matches(nps("n2", "b", 1, 9))).isTrue();
        assertThat(query.matches(nps("n3", "c", 1, 9))).isFalse();
        assertThat(EventQuery.forCustomers(Set.of(A, B))).isEqualTo(query);
        assertThat(EventQuery.forCustomer(A).matches(nps("n2", "b", 1, 9))).isFalse();
    }

    @Test
    void attributesMustAllHoldWithExactlyTheirValue() {
        CustomerEvent north = Interaction.builder(A, at(1), dev.cxm.core.store.kit.TestEvents.HOTLINE)
                .attribute("region", "north").attribute("plan", "pro").build();
        EventQuery query = EventQuery.builder().attribute("region", "north").attribute("plan", "pro").build();

        assertThat(query.matches(north)).isTrue();
        assertThat(EventQuery.builder().attribute("region", "North").build().matches(north)).isFalse();
        assertThat(EventQuery.builder().attribute("region", "north").attribute("tier", "gold").build().matches(north))
                .isFalse();
        assertThat(EventQuery.builder().attribute("region", "south").attribute("region", "north").build().attributes())
                .containsExactly(java.util.Map.entry("region", "north"));
    }

    @Test
    void anEmptyCollectionOfCustomersIsRefusedRatherThanReadAsEveryCustomer() {
        assertThatThrownBy(() -> EventQuery.builder().customers(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customers: the collection is empty");
        assertThatThrownBy(() -> EventQuery.forCustomers(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachSetterRefusesBadInputAtOnce() {
        EventQuery.Builder builder = EventQuery.builder();

        assertThatThrownBy(() -> builder.customer(null)).hasMessage("customer must not be null");
        assertThatThrownBy(() -> builder.customers(Arrays.asList(A, null))).hasMessage("customer must not be null");
        assertThatThrownBy(() -> builder.attribute(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("attributes key: ");
        assertThatThrownBy(() -> builder.attribute("region", null)).hasMessage("attributes value must not be null");
        assertThatThrownBy(() -> builder.from(null)).hasMessage("from must not be null");
        assertThatThrownBy(() -> builder.types(dev.cxm.core.model.EventType.FEEDBACK, (dev.cxm.core.model.EventType) null))
                .hasMessage("types must not be null");
    }

    @Test
    void boundsAreRoundedUpToTheNextMicrosecondWhichSelectsTheSameEvents() {
        // Oracle: events hold whole microseconds, so [t + 1 ns, u + 1 ns) selects what [t + 1 µs, u + 1 µs) does.
        EventQuery query = EventQuery.builder().between(at(10).plusNanos(1), at(20).plusNanos(1_001)).build();

        assertThat(query.from()).contains(at(10).plusNanos(1_000));
        assertThat(query.to()).contains(at(20).plusNanos(2_000));
        assertThat(query.matches(nps("n1", "a", 10, 9))).isFalse();
        assertThat(query.matches(nps("n2", "a", 20, 9))).isTrue();
        assertThat(EventQuery.builder().from(at(10)).build().from()).contains(at(10));
        assertThat(EventQuery.builder().to(Instant.MAX).build().to()).contains(Instant.MAX);
    }

    @Test
    void aReversedTimeRangeIsRefusedAfterRounding() {
        // The two bounds round up to the same microsecond, so this range is empty, not reversed.
        EventQuery empty = EventQuery.builder().between(at(10).plusNanos(2), at(10).plusNanos(1)).build();
        assertThat(empty.from()).isEqualTo(empty.to());

        assertThatThrownBy(() -> EventQuery.builder().between(at(10).plusNanos(1_001), at(10).plusNanos(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be reversed");
    }

    @Test
    void theTimeRangeIncludesItsStartAndExcludesItsEnd() {
        EventQuery query = EventQuery.builder().between(at(10), at(20)).build();

        assertThat(query.matches(nps("n1", "a", 9, 9))).isFalse();
        assertThat(query.matches(nps("n2", "a", 10, 9))).isTrue();
        assertThat(query.matches(nps("n3", "a", 19, 9))).isTrue();
        assertThat(query.matches(nps("n4", "a", 20, 9))).isFalse();
        assertThat(query.withinTimeRange(at(9))).isFalse();
        assertThat(query.withinTimeRange(at(10))).isTrue();
        assertThat(query.withinTimeRange(at(19))).isTrue();
        assertThat(query.withinTimeRange(at(20))).isFalse();
        assertThat(EventQuery.builder().to(at(10)).build().withinTimeRange(at(9))).isTrue();
        assertThat(EventQuery.builder().to(at(10)).build().withinTimeRange(at(10))).isFalse();
        assertThat(EventQuery.builder().from(at(10)).build().withinTimeRange(at(9))).isFalse();
        assertThat(EventQuery.all().withinTimeRange(Instant.MIN)).isTrue();
        assertThat(EventQuery.builder().from(at(10)).build().matches(nps("n5", "a", 10, 9))).isTrue();
        assertThat(EventQuery.builder().to(at(10)).build().matches(nps("n6", "a", 10, 9))).isFalse();
        assertThat(EventQuery.builder().to(at(10)).build().matches(nps("n7", "a", 9, 9))).isTrue();
    }

    @Test
    void typesAndTouchpointSelectOnlyTheirEvents() {
        CustomerEvent feedback = nps("n1", "a", 1, 9);
        CustomerEvent purchase = purchase("p1", "a", 1, "5.00");
        CustomerEvent call = interaction("i1", "a", 1, HOTLINE);
        CustomerEvent bare = Purchase.builder(A, at(1), Money.of("5.00", "EUR")).eventId("p2").build();

        EventQuery purchases = EventQuery.ofTypes(EventType.PURCHASE);
        assertThat(List.of(feedback, purchase, call, bare)).filteredOn(purchases::matches)
                .containsExactly(purchase, bare);
        EventQuery atHotline = EventQuery.builder().touchpoint(HOTLINE.id()).build();
        assertThat(List.of(feedback, purchase, call, bare)).filteredOn(atHotline::matches)
                .containsExactly(feedback, call);
        EventQuery atCheckout = EventQuery.builder().types(EventType.PURCHASE, EventType.INTERACTION)
                .touchpoint(CHECKOUT.id()).build();
        assertThat(List.of(feedback, purchase, call, bare)).filteredOn(atCheckout::matches).containsExactly(purchase);
        assertThat(List.of(feedback, purchase, call, bare)).allMatch(EventQuery.all()::matches);
    }
}
