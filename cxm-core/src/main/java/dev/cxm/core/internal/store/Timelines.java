package dev.cxm.core.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;

/**
 * Every customer's events in time order, as links between event slots (an event's slot is its place in the
 * store's append order), with each customer's shared id, latest slot and latest time.
 *
 * <p>A customer's timeline is a circular list through {@code next}: the customer's latest slot links to the
 * earliest, which links on in time order back to the latest. So one {@code int} per event holds every
 * timeline, and a customer costs an id, a slot and a time. An event later than (or at the same time as) the
 * customer's latest, the usual case, is linked in from the customer's latest time without loading any event;
 * an earlier one walks the timeline from its start to its place.
 *
 * <p>Customers are numbered in the order they first appear; an erased customer's number is not used again.
 *
 * <p>Not thread-safe: the owning store guards every call with its lock.
 */
public final class Timelines {

    private static final int INITIAL_CUSTOMERS = 16;
    /** How many customers' links {@link #layout} walks side by side. */
    private static final int WALK = 256;

    private final HandleTable<CustomerId> numbers = new HandleTable<>(new HandleTable.Keys<>() {
        @Override
        public int hash(int number) {
            return customers[number].hashCode();
        }

        @Override
        public boolean matches(int number, CustomerId customer) {
            return customers[number].equals(customer);
        }
    });
    /** Each customer's id, by number; null once erased. */
    private CustomerId[] customers = new CustomerId[INITIAL_CUSTOMERS];
    /** Each customer's latest slot, by number. */
    private int[] latest = new int[INITIAL_CUSTOMERS];
    /** The {@link InstantKey} of each customer's latest time, by number. */
    private long[] latestKeys = new long[INITIAL_CUSTOMERS];
    private int customerCount;
    /** The next slot of each slot's timeline, by slot, in {@link Chunks}. */
    private int[][] next = {new int[Chunks.FIRST]};
    /** How many slots {@link #next} has room for. */
    private int slotCapacity = Chunks.FIRST;

    /**
     * Returns the number of {@code customer}, or -1 for a customer without events.
     *
     * @param customer the customer
     * @return the number, or -1
     */
    public int numberOf(CustomerId customer) {
        return numbers.find(customer, customer.hashCode());
    }

    /**
     * Reads the index slot of {@code customer}, so that a {@link #numberOf} soon after finds it in cache; see
     * {@link HandleTable#touch}.
     *
     * @param customer the customer
     * @return what was read, of no use but to keep the load from being optimised away
     */
    public int touch(CustomerId customer) {
        return numbers.touch(customer.hashCode());
    }

    /**
     * Reads what {@link #link} of customer {@code number} reads first (their latest slot and time, and that
     * slot's link), so that it finds them in cache.
     *
     * @param number a customer number, or -1 for none
     * @return what was read, of no use but to keep the loads from being optimised away
     */
    public int touchLatest(int number) {
        return number < 0 ? 0 : (int) latestKeys[number] ^ next(latest[number]);
    }

    /**
     * Returns the shared id of the customer with the given number.
     *
     * @param number a customer number
     * @return the id the customer's events hold
     */
    public CustomerId customer(int number) {
        return customers[number];
    }

    /**
     * Returns the ids of every customer with events, in no particular order.
     *
     * @return the ids
     */
    public List<CustomerId> customers() {
        List<CustomerId> ids = new ArrayList<>(numbers.size());
        for (int number = 0; number < customerCount; number++) {
            if (customers[number] != null) {
                ids.add(customers[number]);
            }
        }
        return ids;
    }

    /**
     * Makes room for events in slots below {@code slots}, so that a batch allocates its links at once.
     *
     * @param slots one more than the largest slot to come
     */
    public void ensureSlots(int slots) {
        if (slots <= slotCapacity) {
            return;
        }
        if (slotCapacity < Chunks.SIZE) {
            slotCapacity = Chunks.firstChunkFor(slotCapacity, slots);
            next[0] = Arrays.copyOf(next[0], slotCapacity);
            if (slots <= slotCapacity) {
                return;
            }
        }
        int chunks = Chunks.chunksFor(slots);
        if (chunks > next.length) {
            next = Arrays.copyOf(next, Math.max(chunks, 2 * next.length));
        }
        for (int chunk = slotCapacity >>> Chunks.BITS; chunk < chunks; chunk++) {
            next[chunk] = new int[Chunks.SIZE];
        }
        slotCapacity = chunks << Chunks.BITS;
    }

    private int next(int slot) {
        return next[slot >>> Chunks.BITS][slot & Chunks.MASK];
    }

