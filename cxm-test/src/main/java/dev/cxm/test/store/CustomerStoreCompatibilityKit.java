package dev.cxm.test.store;

import static dev.cxm.test.store.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Identity;
import dev.cxm.core.model.IdentityType;
import dev.cxm.core.store.CustomerQuery;
import dev.cxm.core.store.CustomerStore;

/**
 * The contract of {@link CustomerStore}, as tests every backend must pass: extend this class and implement
 * {@link #createStore()}. The tests are grouped in {@code @Nested} sections (putting, finding, erasure,
 * concurrency), which JUnit runs for every subclass.
 */
public abstract class CustomerStoreCompatibilityKit {

    /** The store under test, new for each test. */
    protected CustomerStore store;

    /** Creates the kit; a subclass supplies the backend through {@link #createStore()}. */
    protected CustomerStoreCompatibilityKit() {}

    /**
     * Returns a new, empty store of the backend under test; called before each test.
     *
     * @return the store
     */
    protected abstract CustomerStore createStore();

    @BeforeEach
    void newStore() {
        store = createStore();
    }

    private static Customer customer(String id, String tier, String... segments) {
        Customer.Builder builder = Customer.builder(CustomerId.of(id), at(0))
                .profile("tier", tier)
                .consent("marketing-email", ConsentStatus.GRANTED, at(1))
                .identity(Identity.ofEmail(id + "@example.com"));
        for (String segment : segments) {
            builder.segment(segment);
        }
        return builder.build();
    }

    /** A profile put is read back unchanged, replaces the one under its id, and bad input changes nothing. */
    @Nested
    class Putting {

        @Test
        void putCustomerIsReadBackUnchanged() {
            Customer customer = customer("c1", "gold", "vip");
            store.put(customer);

            assertThat(store.get(CustomerId.of("c1"))).contains(customer);
            assertThat(store.get(CustomerId.of("c2"))).isEmpty();
            assertThat(store.count()).isEqualTo(1);
        }

        @Test
        void aCustomerWithEveryKindOfFieldIsReadBackUnchanged() {
            // Oracle: the customer put, field by field: an instant with nanoseconds, consents in their order (one
            // purpose decided twice), several segments and profile entries, an identity of every type, and text a
            // database must not change (quotes, a semicolon, "--", SQL, a line break, non-ASCII).
            Customer customer = Customer.builder(CustomerId.of("c'1; DROP TABLE customers; --"),
                            Instant.parse("2026-03-29T01:30:00.123456789Z"))
                    .profile("tier", "gold")
                    .profile("note", "line one\nline \"two\"\t-- ' ; SELECT 1")
                    .profile("city", "Zürich")
                    .consent("marketing-email", ConsentStatus.GRANTED, Instant.parse("2026-01-01T00:00:00.000000001Z"))
                    .consent("analytics", ConsentStatus.DENIED, Instant.parse("1999-12-31T23:59:59.999999999Z"))
                    .consent("marketing-email", ConsentStatus.REVOKED, Instant.parse("2026-02-01T12:00:00Z"))
                    .segment("vip").segment("churn-risk").segment("b2b")
                    .identity(Identity.ofEmail("someone@example.com"))
                    .identity(Identity.ofPhone("+44 20 7946 0018"))
                    .identity(Identity.ofDevice("device-42"))
                    .identity(new Identity(IdentityType.EXTERNAL_ID, "crm:1001"))
                    .build();
            store.put(customer);

            Customer read = store.get(customer.id()).orElseThrow();
            assertThat(read).isEqualTo(customer);
            assertThat(read.firstSeen()).isEqualTo(Instant.parse("2026-03-29T01:30:00.123456789Z"));
            assertThat(read.consents()).containsExactlyElementsOf(customer.consents());
            assertThat(read.consentFor("marketing-email").orElseThrow().status()).isEqualTo(ConsentStatus.REVOKED);
            assertThat(store.find(CustomerQuery.withProfile("note", "line one\nline \"two\"\t-- ' ; SELECT 1")))
                    .containsExactly(customer);
        }

