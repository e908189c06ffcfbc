package dev.cxm.journey.discovery.internal;

import java.util.Arrays;

import dev.cxm.journey.internal.LongList;

/**
 * Per directly-follows edge, the count, the sum and a histogram of its times, so that a first pass over the
 * events gives each edge's exact mean (while the sum fits a {@code long}) and the bucket that holds its median,
 * and a second pass keeps only the times in that bucket to select the exact median from: no list of every
 * time. The buckets are those of a floating-point number with 5 bits of mantissa (times below 32 exact, then 32
 * buckets per power of two), so a median's bucket holds a few percent of an edge's times at most. Each edge
 * costs {@value #BUCKETS} ints. Not thread-safe.
 */
public final class EdgeHistograms {

    /** Buckets per edge: 32 exact values, then 32 per power of two from 2^5 to 2^62. */
    public static final int BUCKETS = 32 * 59;

    private long[] counts = new long[16];
    private long[] sums = new long[16];
    private int[] buckets = new int[16 * BUCKETS];
    private int edges;
    private boolean overflowed;
    private int[] medianBucket = new int[0];
    private int[] rankInBucket = new int[0];
    private LongList[] inBucket = new LongList[0];

    /**
     * Returns the bucket of a time: monotone in the time, exact below 32.
     *
     * @param time a time, 0 or more
     * @return its bucket, below {@link #BUCKETS}
     */
    public static int bucket(long time) {
        if (time < 32) {
            return (int) time;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(time);
        return (exponent - 4) << 5 | (int) (time >>> (exponent - 5) & 31);
    }

    /**
     * Makes room for edges numbered below {@code edges}.
     *
     * @param edges how many edges there are
     */
    public void ensureEdges(int edges) {
        if (edges > counts.length) {
            int capacity = Math.max(edges, counts.length * 2);
            counts = Arrays.copyOf(counts, capacity);
            sums = Arrays.copyOf(sums, capacity);
            buckets = Arrays.copyOf(buckets, capacity * BUCKETS);
        }
        this.edges = Math.max(this.edges, edges);
    }

    /**
     * Counts one time of an edge.
     *
     * @param edge the edge, below {@link #ensureEdges}'s
     * @param time its time, 0 or more
     */
    public void add(int edge, long time) {
        if (time < 0) {
            // Only from a gap past the long range (instants 292,000 years apart): the caller takes its lists.
            overflowed = true;
            return;
        }
        counts[edge]++;
        long sum = sums[edge] + time;
        // Both are 0 or more, so a sum past Long.MAX_VALUE wraps to a negative one.
        overflowed |= sum < 0;
        sums[edge] = sum;
        buckets[edge * BUCKETS + bucket(time)]++;
    }

    /**
     * Returns whether every time was 0 or more and every edge's sum fitted a {@code long}, so that
     * {@link #mean} and {@link #median} are exact.
     *
     * @return whether the sums are exact
     */
    public boolean exactSums() {
        return !overflowed;
    }

    /**
     * Returns how many times an edge has.
     *
     * @param edge the edge
     * @return its count
     */
    public long count(int edge) {
        return counts[edge];
    }

    /**
     * Returns an edge's mean time, truncated toward zero, as {@link LongList#mean()} gives it; only when
     * {@link #exactSums()}.
     *
     * @param edge the edge, with a time at least
     * @return the mean
     */
    public long mean(int edge) {
        return sums[edge] / counts[edge];
    }

    /**
     * Finds, for each edge, the bucket of its nearest-rank median (as {@link LongList#quantile(double)} ranks
     * it) and the median's rank among that bucket's times; then {@link #offer} the times again.
     */
    public void planMedians() {
        medianBucket = new int[edges];
        rankInBucket = new int[edges];
        inBucket = new LongList[edges];
        for (int edge = 0; edge < edges; edge++) {
            long rank = LongList.rankOf(counts[edge], 0.5);
            int base = edge * BUCKETS;
            int b = 0;
            while (rank >= buckets[base + b]) {
                rank -= buckets[base + b];
                b++;
            }
            medianBucket[edge] = b;
            rankInBucket[edge] = (int) rank;
            inBucket[edge] = new LongList();
        }
    }

    /**
     * Offers one time of an edge again, after {@link #planMedians}: kept when it lies in the median's bucket.
     *
     * @param edge the edge
     * @param time the time
     */
    public void offer(int edge, long time) {
        if (bucket(time) == medianBucket[edge]) {
            inBucket[edge].add(time);
        }
    }

    /**
     * Returns an edge's nearest-rank median, once every time was offered again.
     *
     * @param edge the edge, with a time at least
     * @return the median
     */
    public long median(int edge) {
        return inBucket[edge].select(rankInBucket[edge]);
    }
}