    private void setNext(int slot, int following) {
        next[slot >>> Chunks.BITS][slot & Chunks.MASK] = following;
    }

    /**
     * Starts the timeline of a new customer with the event in {@code slot}.
     *
     * @param customer the customer, which has no number yet; its id becomes the shared one
     * @param slot the slot of the customer's first event
     * @param at the event's time
     * @return the customer's number
     */
    public int add(CustomerId customer, int slot, Instant at) {
        return add(customer, slot, InstantKey.of(at));
    }

    /**
     * Starts the timeline of a new customer with the event in {@code slot}, given its time's key (so that the
     * caller, which reads the time from the event, need not hand over an {@link Instant}).
     *
     * @param customer the customer, which has no number yet; its id becomes the shared one
     * @param slot the slot of the customer's first event
     * @param key the {@link InstantKey} of the event's time
     * @return the customer's number
     */
    public int add(CustomerId customer, int slot, long key) {
        if (customerCount == customers.length) {
            int capacity = customerCount + Math.max(16, customerCount >> 2);
            customers = Arrays.copyOf(customers, capacity);
            latest = Arrays.copyOf(latest, capacity);
            latestKeys = Arrays.copyOf(latestKeys, capacity);
        }
        int number = customerCount++;
        customers[number] = customer;
        numbers.putIfAbsent(customer, customer.hashCode(), number);
        ensureSlots(slot + 1);
        setNext(slot, slot);
        latest[number] = slot;
        latestKeys[number] = key;
        return number;
    }

    /**
     * Places the event in {@code slot} in the timeline of customer {@code number}, after every event at an
     * earlier time or the same time.
     *
     * @param number the customer's number
     * @param slot the event's slot, not yet in any timeline
     * @param at the event's time
     * @param events the events by slot, to compare times when the event is earlier than the customer's latest
     */
    public void link(int number, int slot, Instant at, IntFunction<CustomerEvent> events) {
        link(number, slot, InstantKey.of(at), events);
    }

    /**
     * Places the event in {@code slot} in the timeline of customer {@code number}, after every event at an
     * earlier time or the same time, given its time's key; the event's instant is read from {@code events}
     * only when the key cannot place it (the customer's latest time is later, or both keys are a bound).
     *
     * @param number the customer's number
     * @param slot the event's slot, not yet in any timeline
     * @param key the {@link InstantKey} of the event's time
     * @param events the events by slot, this event's included
     */
    public void link(int number, int slot, long key, IntFunction<CustomerEvent> events) {
        ensureSlots(slot + 1);
        int last = latest[number];
        long latestKey = latestKeys[number];
        // Only a bound key needs the event's instant, so the usual append makes no Instant here.
        int order = key != latestKey || !InstantKey.isBound(key) ? Long.compare(key, latestKey)
                : InstantKey.compare(key, latestKey, events.apply(slot).occurredAt(), last, events);
        if (order >= 0) {
            setNext(slot, next(last));
            setNext(last, slot);
            latest[number] = slot;
            latestKeys[number] = key;
            return;
        }
        // The latest event is later than this one, so the walk stops there at the latest.
        Instant at = events.apply(slot).occurredAt();
        int before = last;
        int candidate = next(last);
        while (candidate != last && !events.apply(candidate).occurredAt().isAfter(at)) {
            before = candidate;
            candidate = next(candidate);
        }
        setNext(slot, candidate);
        setNext(before, slot);
    }

    /**
     * Returns the slots of customer {@code number}'s events in time order.
     *
     * @param number the customer's number
     * @return the slots
     */
    public int[] slotsOf(int number) {
        int last = latest[number];
        int count = 1;
        for (int slot = next(last); slot != last; slot = next(slot)) {
            count++;
        }
        int[] slots = new int[count];
        int at = 0;
        for (int slot = next(last); at < count; slot = next(slot)) {
            slots[at++] = slot;
        }
        return slots;
    }

