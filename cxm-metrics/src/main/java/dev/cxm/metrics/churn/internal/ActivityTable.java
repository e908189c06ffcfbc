package dev.cxm.metrics.churn.internal;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * For each customer, the periods they were active in: an open-addressing hash table tuned for counting
 * tens of millions of events of millions of customers, where a map of objects would spend its time
 * chasing pointers.
 *
 * <p>Each slot keeps the customer's periods inline as a 64-bit window (a base period and a bit per period
 * from it), next to the key; the window slides while the customer's periods span fewer than 64, and only
 * customers active over a longer span move to a {@link PeriodSet}. Keys are compared by identity first, so
 * events that share customer id instances (as the in-memory store's do) rarely call {@code equals}. Not
 * thread-safe; merge tables built by separate threads.
 */
public final class ActivityTable {

    private static final long SPILLED = Long.MIN_VALUE;
    private static final int BATCH = 256;

    private CustomerId[] keys = new CustomerId[1024];
    private int[] hashes = new int[1024];
    /** Per slot i: data[2i] the window's base period (or SPILLED), data[2i + 1] its bits. */
    private long[] data = new long[2048];
    private PeriodSet[] spilled = new PeriodSet[0];
    private int size;
    private final CustomerId[] pendingCustomers = new CustomerId[BATCH];
    private final int[] pendingPeriods = new int[BATCH];
    private final int[] pendingHashes = new int[BATCH];
    private int pending;
    private long prefetchSink;

    /**
     * Records that {@code customer} was active in {@code period}. Additions are applied in batches: first
     * every key's hash is computed and its slot touched, then the slots are updated, so that the memory
     * accesses of a batch overlap instead of waiting for each other.
     */
    public void add(CustomerId customer, int period) {
        Checks.present("customer", customer);
        pendingCustomers[pending] = customer;
        pendingPeriods[pending] = period;
        if (++pending == BATCH) {
            flush();
        }
    }

    /**
     * Applies the pending additions. {@code pending} is cleared only once every one of them is applied; should
     * one fail, a later flush applies them again, which is harmless since adding a period twice is a no-op.
     */
    private void flush() {
        int count = pending;
        for (int j = 0; j < count; j++) {
            pendingHashes[j] = spread(pendingCustomers[j].hashCode());
        }
        long touched = 0;
        int mask = keys.length - 1;
        for (int j = 0; j < count; j++) {
            int i = pendingHashes[j] & mask;
            touched += data[2 * i] + (keys[i] == null ? 1 : 0);
        }
        prefetchSink += touched;
        for (int j = 0; j < count; j++) {
            apply(pendingCustomers[j], pendingHashes[j], pendingPeriods[j]);
        }
        // The applied slots keep their ids (the table holds them anyway) and are overwritten by the next batch.
        pending = 0;
    }

    private void apply(CustomerId customer, int hash, int period) {
        int mask = keys.length - 1;
        int i = hash & mask;
        while (true) {
            CustomerId key = keys[i];
            if (key == null) {
                insert(i, customer, hash, period);
                return;
            }
            if (key == customer || (hashes[i] == hash && key.equals(customer))) {
                addToSlot(i, period);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds every customer's periods of {@code other} to this table. */
    public void addAll(ActivityTable other) {
        other.flush();
        other.forEach((customer, periods) -> {
            for (int p = periods.first(); p != ActivePeriods.NONE; p = periods.next(p)) {
                add(customer, p);
            }
        });
    }

    /** Returns how many customers the table holds. */
    public int size() {
        flush();
        return size;
    }

    /** Visits each customer with their periods; the view is valid only during the call. */
    public void forEach(java.util.function.BiConsumer<CustomerId, ActivePeriods> visitor) {
        flush();
        Window window = new Window();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                if (data[2 * i] == SPILLED) {
                    visitor.accept(keys[i], spilled[i]);
                } else {
                    window.base = (int) data[2 * i];
                    window.bits = data[2 * i + 1];
                    visitor.accept(keys[i], window);
                }
            }
        }
    }

    private void insert(int i, CustomerId customer, int hash, int period) {
        keys[i] = customer;
        hashes[i] = hash;
        data[2 * i] = period;
        data[2 * i + 1] = 1L;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void addToSlot(int i, int period) {
        long baseValue = data[2 * i];
        if (baseValue == SPILLED) {
            spilled[i].add(period);
            return;
        }
        int base = (int) baseValue;
        long bits = data[2 * i + 1];
        long offset = (long) period - base;
        if (offset >= 0 && offset < 64) {
            data[2 * i + 1] = bits | (1L << offset);
            return;
        }
        int low = Math.min(period, base + Long.numberOfTrailingZeros(bits));
        int high = Math.max(period, base + 63 - Long.numberOfLeadingZeros(bits));
        if ((long) high - low < 64) {
            // Slide the window so that it starts at the lowest period.
            bits = low < base ? bits << (base - low) : bits >>> (low - base);
            data[2 * i] = low;
            data[2 * i + 1] = bits | (1L << (period - low));
            return;
        }
        PeriodSet set = new PeriodSet(period);
        for (long rest = bits; rest != 0; rest &= rest - 1) {
            set.add(base + Long.numberOfTrailingZeros(rest));
        }
        if (spilled.length != keys.length) {
            spilled = java.util.Arrays.copyOf(spilled, keys.length);
        }
        spilled[i] = set;
        data[2 * i] = SPILLED;
    }

    private void grow() {
        CustomerId[] oldKeys = keys;
        int[] oldHashes = hashes;
        long[] oldData = data;
        PeriodSet[] oldSpilled = spilled;
        int capacity = oldKeys.length * 2;
        keys = new CustomerId[capacity];
        hashes = new int[capacity];
        data = new long[2 * capacity];
        spilled = oldSpilled.length == 0 ? oldSpilled : new PeriodSet[capacity];
        int mask = capacity - 1;
        for (int old = 0; old < oldKeys.length; old++) {
            if (oldKeys[old] == null) {
                continue;
            }
            int i = oldHashes[old] & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = oldKeys[old];
            hashes[i] = oldHashes[old];
            data[2 * i] = oldData[2 * old];
            data[2 * i + 1] = oldData[2 * old + 1];
            if (oldData[2 * old] == SPILLED) {
                spilled[i] = oldSpilled[old];
            }
        }
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** A reusable view of one slot's window. */
    private static final class Window implements ActivePeriods {
        int base;
        long bits;

        @Override
        public int first() {
            return base + Long.numberOfTrailingZeros(bits);
        }

        @Override
        public int next(int period) {
            long offset = (long) period - base + 1;
            if (offset >= 64) {
                return NONE;
            }
            long rest = offset < 0 ? bits : bits & (-1L << offset);
            return rest == 0 ? NONE : base + Long.numberOfTrailingZeros(rest);
        }

        @Override
        public int last() {
            return base + 63 - Long.numberOfLeadingZeros(bits);
        }
    }
}
