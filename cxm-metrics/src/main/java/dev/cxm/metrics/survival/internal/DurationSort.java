package dev.cxm.metrics.survival.internal;

import java.util.Arrays;

/**
 * Sorts durations (finite numbers, zero or more) ascending. Large arrays of whole numbers below 65,536 (days,
 * weeks or months, as churn data usually come) are sorted by counting each value, in two passes; other large
 * arrays by a least-significant-digit radix sort of their bit patterns: for non-negative doubles the raw bits
 * order as the values do, and the histograms of all six 11-bit digits are counted in one pass, so that a
 * digit every key shares costs nothing and each other digit one scatter. Both beat the comparison sort
 * severalfold on millions of values. Small arrays use {@link Arrays#sort(double[])}.
 */
public final class DurationSort {

    private static final int RADIX_THRESHOLD = 100_000;
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int DIGITS = (Long.SIZE + BITS - 1) / BITS;
    /** Whole numbers below this are counted rather than radix-sorted. */
    private static final int SMALL_WHOLE = 1 << 16;

    private DurationSort() {}

    /**
     * Sorts {@code durations} in place; every value must be finite and zero or more (-0.0 sorts as 0.0).
     *
     * @param durations the durations
     */
    public static void sort(double[] durations) {
        int n = durations.length;
        if (n < RADIX_THRESHOLD) {
            Arrays.sort(durations);
            return;
        }
        if (sortSmallWholeNumbers(durations)) {
            return;
        }
        long[] keys = new long[n];
        int[][] count = new int[DIGITS][BUCKETS];
        for (int i = 0; i < n; i++) {
            long key = Double.doubleToRawLongBits(durations[i] + 0.0);
            keys[i] = key;
            for (int digit = 0; digit < DIGITS; digit++) {
                count[digit][(int) ((key >>> (digit * BITS)) & (BUCKETS - 1))]++;
            }
        }
        long[] buffer = new long[n];
        for (int digit = 0; digit < DIGITS; digit++) {
            int[] offsets = count[digit];
            if (oneBucket(offsets, n)) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = offsets[b];
                offsets[b] = sum;
                sum += c;
            }
            int shift = digit * BITS;
            for (long key : keys) {
                buffer[offsets[(int) ((key >>> shift) & (BUCKETS - 1))]++] = key;
            }
            long[] swap = keys;
            keys = buffer;
            buffer = swap;
        }
        for (int i = 0; i < n; i++) {
            durations[i] = Double.longBitsToDouble(keys[i]);
        }
    }

    /**
     * Sorts the durations by counting each value when every one is a whole number below {@link #SMALL_WHOLE};
     * returns false, leaving them as they were, at the first that is not.
     */
    private static boolean sortSmallWholeNumbers(double[] durations) {
        int[] count = new int[SMALL_WHOLE];
        for (double duration : durations) {
            int whole = (int) duration;
            if (whole != duration || whole >>> 16 != 0) {
                return false;
            }
            count[whole]++;
        }
        int at = 0;
        for (int value = 0; value < SMALL_WHOLE; value++) {
            int c = count[value];
            if (c > 0) {
                Arrays.fill(durations, at, at + c, value);
                at += c;
            }
        }
        return true;
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
