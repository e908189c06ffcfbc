package dev.cxm.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.Stage;
import dev.cxm.journey.track.CustomerJourney;
import dev.cxm.journey.track.JourneyListener;
import dev.cxm.journey.track.StageChange;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;

/**
 * Journey stages in Kafka Streams' test driver against the single-machine tracker: the oracle of every test is
 * a {@code StageTracking.tracker()} (in memory) fed the same events in the same order, whose journeys, heard
 * changes and counts of current stages the stream's stores and output must equal.
 */
class JourneyStagesTest {

    static final JourneyMap MAP = JourneyMap.builder()
            .stage(Stage.named("awareness").touchpoints("ad", "blog").build())
            .stage(Stage.named("consideration").touchpoints("product").build())
            .stage(Stage.named("purchase").touchpoints("checkout").build())
            .stage(Stage.named("service").touchpoints("hotline").build())
            .stage(Stage.named("loyalty").touchpoints("newsletter").finalStage().build())
            .transition("awareness", "consideration").transition("consideration", "purchase")
            .transition("purchase", "service").transition("purchase", "loyalty")
            .transition("service", "loyalty").transition("loyalty", "purchase")
            .build();
    private static final List<String> TOUCHPOINTS = List.of("ad", "blog", "product", "checkout", "hotline",
            "newsletter", "careers");
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    @TempDir
    Path stateDir;

