package dev.cxm.journey.discovery.internal;

import java.util.Arrays;

import dev.cxm.journey.internal.LongList;

/**
 * Per directly-follows edge, the sum and a histogram of its times, and the times near its median, so that one
 * pass over the events gives each edge's count, exact mean (while the sum fits a {@code long}) and exact median
 * without a list of every time. The buckets are those of a floating-point number with 5 bits of mantissa (times
 * below 32 exact, then 32 buckets per power of two); each edge costs {@value #BUCKETS} ints.
 *
 * <p>An edge keeps its first {@value #SAMPLE} times whole; then it keeps only the times in the buckets around
 * the median of those (ranks 0.5 &plusmn; {@value #WINDOW}), and at the end its histogram says whether the median
 * fell among the kept times, as it does unless the times drift along the pass. If an edge's did not,
 * {@link #finish()} says so, and the caller offers every time again ({@link #planMedians}, {@link #offer}) to
 * keep those in the median's bucket. Not thread-safe.
 */
public final class EdgeHistograms {

    /** Buckets per edge: 32 exact values, then 32 per power of two from 2^5 to 2^62. */
    public static final int BUCKETS = 32 * 59;

    /** How many of an edge's first times are kept whole, to place the window of kept times from. */
    static final int SAMPLE = 4_096;

    /** Half the width of the window of kept times, in ranks of the sample. */
    static final double WINDOW = 0.03;

    private long[] sums = new long[16];
    private int[] buckets = new int[16 * BUCKETS];
    /** Per edge, the first and last bucket whose times are kept (all of them while sampling). */
    private int[] low = new int[16];
    private int[] high = new int[16];
    /** Per edge, how many kept times make it place its window; past that, never. */
    private int[] sampleEnd = new int[16];
    private LongList[] kept = new LongList[16];
    private int edges;
    private boolean negative;
    private long[] counts = new long[0];
    private boolean exact;
    private int[] medianBucket = new int[0];
    private long[] rankInBucket = new long[0];
    private boolean[] resolved = new boolean[0];

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

    /** Returns the first time above every time of a bucket, as a double (2^63 for the last). */
    private static double above(int bucket) {
        if (bucket < 32) {
            return bucket + 1;
        }
        int exponent = (bucket >>> 5) + 4;
        return Math.scalb((double) (32 + (bucket & 31) + 1), exponent - 5);
    }

    /**
     * Makes room for edges numbered below {@code edges}.
     *
     * @param edges how many edges there are
     */
    public void ensureEdges(int edges) {
        if (edges > sums.length) {
            int capacity = Math.max(edges, sums.length * 2);
            sums = Arrays.copyOf(sums, capacity);
            buckets = Arrays.copyOf(buckets, capacity * BUCKETS);
            low = Arrays.copyOf(low, capacity);
            high = Arrays.copyOf(high, capacity);
            sampleEnd = Arrays.copyOf(sampleEnd, capacity);
            kept = Arrays.copyOf(kept, capacity);
        }
        for (int edge = this.edges; edge < edges; edge++) {
            high[edge] = BUCKETS - 1;
            sampleEnd[edge] = SAMPLE;
            kept[edge] = new LongList();
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
            negative = true;
            return;
        }
        // A sum past Long.MAX_VALUE wraps; finish() finds from the histogram whether one could have.
        sums[edge] += time;
        int bucket = bucket(time);
        buckets[edge * BUCKETS + bucket]++;
        if (bucket >= low[edge] && bucket <= high[edge]) {
            LongList times = kept[edge];
            times.add(time);
            if (times.size() == sampleEnd[edge]) {
                placeWindow(edge);
            }
        }
    }

