package dev.cxm.journey.discovery.internal;

import java.util.Arrays;

/**
 * Counts int sequences (variants as activity numbers) in an open-addressing table whose keys live in one
 * int pool, so that a million variants cost a few arrays, not a million objects. Not thread-safe.
 */
public final class VariantTable {

    private int[] pool = new int[1 << 12];
    private int poolSize;
    private int[] offsets = new int[1 << 10];
    private int[] lengths = new int[1 << 10];
    private long[] counts = new long[1 << 10];
    private int[] hashes = new int[1 << 10];
    private int[] slots = newSlots(1 << 11);
    private int size;

    /**
     * Makes room for {@code more} further variants at most, so that a table about to count that many cases
     * does not grow and rehash on the way.
     *
     * @param more the most variants still to come
     * @param steps the most activity numbers they hold together
     */
    public void expect(int more, int steps) {
        if (poolSize + steps > pool.length) {
            pool = Arrays.copyOf(pool, poolSize + steps);
        }
        int needed = size + more;
        if (needed > offsets.length) {
            offsets = Arrays.copyOf(offsets, needed);
            lengths = Arrays.copyOf(lengths, needed);
            counts = Arrays.copyOf(counts, needed);
            hashes = Arrays.copyOf(hashes, needed);
        }
        int capacity = slots.length;
        while (needed * 2 > capacity) {
            capacity *= 2;
        }
        if (capacity > slots.length) {
            slots = newSlots(capacity);
            rehashInto(slots);
        }
    }

    private static int[] newSlots(int capacity) {
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        return slots;
    }

    /**
     * Adds {@code count} cases of the variant {@code sequence[0..length)}.
     *
     * @param sequence the activity numbers
     * @param length how many of them
     * @param count how many cases
     */
    public void add(int[] sequence, int length, long count) {
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + sequence[i];
        }
        hash ^= hash >>> 16;
        int mask = slots.length - 1;
        int slot = (hash * 0x9E3779B9) >>> 7 & mask;
        while (true) {
            int entry = slots[slot];
            if (entry < 0) {
                break;
            }
            if (hashes[entry] == hash && lengths[entry] == length
                    && Arrays.equals(pool, offsets[entry], offsets[entry] + length, sequence, 0, length)) {
                counts[entry] += count;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
        }
        System.arraycopy(sequence, 0, pool, poolSize, length);
        offsets[size] = poolSize;
        lengths[size] = length;
        counts[size] = count;
        hashes[size] = hash;
        poolSize += length;
        slots[slot] = size++;
        if (size * 2 > slots.length) {
            rehash();
        }
    }

    private void rehash() {
        slots = newSlots(slots.length * 2);
        rehashInto(slots);
    }

    private void rehashInto(int[] slots) {
        int mask = slots.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = (hashes[entry] * 0x9E3779B9) >>> 7 & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry;
        }
    }

    /** Returns how many distinct variants the table holds. */
    public int size() {
        return size;
    }

    /** Returns the cases of variant {@code entry} (from 0, in the order first added). */
    public long count(int entry) {
        return counts[entry];
    }

    /**
     * Compares two variants' sequences lexicographically by the ranks of their activities (a shorter prefix
     * first).
     *
     * @param a a variant
     * @param b another variant
     * @param rank the rank of each activity number
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public int compare(int a, int b, int[] rank) {
        int lengthA = lengths[a];
        int lengthB = lengths[b];
        int offsetA = offsets[a];
        int offsetB = offsets[b];
        for (int i = 0; i < Math.min(lengthA, lengthB); i++) {
            int c = Integer.compare(rank[pool[offsetA + i]], rank[pool[offsetB + i]]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(lengthA, lengthB);
    }

    /** Returns the activity numbers of variant {@code entry}. */
    public int[] sequence(int entry) {
        return Arrays.copyOfRange(pool, offsets[entry], offsets[entry] + lengths[entry]);
    }
}
