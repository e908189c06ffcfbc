package dev.cxm.metrics.drivers.internal;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Resamples rows with replacement and divides R² anew on each resample, giving every driver's share on every
 * resample. Resample {@code b} draws from its own {@link SplittableRandom}, seeded by the {@code b}-th number
 * of a generator seeded with the caller's seed, so the replicates are the same whatever the number of threads
 * that computes them (resamples run in parallel on the common pool).
 *
 * <p>Memory: the rows are read where they lie (one primitive array); a resample costs an {@code int} count per
 * row and a scatter matrix, not a copy of the rows.
 */
public final class ShareBootstrap {

    private ShareBootstrap() {}

    /**
     * The shares on every resample.
     *
     * @param shares {@code shares[j][b]}: driver j's share on resample b
     * @param degenerate the resamples on which the outcome or a driver had no variance (it was then taken to
     *     explain nothing, or to have nothing to explain)
     */
    public record Replicates(double[][] shares, int degenerate) {}

    /**
     * Draws {@code resamples} resamples and divides R² on each.
     *
     * @param rows the rows, row-major: the outcome, then the {@code q - 1} drivers
     * @param q the values per row
     * @param n the rows
     * @param resamples how many resamples
     * @param seed the seed
     * @param method how R² is divided
     * @return the shares per driver and resample
     */
    public static Replicates run(double[] rows, int q, int n, int resamples, long seed, Decomposition.Method method) {
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[resamples];
        for (int b = 0; b < resamples; b++) {
            seeds[b] = root.nextLong();
        }
        double[][] shares = new double[q - 1][resamples];
        AtomicInteger degenerate = new AtomicInteger();
        IntStream.range(0, resamples).parallel().forEach(b -> {
            SplittableRandom random = new SplittableRandom(seeds[b]);
            int[] counts = new int[n];
            for (int i = 0; i < n; i++) {
                counts[random.nextInt(n)]++;
            }
            double[] means = new double[q];
            double[] upper = new double[Scatter.triangle(q)];
            Scatter.compute(rows, q, n, counts, means, upper);
            if (Scatter.hasConstant(upper, q)) {
                degenerate.incrementAndGet();
            }
            double[] resampled = method.decompose(Scatter.correlations(upper, q)).shares();
            for (int j = 0; j < resampled.length; j++) {
                shares[j][b] = resampled[j];
            }
        });
        return new Replicates(shares, degenerate.get());
    }
}