    /**
     * Returns events of {@code customers} customers over 10 hours, arriving out of order by up to 40 minutes
     * (some beyond a 30-minute tolerance, so late), a tenth of them delivered twice, some at a touchpoint the
     * map places nowhere.
     */
    static List<CustomerEvent> arriving(long seed, int customers, int events) {
        Random random = new Random(seed);
        List<CustomerEvent> made = new ArrayList<>();
        List<Long> arrival = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            long minute = random.nextInt(600);
            String touchpoint = TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()));
            CustomerEvent event = Interaction.builder(CustomerId.of("c" + random.nextInt(customers)),
                    START.plus(Duration.ofMinutes(minute)).plusMillis(random.nextInt(1000)),
                    Touchpoint.of(touchpoint, touchpoint, Channel.WEB)).eventId("e" + i).outcome("ok").build();
            made.add(event);
            arrival.add(minute + random.nextInt(41));
            if (random.nextInt(10) == 0) {
                made.add(event);
                arrival.add(minute + random.nextInt(41));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(arrival.get(a), arrival.get(b)));
        return order.stream().map(made::get).toList();
    }

    @Test
    void everyJourneyChangeAndStageCountEqualsTheSingleMachineTracker() {
        StageTracking tracking = StageTracking.custom(MAP).tolerance(Duration.ofMinutes(30)).build();
        List<CustomerEvent> events = arriving(1, 200, 3_000);
        List<StageChange> heard = new ArrayList<>();
        StageTracker single = tracking.tracker().addListener(new JourneyListener() {
            @Override
            public void stageChanged(StageChange change) {
                heard.add(change);
            }
        });
        events.forEach(single::track);
        assertThat(single.lateEvents()).as("some events are late").isPositive();
        assertThat(single.duplicateEvents()).as("some are duplicates").isPositive();
        assertThat(heard).as("some changes are retroactive").anyMatch(StageChange::retroactive);

        for (JourneyStages stages : List.of(JourneyStages.custom(tracking).storeType(Materialized.StoreType.IN_MEMORY)
                .build(), JourneyStages.ofDefaults(tracking))) {
            Run run = run(stages, events, StreamEvents.rocksDbDriverProperties(stateDir.toString()));

            assertThat(run.journeys).as(stages.toString()).isEqualTo(journeysOf(single));
            assertThat(run.changes).isEqualTo(heard.stream()
                    .map(change -> KeyValue.pair(change.customer().value(), change)).toList());
            Map<String, String> current = new TreeMap<>();
            single.state().journeys().forEach(journey -> current.put(journey.customer().value(),
                    journey.currentVisit().stage()));
            assertThat(run.currentStages).isEqualTo(current);
            Map<String, Long> expected = new TreeMap<>(single.customersByStage());
            expected.values().removeIf(count -> count == 0);
            Map<String, Long> counted = new TreeMap<>(run.stageCounts);
            counted.values().removeIf(count -> count == 0);
            assertThat(counted).isEqualTo(expected).isEqualTo(single.result().customersByStage());
        }
    }

    @Test
    void aLateEventRebuildsTheHistoryWithinTheToleranceAndIsIgnoredBeyondItAndADuplicateChangesNothing() {
        // By hand, tolerance 30 minutes: ann at ad 10:00, product 10:30, product 10:30 again (a duplicate),
        // checkout 11:00; then a hotline call at 10:40 arrives (20 minutes before her latest: within) and puts her
        // in service from 10:40 and back in purchase at 11:00, both retroactive; an ad at 09:00 arrives (two hours
        // before her latest: late) and changes nothing.
        StageTracking tracking = StageTracking.custom(MAP).tolerance(Duration.ofMinutes(30)).build();
        CustomerEvent product = at("e2", "product", "10:30");
        List<CustomerEvent> events = List.of(at("e1", "ad", "10:00"), product, product, at("e3", "checkout", "11:00"),
                at("e4", "hotline", "10:40"), at("e5", "ad", "09:00"));

        Run run = run(JourneyStages.custom(tracking).storeType(Materialized.StoreType.IN_MEMORY).build(), events,
                StreamEvents.driverProperties(stateDir.toString()));

        CustomerId ann = CustomerId.of("ann");
        assertThat(run.changes.stream().map(change -> change.value).toList()).containsExactly(
                new StageChange(ann, Optional.empty(), "awareness", time("10:00"), false),
                new StageChange(ann, Optional.of("awareness"), "consideration", time("10:30"), false),
                new StageChange(ann, Optional.of("consideration"), "purchase", time("11:00"), false),
                new StageChange(ann, Optional.of("consideration"), "service", time("10:40"), true),
                new StageChange(ann, Optional.of("service"), "purchase", time("11:00"), true));
        assertThat(run.currentStages).containsExactly(Map.entry("ann", "purchase"));
        assertThat(run.stageCounts).containsEntry("purchase", 1L).containsEntry("awareness", 0L)
                .containsEntry("consideration", 0L);
        assertThat(run.journeys.get("ann").history()).extracting(visit -> visit.stage())
                .containsExactly("awareness", "consideration", "service", "purchase");
    }

    @Test
    void aTombstoneBetweenEventsChangesNothingAndTheStreamGoesOn() {
        // Oracle: the same events without tombstones through the same topology; a null value (a tombstone,
        // which CxmSerdes.events() reads as null) must leave every store and the output as they were.
        StageTracking tracking = StageTracking.custom(MAP).tolerance(Duration.ofMinutes(30)).build();
        List<CustomerEvent> events = arriving(3, 20, 200);
        JourneyStages stages = JourneyStages.custom(tracking).storeType(Materialized.StoreType.IN_MEMORY).build();

        Run withTombstones = run(stages, events, StreamEvents.driverProperties(stateDir.toString()), true);

        Run without = run(stages, events, StreamEvents.driverProperties(stateDir.toString()), false);
        assertThat(without.journeys).hasSizeGreaterThan(10);
        assertThat(withTombstones).isEqualTo(without);
    }

    @Test
    void aForgottenCustomerLeavesEveryStoreAndTheCountsEqualATrackerThatNeverSawThem() {
        // Oracle: a single-machine tracker fed the same events without those of the forgotten customers (lateness
        // and duplicates are per customer, so the others' journeys do not depend on them).
        StageTracking tracking = StageTracking.custom(MAP).tolerance(Duration.ofMinutes(30)).build();
        List<CustomerEvent> events = arriving(4, 40, 600);
        List<String> forgotten = List.of("c3", "c17", "c31");
        StageTracker without = tracking.tracker();
        events.stream().filter(event -> !forgotten.contains(event.customerId().value())).forEach(without::track);
        JourneyStages stages = JourneyStages.custom(tracking).storeType(Materialized.StoreType.IN_MEMORY).build();

        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, CustomerEvent> source = builder.stream("events", Consumed.with(Serdes.String(),
                CxmSerdes.events()).withTimestampExtractor(new EventTimestampExtractor()));
        KStream<String, String> erasures = builder.stream("erasures", Consumed.with(Serdes.String(),
                Serdes.String()));
        KStream<String, StageChange> changes = stages.changes(source, erasures);
        changes.to("changes", Produced.with(Serdes.String(), CxmSerdes.stageChanges()));
        stages.stageCounts(stages.currentStages(changes));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(),
                StreamEvents.driverProperties(stateDir.toString()))) {
            TestInputTopic<String, CustomerEvent> input = driver.createInputTopic("events",
                    Serdes.String().serializer(), CxmSerdes.events().serializer());
            TestInputTopic<String, String> erase = driver.createInputTopic("erasures", Serdes.String().serializer(),
                    Serdes.String().serializer());
            events.forEach(event -> input.pipeInput(event.eventId().value(), event));
            Map<String, String> currentBefore = read(driver.getKeyValueStore(stages.storeName() + "-current"));
            assertThat(currentBefore).as("the customers were tracked").containsKeys("c3", "c17", "c31");
            forgotten.forEach(customer -> erase.pipeInput(customer, "erase"));
            erase.pipeInput("nobody-tracked", (String) null);
            erase.pipeInput(" ", "not an id");

            Map<String, CustomerJourney> journeys = read(driver.getKeyValueStore(stages.storeName()));
            Map<String, String> current = read(driver.getKeyValueStore(stages.storeName() + "-current"));
            Map<String, Long> counted = new TreeMap<>(read(driver.<String, Long>getKeyValueStore(
                    stages.storeName() + "-stage-counts")));
            counted.values().removeIf(count -> count == 0);
            List<KeyValue<String, StageChange>> sent = driver.createOutputTopic("changes",
                    Serdes.String().deserializer(), CxmSerdes.stageChanges().deserializer()).readKeyValuesToList();

            assertThat(journeys).isEqualTo(journeysOf(without)).doesNotContainKeys("c3", "c17", "c31");
            assertThat(current).doesNotContainKeys("c3", "c17", "c31").hasSize(journeys.size());
            Map<String, Long> expected = new TreeMap<>(without.customersByStage());
            expected.values().removeIf(count -> count == 0);
            assertThat(counted).isEqualTo(expected);
            assertThat(sent.subList(sent.size() - 4, sent.size())).containsExactly(KeyValue.pair("c3", null),
                    KeyValue.pair("c17", null), KeyValue.pair("c31", null), KeyValue.pair("nobody-tracked", null));
        }
    }

    private static CustomerEvent at(String id, String touchpoint, String time) {
        return Interaction.builder(CustomerId.of("ann"), time(time), Touchpoint.of(touchpoint, touchpoint, Channel.WEB))
                .eventId(id).outcome("ok").build();
    }

    private static Instant time(String hhmm) {
        return Instant.parse("2026-03-02T" + hhmm + ":00Z");
    }

    private static Map<String, CustomerJourney> journeysOf(StageTracker tracker) {
        Map<String, CustomerJourney> journeys = new TreeMap<>();
        tracker.state().journeys().forEach(journey -> journeys.put(journey.customer().value(), journey));
        return journeys;
    }

    /** What the topology left: its journeys, the changes it sent, the current stages and the counts. */
    private record Run(Map<String, CustomerJourney> journeys, List<KeyValue<String, StageChange>> changes,
            Map<String, String> currentStages, Map<String, Long> stageCounts) {}

    private static Run run(JourneyStages stages, List<CustomerEvent> events, Properties properties) {
        return run(stages, events, properties, false);
    }

    /** Runs the events, each after a tombstone (a null value) when {@code tombstones}. */
    private static Run run(JourneyStages stages, List<CustomerEvent> events, Properties properties,
            boolean tombstones) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, CustomerEvent> source = builder.stream("events", Consumed.with(Serdes.String(),
                CxmSerdes.events()).withTimestampExtractor(new EventTimestampExtractor()));
        KStream<String, StageChange> changes = stages.changes(source);
        changes.to("changes", Produced.with(Serdes.String(), CxmSerdes.stageChanges()));
        KTable<String, String> current = stages.currentStages(changes);
        stages.stageCounts(current);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), properties)) {
            TestInputTopic<String, CustomerEvent> input = driver.createInputTopic("events",
                    Serdes.String().serializer(), CxmSerdes.events().serializer());
            // Keyed by anything but the customer: the stages re-key by customer themselves.
            for (CustomerEvent event : events) {
                if (tombstones) {
                    input.pipeInput(event.eventId().value(), null);
                }
                input.pipeInput(event.eventId().value(), event);
            }
            List<KeyValue<String, StageChange>> sent = driver.createOutputTopic("changes",
                    Serdes.String().deserializer(), CxmSerdes.stageChanges().deserializer()).readKeyValuesToList();
            return new Run(read(driver.getKeyValueStore(stages.storeName())), sent,
                    read(driver.getKeyValueStore(stages.storeName() + "-current")),
                    read(driver.getKeyValueStore(stages.storeName() + "-stage-counts")));
        }
    }

    private static <V> Map<String, V> read(KeyValueStore<String, V> store) {
        Map<String, V> read = new TreeMap<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> read.put(entry.key, entry.value));
        }
        return read;
    }
}
