package dev.cxm.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.internal.store.columns.TimelineColumns;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.journey.discovery.JourneyDiscovery;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelCounting;
import dev.cxm.journey.funnel.FunnelOrder;
import dev.cxm.journey.funnel.FunnelStep;

/**
 * The in-memory store's fast path (its timelines as primitive columns, which funnels and discovery read when a
 * store offers them) against the plain event path: the expected side is the same calculator over the same
 * store seen through a wrapper that offers only {@code EventStore} (so it reads {@code timelines(query)}, the
 * path the brute-force tests check), and, for the columns themselves, the store's own timelines compared
 * event by event. Random stores are built the hard way: batches appended out of time order, duplicates
 * appended again, a customer erased, and every comparison repeated after appends that follow a first read,
 * so that columns cached before a write must not be served after it, and small batches later than
 * everything stored, by which the store extends its columns instead of building them anew.
 */
class ColumnarReadingTest {

    private static final List<String> TOUCHPOINTS = List.of("ad", "product", "cart", "checkout", "hotline");

    @Test
    void fastPathGivesWhatThePlainPathGives() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<CustomerEvent> log = randomLog(random);
            List<List<CustomerEvent>> batches = split(log, random);
            InMemoryEventStore store = InMemoryEventStore.create();
            EventStore plain = new PlainStore(store);
            List<Funnel> funnels = funnels(random);
            List<JourneyDiscovery> discoveries = List.of(JourneyDiscovery.ofDefaults(),
                    JourneyDiscovery.custom().coverage(0.1 + 0.9 * random.nextDouble())
                            .maxVariants(1 + random.nextInt(5)).build());
            List<EventQuery> queries = queries(random);
            batches.add(later(random));
            batches.add(later(random));
            for (int b = 0; b < batches.size(); b++) {
                store.appendAll(batches.get(b));
                if (b == 1) {
                    // Duplicates: events stored already, appended again, count once.
                    AppendResult again = store.appendAll(batches.get(0));
                    assertThat(again.appended()).isZero();
                }
                if (b == 2 && store.count() > 0 && random.nextBoolean()) {
                    List<CustomerEvent> stored = store.scan().toList();
                    store.erase(stored.get(random.nextInt(stored.size())).customerId());
                }
                for (EventQuery query : queries) {
                    assertColumnsMatchTimelines(store, query);
                    for (Funnel funnel : funnels) {
                        assertThat(funnel.compute(store, query)).isEqualTo(funnel.compute(plain, query));
                    }
                    for (JourneyDiscovery discovery : discoveries) {
                        assertThat(discovery.compute(store, query)).isEqualTo(discovery.compute(plain, query));
                    }
                }
            }
        });
    }

    @Test
    void anInstantBeyondTheMicrosecondRangeTakesThePlainPathAndItsError() {
        // Expected from Micros.of: an instant beyond about 292,000 years of 1970 is refused by every journey
        // calculation; the fast path must not turn that into a wrong number.
        InMemoryEventStore store = InMemoryEventStore.create();
        store.appendAll(List.of(JourneyLogs.at("e1", "c1", "ad", 0),
                new Interaction(EventId.of("far"), CustomerId.of("c2"), Instant.parse("+300000-01-01T00:00:00Z"),
                        Touchpoint.of("ad", "ad", Channel.WEB), "ok", Duration.ZERO, Map.of())));
        assertThat(store.timelineColumns(EventQuery.all())).isEmpty();
        Funnel funnel = Funnel.ofDefaults(List.of(FunnelStep.touchpoint("ad")));
        assertThatThrownBy(() -> funnel.compute(store)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("292,000 years");
    }

    @Test
    void aQueryOfCustomersOrTouchpointsHasNoColumns() {
        // Expected from the contract of ColumnarTimelines: those queries are left to timelines(query).
        InMemoryEventStore store = InMemoryEventStore.create();
        store.appendAll(List.of(JourneyLogs.at("e1", "c1", "ad", 0)));
        assertThat(store.timelineColumns(EventQuery.forCustomer(CustomerId.of("c1")))).isEmpty();
        assertThat(store.timelineColumns(EventQuery.builder().attribute("src", "a").build())).isEmpty();
        assertThat(store.timelineColumns(EventQuery.all())).isPresent();
    }

    @Test
    void orderKeysNeverContradictTheIdOrder() {
        // Expected from CustomerId.compareTo (String order) itself: keys that differ must order two ids as it does.
        qt().withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            CustomerId a = CustomerId.of(randomId(random));
            CustomerId b = CustomerId.of(random.nextInt(3) == 0 ? a.value() + randomId(random) : randomId(random));
            int byKey = Long.compareUnsigned(TimelineColumns.orderKey(a), TimelineColumns.orderKey(b));
            if (byKey != 0) {
                assertThat(Integer.signum(a.compareTo(b))).isEqualTo(byKey < 0 ? -1 : 1);
            }
        });
    }

    /** 1 to 12 characters from a small alphabet with a NUL, a byte-sized accent and characters beyond a byte. */
    private static String randomId(Random random) {
        String alphabet = "ab\u0000\u00e9\u00ff\u0100\u4e2d";
        StringBuilder id = new StringBuilder("x");
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** Compares the columns of a query with the store's timelines of it, customer by customer, event by event. */
    private static void assertColumnsMatchTimelines(InMemoryEventStore store, EventQuery query) {
        Map<CustomerId, List<String>> expected = new HashMap<>();
        try (Stream<CustomerTimeline> timelines = store.timelines(query)) {
            timelines.forEach(timeline -> expected.put(timeline.customer(),
                    timeline.events().stream().map(ColumnarReadingTest::describe).toList()));
        }
        TimelineColumns columns = store.timelineColumns(query).orElseThrow();
        Map<CustomerId, List<String>> actual = new HashMap<>();
        for (int c = 0; c < columns.customers(); c++) {
            List<String> events = new ArrayList<>();
            for (int i = columns.offsets()[c]; i < columns.offsets()[c + 1]; i++) {
                CustomerEvent sample = columns.sample(columns.codes()[i]);
                Instant at = Instant.EPOCH.plus(Duration.ofNanos(0)).plusSeconds(Math.floorDiv(columns.micros()[i],
                        1_000_000L)).plusNanos(Math.floorMod(columns.micros()[i], 1_000_000L) * 1_000L);
                events.add(at + " " + sample.eventType() + " " + sample.atTouchpoint());
            }
            assertThat(actual.put(columns.customer(c), events)).isNull();
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(columns.events()).isEqualTo(expected.values().stream().mapToInt(List::size).sum());
    }

    private static String describe(CustomerEvent event) {
        return event.occurredAt() + " " + event.eventType() + " " + event.atTouchpoint();
    }

    /**
     * Interactions of up to 8 customers at whole minutes (ties are common), some at a touchpoint that shares its
     * id with another but not its channel, and purchases with and without a touchpoint; every touchpoint a
     * fresh instance, as an import makes them.
     */
    private static List<CustomerEvent> randomLog(Random random) {
        List<CustomerEvent> log = new ArrayList<>(JourneyLogs.random(random, 8, 9, TOUCHPOINTS, 24 * 60));
        int extra = random.nextInt(6);
        for (int i = 0; i < extra; i++) {
            String customer = "c" + random.nextInt(8);
            Instant at = JourneyLogs.START.plus(Duration.ofMinutes(random.nextInt(24 * 60)))
                    .plusNanos(random.nextInt(1_000) * 1_000L);
            if (random.nextBoolean()) {
                log.add(new Interaction(EventId.of("x" + i), CustomerId.of(customer), at,
                        Touchpoint.of("cart", "Cart by mail", Channel.EMAIL), "ok", Duration.ZERO, Map.of()));
            } else {
                Purchase.Builder purchase = Purchase.builder(CustomerId.of(customer), at, Money.of("9.50", "EUR"))
                        .eventId("p" + i);
                if (random.nextBoolean()) {
                    purchase.touchpoint(Touchpoint.of("checkout", "checkout", Channel.WEB));
                }
                log.add(purchase.build());
            }
        }
        Collections.shuffle(log, random);
        return log;
    }

    private static int laterBatches;

    /**
     * A small batch later than every event of {@link #randomLog} and of the later batches before it, in time
     * order, of known and new customers: what the store extends its columns by instead of building them anew.
     */
    private static List<CustomerEvent> later(Random random) {
        int batch = ++laterBatches;
        List<CustomerEvent> events = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            events.add(JourneyLogs.at("later" + batch + "-" + i, "c" + random.nextInt(11),
                    TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size())), batch * 24L * 60 + random.nextInt(60)));
        }
        events.sort(java.util.Comparator.comparing(CustomerEvent::occurredAt));
        return events;
    }

    /** Three batches, the later ones often earlier in time than events stored before them. */
    private static List<List<CustomerEvent>> split(List<CustomerEvent> log, Random random) {
        int first = random.nextInt(log.size() + 1);
        int second = first + random.nextInt(log.size() - first + 1);
        List<List<CustomerEvent>> batches = new ArrayList<>();
        batches.add(new ArrayList<>(log.subList(0, first)));
        batches.add(new ArrayList<>(log.subList(first, second)));
        batches.add(new ArrayList<>(log.subList(second, log.size())));
        for (List<CustomerEvent> batch : batches) {
            if (random.nextBoolean()) {
                batch.sort(java.util.Comparator.comparing(CustomerEvent::occurredAt));
            }
        }
        return batches;
    }

    private static List<Funnel> funnels(Random random) {
        List<FunnelStep> steps = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            steps.add(FunnelStep.touchpoint(TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()))));
        }
        if (random.nextInt(3) == 0) {
            steps.add(FunnelStep.of(EventMatcher.eventType(EventType.PURCHASE)));
        }
        Duration window = Duration.ofMinutes(1 + random.nextInt(12 * 60));
        List<Funnel> funnels = new ArrayList<>();
        for (FunnelOrder order : FunnelOrder.values()) {
            for (FunnelCounting counting : FunnelCounting.values()) {
                Funnel.Builder builder = Funnel.custom(steps).window(window).order(order).counting(counting)
                        .dropOffSample(random.nextInt(4));
                if (order != FunnelOrder.UNORDERED && steps.size() > 1 && random.nextBoolean()) {
                    builder.exclude(EventMatcher.touchpoint("hotline"), 1, steps.size());
                }
                funnels.add(builder.build());
            }
        }
        return funnels;
    }

    private static List<EventQuery> queries(Random random) {
        Instant from = JourneyLogs.START.plus(Duration.ofMinutes(random.nextInt(12 * 60)))
                .plusNanos(random.nextInt(2_000) * 500L);
        return List.of(EventQuery.all(),
                EventQuery.builder().between(from, from.plus(Duration.ofHours(1 + random.nextInt(12)))).build(),
                EventQuery.ofTypes(EventType.INTERACTION));
    }

    /** The same store behind {@code EventStore} alone, so calculators read it through its timelines. */
    private record PlainStore(EventStore store) implements EventStore {
        @Override
        public AppendResult appendAll(Collection<? extends CustomerEvent> events) {
            return store.appendAll(events);
        }

        @Override
        public Optional<CustomerEvent> get(EventId id) {
            return store.get(id);
        }

        @Override
        public Stream<CustomerEvent> query(EventQuery query) {
            return store.query(query);
        }

        @Override
        public Stream<CustomerTimeline> timelines(EventQuery query) {
            return store.timelines(query);
        }

        @Override
        public long count() {
            return store.count();
        }

        @Override
        public long erase(CustomerId customer) {
            return store.erase(customer);
        }
    }
}
