package dev.cxm.core.store.memory;

import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static dev.cxm.core.store.kit.TestEvents.at;
import static dev.cxm.core.store.kit.TestEvents.interaction;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static dev.cxm.core.store.kit.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.PageCursor;
import dev.cxm.core.store.ScoreGrouping;

/**
 * The in-memory store may be called from any number of threads (its class Javadoc): so once a method has
 * returned, or thrown, it holds no lock, and another thread can both append (which needs the write lock, refused
 * while any read lock is held) and count (a read lock, refused while the write lock is held). Oracle: the count
 * the other thread must see, worked out from the events appended. A lock left held makes the other thread wait
 * for ever; the wait here is bounded only so that such a failure ends (a deadlock guard, not a timing check).
 */
class InMemoryEventStoreLocksTest {

    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private final InMemoryEventStore store = InMemoryEventStore.create();
    private int otherAppends;

    @AfterEach
    void stopTheOtherThread() {
        other.shutdownNow();
    }

    /** Runs {@code call} here, then an append and a count on the other thread, which must see every event. */
    private void thenAnotherThreadAppendsAndCounts(String call, Consumer<InMemoryEventStore> method) throws Exception {
        method.accept(store);
        long before = store.count();
        String id = "other" + otherAppends++;
        Future<Long> counted = other.submit(() -> {
            store.append(nps(id, "o", 10_000 + otherAppends, 5));
            return store.count();
        });
        assertThat(counted.get(1, TimeUnit.MINUTES)).as("a count on another thread after %s", call)
                .isEqualTo(before + 1);
    }

    @Test
    void noMethodLeavesALockHeld() throws Exception {
        thenAnotherThreadAppendsAndCounts("appendAll", s -> s.appendAll(List.of(nps("n1", "c1", 5, 9),
                purchase("p1", "c2", 3, "1.00"), interaction("i1", "c1", 4, HOTLINE))));
        thenAnotherThreadAppendsAndCounts("append", s -> s.append(nps("n2", "c3", 1, 7)));
        thenAnotherThreadAppendsAndCounts("appendAll refused", s -> assertThatThrownBy(
                () -> s.appendAll(List.of(nps("n9", "c1", 9, 1), nps("n1", "c1", 5, 0))))
                .isInstanceOf(IllegalArgumentException.class));
        // The appends came out of time order: the first read sorts the log under the write lock.
        thenAnotherThreadAppendsAndCounts("scan, sorting first", s -> {
            try (Stream<?> events = s.scan()) {
                assertThat(events.count()).isEqualTo(s.count());
            }
        });
        thenAnotherThreadAppendsAndCounts("get", s -> assertThat(s.get(EventId.of("n1"))).isPresent());
        thenAnotherThreadAppendsAndCounts("count", InMemoryEventStore::count);
        thenAnotherThreadAppendsAndCounts("count of a query", s -> assertThat(s.count(EventQuery.ofTypes(
                dev.cxm.core.model.EventType.PURCHASE))).isEqualTo(1));
        thenAnotherThreadAppendsAndCounts("count of customers", s -> assertThat(s.count(EventQuery.forCustomer(
                CustomerId.of("c1")))).isEqualTo(2));
        thenAnotherThreadAppendsAndCounts("query of customers", s -> {
            try (Stream<?> events = s.query(EventQuery.forCustomers(List.of(CustomerId.of("c1"), CustomerId.of("c2"))))) {
                assertThat(events.count()).isEqualTo(3);
            }
        });
        thenAnotherThreadAppendsAndCounts("typed query", s -> {
            try (Stream<FeedbackResponse> events = s.query(EventQuery.all(), FeedbackResponse.class)) {
                assertThat(events.count()).isPositive();
            }
        });
        thenAnotherThreadAppendsAndCounts("eventsOf", s -> assertThat(s.eventsOf(CustomerId.of("c1"))).hasSize(2));
        thenAnotherThreadAppendsAndCounts("timelines", s -> {
            try (Stream<?> timelines = s.timelines(EventQuery.all())) {
                assertThat(timelines.count()).isPositive();
            }
        });
        thenAnotherThreadAppendsAndCounts("timelines of customers", s -> {
            try (Stream<?> timelines = s.timelines(EventQuery.forCustomer(CustomerId.of("c2")))) {
                assertThat(timelines.count()).isEqualTo(1);
            }
        });
        thenAnotherThreadAppendsAndCounts("span", s -> assertThat(s.span(EventQuery.all())).isPresent());
        thenAnotherThreadAppendsAndCounts("span of customers", s -> assertThat(s.span(EventQuery.forCustomer(
                CustomerId.of("c2")))).contains(new dev.cxm.core.store.TimeSpan(at(3), at(3))));
        thenAnotherThreadAppendsAndCounts("page", s -> assertThat(s.page(EventQuery.all(), PageCursor.start(), 2)
                .events()).hasSize(2));
        thenAnotherThreadAppendsAndCounts("feedbackHistogram", s -> assertThat(s.feedbackHistogram(EventQuery.all(),
                ScoreGrouping.overall())).isNotEmpty());
        thenAnotherThreadAppendsAndCounts("timelineColumns", s -> assertThat(s.timelineColumns(EventQuery.all()))
                .isPresent());
        thenAnotherThreadAppendsAndCounts("erase", s -> assertThat(s.erase(CustomerId.of("c3"))).isEqualTo(1));
        thenAnotherThreadAppendsAndCounts("erase of nobody", s -> assertThat(s.erase(CustomerId.of("nobody"))).isZero());
    }
}
