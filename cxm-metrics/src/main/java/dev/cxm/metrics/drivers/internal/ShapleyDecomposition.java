package dev.cxm.metrics.drivers.internal;

/**
 * The Shapley value of R² (LMG), exact: the R² of every subset of drivers, then each driver's increase of R²
 * when it joins a subset, weighted by {@code s! (p - s - 1)! / p!} for a subset of {@code s} drivers.
 *
 * <p>Each subset's R² comes from the correlation matrix without refitting anything: the subsets are visited
 * depth first in the lattice, each as its parent plus one driver of a higher index, and the child's residual
 * correlations (those of the drivers still to come and of the outcome, given the subset) are the parent's
 * after one Gaussian elimination step on the new driver; then {@code R² = 1 - } the outcome's residual
 * variance. Every subset is thus at most {@code p} elimination steps from the correlation matrix (no running
 * update over all 2<sup>p</sup> subsets accumulates rounding), and the steps shrink with the depth: about
 * 2<sup>p</sup> small updates in all.
 *
 * <p>A driver whose residual variance given the subset is below {@value #PIVOT_TOLERANCE} (a variance
 * inflation above 10<sup>10</sup>: numerically a combination of the subset) adds nothing to that subset's
 * R², as it exactly would.
 */
public final class ShapleyDecomposition {

    /** The residual variance (in units of the driver's variance) below which a driver adds nothing. */
    static final double PIVOT_TOLERANCE = 1e-10;

    private ShapleyDecomposition() {}

    /**
     * Divides R² among the drivers by their Shapley values.
     *
     * @param correlations the correlation matrix, the outcome at index 0 and the drivers after it
     * @return R² and the Shapley values
     */
    public static Decomposition decompose(double[][] correlations) {
        int p = correlations.length - 1;
        double[] r2 = subsetRSquared(correlations);
        double[] weights = new double[p];
        weights[0] = 1.0 / p;
        for (int s = 1; s < p; s++) {
            weights[s] = weights[s - 1] * s / (p - s);
        }
        double[] values = new double[p];
        int subsets = 1 << p;
        for (int mask = 0; mask < subsets; mask++) {
            double weight = weights[Math.min(Integer.bitCount(mask), p - 1)];
            double base = r2[mask];
            for (int j = 0; j < p; j++) {
                int bit = 1 << j;
                if ((mask & bit) == 0) {
                    values[j] += weight * (r2[mask | bit] - base);
                }
            }
        }
        for (int j = 0; j < p; j++) {
            values[j] = Math.max(0, values[j]);
        }
        return new Decomposition(r2[subsets - 1], values);
    }

    /**
     * Returns R² of the outcome on every subset of drivers, indexed by the subset's bit mask (bit {@code j}
     * for the driver at index {@code j + 1} of the matrix).
     *
     * @param correlations the correlation matrix, the outcome at index 0 and the drivers after it
     * @return R² per subset, {@code 2^p} values, 0 for the empty subset
     */
    public static double[] subsetRSquared(double[][] correlations) {
        int q = correlations.length;
        int p = q - 1;
        double[] r2 = new double[1 << p];
        double[][] levels = new double[p + 1][q * q];
        for (int i = 0; i < q; i++) {
            System.arraycopy(correlations[i], 0, levels[0], i * q, q);
        }
        descend(levels, 0, 0, 0, q, r2);
        return r2;
    }

    /**
     * Visits the subsets that extend {@code mask} by drivers from {@code start} on; {@code levels[depth]}
     * holds the residual correlations given {@code mask} of the outcome and of the drivers from
     * {@code start} on.
     */
    private static void descend(double[][] levels, int depth, int mask, int start, int q, double[] r2) {
        int p = q - 1;
        double[] parent = levels[depth];
        double[] child = levels[depth + 1];
        for (int j = start; j < p; j++) {
            int pivotIndex = j + 1;
            double pivot = parent[pivotIndex * q + pivotIndex];
            // The child's live indices: the outcome (0) and the drivers after this one (j + 2 .. p).
            int firstDriver = j + 2;
            if (pivot > PIVOT_TOLERANCE) {
                eliminate(parent, child, q, pivotIndex, pivot, 0, firstDriver);
                for (int a = firstDriver; a < q; a++) {
                    eliminate(parent, child, q, pivotIndex, pivot, a, a);
                }
            } else {
                copy(parent, child, q, 0, firstDriver);
                for (int a = firstDriver; a < q; a++) {
                    copy(parent, child, q, a, a);
                }
            }
            int subset = mask | 1 << j;
            r2[subset] = Math.max(0, Math.min(1, 1 - child[0]));
            if (j + 1 < p) {
                descend(levels, depth + 1, subset, j + 1, q, r2);
            }
        }
    }

    /**
     * Writes row {@code a} of the child (its entries at {@code a} and at the drivers from {@code from} on,
     * and their mirror images): the parent's minus the part explained by the pivot.
     */
    private static void eliminate(double[] parent, double[] child, int q, int pivotIndex, double pivot, int a,
            int from) {
        double factor = parent[a * q + pivotIndex] / pivot;
        child[a * q + a] = parent[a * q + a] - factor * parent[pivotIndex * q + a];
        for (int b = Math.max(from, a + 1); b < q; b++) {
            double value = parent[a * q + b] - factor * parent[pivotIndex * q + b];
            child[a * q + b] = value;
            child[b * q + a] = value;
        }
    }

    private static void copy(double[] parent, double[] child, int q, int a, int from) {
        child[a * q + a] = parent[a * q + a];
        for (int b = Math.max(from, a + 1); b < q; b++) {
            child[a * q + b] = parent[a * q + b];
            child[b * q + a] = parent[b * q + a];
        }
    }
}