    /** Keeps from now on only the times in the buckets around the median of the sample, and drops the others. */
    private void placeWindow(int edge) {
        int base = edge * BUCKETS;
        int from = bucketOfRank(base, (long) Math.floor((0.5 - WINDOW) * SAMPLE));
        int to = bucketOfRank(base, (long) Math.ceil((0.5 + WINDOW) * SAMPLE));
        LongList window = new LongList();
        LongList sample = kept[edge];
        for (int i = 0; i < sample.size(); i++) {
            int bucket = bucket(sample.get(i));
            if (bucket >= from && bucket <= to) {
                window.add(sample.get(i));
            }
        }
        kept[edge] = window;
        low[edge] = from;
        high[edge] = to;
        sampleEnd[edge] = -1;
    }

    /** Returns the bucket of the histogram at {@code base} that holds the time of rank {@code rank} (from 0). */
    private int bucketOfRank(int base, long rank) {
        int bucket = 0;
        while (rank >= buckets[base + bucket]) {
            rank -= buckets[base + bucket];
            bucket++;
        }
        return bucket;
    }

    /**
     * Ends the counting: finds each edge's count, whether its sum is exact, and whether its median lies among
     * its kept times.
     *
     * @return whether some edge's median needs the times offered again ({@link #planMedians}, {@link #offer})
     */
    public boolean finish() {
        counts = new long[edges];
        medianBucket = new int[edges];
        rankInBucket = new long[edges];
        resolved = new boolean[edges];
        exact = !negative;
        boolean again = false;
        for (int edge = 0; edge < edges; edge++) {
            int base = edge * BUCKETS;
            long count = 0;
            long below = 0;
            long inside = 0;
            double most = 0;
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                int n = buckets[base + bucket];
                if (n != 0) {
                    count += n;
                    below += bucket < low[edge] ? n : 0;
                    inside += bucket >= low[edge] && bucket <= high[edge] ? n : 0;
                    most += n * above(bucket);
                }
            }
            counts[edge] = count;
            // The times' sum is below `most`; far below 2^63 it cannot have wrapped.
            exact &= most < 0x1p62;
            long rank = LongList.rankOf(count, 0.5);
            // An edge with no time has no median to look for (and none to ask for again).
            resolved[edge] = count == 0 || rank >= below && rank < below + inside;
            rankInBucket[edge] = rank - below;
            again |= !resolved[edge];
        }
        return again;
    }

    /**
     * Returns whether every time was 0 or more and every edge's sum fitted a {@code long}, so that
     * {@link #mean} is exact; after {@link #finish()}.
     *
     * @return whether the sums are exact
     */
    public boolean exactSums() {
        return exact;
    }

    /**
     * Returns how many times an edge has; after {@link #finish()}.
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
     * Prepares a second look at the times of the edges whose median {@link #finish()} did not find among the
     * kept times: each keeps, of the times {@link #offer}ed, those in its median's bucket.
     */
    public void planMedians() {
        for (int edge = 0; edge < edges; edge++) {
            if (!resolved[edge]) {
                int base = edge * BUCKETS;
                long rank = LongList.rankOf(counts[edge], 0.5);
                int bucket = bucketOfRank(base, rank);
                for (int b = 0; b < bucket; b++) {
                    rank -= buckets[base + b];
                }
                medianBucket[edge] = bucket;
                rankInBucket[edge] = rank;
                kept[edge] = new LongList();
            }
        }
    }

    /**
     * Offers one time of an edge again, after {@link #planMedians}: kept when the edge needs it.
     *
     * @param edge the edge
     * @param time the time
     */
    public void offer(int edge, long time) {
        if (!resolved[edge] && bucket(time) == medianBucket[edge]) {
            kept[edge].add(time);
        }
    }

    /**
     * Returns an edge's nearest-rank median (as {@link LongList#quantile(double)} ranks it); after
     * {@link #finish()}, and when that asked for it, after every time was offered again.
     *
     * @param edge the edge, with a time at least
     * @return the median
     */
    public long median(int edge) {
        return kept[edge].select((int) rankInBucket[edge]);
    }
}
