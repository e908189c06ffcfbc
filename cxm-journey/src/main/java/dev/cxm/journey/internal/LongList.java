package dev.cxm.journey.internal;

import java.util.Arrays;

/**
 * A growable list of {@code long}s (durations in microseconds, say), without boxing; with the nearest-rank
 * quantiles calculators report.
 */
public final class LongList {

    private long[] values;
    private int size;

    /** Creates an empty list. */
    public LongList() {
        this.values = new long[8];
    }

    /**
     * Creates a list holding a copy of {@code values}.
     *
     * @param values the values
     */
    public LongList(long[] values) {
        this.values = Arrays.copyOf(values, Math.max(8, values.length));
        this.size = values.length;
    }

    /**
     * Appends a value.
     *
     * @param value the value
     */
    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /**
     * Appends every value of another list.
     *
     * @param other the other list
     */
    public void addAll(LongList other) {
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, size + other.size));
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
    }

    /**
     * Returns the value at an index.
     *
     * @param index from 0, below the size
     * @return the value
     */
    public long get(int index) {
        return values[index];
    }

    /**
     * Returns how many values the list holds.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * Returns a copy of the values.
     *
     * @return the values
     */
    public long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /**
     * Returns the values sorted, as a new array.
     *
     * @return the sorted values
     */
    public long[] sorted() {
        long[] copy = toArray();
        Arrays.sort(copy);
        return copy;
    }

    /**
     * Returns the nearest-rank quantile of sorted values: the smallest value at or below which at least
     * {@code p} of the values lie.
     *
     * @param sorted values in ascending order; at least one
     * @param p the probability, in (0, 1]
     * @return the quantile
     */
    public static long quantile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /**
     * Returns the value of rank {@code k} (from 0) in ascending order, reordering the list's values in place
     * (quickselect; the list is a multiset, so its order does not matter).
     *
     * @param k a rank below the size
     * @return the value
     */
    public long select(int k) {
        int low = 0;
        int high = size - 1;
        long[] a = values;
        while (low < high) {
            long pivot = median3(a[low], a[(low + high) >>> 1], a[high]);
            int i = low;
            int j = high;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                high = j;
            } else if (k >= i) {
                low = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static long median3(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * Returns the nearest-rank quantile of the values (see {@link #quantile(long[], double)}), reordering them
     * in place.
     *
     * @param p the probability, in (0, 1]
     * @return the quantile
     */
    public long quantile(double p) {
        return select((int) rankOf(size, p));
    }

    /**
     * Returns the rank (from 0, in ascending order) of the nearest-rank quantile {@code p} of {@code size}
     * values: the one {@link #quantile(double)} selects.
     *
     * @param size how many values; at least one
     * @param p the probability, in (0, 1]
     * @return the rank, below {@code size}
     */
    public static long rankOf(long size, double p) {
        long rank = (long) Math.ceil(p * size);
        return Math.max(0, Math.min(size, rank) - 1);
    }

    /**
     * Returns the mean of the values, truncated toward zero: exact while the sum fits a {@code long}, else
     * from a sum of doubles in ascending order (so that it never depends on the order values came in).
     *
     * @return the mean
     */
    public long mean() {
        long sum = 0;
        try {
            for (int i = 0; i < size; i++) {
                sum = Math.addExact(sum, values[i]);
            }
            return sum / size;
        } catch (ArithmeticException overflow) {
            double total = 0;
            for (long value : sorted()) {
                total += value;
            }
            return (long) (total / size);
        }
    }

    /**
     * Returns the sum of the values as a double (exact below 2^53).
     *
     * @return the sum
     */
    public double sum() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum;
    }
}
