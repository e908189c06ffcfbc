package dev.cxm.journey.discovery.internal;

import java.util.Arrays;

/**
 * Counts int sequences (variants as activity numbers) in an open-addressing table whose keys live in one
 * int pool, so that a million variants cost a few arrays, not a million objects. Each slot is one
 * {@code long}: 32 bits of the variant's 64-bit hash beside its entry number, so that a probe reads the slot
 * alone and compares the steps only when those bits match. A caller that builds the sequence itself can
 * compute the hash on the way ({@link #start}, {@link #step}, {@link #finish}) and {@link #touch} the slot of
 * the next few variants before adding them, so that their cache misses overlap. Not thread-safe.
 */
public final class VariantTable {

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private final long hashMask;
    private int[] pool = new int[1 << 12];
    private int poolSize;
    private int[] offsets = new int[1 << 10];
    private int[] lengths = new int[1 << 10];
    private long[] counts = new long[1 << 10];
    private long[] hashes = new long[1 << 10];
    /** Per slot: 0 when empty, else the low 32 bits of the hash, then the entry number plus one. */
    private long[] slots = new long[1 << 11];
    /** How far right a hash shifts to give its slot: 64 less the bits of the slot count. */
    private int shift = 64 - 11;
    private int size;

    /** Creates an empty table. */
    public VariantTable() {
        this(-1L);
    }

    private VariantTable(long hashMask) {
        this.hashMask = hashMask;
    }

    /**
     * Returns an empty table that keeps only 4 bits of every hash, so that most variants collide: for tests of
     * the comparisons a collision needs. Counts as any table does, only slower.
     *
     * @return the table
     */
    public static VariantTable withCollidingHashes() {
        return new VariantTable(0xF00000000000000FL);
    }

    /**
     * Returns the hash of an empty sequence, to {@link #step} from.
     *
     * @return the starting hash
     */
    public static long start() {
        return 1;
    }

    /**
     * Returns the hash of a sequence after one more activity.
     *
     * @param hash the hash so far
     * @param activity the next activity number
     * @return the hash with it
     */
    public static long step(long hash, int activity) {
        return (hash ^ activity) * MULTIPLIER;
    }

    /**
     * Returns the hash the table files a sequence under, from the hash of its steps and its length.
     *
     * @param hash the hash of its steps
     * @param length how many steps
     * @return the hash
     */
    public long finish(long hash, int length) {
        long h = (hash ^ length) * MULTIPLIER;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return h & hashMask;
    }

    /**
     * Returns the hash the table files {@code sequence[from..from + length)} under.
     *
     * @param sequence the activity numbers
     * @param from the first
     * @param length how many
     * @return the hash
     */
    public long hashOf(int[] sequence, int from, int length) {
        long hash = start();
        for (int i = from; i < from + length; i++) {
            hash = step(hash, sequence[i]);
        }
        return finish(hash, length);
    }

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
            growEntries(needed);
        }
        int capacity = slots.length;
        while (needed * 2L > capacity) {
            capacity *= 2;
        }
        if (capacity > slots.length) {
            rehash(capacity);
        }
    }

    /**
     * Reads the slot where a variant of {@code hash} is looked up first, so that an {@link #add} of it soon
     * after finds the slot in cache.
     *
     * @param hash a hash from {@link #finish} or {@link #hashOf}
     * @return what was read, of no use but to keep the load from being optimised away
     */
    public long touch(long hash) {
        return slots[(int) (hash >>> shift)];
    }

    /**
     * Adds {@code count} cases of the variant {@code sequence[0..length)}.
     *
     * @param sequence the activity numbers
     * @param length how many of them
     * @param count how many cases
     */
    public void add(int[] sequence, int length, long count) {
        add(sequence, 0, length, hashOf(sequence, 0, length), count);
    }

    /**
     * Adds {@code count} cases of the variant {@code sequence[from..from + length)} whose hash is known.
     *
     * @param sequence the activity numbers
     * @param from the first
     * @param length how many of them
     * @param hash their {@link #hashOf}
     * @param count how many cases
     */
    public void add(int[] sequence, int from, int length, long hash, long count) {
        long tag = hash << 32;
        int mask = slots.length - 1;
        int slot = (int) (hash >>> shift);
        while (true) {
            long content = slots[slot];
            if (content == 0) {
                break;
            }
            if ((content & 0xFFFFFFFF00000000L) == tag) {
                int entry = (int) content - 1;
                if (lengths[entry] == length && Arrays.equals(pool, offsets[entry], offsets[entry] + length,
                        sequence, from, from + length)) {
                    counts[entry] += count;
                    return;
                }
            }
            slot = (slot + 1) & mask;
        }
        if (size == offsets.length) {
            growEntries(size * 2);
        }
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
        }
        System.arraycopy(sequence, from, pool, poolSize, length);
        offsets[size] = poolSize;
        lengths[size] = length;
        counts[size] = count;
        hashes[size] = hash;
        poolSize += length;
        slots[slot] = tag | (size + 1);
        size++;
        if (size * 2L > slots.length) {
            rehash(slots.length * 2);
        }
    }

    private void growEntries(int capacity) {
        offsets = Arrays.copyOf(offsets, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
        counts = Arrays.copyOf(counts, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
    }

    private void rehash(int capacity) {
        slots = new long[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        int mask = capacity - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = (int) (hashes[entry] >>> shift);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = hashes[entry] << 32 | (entry + 1);
        }
    }

    /**
     * Returns how many distinct variants the table holds.
     *
     * @return the number of variants
     */
    public int size() {
        return size;
    }

    /**
     * Returns the cases of variant {@code entry} (from 0, in the order first added).
     *
     * @param entry a variant
     * @return its cases
     */
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

    /**
     * Returns the activity numbers of variant {@code entry}.
     *
     * @param entry a variant
     * @return a copy of its steps
     */
    public int[] sequence(int entry) {
        return Arrays.copyOfRange(pool, offsets[entry], offsets[entry] + lengths[entry]);
    }
}
