package dev.cxm.journey.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.track.internal.JourneyTable;

/**
 * The default {@link TrackingStore}: the journeys on the heap, in primitive tables that a {@link StageTracker}
 * updates in place (no copy and no allocation per event once the tables have grown); {@link #get} and
 * {@link #journeys} hand out immutable snapshots. Thread-safe (one lock). Memory: per customer a slot of the
 * index (52 bytes, the index kept between a third and two thirds full), 24 bytes per recent event and 12 per
 * settled visit, each customer's in a block of a power of two of them (two recent events and four visits at
 * first); a block outgrown is reused by the next customer needing one of its size. The tables hold at most
 * about 700 million recent events and 2 billion settled visits.
 */
public final class InMemoryTrackingStore implements TrackingStore {

    private final JourneyTable table = new JourneyTable(1 << 10);

    private InMemoryTrackingStore() {}

    /**
     * Returns a new, empty store.
     *
     * @return the store
     */
    public static InMemoryTrackingStore create() {
        return new InMemoryTrackingStore();
    }

    /** Returns the tables, which the tracker updates in place holding this store's lock. */
    JourneyTable table() {
        return table;
    }

    @Override
    public synchronized Optional<CustomerJourney> get(CustomerId customer) {
        int slot = table.slotOf(Checks.present("customer", customer));
        return slot < 0 ? Optional.empty() : Optional.of(table.snapshot(slot));
    }

    @Override
    public synchronized void put(CustomerJourney journey) {
        table.put(Checks.present("journey", journey));
    }

    @Override
    public synchronized boolean remove(CustomerId customer) {
        return table.remove(Checks.present("customer", customer));
    }

    @Override
    public synchronized Stream<CustomerJourney> journeys() {
        List<CustomerJourney> snapshot = new ArrayList<>(table.size());
        for (int slot = 0; slot < table.slots(); slot++) {
            if (table.customerAt(slot) != null) {
                snapshot.add(table.snapshot(slot));
            }
        }
        return snapshot.stream();
    }

    @Override
    public synchronized long size() {
        return table.size();
    }
}
