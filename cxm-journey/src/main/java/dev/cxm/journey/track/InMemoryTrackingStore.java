package dev.cxm.journey.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.track.internal.JourneyCell;

/**
 * The default {@link TrackingStore}: the journeys on the heap, in an open-addressing table of mutable cells that
 * a {@link StageTracker} updates in place (no copy per event); {@link #get} and {@link #journeys} hand out
 * immutable snapshots. Thread-safe (one lock). A journey whose events came in order costs its settled visits
 * (about 40 bytes each), its recent events (20 bytes each and the stage name's reference) and about 150 bytes.
 */
public final class InMemoryTrackingStore implements TrackingStore {

    private Object[] keys = new Object[1 << 10];
    private int[] hashes = new int[1 << 10];
    private JourneyCell[] cells = new JourneyCell[1 << 10];
    private int shift = 32 - 10;
    private int size;

    private InMemoryTrackingStore() {}

    /**
     * Returns a new, empty store.
     *
     * @return the store
     */
    public static InMemoryTrackingStore create() {
        return new InMemoryTrackingStore();
    }

    /** Returns the slot of a customer: where it is stored, or the free slot where it would go. */
    private int slotOf(CustomerId customer) {
        int hash = customer.hashCode();
        int mask = keys.length - 1;
        int slot = (hash * 0x9E3779B9) >>> shift;
        while (true) {
            Object key = keys[slot];
            if (key == null || key == customer || (hashes[slot] == hash && key.equals(customer))) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Returns the live cell of a customer, or null; for the tracker, which holds this store's lock. */
    JourneyCell cell(CustomerId customer) {
        return cells[slotOf(customer)];
    }

    /** Adds a live cell for a customer not yet stored; for the tracker, which holds this store's lock. */
    void add(JourneyCell cell) {
        int slot = slotOf(cell.customer());
        if (keys[slot] == null) {
            size++;
        }
        keys[slot] = cell.customer();
        hashes[slot] = cell.customer().hashCode();
        cells[slot] = cell;
        if (size * 3 > keys.length * 2) {
            grow();
        }
    }

    private void grow() {
        Object[] oldKeys = keys;
        int[] oldHashes = hashes;
        JourneyCell[] oldCells = cells;
        keys = new Object[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        cells = new JourneyCell[oldKeys.length * 2];
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slotOf((CustomerId) oldKeys[i]);
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                cells[slot] = oldCells[i];
            }
        }
    }

    @Override
    public synchronized Optional<CustomerJourney> get(CustomerId customer) {
        JourneyCell cell = cell(Checks.present("customer", customer));
        return cell == null ? Optional.empty() : Optional.of(cell.snapshot());
    }

    @Override
    public synchronized void put(CustomerJourney journey) {
        Checks.present("journey", journey);
        JourneyCell cell = cell(journey.customer());
        if (cell == null) {
            add(JourneyCell.of(journey));
        } else {
            cell.replaceWith(journey);
        }
    }

    @Override
    public synchronized boolean remove(CustomerId customer) {
        int slot = slotOf(Checks.present("customer", customer));
        if (keys[slot] == null) {
            return false;
        }
        keys[slot] = null;
        cells[slot] = null;
        size--;
        // Re-place the entries after the gap, so that every probe sequence stays unbroken.
        int mask = keys.length - 1;
        for (int next = (slot + 1) & mask; keys[next] != null; next = (next + 1) & mask) {
            Object key = keys[next];
            int hash = hashes[next];
            JourneyCell moved = cells[next];
            keys[next] = null;
            cells[next] = null;
            int target = slotOf((CustomerId) key);
            keys[target] = key;
            hashes[target] = hash;
            cells[target] = moved;
        }
        return true;
    }

    @Override
    public synchronized Stream<CustomerJourney> journeys() {
        List<CustomerJourney> snapshot = new ArrayList<>(size);
        for (JourneyCell cell : cells) {
            if (cell != null) {
                snapshot.add(cell.snapshot());
            }
        }
        return snapshot.stream();
    }

    @Override
    public synchronized long size() {
        return size;
    }
}
