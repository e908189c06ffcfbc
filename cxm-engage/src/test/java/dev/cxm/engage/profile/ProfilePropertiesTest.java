package dev.cxm.engage.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryCustomerStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.engage.EngageLogs;
import dev.cxm.metrics.text.VaderSentiment;

/**
 * A profile updated event by event, in a random order (live, one by one and in batches, and by the immutable
 * {@code ProfileBuilder.update}), equals the profile rebuilt from the stores, and each of its fields equals the
 * brute-force recomputation from the raw events ({@link BruteForceProfile}); the mean sentiment is compared with
 * the plain average of the analyzer's scores, to 1e-12.
 */
class ProfilePropertiesTest {

    private static final VaderSentiment VADER = VaderSentiment.ofDefaults();
    private static final ProfileBuilder BUILDER = ProfileBuilder.custom().sentiment(VADER).journey(EngageLogs.MAP)
            .build();

    @Test
    void incrementalProfilesInAnyOrderEqualTheRebuildAndTheBruteForceFields() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> check(new Random(seed), true));
    }

    @Test
    void incrementalProfilesEqualTheRebuildAlsoWhenInstantsRepeat() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> check(new Random(seed), false));
    }

    private static void check(Random random, boolean distinct) {
        List<CustomerEvent> events = EngageLogs.random(random, 4, 25, distinct);
        EventStore store = InMemoryEventStore.create();
        store.appendAll(events);
        CustomerStore customers = InMemoryCustomerStore.create();
        Set<CustomerId> ids = new TreeSet<>();
        events.forEach(event -> ids.add(event.customerId()));
        for (CustomerId id : ids) {
            if (random.nextBoolean()) {
                customers.put(EngageLogs.record(random, id.value()));
            }
        }
        // The live path: every event once, in a random order, through a tracker that accepts any order.
        List<CustomerEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        CustomerProfiles live = CustomerProfiles.custom(BUILDER).anyOrder().build();
        customers.find(dev.cxm.core.store.CustomerQuery.all()).forEach(live::put);
        shuffled.forEach(live::record);
        // The batch path, and the immutable fold of ProfileBuilder.update (which leaves the stage alone).
        CustomerProfiles batch = CustomerProfiles.custom(BUILDER).anyOrder().build();
        customers.find(dev.cxm.core.store.CustomerQuery.all()).forEach(batch::put);
        assertThat(batch.recordAll(shuffled)).isEqualTo(shuffled.size());
        for (CustomerId id : ids) {
            CustomerProfile rebuilt = BUILDER.rebuild(id, customers, store);
            assertThat(live.get(id)).contains(rebuilt);
            assertThat(batch.get(id)).contains(rebuilt);
            CustomerProfile folded = customers.get(id).map(BUILDER::of).orElseGet(() -> BUILDER.empty(id));
            for (CustomerEvent event : shuffled) {
                if (event.customerId().equals(id)) {
                    folded = BUILDER.update(folded, event);
                }
            }
            assertThat(folded).isEqualTo(rebuilt.withJourneyStage(Optional.empty()));
            List<CustomerEvent> own = events.stream().filter(e -> e.customerId().equals(id)).toList();
            Optional<Customer> record = customers.get(id);
            assertThat(rebuilt.eventCount()).isEqualTo(own.size());
            assertThat(rebuilt.firstSeen()).isEqualTo(BruteForceProfile.firstSeen(record, own));
            assertThat(rebuilt.lastSeen()).isEqualTo(BruteForceProfile.lastSeen(own));
            assertThat(rebuilt.channels()).isEqualTo(BruteForceProfile.channels(own));
            assertThat(rebuilt.preferredChannel()).isEqualTo(BruteForceProfile.preferredChannel(own));
            assertThat(rebuilt.touchpoints()).isEqualTo(BruteForceProfile.touchpoints(own));
            List<dev.cxm.core.model.Purchase> purchases = BruteForceProfile.purchasesInOrder(own);
            assertThat(rebuilt.purchaseCount()).isEqualTo(purchases.size());
            assertThat(rebuilt.spend()).isEqualTo(BruteForceProfile.spend(own));
            assertThat(rebuilt.firstPurchase().map(PurchaseMark::eventId))
                    .isEqualTo(purchases.stream().findFirst().map(CustomerEvent::eventId));
            assertThat(rebuilt.lastPurchase().map(PurchaseMark::eventId))
                    .isEqualTo(purchases.isEmpty() ? Optional.empty()
                            : Optional.of(purchases.get(purchases.size() - 1).eventId()));
            assertThat(rebuilt.latestNps()).isEqualTo(BruteForceProfile.latest(own, FeedbackScale.NPS));
            assertThat(rebuilt.latestCsat()).isEqualTo(BruteForceProfile.latest(own, FeedbackScale.CSAT));
            assertThat(rebuilt.latestCes()).isEqualTo(BruteForceProfile.latest(own, FeedbackScale.CES));
            var mean = BruteForceProfile.meanSentiment(own, VADER);
            assertThat(rebuilt.meanSentiment().isPresent()).isEqualTo(mean.isPresent());
            if (mean.isPresent()) {
                assertThat(rebuilt.meanSentiment().getAsDouble()).isCloseTo(mean.getAsDouble(), within(1e-12));
            }
            assertThat(rebuilt.consents()).isEqualTo(BruteForceProfile.consents(record));
            assertThat(rebuilt.attributes()).isEqualTo(record.map(Customer::profile).orElse(java.util.Map.of()));
            if (distinct) {
                assertThat(rebuilt.journeyStage()).isEqualTo(BruteForceProfile.journeyStage(EngageLogs.MAP, own));
            }
        }
    }
}
