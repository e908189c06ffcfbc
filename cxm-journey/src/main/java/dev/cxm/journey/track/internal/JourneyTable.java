package dev.cxm.journey.track.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.internal.Micros;
import dev.cxm.journey.track.CustomerJourney;
import dev.cxm.journey.track.StageVisit;

/**
 * Every tracked customer's journey in primitive tables, updated in place: an open-addressing index of the
 * customers whose slots hold, in one {@code int} array, where each customer's blocks lie; the recent staged
 * events of all customers in one {@code long} array (instant, id hash and stage code per event, ordered by
 * instant then hash within a customer's block); the settled visits in one {@code long} array of instants and
 * one {@code int} array of stage codes. A customer's block grows by moving to a block twice as large, and the
 * old one is reused by the next customer needing one of its size, so tracking allocates nothing per event
 * once the arrays have grown, and the collector has a few large arrays to keep instead of objects per
 * customer. Stage names are coded as {@code int}s in the order first seen. The immutable
 * {@link CustomerJourney} is a slot's snapshot.
 *
 * <p>A slot number is valid until the next {@link #add} or {@link #put} of a new customer or {@link #remove}.
 * Not thread-safe: the owner locks.
 */
public final class JourneyTable {

    /**
     * The longs of a slot's record, two {@code int}s packed in most: the customer's hash and the stage of the
     * last settled visit; where the recent events' block starts and how many it holds; the same for the
     * visits; the two blocks' size classes and the latest recent event's stage; that event's instant and hash,
     * a copy of the block's last entry kept here, so that an event after it is told apart without reading the
     * block.
     */
    private static final int RECORD = 6;
    private static final int KEY = 0;
    private static final int RECENT = 1;
    private static final int VISITS = 2;
    private static final int SHAPE = 3;
    private static final int LATEST_TIME = 4;
    private static final int LATEST_HASH = 5;
    /** No block, no stage. */
    private static final int NONE = -1;
    /** The longs of a recent event: instant, id hash, stage code. */
    private static final int ENTRY = 3;
    /** The size class of a new customer's block of recent events (two events) and of a first block of visits. */
    private static final int FIRST_RECENT_CLASS = 1;
    private static final int FIRST_VISIT_CLASS = 2;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int SPREAD = 0x9E3779B9;

    private Object[] keys;
    private long[] records;
    private int mask;
    private int shift;
    private int size;

    private long[] recent;
    private final BlockSpace recentSpace = new BlockSpace(MAX_ARRAY / ENTRY, "pending events");
    private long[] visitTimes;
    private int[] visitStages;
    private final BlockSpace visitSpace = new BlockSpace(MAX_ARRAY, "settled visits");

    private final Map<String, Integer> codes = new HashMap<>();
    private String[] names = new String[8];

    /** Slots and objects {@link #readAhead} loads, kept so that a batch allocates nothing. */
    private int[] aheadSlots = new int[0];
    private Object[] aheadValues = new Object[0];

    /**
     * Creates an empty table.
     *
     * @param capacity how many customers it holds before its index first grows
     */
    public JourneyTable(int capacity) {
        int slots = Integer.highestOneBit(Math.max(2, capacity * 3 / 2)) * 2;
        keys = new Object[slots];
        records = new long[slots * RECORD];
        mask = slots - 1;
        shift = 32 - Integer.numberOfTrailingZeros(slots);
        recent = new long[ENTRY * (2 << FIRST_RECENT_CLASS) * capacity];
        visitTimes = new long[(1 << FIRST_VISIT_CLASS) * capacity];
        visitStages = new int[visitTimes.length];
    }

    /**
     * Forgets every customer, keeping the arrays (and the stage codes) for the next ones: for a table that holds
     * one journey of a host's store at a time.
     */
    public void clear() {
        Arrays.fill(keys, null);
        size = 0;
        recentSpace.clear();
        visitSpace.clear();
    }

    // ---------------------------------------------------------------- packed fields

    private static long pack(int low, int high) {
        return (low & 0xFFFFFFFFL) | ((long) high << 32);
    }

    private static int low(long packed) {
        return (int) packed;
    }

