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
