package dev.cxm.metrics.survival.internal;

import java.util.Arrays;

/**
 * Subjects ordered by duration and cut into blocks of equal duration: what the log-rank test, the Cox fit
 * and the concordance index walk through.
 *
 * <p>Built in O(n log n) with primitive arrays only: the durations are sorted once, each subject finds its
 * block by binary search, and a counting sort lays the subjects out block by block, in row order within a
 * block.
 */
public final class TimeOrder {

    private final double[] times;
    private final int[] blockStart;
    private final int[] order;

    private TimeOrder(double[] times, int[] blockStart, int[] order) {
        this.times = times;
        this.blockStart = blockStart;
        this.order = order;
    }

    /** Orders the subjects with the given durations. */
    public static TimeOrder of(double[] durations) {
        int n = durations.length;
        double[] sorted = durations.clone();
        DurationSort.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        double[] times = Arrays.copyOf(sorted, distinct);
        int[] block = new int[n];
        int[] start = new int[distinct + 1];
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(times, durations[i]);
            block[i] = k;
            start[k + 1]++;
        }
        for (int k = 0; k < distinct; k++) {
            start[k + 1] += start[k];
        }
        int[] next = Arrays.copyOf(start, distinct);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[next[block[i]]++] = i;
        }
        return new TimeOrder(times, start, order);
    }

    /** Returns the number of distinct durations. */
    public int blockCount() {
        return times.length;
    }

    /** Returns the duration shared by the subjects of block {@code k}, ascending in {@code k}. */
    public double time(int k) {
        return times[k];
    }

    /** Returns the position in {@link #subject(int)} order where block {@code k} starts. */
    public int blockStart(int k) {
        return blockStart[k];
    }

    /** Returns the position where block {@code k} ends (exclusive). */
    public int blockEnd(int k) {
        return blockStart[k + 1];
    }

    /** Returns the row index (from 0) of the subject at {@code position} in duration order. */
    public int subject(int position) {
        return order[position];
    }
}
