package dev.cxm.journey.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.group.GroupKey;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.privacy.ErasureParticipant;
import dev.cxm.journey.internal.Micros;
import dev.cxm.journey.internal.Sequences;
import dev.cxm.journey.internal.TouchpointCache;
import dev.cxm.journey.map.Stage;
import dev.cxm.journey.track.internal.JourneyTable;

/**
 * Follows customers through a journey map's stages as their events come in, one at a time or in batches,
 * and tells {@link JourneyListener}s of every stage change and stall. Start one with
 * {@link StageTracking#tracker()}.
 *
 * <h2>What it keeps</h2>
 * For each customer, in a {@link TrackingStore}, a {@link CustomerJourney}: the current stage, when it was
 * entered and the history of stages. An event the map places nowhere is ignored. The stage at any instant is
 * that of the customer's latest placed event at or before it ({@link #stageAt}); events at one instant are
 * ordered by a hash of their ids, so that the outcome never depends on arrival order.
 *
 * <h2>Order, lateness and duplicates</h2>
 * Events may arrive out of order by up to the configured tolerance before the customer's latest event: the
 * history is then rebuilt as if they had come in order (listeners hear the changes that result, marked
 * retroactive). An event older than that is late: it is ignored and counted ({@link #lateEvents()}). An event
 * arriving again (the same id at the same instant) changes nothing ({@link #duplicateEvents()}). So replaying
 * the same events gives the same state whatever their order, as long as each arrives within the tolerance
 * of the latest event of its customer seen so far.
 *
 * <h2>Stalls</h2>
 * {@link #checkStalls()} reports every customer whose current stay has lasted longer than the stage's
 * expected time, by the configured clock; each stay once. Call it on a schedule.
 *
 * <h2>As an accumulator</h2>
 * {@link #add} tracks an event (without a listener in the way: listeners still hear it), {@link #state()} and
 * {@link #result()} snapshot every journey, and {@link #merge} adds the journeys of another tracker of the same
 * configuration without notifying listeners. Merging is exact when the two trackers hold different customers
 * (a stream partitioned by customer), or when a customer's events in both lie within the tolerance of each
 * other; otherwise the other tracker's settled visits are merged as events at the instants the visits began.
 *
 * <h2>Threads and memory</h2>
 * Every method is thread-safe (one lock per tracker). Memory is the store's: per customer the settled visits
 * and the events of the last tolerance (see {@link InMemoryTrackingStore}).
 */
