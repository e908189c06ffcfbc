package dev.cxm.core.internal.store;

/**
 * A hash index from keys to small non-negative ints ("handles": an event's slot, a customer's number) in
 * one {@code int} per table slot, for indexes of millions of entries: a {@code HashMap} spends about 40 bytes
 * on an entry, this table 4.7 to 7 (an int per slot, 57 to 85 per cent of slots taken).
 *
 * <p>The table does not hold the keys: the owner resolves a handle to its key through {@link Keys}. Each
 * slot holds the handle plus one (zero marks an empty slot) and, in the bits the handles leave free, a
 * fingerprint of the key's hash, so that a probe loads a key only when the fingerprints match. Open
 * addressing with linear probing; the slot of a hash is found by multiplying its mixed bits with the table
 * size (Lemire's reduction), so that the size need not be a power of two and the table can grow by half.
 * The slots live in {@link Chunks} of at most 16,384, so that no table is a humongous object for G1.
 * Removal shifts the rest of the probe run back, leaving no tombstones.
 *
 * <p>Not thread-safe: the owning store calls it under its lock.
 *
 * @param <K> the type of keys
 */
public final class HandleTable<K> {

    /** The owner's view of the keys: the key a handle stands for, its hash, and a comparison with a key. */
    public interface Keys<K> {

        /**
         * Returns the hash of the key of {@code handle}, as {@code hashCode()} of the key gives it.
         *
         * @param handle a handle in the table
         * @return the key's hash code
         */
        int hash(int handle);

        /**
         * Returns whether {@code handle} stands for {@code key}.
         *
         * @param handle a handle in the table
         * @param key the key looked for
         * @return whether they match
         */
        boolean matches(int handle, K key);
    }

    private static final int INITIAL_SLOTS = 16;
    /**
     * A table grows when more than this share of its slots is taken. Linear probing over fingerprints stays
     * cheap at this load: a lookup of a key held reads about 3.8 slots, a failed one (every insert) about 22,
     * two cache lines read in order, and neither loads a key whose fingerprint differs.
     */
    private static final double MAX_LOAD = 0.85;
    /** The share of slots taken right after the table grew for a given number of entries, at most. */
    private static final double LOAD_AFTER_GROWTH = 0.75;

    /** Handles placed together when the table is rebuilt, see {@link #placeAll}. */
    private static final int GROUP = 32;

    private final Keys<K> keys;
    /** Where {@link #placeAll} leaves what it read ahead, so that the reads are not optimised away. */
    private int sink;
    private int[][] slots = allocate(INITIAL_SLOTS);
    /** The number of slots. */
    private int length = INITIAL_SLOTS;
    private int size;
    /** Bits of a slot that hold the handle plus one; the rest hold the fingerprint. */
    private int handleBits = 8;

    /**
     * Creates an empty table.
     *
     * @param keys the owner's view of the keys
     */
    public HandleTable(Keys<K> keys) {
        this.keys = keys;
    }

    /**
     * Returns how many handles the table holds.
     *
     * @return the number of handles
     */
    public int size() {
        return size;
    }

    /**
     * Returns the handle of {@code key}, or -1 if the table has none.
     *
     * @param key the key
     * @param hash {@code key.hashCode()}
     * @return the handle, or -1
     */
    public int find(K key, int hash) {
        int mixed = mix(hash);
        int fingerprint = fingerprint(mixed);
        for (int slot = home(mixed, length); ; slot = next(slot)) {
            int entry = entry(slot);
            if (entry == 0) {
                return -1;
            }
            if (fingerprintOf(entry) == fingerprint && keys.matches(handleOf(entry), key)) {
                return handleOf(entry);
            }
        }
    }

    /**
     * Adds {@code handle} for {@code key} unless the table holds a handle for it already.
     *
     * @param key the key
     * @param hash {@code key.hashCode()}
     * @param handle the handle to add; 0 or more
     * @return -1 when the handle was added, else the handle already held for the key
     */
    public int putIfAbsent(K key, int hash, int handle) {
        ensureCapacity(size + 1, handle + 1);
        int mixed = mix(hash);
        int fingerprint = fingerprint(mixed);
        int slot = home(mixed, length);
        for (int entry = entry(slot); entry != 0; slot = next(slot), entry = entry(slot)) {
            if (fingerprintOf(entry) == fingerprint && keys.matches(handleOf(entry), key)) {
                return handleOf(entry);
            }
        }
        setEntry(slot, fingerprint << handleBits | (handle + 1));
        size++;
        return -1;
    }

    /**
     * Removes the handle of {@code key}, if the table holds one.
     *
     * @param key the key
     * @param hash {@code key.hashCode()}
     */
    public void remove(K key, int hash) {
        int mixed = mix(hash);
        int fingerprint = fingerprint(mixed);
        int slot = home(mixed, length);
        for (int entry = entry(slot); ; slot = next(slot), entry = entry(slot)) {
            if (entry == 0) {
                return;
            }
            if (fingerprintOf(entry) == fingerprint && keys.matches(handleOf(entry), key)) {
                break;
            }
        }
        // Shift back every later entry of the run that may live in the freed slot: one whose home is not
        // (cyclically) between the freed slot and its own.
        int free = slot;
        for (int at = next(free); entry(at) != 0; at = next(at)) {
            int home = home(mix(keys.hash(handleOf(entry(at)))), length);
            boolean staysAfterFree = free <= at ? free < home && home <= at : free < home || home <= at;
            if (!staysAfterFree) {
                setEntry(free, entry(at));
                free = at;
            }
        }
        setEntry(free, 0);
        size--;
    }