    private static int high(long packed) {
        return (int) (packed >>> 32);
    }

    private static long shape(int recentClass, int visitClass, int latestStage) {
        return pack(recentClass | (visitClass + 1) << 8, latestStage);
    }

    private static int recentClass(long shape) {
        return (int) shape & 0xFF;
    }

    private static int visitClass(long shape) {
        return ((int) shape >>> 8 & 0xFF) - 1;
    }

    // ---------------------------------------------------------------- stage codes

    /**
     * Returns the code of a stage name, giving it the next one when new.
     *
     * @param stage the stage's name
     * @return its code
     */
    public int codeOf(String stage) {
        Integer code = codes.get(stage);
        if (code != null) {
            return code;
        }
        int next = codes.size();
        if (next == names.length) {
            names = Arrays.copyOf(names, next * 2);
        }
        names[next] = stage;
        codes.put(stage, next);
        return next;
    }

    /**
     * Returns the name of a stage code.
     *
     * @param code the code
     * @return the stage's name
     */
    public String name(int code) {
        return names[code];
    }

    // ---------------------------------------------------------------- the index

    /**
     * Returns the slot of a customer, or {@code ~slot} of the free slot where they would go.
     *
     * @param customer the customer
     * @return the slot when tracked, else a negative number
     */
    public int slotOf(CustomerId customer) {
        int hash = customer.hashCode();
        int slot = (hash * SPREAD) >>> shift;
        while (true) {
            Object key = keys[slot];
            if (key == customer) {
                return slot;
            }
            if (key == null) {
                return ~slot;
            }
            if (low(records[slot * RECORD + KEY]) == hash && key.equals(customer)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Returns how many customers the table holds.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * Returns the number of slots, for walking every customer with {@link #customerAt}.
     *
     * @return the slot count
     */
    public int slots() {
        return keys.length;
    }

    /**
     * Returns the customer in a slot.
     *
     * @param slot the slot
     * @return the customer, or null when the slot is free
     */
    public CustomerId customerAt(int slot) {
        return (CustomerId) keys[slot];
    }

    /**
     * Adds a customer not yet tracked, with their first staged event.
     *
     * @param customer the customer
     * @param time the event's instant in microseconds
     * @param hash its id's hash
     * @param stage its stage code
     * @return the customer's slot
     */
    public int add(CustomerId customer, long time, long hash, int stage) {
        int slot = claim(customer);
        int r = slot * RECORD;
        int at = allocateRecent(FIRST_RECENT_CLASS);
        records[r + KEY] = pack(customer.hashCode(), NONE);
        records[r + RECENT] = pack(at, 1);
        records[r + VISITS] = pack(NONE, 0);
        records[r + SHAPE] = shape(FIRST_RECENT_CLASS, NONE, stage);
        records[r + LATEST_TIME] = time;
        records[r + LATEST_HASH] = hash;
        int e = ENTRY * at;
        recent[e] = time;
        recent[e + 1] = hash;
        recent[e + 2] = stage;
        return grownSlot(customer, slot);
    }

    /**
     * Stores a copy of a journey, replacing the customer's present one.
     *
     * @param journey the journey
     */
    public void put(CustomerJourney journey) {
        int slot = slotOf(journey.customer());
        if (slot >= 0) {
            freeBlocks(slot);
        } else {
            slot = claim(journey.customer());
        }
        int r = slot * RECORD;
        RecentEvents events = (RecentEvents) journey.recent();
        int count = events.size();
        int recentClass = BlockSpace.classFor(Math.max(2, count));
        int at = allocateRecent(recentClass);
        for (int i = 0; i < count; i++) {
            int e = ENTRY * (at + i);
            recent[e] = events.time(i);
            recent[e + 1] = events.hash(i);
            recent[e + 2] = codeOf(events.stage(i));
        }
        List<StageVisit> settled = journey.settled();
        int visits = settled.size();
        int visitsAt = NONE;
        int visitClass = NONE;
        int lastSettled = NONE;
        if (visits > 0) {
            visitClass = BlockSpace.classFor(Math.max(1 << FIRST_VISIT_CLASS, visits));
            visitsAt = allocateVisits(visitClass);
            for (int i = 0; i < visits; i++) {
                visitTimes[visitsAt + i] = Micros.of(settled.get(i).enteredAt());
                visitStages[visitsAt + i] = codeOf(settled.get(i).stage());
            }
            lastSettled = visitStages[visitsAt + visits - 1];
        }
        int last = ENTRY * (at + count - 1);
        records[r + KEY] = pack(journey.customer().hashCode(), lastSettled);
        records[r + RECENT] = pack(at, count);
        records[r + VISITS] = pack(visitsAt, visits);
        records[r + SHAPE] = shape(recentClass, visitClass, (int) recent[last + 2]);
        records[r + LATEST_TIME] = recent[last];
        records[r + LATEST_HASH] = recent[last + 1];
        grownSlot(journey.customer(), slot);
    }

    /**
     * Puts a customer not yet tracked into their free slot; the caller fills the whole record (its key word
     * included), then calls grownSlot.
     */
    private int claim(CustomerId customer) {
        int slot = slotOf(customer);
        if (slot >= 0) {
            throw new IllegalStateException("customer " + customer + " is tracked already");
        }
        slot = ~slot;
        keys[slot] = customer;
        size++;
        return slot;
    }

    /** Grows the index when it is two thirds full; returns the customer's slot then. */
    private int grownSlot(CustomerId customer, int slot) {
        if (size * 3L <= keys.length * 2L) {
            return slot;
        }
        Object[] oldKeys = keys;
        long[] oldRecords = records;
        keys = new Object[oldKeys.length * 2];
        records = new long[oldRecords.length * 2];
        mask = keys.length - 1;
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int to = (low(oldRecords[i * RECORD + KEY]) * SPREAD) >>> shift;
                while (keys[to] != null) {
                    to = (to + 1) & mask;
                }
                keys[to] = oldKeys[i];
                System.arraycopy(oldRecords, i * RECORD, records, to * RECORD, RECORD);
            }
        }
        return slotOf(customer);
    }

    /**
     * Forgets a customer.
     *
     * @param customer the customer
     * @return whether they were tracked
     */
    public boolean remove(CustomerId customer) {
        int slot = slotOf(customer);
        if (slot < 0) {
            return false;
        }
        freeBlocks(slot);
        keys[slot] = null;
        size--;
        // Move back the entries after the gap that may sit there, so that every probe sequence stays unbroken.
        int gap = slot;
        for (int next = (slot + 1) & mask; keys[next] != null; next = (next + 1) & mask) {
            int home = (low(records[next * RECORD + KEY]) * SPREAD) >>> shift;
            if (((next - home) & mask) >= ((next - gap) & mask)) {
                keys[gap] = keys[next];
                System.arraycopy(records, next * RECORD, records, gap * RECORD, RECORD);
                keys[next] = null;
                gap = next;
            }
        }
        return true;
    }

    private void freeBlocks(int slot) {
        int r = slot * RECORD;
        long shape = records[r + SHAPE];
        recentSpace.free(low(records[r + RECENT]), recentClass(shape));
        int visitsAt = low(records[r + VISITS]);
        if (visitsAt != NONE) {
            visitSpace.free(visitsAt, visitClass(shape));
        }
    }

    // ---------------------------------------------------------------- blocks

    private int allocateRecent(int sizeClass) {
        int at = recentSpace.allocate(sizeClass);
        if ((long) ENTRY * recentSpace.top() > recent.length) {
            recent = Arrays.copyOf(recent, ENTRY * recentSpace.grownLength(recent.length / ENTRY));
        }
        return at;
    }

    private int allocateVisits(int sizeClass) {
        int at = visitSpace.allocate(sizeClass);
        if (visitSpace.top() > visitTimes.length) {
            int length = visitSpace.grownLength(visitTimes.length);
            visitTimes = Arrays.copyOf(visitTimes, length);
            visitStages = Arrays.copyOf(visitStages, length);
        }
        return at;
    }

    // ---------------------------------------------------------------- one customer's journey

    /**
     * Returns how many recent events a customer has: at least one.
     *
     * @param slot the customer's slot
     * @return the count
     */
    public int recentSize(int slot) {
        return high(records[slot * RECORD + RECENT]);
    }

    /**
     * Returns the instant of the customer's latest recent event (the last), in microseconds.
     *
     * @param slot the customer's slot
     * @return the instant
     */
    public long latestTime(int slot) {
        return records[slot * RECORD + LATEST_TIME];
    }

    /**
     * Returns the stage code of the customer's latest recent event (the last).
     *
     * @param slot the customer's slot
     * @return the code
     */
    public int latestStage(int slot) {
        return high(records[slot * RECORD + SHAPE]);
    }

    /**
     * Returns the instant of a recent event in microseconds.
     *
     * @param slot the customer's slot
     * @param i the event's position among the recent events
     * @return the instant
     */
    public long time(int slot, int i) {
        return recent[ENTRY * (low(records[slot * RECORD + RECENT]) + i)];
    }

    /**
     * Returns the id hash of a recent event.
     *
     * @param slot the customer's slot
     * @param i the event's position
     * @return the hash
     */
    public long hash(int slot, int i) {
        return recent[ENTRY * (low(records[slot * RECORD + RECENT]) + i) + 1];
    }

    /**
     * Returns the stage code of a recent event.
     *
     * @param slot the customer's slot
     * @param i the event's position
     * @return the code
     */
    public int stage(int slot, int i) {
        return (int) recent[ENTRY * (low(records[slot * RECORD + RECENT]) + i) + 2];
    }

    /**
     * Returns the stage code of the customer's last settled visit.
     *
     * @param slot the customer's slot
     * @return the code, or -1 when nothing is settled
     */
    public int lastSettled(int slot) {
        return high(records[slot * RECORD + KEY]);
    }

    /**
     * Returns where an event of {@code time} and {@code hash} belongs among a customer's recent events: after
     * every smaller one (by instant, then hash). An event after the latest is placed without reading the block.
     *
     * @param slot the customer's slot
     * @param time the instant
     * @param hash the id hash
     * @return the position, from 0 to the recent events' count
     */
    public int positionOf(int slot, long time, long hash) {
        int r = slot * RECORD;
        long recentAt = records[r + RECENT];
        int size = high(recentAt);
        long latest = records[r + LATEST_TIME];
        if (time > latest || (time == latest && hash > records[r + LATEST_HASH])) {
            return size;
        }
        int base = low(recentAt);
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int e = ENTRY * (base + mid);
            long t = recent[e];
            if (t < time || (t == time && recent[e + 1] < hash)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Adds an event after the customer's latest one and settles the recent events before {@code watermark}
     * (as {@link #insert} at the end, then {@link #settleBefore}). When the latest event was the only recent
     * one and settles, the new event takes its place in the block, read from the record alone.
     *
     * @param slot the customer's slot
     * @param time the instant, after the latest event's (or equal with a larger hash)
     * @param hash the id hash
     * @param stage the stage code
     * @param watermark the instant in microseconds before which events are settled
     */
    public void append(int slot, long time, long hash, int stage, long watermark) {
        int r = slot * RECORD;
        long recentAt = records[r + RECENT];
        long latest = records[r + LATEST_TIME];
        if (high(recentAt) != 1 || latest >= watermark) {
            insert(slot, high(recentAt), time, hash, stage);
            settleBefore(slot, watermark);
            return;
        }
        long key = records[r + KEY];
        long shape = records[r + SHAPE];
        int settling = high(shape);
        if (settling != high(key)) {
            appendVisit(r, latest, settling);
            records[r + KEY] = pack(low(key), settling);
            shape = records[r + SHAPE];
        }
        int e = ENTRY * low(recentAt);
        recent[e] = time;
        recent[e + 1] = hash;
        recent[e + 2] = stage;
        records[r + SHAPE] = pack(low(shape), stage);
        records[r + LATEST_TIME] = time;
        records[r + LATEST_HASH] = hash;
    }

    /**
     * Inserts a recent event at a position, moving the customer's events to a larger block when theirs is full.
     *
     * @param slot the customer's slot
     * @param position where, from {@link #positionOf}
     * @param time the instant
     * @param hash the id hash
     * @param stage the stage code
     */
    public void insert(int slot, int position, long time, long hash, int stage) {
        int r = slot * RECORD;
        long recentAt = records[r + RECENT];
        int at = low(recentAt);
        int size = high(recentAt);
        long shape = records[r + SHAPE];
        int sizeClass = recentClass(shape);
        if (size == 1 << sizeClass) {
            int moved = allocateRecent(sizeClass + 1);
            System.arraycopy(recent, ENTRY * at, recent, ENTRY * moved, ENTRY * size);
            recentSpace.free(at, sizeClass);
            at = moved;
            shape = shape(sizeClass + 1, visitClass(shape), high(shape));
        }
        int e = ENTRY * (at + position);
        if (position < size) {
            System.arraycopy(recent, e, recent, e + ENTRY, ENTRY * (size - position));
        } else {
            shape = pack(low(shape), stage);
            records[r + LATEST_TIME] = time;
            records[r + LATEST_HASH] = hash;
        }
        recent[e] = time;
        recent[e + 1] = hash;
        recent[e + 2] = stage;
        records[r + SHAPE] = shape;
        records[r + RECENT] = pack(at, size + 1);
    }

    /**
     * Settles the recent events before {@code watermark}, all but the last: they leave the recent events, and
     * a visit is added wherever their stage changes.
     *
     * @param slot the customer's slot
     * @param watermark the instant in microseconds before which events are settled
     */
    public void settleBefore(int slot, long watermark) {
        int r = slot * RECORD;
        long recentAt = records[r + RECENT];
        int at = low(recentAt);
        int size = high(recentAt);
        int count = 0;
        while (count < size - 1 && recent[ENTRY * (at + count)] < watermark) {
            count++;
        }
        if (count == 0) {
            return;
        }
        long key = records[r + KEY];
        int last = high(key);
        for (int i = 0; i < count; i++) {
            int e = ENTRY * (at + i);
            int stage = (int) recent[e + 2];
            if (stage != last) {
                appendVisit(r, recent[e], stage);
                last = stage;
            }
        }
        records[r + KEY] = pack(low(key), last);
        int left = size - count;
        long shape = records[r + SHAPE];
        int sizeClass = recentClass(shape);
        if (sizeClass > FIRST_RECENT_CLASS && left <= (1 << sizeClass) / 4) {
            // A burst has settled: give its large block back.
            int smaller = BlockSpace.classFor(Math.max(2, 2 * left));
            int moved = allocateRecent(smaller);
            System.arraycopy(recent, ENTRY * (at + count), recent, ENTRY * moved, ENTRY * left);
            recentSpace.free(at, sizeClass);
            at = moved;
            records[r + SHAPE] = shape(smaller, visitClass(shape), high(shape));
        } else {
            System.arraycopy(recent, ENTRY * (at + count), recent, ENTRY * at, ENTRY * left);
        }
        records[r + RECENT] = pack(at, left);
    }

    /** Appends a settled visit to the customer of record {@code r}, moving their visits to a larger block when full. */
    private void appendVisit(int r, long time, int stage) {
        long visits = records[r + VISITS];
        int at = low(visits);
        int count = high(visits);
        long shape = records[r + SHAPE];
        if (at == NONE) {
            at = allocateVisits(FIRST_VISIT_CLASS);
            records[r + SHAPE] = shape(recentClass(shape), FIRST_VISIT_CLASS, high(shape));
        } else {
            int sizeClass = visitClass(shape);
            if (count == 1 << sizeClass) {
                int moved = allocateVisits(sizeClass + 1);
                System.arraycopy(visitTimes, at, visitTimes, moved, count);
                System.arraycopy(visitStages, at, visitStages, moved, count);
                visitSpace.free(at, sizeClass);
                at = moved;
                records[r + SHAPE] = shape(recentClass(shape), sizeClass + 1, high(shape));
            }
        }
        visitTimes[at + count] = time;
        visitStages[at + count] = stage;
        records[r + VISITS] = pack(at, count + 1);
    }

    /**
     * Returns the customer's whole history: the settled visits, then a visit wherever the recent events' stage
     * changes.
     *
     * @param slot the customer's slot
     * @return the visits
     */
    public List<StageVisit> history(int slot) {
        List<StageVisit> visits = settled(slot);
        int last = lastSettled(slot);
        for (int i = 0; i < recentSize(slot); i++) {
            int stage = stage(slot, i);
            if (stage != last) {
                visits.add(new StageVisit(names[stage], Micros.toInstant(time(slot, i))));
                last = stage;
            }
        }
        return visits;
    }

    private List<StageVisit> settled(int slot) {
        long visits = records[slot * RECORD + VISITS];
        int at = low(visits);
        int count = high(visits);
        List<StageVisit> settled = new ArrayList<>(count + 2);
        for (int i = 0; i < count; i++) {
            settled.add(new StageVisit(names[visitStages[at + i]], Micros.toInstant(visitTimes[at + i])));
        }
        return settled;
    }

    /**
     * Returns the stage code at an instant: that of the latest event at or before it, looking in the recent
     * events first, then in the settled visits.
     *
     * @param slot the customer's slot
     * @param at the instant in microseconds
     * @return the code, or -1 before the first event
     */
    public int stageAt(int slot, long at) {
        int position = at == Long.MAX_VALUE ? recentSize(slot) : positionOf(slot, at + 1, Long.MIN_VALUE);
        if (position > 0) {
            return stage(slot, position - 1);
        }
        long visits = records[slot * RECORD + VISITS];
        int from = low(visits);
        int low = 0;
        int high = high(visits);
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (visitTimes[from + mid] <= at) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low == 0 ? NONE : visitStages[from + low - 1];
    }

    /**
     * Returns the immutable snapshot of a customer's journey.
     *
     * @param slot the customer's slot
     * @return the journey
     */
    public CustomerJourney snapshot(int slot) {
        int size = recentSize(slot);
        long[] times = new long[size];
        long[] hashes = new long[size];
        String[] stages = new String[size];
        for (int i = 0; i < size; i++) {
            times[i] = time(slot, i);
            hashes[i] = hash(slot, i);
            stages[i] = names[stage(slot, i)];
        }
        return new CustomerJourney(customerAt(slot), List.copyOf(settled(slot)),
                RecentEvents.copyOf(times, hashes, stages));
    }

    /**
     * Loads what tracking each of a batch's events reads (the customer id and its value, the customer's slot and
     * record, the end of their block of recent events and of settled visits), each step for every event before
     * the next, so that the cache misses of different customers overlap instead of following each other;
     * tracking then finds them in cache.
     *
     * @param events the batch
     * @param count how many of its events to read ahead for
     * @return what was read, of no use but to keep the loads from being optimised away
     */
    public long readAhead(CustomerEvent[] events, int count) {
        if (aheadSlots.length < count) {
            aheadSlots = new int[count];
            aheadValues = new Object[count];
        }
        int[] slots = aheadSlots;
        Object[] values = aheadValues;
        // Each step loads one object or line per event, so that the loads of one step do not wait for each other.
        for (int i = 0; i < count; i++) {
            values[i] = events[i].customerId().value();
        }
        for (int i = 0; i < count; i++) {
            slots[i] = values[i].hashCode();
        }
        long sink = 0;
        for (int i = 0; i < count; i++) {
            int home = (slots[i] * SPREAD) >>> shift;
            values[i] = keys[home];
            sink += records[home * RECORD + LATEST_TIME];
        }
        for (int i = 0; i < count; i++) {
            slots[i] = slotOf(events[i].customerId());
            values[i] = null;
        }
        for (int i = 0; i < count; i++) {
            int slot = slots[i];
            if (slot >= 0) {
                int r = slot * RECORD;
                long recentAt = records[r + RECENT];
                sink += recent[ENTRY * (low(recentAt) + high(recentAt) - 1)];
                long visits = records[r + VISITS];
                if (low(visits) != NONE) {
                    int last = low(visits) + high(visits) - 1;
                    sink += visitTimes[last] + visitStages[last];
                }
            }
        }
        return sink;
    }
}
