package dev.cxm.core.internal.store;

import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;

/**
 * The event log reads back the events of a time range and of some types in time order, ties in append order,
 * and its snapshots stay as they were taken. Oracle: a brute-force filter of the appended events by type and
 * time, sorted stably by time.
 */
class EventLogTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static CustomerEvent randomEvent(SplittableRandom random, int index, boolean oneType) {
        CustomerId customer = CustomerId.of("c" + random.nextInt(5));
        Instant at = START.plusSeconds(random.nextInt(40));
        return switch (oneType ? 0 : random.nextInt(3)) {
            case 0 -> FeedbackResponse.builder(customer, at, "nps", FeedbackScale.NPS, random.nextInt(11))
                    .eventId("f" + index).build();
            case 1 -> Purchase.builder(customer, at, Money.of("1.00", "EUR")).eventId("p" + index).build();
            default -> Interaction.builder(customer, at, HOTLINE).eventId("i" + index).build();
        };
    }

    private static List<CustomerEvent> expected(List<CustomerEvent> appended, Optional<Instant> from,
            Optional<Instant> to, int mask) {
        return appended.stream()
                .filter(event -> (mask >>> event.eventType().ordinal() & 1) != 0)
                .filter(event -> from.map(f -> !event.occurredAt().isBefore(f)).orElse(true))
                .filter(event -> to.map(t -> event.occurredAt().isBefore(t)).orElse(true))
                .sorted(Comparator.comparing(CustomerEvent::occurredAt)).toList();
    }

    @Test
    void rangesOfSomeTypesMatchABruteForceFilterAndOldSnapshotsStayAsTheyWere() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            EventLog log = new EventLog();
            List<CustomerEvent> appended = new ArrayList<>();
            // One type first (the log without a type column), then possibly every type.
            int oneTypeFor = random.nextInt(60);
            int count = random.nextInt(120);
            List<EventLog.Snapshot> snapshots = new ArrayList<>();
            List<List<CustomerEvent>> snapshotContents = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                CustomerEvent event = randomEvent(random, i, i < oneTypeFor);
                log.append(event);
                appended.add(event);
                if (random.nextInt(10) == 0) {
                    log.sort();
                    snapshots.add(log.snapshot());
                    snapshotContents.add(expected(appended, Optional.empty(), Optional.empty(), EventLog.ALL_TYPES));
                }
            }
            log.sort();
            EventLog.Snapshot snapshot = log.snapshot();
            for (int query = 0; query < 20; query++) {
                Optional<Instant> from = random.nextBoolean() ? Optional.of(START.plusSeconds(random.nextInt(45)))
                        : Optional.empty();
                Optional<Instant> to = random.nextBoolean() ? Optional.of(START.plusSeconds(random.nextInt(45)))
                        : Optional.empty();
                int mask = 1 + random.nextInt(EventLog.ALL_TYPES);
                List<CustomerEvent> expected = expected(appended, from, to, mask);
                try (Stream<CustomerEvent> read = snapshot.between(from, to, mask)) {
                    assertThat(read.toList()).isEqualTo(expected);
                }
                // One at a time (as an iterator reads, through tryAdvance), then the rest at once.
                Spliterator<CustomerEvent> range = snapshot.between(from, to, mask).spliterator();
                List<CustomerEvent> stepped = new ArrayList<>();
                int steps = random.nextInt(expected.size() + 2);
                for (int step = 0; step < steps; step++) {
                    assertThat(range.tryAdvance(stepped::add)).isEqualTo(step < expected.size());
                }
                range.forEachRemaining(stepped::add);
                assertThat(stepped).isEqualTo(expected);
                assertThat(range.tryAdvance(stepped::add)).isFalse();
                List<CustomerEvent> iterated = new ArrayList<>();
                snapshot.between(from, to, mask).iterator().forEachRemaining(iterated::add);
                assertThat(iterated).isEqualTo(expected);
                // A range whose every event is of an admitted type knows its exact size.
                Spliterator<CustomerEvent> fresh = snapshot.between(from, to, mask).spliterator();
                if ((snapshot.typesPresent() & mask) != 0) {
                    assertThat(fresh.hasCharacteristics(Spliterator.ORDERED | Spliterator.NONNULL
                            | Spliterator.IMMUTABLE)).isTrue();
                }
                if ((snapshot.typesPresent() & mask) != 0 && snapshot.admitsAll(mask)) {
                    assertThat(fresh.hasCharacteristics(Spliterator.SIZED | Spliterator.SUBSIZED)).isTrue();
                    assertThat(fresh.getExactSizeIfKnown()).isEqualTo(expected.size());
                }
            }
            for (int type = 0; type < EventType.values().length; type++) {
                int mask = 1 << type;
                long ofType = appended.stream().filter(event -> (mask >>> event.eventType().ordinal() & 1) != 0)
                        .count();
                long admitted = 0;
                for (int i = 0; i < snapshot.size(); i++) {
                    admitted += snapshot.admits(i, mask) ? 1 : 0;
                }
                assertThat(admitted).isEqualTo(ofType);
                assertThat(snapshot.admitsAll(mask)).isEqualTo(ofType == appended.size());
            }
            for (int i = 0; i < snapshots.size(); i++) {
                try (Stream<CustomerEvent> read = snapshots.get(i).between(Optional.empty(), Optional.empty(),
                        EventLog.ALL_TYPES)) {
                    assertThat(read.toList()).isEqualTo(snapshotContents.get(i));
                }
            }
        });
    }

    @Test
    void aSecondTypeInTimeOrderKeepsTheTypesOfTheEventsBeforeIt() {
        // Oracle: the brute-force filter. Responses in time order, then an interaction, then responses again:
        // the log stays in order (it is never sorted, so its type column is the one started when the
        // interaction came), and a read of responses alone must still find the ones from before it.
        for (int before : new int[] {1, 2, 64, 65, 16_384, 16_390}) {
            EventLog log = new EventLog();
            List<CustomerEvent> appended = new ArrayList<>();
            for (int i = 0; i < before + 3; i++) {
                CustomerId customer = CustomerId.of("c" + i % 7);
                CustomerEvent event = i == before
                        ? Interaction.builder(customer, START.plusSeconds(i), HOTLINE).eventId("i" + i).build()
                        : FeedbackResponse.builder(customer, START.plusSeconds(i), "nps", FeedbackScale.NPS, i % 11)
                                .eventId("f" + i).build();
                log.append(event);
                appended.add(event);
            }
            assertThat(log.ordered()).isTrue();
            EventLog.Snapshot snapshot = log.snapshot();
            for (EventType type : EventType.values()) {
                int mask = EventLog.maskOf(type);
                try (Stream<CustomerEvent> read = snapshot.between(Optional.empty(), Optional.empty(), mask)) {
                    assertThat(read.toList()).as("%d before, %s", before, type)
                            .isEqualTo(expected(appended, Optional.empty(), Optional.empty(), mask));
                }
            }
        }
    }

    @Test
    void aLogWithoutSomeEventsAndAClearedSlotLeaveSnapshotsAlone() {
        // Oracle: the brute-force filter of the appended events, before and after.
        SplittableRandom random = new SplittableRandom(3);
        EventLog log = new EventLog();
        List<CustomerEvent> appended = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            CustomerEvent event = randomEvent(random, i, false);
            appended.add(event);
            log.append(event);
        }
        log.sort();
        EventLog.Snapshot before = log.snapshot();
        List<CustomerEvent> sorted = expected(appended, Optional.empty(), Optional.empty(), EventLog.ALL_TYPES);

        EventLog kept = log.without(index -> before.get(index).customerId().value().equals("c1"));
        EventLog copy = log.copy();
        copy.clear(0);

        assertThat(kept.snapshot().between(Optional.empty(), Optional.empty(), EventLog.ALL_TYPES).toList())
                .isEqualTo(sorted.stream().filter(event -> !event.customerId().value().equals("c1")).toList());
        assertThat(before.between(Optional.empty(), Optional.empty(), EventLog.ALL_TYPES).toList()).isEqualTo(sorted);
        assertThat(copy.get(0)).isNull();
        assertThat(log.get(0)).isEqualTo(sorted.get(0));
    }

    @Test
    void aLogOfSeveralChunksReadsAsABruteForceSortAndSnapshotsSurviveItsGrowth() {
        // Oracle: the brute-force filter and stable sort of the appended events. 50,000 events fill three
        // chunks of 16,384 and part of a fourth; a second type arrives after 20,000 (the type column starts),
        // events leave time order after 30,000 (the log sorts into new chunks). Snapshots are taken around the
        // first chunk's growth and the chunk boundaries.
        SplittableRandom random = new SplittableRandom(11);
        EventLog log = new EventLog();
        List<CustomerEvent> appended = new ArrayList<>();
        List<Integer> snapshotSizes = List.of(1, 64, 100, 16_384, 16_385, 20_001, 29_999);
        List<EventLog.Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            CustomerEvent event = randomEvent(random, i, i < 20_000);
            if (i < 30_000) {
                event = i < 20_000
                        ? FeedbackResponse.builder(event.customerId(), START.plusSeconds(i), "nps", FeedbackScale.NPS, 7)
                                .eventId("f" + i).build()
                        : Interaction.builder(event.customerId(), START.plusSeconds(i), HOTLINE).eventId("i" + i).build();
            }
            log.append(event);
            appended.add(event);
            if (snapshotSizes.contains(i + 1)) {
                snapshots.add(log.snapshot());
            }
        }
        log.sort();
        EventLog.Snapshot all = log.snapshot();

        assertThat(all.between(Optional.empty(), Optional.empty(), EventLog.ALL_TYPES).toList())
                .isEqualTo(expected(appended, Optional.empty(), Optional.empty(), EventLog.ALL_TYPES));
        int interactions = EventLog.maskOf(EventType.INTERACTION);
        Optional<Instant> from = Optional.of(START.plusSeconds(15_000));
        Optional<Instant> to = Optional.of(START.plusSeconds(25_000));
        assertThat(all.between(from, to, interactions).toList()).isEqualTo(expected(appended, from, to, interactions));
        assertThat(all.between(Optional.empty(), Optional.empty(), EventLog.ALL_TYPES).parallel().toList())
                .isEqualTo(expected(appended, Optional.empty(), Optional.empty(), EventLog.ALL_TYPES));
        for (int i = 0; i < snapshots.size(); i++) {
            List<CustomerEvent> prefix = appended.subList(0, snapshotSizes.get(i));
            assertThat(snapshots.get(i).between(Optional.empty(), Optional.empty(), EventLog.ALL_TYPES).toList())
                    .as("the snapshot of %d events", prefix.size())
                    .isEqualTo(expected(prefix, Optional.empty(), Optional.empty(), EventLog.ALL_TYPES));
        }
    }

    @Test
    void roomMadeForABatchUpFrontHoldsItAndTheEventsAfterIt() {
        // Oracle: the brute-force filter. The store makes room for a whole batch before appending it; after 10
        // events, a batch that fills the grown first chunk exactly (210 where 64 were, 16,384) or goes past it,
        // then events beyond the batch: every event must read back, the earlier ones too.
        SplittableRandom random = new SplittableRandom(11);
        for (int batch : new int[] {65, 86, 87, 200, 16_374, 16_375, 20_000}) {
            EventLog log = new EventLog();
            List<CustomerEvent> appended = new ArrayList<>();
            for (int i = 0; i < 10 + batch + 300; i++) {
                if (i == 10) {
                    log.ensureRoomFor(batch);
                }
                CustomerEvent event = randomEvent(random, i, false);
                log.append(event);
                appended.add(event);
            }
            log.sort();
            EventLog.Snapshot snapshot = log.snapshot();
            for (int mask : new int[] {EventLog.ALL_TYPES, EventLog.maskOf(EventType.PURCHASE)}) {
                try (Stream<CustomerEvent> read = snapshot.between(Optional.empty(), Optional.empty(), mask)) {
                    assertThat(read.toList()).as("batch %d, mask %d", batch, mask)
                            .isEqualTo(expected(appended, Optional.empty(), Optional.empty(), mask));
                }
            }
        }
    }

    @Test
    void aRangeSplitsInHalvesWhileEachHalfHoldsAtLeast4096Slots() {
        // Oracle: the Javadoc's rule, worked by hand. A parallel stream divides a range in halves, and a range
        // whose halves would hold fewer than 4,096 slots is not divided: 8,192 slots split once into 4,096 and
        // 4,096, neither of which splits again; 8,191 do not split.
        EventLog log = new EventLog();
        List<CustomerEvent> appended = new ArrayList<>();
        for (int i = 0; i < 8_192; i++) {
            CustomerEvent event = Interaction.builder(CustomerId.of("c" + i % 7), START.plusSeconds(i), HOTLINE)
                    .eventId("i" + i).build();
            log.append(event);
            appended.add(event);
        }
        Spliterator<CustomerEvent> whole = log.snapshot()
                .between(Optional.empty(), Optional.empty(), EventLog.ALL_TYPES).spliterator();
        Spliterator<CustomerEvent> firstHalf = whole.trySplit();

        assertThat(firstHalf).isNotNull();
        assertThat(firstHalf.estimateSize()).isEqualTo(4_096);
        assertThat(whole.estimateSize()).isEqualTo(4_096);
        assertThat(firstHalf.trySplit()).isNull();
        assertThat(whole.trySplit()).isNull();
        List<CustomerEvent> read = new ArrayList<>();
        firstHalf.forEachRemaining(read::add);
        whole.forEachRemaining(read::add);
        assertThat(read).isEqualTo(appended);

        Spliterator<CustomerEvent> short8191 = log.snapshot()
                .between(Optional.empty(), Optional.of(START.plusSeconds(8_191)), EventLog.ALL_TYPES).spliterator();
        assertThat(short8191.estimateSize()).isEqualTo(8_191);
        assertThat(short8191.trySplit()).isNull();
    }
}