    /**
     * Makes room for {@code entries} handles below {@code handleLimit}, so that a batch of appends grows the
     * table at most once. Growing reads the hash of every key held, through {@link Keys#hash}.
     *
     * @param entries the number of handles the table must take
     * @param handleLimit one more than the largest handle it must take
     */
    public void ensureCapacity(int entries, int handleLimit) {
        boolean tooFull = entries > length * MAX_LOAD;
        boolean handlesTooWide = handleLimit >= 1 << handleBits && handleBits < 31;
        if (!tooFull && !handlesTooWide) {
            return;
        }
        int grown = tooFull ? (int) Math.min(Integer.MAX_VALUE - 8,
                Math.max((long) Math.ceil(entries / LOAD_AFTER_GROWTH), length + (long) (length >> 1)))
                : length;
        // Leave room for twice the handles or twice the slots, whichever is more, so that the table is rarely
        // rebuilt for wider handles alone: handles grow with the entries (unless many are removed), and the
        // table grows before the entries outgrow it.
        int room = Math.max(Math.max(1, handleLimit), grown);
        int bits = Math.max(handleBits, Math.min(31, 33 - Integer.numberOfLeadingZeros(room)));
        // Re-insert in the order of the handles, so that the keys are read in the owner's order (for the
        // store, the order in which its events were allocated) rather than at random.
        int limit = 0;
        for (int[] chunk : slots) {
            for (int entry : chunk) {
                limit = entry == 0 ? limit : Math.max(limit, handleOf(entry, handleBits) + 1);
            }
        }
        long[] present = new long[(limit + 63) >>> 6];
        for (int[] chunk : slots) {
            for (int entry : chunk) {
                if (entry != 0) {
                    int handle = handleOf(entry, handleBits);
                    present[handle >>> 6] |= 1L << handle;
                }
            }
        }
        slots = allocate(grown);
        length = grown;
        handleBits = bits;
        int[] group = new int[GROUP];
        int[] mixed = new int[GROUP];
        int grouped = 0;
        for (int word = 0; word < present.length; word++) {
            for (long bitsLeft = present[word]; bitsLeft != 0; bitsLeft &= bitsLeft - 1) {
                group[grouped++] = word << 6 | Long.numberOfTrailingZeros(bitsLeft);
                if (grouped == GROUP) {
                    placeAll(group, mixed, grouped);
                    grouped = 0;
                }
            }
        }
        placeAll(group, mixed, grouped);
    }

    /**
     * Places a group of handles: first every key's hash and the home slot's entry are read, loads that do not
     * depend on each other and so overlap, then each handle is placed, its home slot now in cache.
     */
    private void placeAll(int[] handles, int[] mixed, int count) {
        int touched = 0;
        for (int i = 0; i < count; i++) {
            mixed[i] = mix(keys.hash(handles[i]));
            touched |= entry(home(mixed[i], length));
        }
        for (int i = 0; i < count; i++) {
            int slot = home(mixed[i], length);
            while (entry(slot) != 0) {
                slot = next(slot);
            }
            setEntry(slot, fingerprint(mixed[i]) << handleBits | (handles[i] + 1));
        }
        sink = touched;
    }

    /**
     * Reads the entry at the home slot of {@code hash}, so that a lookup or insert of a key of that hash soon
     * after finds it in cache; a caller about to look up many keys touches them all first, so that the loads
     * overlap.
     *
     * @param hash a key's hash code
     * @return the entry, of no use but to keep the load from being optimised away
     */
    public int touch(int hash) {
        return entry(home(mix(hash), length));
    }

    /** Returns empty slots, {@code length} of them, in chunks. */
    private static int[][] allocate(int length) {
        int[][] chunks = new int[(length + Chunks.MASK) >>> Chunks.BITS][];
        for (int chunk = 0; chunk < chunks.length; chunk++) {
            chunks[chunk] = new int[Math.min(Chunks.SIZE, length - (chunk << Chunks.BITS))];
        }
        return chunks;
    }

    private int entry(int slot) {
        return slots[slot >>> Chunks.BITS][slot & Chunks.MASK];
    }

    private void setEntry(int slot, int entry) {
        slots[slot >>> Chunks.BITS][slot & Chunks.MASK] = entry;
    }

    private int next(int slot) {
        int next = slot + 1;
        return next == length ? 0 : next;
    }

    private int handleOf(int entry) {
        return handleOf(entry, handleBits);
    }

    private static int handleOf(int entry, int bits) {
        return (entry & (int) ((1L << bits) - 1)) - 1;
    }

    private int fingerprintOf(int entry) {
        return entry >>> handleBits;
    }

    private int fingerprint(int mixed) {
        return mixed & (int) ((1L << (32 - handleBits)) - 1);
    }

    /** Spreads the bits of a hash code (MurmurHash3's finalizer, {@code fmix32}), so that sequential ids scatter. */
    static int mix(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Returns the home slot of a mixed hash in a table of {@code length} slots, from its high bits. */
    private static int home(int mixed, int length) {
        return (int) (((mixed & 0xFFFF_FFFFL) * length) >>> 32);
    }
}
