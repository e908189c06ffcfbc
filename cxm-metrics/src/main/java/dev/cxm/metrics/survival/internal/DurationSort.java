package dev.cxm.metrics.survival.internal;

import java.util.Arrays;

/**
 * Sorts durations (finite numbers, zero or more) ascending, by a least-significant-digit radix sort of
 * their bit patterns for large arrays: for non-negative doubles the raw bits order as the values do, and
 * six counting passes of 11 bits (fewer when all keys share a digit) beat the comparison sort about twofold
 * on millions of values. Small arrays use {@link Arrays#sort(double[])}.
 */
public final class DurationSort {

    private static final int RADIX_THRESHOLD = 100_000;
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;

    private DurationSort() {}

    /** Sorts {@code durations} in place; every value must be finite and zero or more (-0.0 sorts as 0.0). */
    public static void sort(double[] durations) {
        int n = durations.length;
        if (n < RADIX_THRESHOLD) {
            Arrays.sort(durations);
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = Double.doubleToRawLongBits(durations[i] + 0.0);
        }
        long[] buffer = new long[n];
        int[] count = new int[BUCKETS];
        for (int shift = 0; shift < Long.SIZE; shift += BITS) {
            Arrays.fill(count, 0);
            for (long key : keys) {
                count[(int) ((key >>> shift) & (BUCKETS - 1))]++;
            }
            if (oneBucket(count, n)) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (long key : keys) {
                buffer[count[(int) ((key >>> shift) & (BUCKETS - 1))]++] = key;
            }
            long[] swap = keys;
            keys = buffer;
            buffer = swap;
        }
        for (int i = 0; i < n; i++) {
            durations[i] = Double.longBitsToDouble(keys[i]);
        }
    }

    private static boolean oneBucket(int[] count, int n) {
        for (int c : count) {
            if (c != 0) {
                return c == n;
            }
        }
        return false;
    }
}
