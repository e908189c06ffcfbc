package dev.cxm.core.internal.store;

/**
 * The layout the store's per-event arrays share: element {@code i} lives in chunk {@code i >>> BITS} at
 * offset {@code i & MASK}. Chunk 0 starts small and grows (by copying) up to {@link #SIZE}; every later chunk
 * is allocated at its full size and never copied. So a store of a few events stays small, and a store of
 * millions wastes at most one chunk, never copies a large array when it grows, and holds no object large
 * enough for G1 to allocate it as a humongous one (half a heap region or more).
 */
final class Chunks {

    /** Bits of an index that select the offset in a chunk. */
    static final int BITS = 14;
    /** Elements in a full chunk: 16,384 (64 KiB of references or ints). */
    static final int SIZE = 1 << BITS;
    /** The offset bits of an index. */
    static final int MASK = SIZE - 1;
    /** The length of a new chunk 0. */
    static final int FIRST = 64;

    private Chunks() {}

    /**
     * Returns the length of chunk 0 that makes room for {@code needed} elements, growing by half at a time,
     * or {@link #SIZE} when they need more than one chunk.
     */
    static int firstChunkFor(int length, int needed) {
        return Math.min(SIZE, Math.max(needed, length + (length >> 1)));
    }

    /** Returns how many chunks hold {@code capacity} elements, chunk 0 being full once there is a second. */
    static int chunksFor(int capacity) {
        return Math.max(1, (capacity + MASK) >>> BITS);
    }
}
