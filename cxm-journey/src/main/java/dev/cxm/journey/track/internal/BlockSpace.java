package dev.cxm.journey.track.internal;

/**
 * Hands out blocks of a shared array's entries: a block holds a power of two of entries (its size class), is
 * taken from the blocks of its class given back before, or else from the end of the space. The owner keeps the
 * array itself and makes it at least {@link #top()} entries long. Not thread-safe.
 */
final class BlockSpace {

    private static final int CLASSES = 31;

    private final int limit;
    private final String what;
    private int top;
    private final int[][] free = new int[CLASSES][];
    private final int[] freeCount = new int[CLASSES];

    /**
     * Creates an empty space.
     *
     * @param limit the most entries the space may span
     * @param what what an entry is, for the message when the space is full
     */
    BlockSpace(int limit, String what) {
        this.limit = limit;
        this.what = what;
    }

    /** Returns the size class of a block holding {@code entries}: the smallest power of two at least that. */
    static int classFor(int entries) {
        return entries <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(entries - 1);
    }

    /** Returns the first entry of a free block of class {@code sizeClass}. */
    int allocate(int sizeClass) {
        int count = freeCount[sizeClass];
        if (count > 0) {
            freeCount[sizeClass] = count - 1;
            return free[sizeClass][count - 1];
        }
        long end = (long) top + (1L << sizeClass);
        if (end > limit) {
            throw new IllegalStateException("the in-memory tracking store holds " + top + " " + what
                    + " and cannot hold more; keep this many customers' journeys in a TrackingStore of the host's");
        }
        int at = top;
        top = (int) end;
        return at;
    }

    /** Gives a block back for reuse. */
    void free(int at, int sizeClass) {
        int[] blocks = free[sizeClass];
        int count = freeCount[sizeClass];
        if (blocks == null) {
            blocks = new int[16];
            free[sizeClass] = blocks;
        } else if (count == blocks.length) {
            blocks = java.util.Arrays.copyOf(blocks, count * 2);
            free[sizeClass] = blocks;
        }
        blocks[count] = at;
        freeCount[sizeClass] = count + 1;
    }

    /** Empties the space: every block is free again, from the start. */
    void clear() {
        top = 0;
        java.util.Arrays.fill(freeCount, 0);
    }

    /** Returns how many entries the space spans: the array must be at least this long. */
    int top() {
        return top;
    }

    /** Returns the length to grow an array of {@code length} entries to so that it spans the space. */
    int grownLength(int length) {
        return (int) Math.min(limit, Math.max((long) top, Math.max(64L, 2L * length)));
    }
}
