package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.TestEvents;

/**
 * A typed query ({@code query(query, Purchase.class)}) reads only its type's columns; it returns the events of
 * that type exactly as appended, in time order, on H2 and PostgreSQL. The kit checks feedback responses only.
 */
class TypedQueryTest {

    private static final CustomerId CUSTOMER = CustomerId.of("c1");

    /** One event of each kind with every field set, and one with the optional fields absent. */
    private static List<CustomerEvent> events() {
        return List.of(
                Interaction.builder(CUSTOMER, TestEvents.at(1), TestEvents.CHECKOUT).eventId("i1").outcome("abandoned")
                        .duration(Duration.ofNanos(1_234_567_891)).attribute("plan", "pro").build(),
                Purchase.builder(CUSTOMER, TestEvents.at(2), Money.of("19.123456789012345678", "EUR")).eventId("p1")
                        .orderId("o-1").itemCount(3).touchpoint(TestEvents.HOTLINE).attribute("a", "b").build(),
                FeedbackResponse.builder(CUSTOMER, TestEvents.at(3), "csat", FeedbackScale.custom("effort", 1, 7), 6)
                        .eventId("f1").comment("quick\tand\nkind").touchpoint(TestEvents.CHECKOUT).build(),
                Interaction.builder(CUSTOMER, TestEvents.at(4), TestEvents.HOTLINE).eventId("i2").build(),
                Purchase.builder(CustomerId.of("c2"), TestEvents.at(5), Money.of("0.01", "JPY")).eventId("p2").build(),
                FeedbackResponse.builder(CustomerId.of("c2"), TestEvents.at(6), "nps", FeedbackScale.NPS, 0)
                        .eventId("f2").build(),
                TestEvents.nps("f3", "c3", 7, 10));
    }

    private static void typedQueriesReturnTheAppendedEvents(EventStore store) {
        // Oracle: the events appended, filtered by type in the test (the list is in time order).
        List<CustomerEvent> appended = events();
        store.appendAll(appended);
        for (Class<? extends CustomerEvent> type : List.of(Interaction.class, Purchase.class, FeedbackResponse.class)) {
            try (Stream<? extends CustomerEvent> typed = store.query(EventQuery.all(), type)) {
                assertThat(typed.map(CustomerEvent.class::cast).toList()).as(type.getSimpleName())
                        .isEqualTo(appended.stream().filter(type::isInstance).toList());
            }
        }
        EventQuery narrow = EventQuery.builder().customer(CUSTOMER).from(TestEvents.at(2)).build();
        try (Stream<Purchase> purchases = store.query(narrow, Purchase.class)) {
            assertThat(purchases.map(p -> p.eventId().value()).toList()).containsExactly("p1");
        }
        try (Stream<Interaction> interactions = store.query(narrow, Interaction.class)) {
            assertThat(interactions.map(i -> i.eventId().value()).toList()).containsExactly("i2");
        }
    }

    @Test
    void onH2() {
        JdbcConnectionPool pool = TestDatabases.h2Memory();
        try (JdbcStores stores = JdbcStores.builder(pool).build()) {
            typedQueriesReturnTheAppendedEvents(stores.eventStore());
        } finally {
            pool.dispose();
        }
    }

    @Test
    void onPostgres() {
        JdbcConnectionPool pool = TestDatabases.postgres();
        try (JdbcStores stores = JdbcStores.builder(pool).build()) {
            typedQueriesReturnTheAppendedEvents(stores.eventStore());
        } finally {
            pool.dispose();
        }
    }
}