public final class StageTracker
        implements Accumulator<CustomerEvent, TrackingState, TrackingSnapshot, StageTracker>, ErasureParticipant {

    /** What tracking one event did. */
    public enum Outcome {
        /** The event moved the customer into another stage. */
        STAGE_CHANGED,
        /** The event was placed; the customer's stage did not change. */
        SAME_STAGE,
        /** The map places the event in no stage; ignored. */
        UNPLACED,
        /** The event lies before the customer's latest event by more than the tolerance; ignored. */
        LATE,
        /** The event was tracked before; ignored. */
        DUPLICATE
    }

    /** How many events {@link #trackAll} reads ahead at once. */
    private static final int READ_AHEAD = 64;

    private final StageTracking configuration;
    private final TrackingStore store;
    /** The store when it is the in-memory default, whose tables the tracker updates in place; else null. */
    private final InMemoryTrackingStore memory;
    /** The in-memory store's tables, or null. */
    private final JourneyTable table;
    /** The code of each stage of the map (by index) in the in-memory store's tables; empty without them. */
    private final int[] stageCodes;
    /** The table a journey of a host's store is copied into to be updated, one at a time; null until needed. */
    private JourneyTable scratch;
    private boolean scratchInUse;
    private final Object storeLock;
    private final long toleranceMicros;
    private final List<JourneyListener> listeners = new CopyOnWriteArrayList<>();
    private final TouchpointCache stageIndexes;
    private final String[] stageNames;
    private final Duration[] expectedTimes;
    private final Map<String, Integer> stageIndexByName = new HashMap<>();
    private final PriorityQueue<Deadline> deadlines = new PriorityQueue<>();
    private boolean deadlinesSeeded;
    /** Customers per stage now, by stage index; kept once {@link #customersByStage()} has read the store. */
    private final long[] population;
    private boolean populationSeeded;
    /** What reading ahead loaded, kept so that the loads are not optimised away. */
    private long readAheadSink;
    private long late;
    private long duplicates;
    private long unplaced;

    /** When a customer's stay in a stage becomes a stall. */
    private record Deadline(long dueMicros, CustomerId customer, String stage, Instant enteredAt)
            implements Comparable<Deadline> {
        @Override
        public int compareTo(Deadline other) {
            return Long.compare(dueMicros, other.dueMicros);
        }
    }

    StageTracker(StageTracking configuration, TrackingStore store) {
        this.configuration = configuration;
        this.store = store;
        this.memory = store instanceof InMemoryTrackingStore inMemory ? inMemory : null;
        this.storeLock = memory != null ? memory : new Object();
        this.toleranceMicros = Sequences.micros(configuration.tolerance());
        List<Stage> stages = configuration.map().stages();
        this.stageNames = new String[stages.size()];
        this.expectedTimes = new Duration[stages.size()];
        this.population = new long[stages.size()];
        for (int i = 0; i < stages.size(); i++) {
            stageNames[i] = stages.get(i).name();
            expectedTimes[i] = stages.get(i).expectedTime().orElse(null);
            stageIndexByName.put(stageNames[i], i);
        }
        this.stageIndexes = new TouchpointCache(event -> configuration.map().stageOf(event)
                .map(stageIndexByName::get).orElse(-1));
        this.table = memory == null ? null : memory.table();
        this.stageCodes = new int[memory == null ? 0 : stageNames.length];
        if (memory != null) {
            synchronized (memory) {
                for (int i = 0; i < stageNames.length; i++) {
                    stageCodes[i] = table.codeOf(stageNames[i]);
                }
            }
        }
    }

    /**
     * Returns the configuration this tracker runs on.
     *
     * @return the configuration
     */
    public StageTracking configuration() {
        return configuration;
    }

    /**
     * Adds a listener, which hears every later stage change and stall.
     *
     * @param listener the listener
     * @return this tracker
     */
    public StageTracker addListener(JourneyListener listener) {
        listeners.add(Checks.present("listener", listener));
        return this;
    }

    /**
     * Tracks one event.
     *
     * @param event the event
     * @return what it did
     * @throws IllegalArgumentException when the event's instant lies beyond about 292,000 years of 1970
     */
    public synchronized Outcome track(CustomerEvent event) {
        Checks.present("event", event);
        synchronized (storeLock) {
            return trackHoldingLocks(event);
        }
    }

    /** Tracks one event, holding this tracker's lock and the store's. */
    private Outcome trackHoldingLocks(CustomerEvent event) {
        int stageIndex = (int) stageIndexes.valueOf(event);
        if (stageIndex < 0) {
            unplaced++;
            return Outcome.UNPLACED;
        }
        long time = Micros.of(event);
        long hash = event.eventId().fnv1a64();
        if (table != null) {
            return track(table, event.customerId(), time, hash, stageCodes[stageIndex], true);
        }
        return trackInStore(event.customerId(), time, hash, stageNames[stageIndex], true);
    }

    /**
     * Tracks events in the given order: as {@link #track} one by one, but quicker for many events of many
     * customers, as a consumer's poll delivers them (with the in-memory store, the customers' state is read
     * ahead 64 events at a time, so that the processor waits for many customers' memory at
     * once instead of one after the other).
     *
     * @param events the events
     * @return this tracker
     * @throws IllegalArgumentException when an event's instant lies beyond about 292,000 years of 1970; the
     *     events before it are tracked
     */
    public synchronized StageTracker trackAll(Iterable<? extends CustomerEvent> events) {
        Checks.present("events", events);
        if (memory == null) {
            events.forEach(this::track);
            return this;
        }
        CustomerEvent[] batch = new CustomerEvent[READ_AHEAD];
        int size = 0;
        for (CustomerEvent event : events) {
            batch[size++] = Checks.present("event", event);
            if (size == READ_AHEAD) {
                trackReadingAhead(batch, size);
                size = 0;
            }
        }
        trackReadingAhead(batch, size);
        return this;
    }

    /** Tracks a batch after reading ahead each event's customer state (see {@link JourneyTable#readAhead}). */
    private void trackReadingAhead(CustomerEvent[] batch, int size) {
        // One hold of the store's lock for the batch: taking and releasing a lock waits for the stores of the
        // event before, which a batch lets overlap.
        synchronized (storeLock) {
            readAheadSink += table.readAhead(batch, size);
            for (int i = 0; i < size; i++) {
                trackHoldingLocks(batch[i]);
                batch[i] = null;
            }
        }
    }

    /** Tracks a placed event whose stage is given by name, holding the store's lock (for merges). */
    private Outcome trackNamed(CustomerId customer, long time, long hash, String stage, boolean notify) {
        if (table != null) {
            return track(table, customer, time, hash, table.codeOf(stage), notify);
        }
        return trackInStore(customer, time, hash, stage, notify);
    }

    /**
     * Tracks a placed event into a host's store, holding the store's lock: the customer's journey is copied
     * into the scratch table, updated there and put back when it changed.
     */
    private Outcome trackInStore(CustomerId customer, long time, long hash, String stage, boolean notify) {
        // A listener tracking another event from within a notification gets a table of its own.
        boolean reuse = !scratchInUse;
        if (reuse && scratch == null) {
            scratch = new JourneyTable(1);
        }
        JourneyTable journeys = reuse ? scratch : new JourneyTable(1);
        journeys.clear();
        scratchInUse = true;
        try {
            store.get(customer).ifPresent(journeys::put);
            Outcome outcome = track(journeys, customer, time, hash, journeys.codeOf(stage), notify);
            if (outcome != Outcome.LATE && outcome != Outcome.DUPLICATE) {
                store.put(journeys.snapshot(journeys.slotOf(customer)));
            }
            return outcome;
        } finally {
            if (reuse) {
                scratchInUse = false;
            }
        }
    }

    /**
     * Adds a placed event to the customer's journey in {@code journeys}, updated in place; reports what changed
     * when {@code notify} says so.
     */
    private Outcome track(JourneyTable journeys, CustomerId customer, long time, long hash, int stage,
            boolean notify) {
        int slot = journeys.slotOf(customer);
        if (slot < 0) {
            journeys.add(customer, time, hash, stage);
            String name = journeys.name(stage);
            moved(null, name);
            if (deadlinesSeeded || (notify && !listeners.isEmpty())) {
                Instant at = Micros.toInstant(time);
                entered(customer, name, at);
                if (notify) {
                    notifyChange(new StageChange(customer, Optional.empty(), name, at, false));
                }
            }
            return Outcome.STAGE_CHANGED;
        }
        int last = journeys.recentSize(slot) - 1;
        long latest = journeys.latestTime(slot);
        if (time < saturatedMinus(latest, toleranceMicros)) {
            late++;
            return Outcome.LATE;
        }
        int position = journeys.positionOf(slot, time, hash);
        if (position <= last && journeys.time(slot, position) == time && journeys.hash(slot, position) == hash) {
            duplicates++;
            return Outcome.DUPLICATE;
        }
        if (position == last + 1) {
            int current = journeys.latestStage(slot);
            journeys.append(slot, time, hash, stage, saturatedMinus(time, toleranceMicros));
            if (current == stage) {
                return Outcome.SAME_STAGE;
            }
            String from = journeys.name(current);
            String to = journeys.name(stage);
            moved(from, to);
            // Without listeners or stall deadlines, a change needs nothing built.
            if (deadlinesSeeded || (notify && !listeners.isEmpty())) {
                Instant at = Micros.toInstant(time);
                entered(customer, to, at);
                if (notify) {
                    notifyChange(new StageChange(customer, Optional.of(from), to, at, false));
                }
            }
            return Outcome.STAGE_CHANGED;
        }
        List<StageVisit> before = journeys.history(slot);
        journeys.insert(slot, position, time, hash, stage);
        journeys.settleBefore(slot, saturatedMinus(latest, toleranceMicros));
        List<StageVisit> after = journeys.history(slot);
        int common = 0;
        while (common < before.size() && common < after.size() && before.get(common).equals(after.get(common))) {
            common++;
        }
        if (common == after.size()) {
            return Outcome.SAME_STAGE;
        }
        StageVisit current = after.get(after.size() - 1);
        // An event before the latest never changes the current stage (the latest event's), so the population
        // counts stay; the current visit may begin at another instant.
        if (!current.equals(before.get(before.size() - 1))) {
            entered(customer, current.stage(), current.enteredAt());
        }
        for (int i = common; i < after.size() && notify; i++) {
            Optional<String> from = i == 0 ? Optional.empty() : Optional.of(after.get(i - 1).stage());
            notifyChange(new StageChange(customer, from, after.get(i).stage(), after.get(i).enteredAt(), true));
        }
        return Outcome.STAGE_CHANGED;
    }

    /** Moves a customer between stages in the population counts, once kept; {@code from} null for a newcomer. */
    private void moved(String from, String to) {
        if (!populationSeeded) {
            return;
        }
        count(from, -1);
        count(to, 1);
    }

    /** Adds {@code delta} to a stage's population; a stage the map lacks (a journey of an older map) is not counted. */
    private void count(String stage, int delta) {
        Integer index = stage == null ? null : stageIndexByName.get(stage);
        if (index != null) {
            population[index] += delta;
        }
    }

    /**
     * Returns how many tracked customers are in each stage of the map now (the stage of their latest placed
     * event), every stage in the map's order, those without customers as 0: what a dashboard shows. The first
     * call reads every journey in the store; the tracker then keeps the counts as it tracks, merges and
     * forgets, so that later calls cost a copy of one number per stage. (A store changed behind the tracker's
     * back is not seen; a journey in a stage the map does not have, written under an older map, is not counted.)
     *
     * @return customers per stage name, in the map's order
     */
    public synchronized Map<String, Long> customersByStage() {
        if (!populationSeeded) {
            synchronized (storeLock) {
                try (Stream<CustomerJourney> journeys = store.journeys()) {
                    journeys.forEach(journey -> count(journey.currentVisit().stage(), 1));
                }
            }
            populationSeeded = true;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < stageNames.length; i++) {
            counts.put(stageNames[i], population[i]);
        }
        return Collections.unmodifiableMap(counts);
    }

    private static long saturatedMinus(long value, long minus) {
        long result = value - minus;
        return ((value ^ minus) & (value ^ result)) < 0 ? Long.MIN_VALUE : result;
    }

    private void entered(CustomerId customer, String stage, Instant at) {
        if (!deadlinesSeeded) {
            return;
        }
        Duration expected = expectedTime(stage);
        if (expected != null) {
            deadlines.add(new Deadline(saturatedPlus(Micros.of(at), Sequences.micros(expected)), customer, stage, at));
        }
    }

    /** Returns the expected time of a stage, or null when it has none or the map has no such stage. */
    private Duration expectedTime(String stage) {
        Integer index = stageIndexByName.get(stage);
        return index == null ? null : expectedTimes[index];
    }

    private static long saturatedPlus(long value, long plus) {
        long result = value + plus;
        return ((value ^ result) & (plus ^ result)) < 0 ? Long.MAX_VALUE : result;
    }

    private void notifyChange(StageChange change) {
        for (JourneyListener listener : listeners) {
            try {
                listener.stageChanged(change);
            } catch (RuntimeException ignored) {
                // A listener's failure is its own; the others and the tracker go on.
            }
        }
    }

    /**
     * Reports every customer whose current stay in a stage has lasted longer than the stage's expected time,
     * by the configured clock, to the listeners; each stay is reported once by this tracker. The first call
     * reads every journey in the store; later calls look only at stays whose expected time has run out since.
     *
     * @return the stalls found now, ordered by when they became due
     */
    public synchronized List<Stall> checkStalls() {
        if (!deadlinesSeeded) {
            try (Stream<CustomerJourney> journeys = store.journeys()) {
                journeys.forEach(journey -> {
                    StageVisit current = journey.currentVisit();
                    Duration expected = expectedTime(current.stage());
                    if (expected != null) {
                        deadlines.add(new Deadline(saturatedPlus(Micros.of(current.enteredAt()),
                                Sequences.micros(expected)), journey.customer(), current.stage(), current.enteredAt()));
                    }
                });
            }
            deadlinesSeeded = true;
        }
        Instant now = configuration.clock().instant();
        long nowMicros = Micros.of(now);
        List<Stall> stalls = new ArrayList<>();
        while (!deadlines.isEmpty() && deadlines.peek().dueMicros() < nowMicros) {
            Deadline due = deadlines.poll();
            Optional<CustomerJourney> journey = store.get(due.customer());
            if (journey.isPresent() && journey.get().currentVisit().equals(new StageVisit(due.stage(), due.enteredAt()))) {
                Duration expected = expectedTime(due.stage());
                stalls.add(new Stall(due.customer(), due.stage(), due.enteredAt(), expected, now));
            }
        }
        for (Stall stall : stalls) {
            for (JourneyListener listener : listeners) {
                try {
                    listener.stalled(stall);
                } catch (RuntimeException ignored) {
                    // A listener's failure is its own.
                }
            }
        }
        return List.copyOf(stalls);
    }

    /**
     * Returns the stage a customer was in at an instant: that of their latest placed event at or before it.
     *
     * @param customer the customer
     * @param instant the instant
     * @return the stage, or empty when the customer is not tracked or had no placed event by then
     */
    public synchronized Optional<String> stageAt(CustomerId customer, Instant instant) {
        Checks.present("customer", customer);
        Checks.present("instant", instant);
        if (table != null) {
            synchronized (memory) {
                int slot = table.slotOf(customer);
                int stage = slot < 0 ? -1 : table.stageAt(slot, Micros.saturated(instant));
                return stage < 0 ? Optional.empty() : Optional.of(table.name(stage));
            }
        }
        return store.get(customer).flatMap(journey -> journey.stageAt(instant));
    }

    /**
     * Returns what the tracker knows of a customer.
     *
     * @param customer the customer
     * @return the journey, or empty when the customer is not tracked
     */
    public synchronized Optional<CustomerJourney> journeyOf(CustomerId customer) {
        return store.get(Checks.present("customer", customer));
    }

    /**
     * Returns the key that groups an event by the stage its customer was in when it happened
     * ({@link #stageAt}), named {@code journey-stage}: NPS by the stage the respondent was in, say. It asks
     * this tracker, so track the customers' events first.
     *
     * @return the key
     */
    public GroupKey stageKey() {
        return GroupKey.of("journey-stage", event -> stageAt(event.customerId(), event.occurredAt()));
    }

    /**
     * Forgets a customer, for erasure under data-protection law: their journey in the store and any stall
     * deadline pending for them, so that no later {@link #checkStalls()} names them. The counts of late,
     * duplicate and unplaced events, which name nobody, stay.
     *
     * @param customer the customer
     * @return the journeys removed: 1 when the customer was tracked, else 0
     */
    @Override
    public synchronized long forget(CustomerId customer) {
        Checks.present("customer", customer);
        deadlines.removeIf(deadline -> deadline.customer().equals(customer));
        synchronized (storeLock) {
            if (populationSeeded) {
                store.get(customer).ifPresent(journey -> count(journey.currentVisit().stage(), -1));
            }
            return store.remove(customer) ? 1 : 0;
        }
    }

    /**
     * Returns how many events were ignored as late since this tracker started.
     *
     * @return the count
     */
    public synchronized long lateEvents() {
        return late;
    }

    /**
     * Returns how many events were ignored as duplicates since this tracker started.
     *
     * @return the count
     */
    public synchronized long duplicateEvents() {
        return duplicates;
    }

    /**
     * Returns how many events the map placed in no stage since this tracker started.
     *
     * @return the count
     */
    public synchronized long unplacedEvents() {
        return unplaced;
    }

    @Override
    public StageTracker add(CustomerEvent value) {
        track(value);
        return this;
    }

    @Override
    public synchronized StageTracker merge(StageTracker other) {
        Accumulators.requireOther(this, other);
        if (!other.configuration.equals(configuration)) {
            throw new IllegalArgumentException("other: tracks under " + other.configuration + ", not "
                    + configuration + "; only trackers of one configuration merge");
        }
        for (CustomerJourney theirs : other.state().journeys()) {
            synchronized (storeLock) {
                if (store.get(theirs.customer()).isEmpty()) {
                    store.put(theirs);
                    moved(null, theirs.currentVisit().stage());
                    continue;
                }
                for (StageVisit visit : theirs.settled()) {
                    trackNamed(theirs.customer(), Micros.of(visit.enteredAt()), visit.stage().hashCode(), visit.stage(),
                            false);
                }
                for (StagedEvent event : theirs.recent()) {
                    trackNamed(theirs.customer(), Micros.of(event.at()), event.eventHash(), event.stage(), false);
                }
            }
        }
        return this;
    }

    @Override
    public synchronized TrackingState state() {
        try (Stream<CustomerJourney> journeys = store.journeys()) {
            return new TrackingState(journeys.toList());
        }
    }

    @Override
    public synchronized TrackingSnapshot result() {
        return TrackingSnapshot.of(state().journeys());
    }
}