    /**
     * Returns the events of several customers, each customer's in time order. Their timelines are walked side
     * by side, one link of each per round, so that the cache misses of different customers' links overlap
     * instead of waiting for each other (a single timeline is a chain of dependent loads); then their events
     * are loaded, again without one load waiting for another.
     *
     * @param numbers customer numbers, each of a customer with events
     * @param events the events by slot
     * @return per customer number given, the events in time order
     */
    public CustomerEvent[][] eventsOf(int[] numbers, IntFunction<CustomerEvent> events) {
        int customers = numbers.length;
        int[] lasts = new int[customers];
        int[] cursors = new int[customers];
        int[] counts = new int[customers];
        for (int c = 0; c < customers; c++) {
            lasts[c] = latest[numbers[c]];
            cursors[c] = next(lasts[c]);
            counts[c] = 1;
        }
        boolean walking = true;
        while (walking) {
            walking = false;
            for (int c = 0; c < customers; c++) {
                if (cursors[c] != lasts[c]) {
                    cursors[c] = next(cursors[c]);
                    counts[c]++;
                    walking = true;
                }
            }
        }
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        // The links are in cache now: collect every slot, then load every event.
        int[] slots = new int[total];
        int at = 0;
        for (int c = 0; c < customers; c++) {
            int slot = next(lasts[c]);
            for (int i = 0; i < counts[c]; i++) {
                slots[at++] = slot;
                slot = next(slot);
            }
        }
        CustomerEvent[][] timelines = new CustomerEvent[customers][];
        at = 0;
        for (int c = 0; c < customers; c++) {
            CustomerEvent[] timeline = new CustomerEvent[counts[c]];
            for (int i = 0; i < timeline.length; i++) {
                timeline[i] = events.apply(slots[at++]);
            }
            timelines[c] = timeline;
        }
        return timelines;
    }

    /**
     * Lays every customer's timeline out one after another, customers in number order: writes, for each slot
     * of a customer's event, its place in that layout (the customer's offset plus the event's rank in their
     * timeline). The links of {@link #WALK} customers are walked side by side, so that their cache misses
     * overlap; a second walk, over links then in cache, writes the places.
     *
     * @param slotCount one more than the largest slot in use
     * @return the customers laid out, their offsets and each slot's place (slots of no customer: 0)
     */
    public Layout layout(int slotCount) {
        int[] live = new int[customerCount];
        int liveCount = 0;
        for (int number = 0; number < customerCount; number++) {
            if (customers[number] != null) {
                live[liveCount++] = number;
            }
        }
        int[] offsets = new int[liveCount + 1];
        int[] places = new int[slotCount];
        int[] cursors = new int[WALK];
        int[] counts = new int[WALK];
        int total = 0;
        for (int from = 0; from < liveCount; from += WALK) {
            int width = Math.min(WALK, liveCount - from);
            for (int c = 0; c < width; c++) {
                cursors[c] = next(latest[live[from + c]]);
                counts[c] = 1;
            }
            boolean walking = true;
            while (walking) {
                walking = false;
                for (int c = 0; c < width; c++) {
                    int last = latest[live[from + c]];
                    if (cursors[c] != last) {
                        cursors[c] = next(cursors[c]);
                        counts[c]++;
                        walking = true;
                    }
                }
            }
            for (int c = 0; c < width; c++) {
                offsets[from + c] = total;
                int slot = next(latest[live[from + c]]);
                for (int rank = 0; rank < counts[c]; rank++) {
                    places[slot] = total++;
                    slot = next(slot);
                }
            }
        }
        offsets[liveCount] = total;
        CustomerId[] ids = new CustomerId[liveCount];
        for (int c = 0; c < liveCount; c++) {
            ids[c] = customers[live[c]];
        }
        return new Layout(ids, Arrays.copyOf(live, liveCount), offsets, places);
    }

    /**
     * The customers' timelines laid out one after another (see {@link #layout}).
     *
     * @param customers the customers with events, in the layout's order
     * @param numbers their numbers
     * @param offsets per customer, where their events start, then the number of events
     * @param places per slot, the event's place in the layout
     */
    public record Layout(CustomerId[] customers, int[] numbers, int[] offsets, int[] places) {}

    /**
     * Returns the events of {@code customer} in time order, or empty for a customer without events.
     *
     * @param customer the customer
     * @param events the events by slot
     * @return the events
     */
    public Optional<List<CustomerEvent>> eventsOf(CustomerId customer, IntFunction<CustomerEvent> events) {
        int number = numberOf(customer);
        if (number < 0) {
            return Optional.empty();
        }
        int[] slots = slotsOf(number);
        CustomerEvent[] timeline = new CustomerEvent[slots.length];
        for (int i = 0; i < slots.length; i++) {
            timeline[i] = events.apply(slots[i]);
        }
        return Optional.of(Arrays.asList(timeline));
    }

    /**
     * Forgets customer {@code number}: their id and timeline. The slots of their events are left to the
     * owner, who should empty them.
     *
     * @param number the customer's number
     */
    public void remove(int number) {
        CustomerId customer = customers[number];
        numbers.remove(customer, customer.hashCode());
        customers[number] = null;
    }
}