        @Test
        void putAllStoresWhatPutsOneByOneStoreAndNothingWhenOneIsNull() {
            // Oracle: the same customers put one by one, read back by id.
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                customers.add(Customer.builder(CustomerId.of("b" + i), at(i)).segment(i % 2 == 0 ? "even" : "odd")
                        .profile("n", Integer.toString(i)).build());
            }
            customers.add(Customer.builder(CustomerId.of("b7"), at(7)).segment("later").build());
            store.putAll(customers);
            for (Customer customer : customers.subList(0, 300)) {
                Customer expected = customer.id().value().equals("b7") ? customers.get(300) : customer;
                assertThat(store.get(customer.id())).contains(expected);
            }
            assertThat(store.count()).isEqualTo(300);
            List<Customer> withNull = new ArrayList<>(List.of(Customer.builder(CustomerId.of("x1"), at(1)).build()));
            withNull.add(null);
            assertThatThrownBy(() -> store.putAll(withNull)).isInstanceOf(NullPointerException.class);
            assertThat(store.get(CustomerId.of("x1"))).isEmpty();
        }

        @Test
        void putReplacesTheProfileStoredUnderTheSameId() {
            store.put(customer("c1", "gold", "vip"));
            Customer changed = customer("c1", "silver");
            store.put(changed);

            assertThat(store.get(CustomerId.of("c1"))).contains(changed);
            assertThat(store.count()).isEqualTo(1);
        }

        @Test
        void nullIsRejectedWithoutChange() {
            store.put(customer("c1", "gold"));

            assertThatThrownBy(() -> store.put(null)).isInstanceOf(NullPointerException.class);
            assertThat(store.count()).isEqualTo(1);
        }
    }

    /** Finding by segment and profile, in id order. */
    @Nested
    class Finding {

        @Test
        void findBySegmentAndProfileReturnsMatchesOrderedById() {
            store.put(customer("c3", "gold", "vip"));
            store.put(customer("c1", "gold", "vip", "churn-risk"));
            store.put(customer("c2", "silver", "vip"));
            store.put(customer("c4", "gold"));

            assertThat(store.find(CustomerQuery.inSegment("vip"))).extracting(c -> c.id().value())
                    .containsExactly("c1", "c2", "c3");
            assertThat(store.find(CustomerQuery.withProfile("tier", "gold"))).extracting(c -> c.id().value())
                    .containsExactly("c1", "c3", "c4");
            assertThat(store.find(CustomerQuery.inSegment("vip").andProfile("tier", "gold")))
                    .extracting(c -> c.id().value()).containsExactly("c1", "c3");
            assertThat(store.find(CustomerQuery.inSegment("nobody"))).isEmpty();
            assertThat(store.find(CustomerQuery.all())).hasSize(4);
        }
    }

    /** Erasure removes one profile and says whether it was there. */
    @Nested
    class Erasure {

        @Test
        void eraseRemovesTheProfileAndSaysWhetherOneWasThere() {
            store.put(customer("c1", "gold"));
            store.put(customer("c2", "gold"));

            assertThat(store.erase(CustomerId.of("c1"))).isTrue();
            assertThat(store.erase(CustomerId.of("c1"))).isFalse();
            assertThat(store.get(CustomerId.of("c1"))).isEmpty();
            assertThat(store.find(CustomerQuery.all())).extracting(c -> c.id().value()).containsExactly("c2");
        }
    }

    /** Writers at once: every put stored. */
    @Nested
    class Concurrency {

        @Test
        void concurrentPutsOfDistinctCustomersAreAllStored() throws Exception {
            int threads = 8;
            int perThread = 500;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> puts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    puts.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            store.put(customer("t" + thread + "-" + i, "gold"));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> put : puts) {
                    put.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.count()).isEqualTo((long) threads * perThread);
            assertThat(store.find(CustomerQuery.withProfile("tier", "gold"))).hasSize(threads * perThread);
        }
    }
}
