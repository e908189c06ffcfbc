package dev.cxm.metrics.clv.internal;

import java.util.stream.IntStream;

/**
 * Sums a per-row quantity over many rows in fixed chunks, in parallel when there are enough of them.
 * Chunks are summed in their own order, so the result is the same on any number of threads.
 */
public final class ParallelRows {

    /** Rows per chunk. */
    static final int CHUNK = 8192;
    /** Fewer rows than this are summed on the calling thread. */
    static final int PARALLEL_THRESHOLD = 4 * CHUNK;

    private ParallelRows() {}

    /** Accumulates the rows {@code [from, to)} into {@code sum}. */
    @FunctionalInterface
    public interface RangeSum {
        /** Adds the contribution of rows {@code [from, to)} to {@code sum}. */
        void accumulate(int from, int to, double[] sum);
    }

    /** Returns the sum over rows {@code [0, rows)} of a vector of {@code width} entries. */
    public static double[] sum(int rows, int width, RangeSum rangeSum) {
        double[] total = new double[width];
        if (rows < PARALLEL_THRESHOLD) {
            rangeSum.accumulate(0, rows, total);
            return total;
        }
        int chunks = (rows + CHUNK - 1) / CHUNK;
        double[][] parts = IntStream.range(0, chunks).parallel().mapToObj(chunk -> {
            double[] part = new double[width];
            rangeSum.accumulate(chunk * CHUNK, Math.min(rows, (chunk + 1) * CHUNK), part);
            return part;
        }).toArray(double[][]::new);
        for (double[] part : parts) {
            for (int k = 0; k < width; k++) {
                total[k] += part[k];
            }
        }
        return total;
    }

    /** Runs {@code body} for every row index in {@code [0, rows)}, in parallel chunks when there are many. */
    public static void forEach(int rows, java.util.function.IntConsumer body) {
        if (rows < PARALLEL_THRESHOLD) {
            for (int i = 0; i < rows; i++) {
                body.accept(i);
            }
            return;
        }
        int chunks = (rows + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            for (int i = chunk * CHUNK, end = Math.min(rows, (chunk + 1) * CHUNK); i < end; i++) {
                body.accept(i);
            }
        });
    }
}
