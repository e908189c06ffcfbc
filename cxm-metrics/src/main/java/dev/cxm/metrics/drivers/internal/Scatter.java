package dev.cxm.metrics.drivers.internal;

/**
 * Means and the scatter matrix (the sums of squares and products of deviations from the means) of rows of
 * {@code q} variables, kept as the upper triangle of the matrix row by row ({@code (0,0), (0,1), ...,
 * (0,q-1), (1,1), ...}). Centred sums, not raw sums of squares: raw sums lose every digit of a variance that is
 * small beside the squared mean (ratings of 1 000 001 and 1 000 002), centred ones do not.
 */
public final class Scatter {

    private Scatter() {}

    /**
     * Returns the length of the upper triangle of a {@code q × q} matrix.
     *
     * @param q the variables
     * @return {@code q (q + 1) / 2}
     */
    public static int triangle(int q) {
        return q * (q + 1) / 2;
    }

    /**
     * Computes the means and scatter of rows in two passes (means first, then the products of deviations),
     * each row counted {@code counts[r]} times, or once when {@code counts} is null.
     *
     * @param rows the values, row-major, {@code q} per row
     * @param q the variables per row
     * @param n the rows
     * @param counts how often each row counts (a bootstrap resample), or null for once each
     * @param means receives the {@code q} means
     * @param upper receives the upper triangle of the scatter matrix
     */
    public static void compute(double[] rows, int q, int n, int[] counts, double[] means, double[] upper) {
        java.util.Arrays.fill(means, 0);
        java.util.Arrays.fill(upper, 0);
        long total = 0;
        for (int r = 0, at = 0; r < n; r++, at += q) {
            int c = counts == null ? 1 : counts[r];
            if (c == 0) {
                continue;
            }
            total += c;
            for (int i = 0; i < q; i++) {
                means[i] += c * rows[at + i];
            }
        }
        if (total == 0) {
            return;
        }
        for (int i = 0; i < q; i++) {
            means[i] /= total;
        }
        double[] deviation = new double[q];
        for (int r = 0, at = 0; r < n; r++, at += q) {
            int c = counts == null ? 1 : counts[r];
            if (c == 0) {
                continue;
            }
            for (int i = 0; i < q; i++) {
                deviation[i] = rows[at + i] - means[i];
            }
            int k = 0;
            for (int i = 0; i < q; i++) {
                double di = c * deviation[i];
                for (int j = i; j < q; j++) {
                    upper[k++] += di * deviation[j];
                }
            }
        }
    }

    /**
     * Adds one row to means and a scatter of {@code countBefore} rows (Welford's update: the deviation from
     * the old mean times the deviation from the new one).
     *
     * @param row the {@code q} values
     * @param countBefore the rows counted so far
     * @param means the means, updated
     * @param upper the upper triangle of the scatter, updated
     * @param work {@code q} doubles of scratch space
     */
    public static void add(double[] row, long countBefore, double[] means, double[] upper, double[] work) {
        int q = means.length;
        double n = countBefore + 1.0;
        for (int i = 0; i < q; i++) {
            double d = row[i] - means[i];
            work[i] = d;
            means[i] += d / n;
        }
        int k = 0;
        for (int i = 0; i < q; i++) {
            double di = work[i];
            for (int j = i; j < q; j++) {
                upper[k++] += di * (row[j] - means[j]);
            }
        }
    }

    /**
     * Adds the means and scatter of {@code countB} rows to those of {@code countA} rows (Chan, Golub and
     * LeVeque's pairwise update).
     *
     * @param countA the rows of the first part
     * @param meansA the first part's means, updated to those of both
     * @param upperA the first part's scatter, updated to that of both
     * @param countB the rows of the second part
     * @param meansB the second part's means
     * @param upperB the second part's scatter
     */
    public static void merge(long countA, double[] meansA, double[] upperA, long countB, double[] meansB,
            double[] upperB) {
        if (countB == 0) {
            return;
        }
        int q = meansA.length;
        if (countA == 0) {
            System.arraycopy(meansB, 0, meansA, 0, q);
            System.arraycopy(upperB, 0, upperA, 0, upperA.length);
            return;
        }
        double total = (double) countA + countB;
        double[] delta = new double[q];
        for (int i = 0; i < q; i++) {
            delta[i] = meansB[i] - meansA[i];
        }
        double factor = (double) countA * countB / total;
        int k = 0;
        for (int i = 0; i < q; i++) {
            for (int j = i; j < q; j++) {
                upperA[k] += upperB[k] + delta[i] * delta[j] * factor;
                k++;
            }
        }
        for (int i = 0; i < q; i++) {
            meansA[i] += delta[i] * (countB / total);
        }
    }

    /**
     * Returns the full symmetric matrix of an upper triangle.
     *
     * @param upper the upper triangle
     * @param q the variables
     * @return the {@code q × q} matrix
     */
    public static double[][] square(double[] upper, int q) {
        double[][] matrix = new double[q][q];
        int k = 0;
        for (int i = 0; i < q; i++) {
            for (int j = i; j < q; j++) {
                matrix[i][j] = upper[k];
                matrix[j][i] = upper[k];
                k++;
            }
        }
        return matrix;
    }

    /**
     * Returns the correlation matrix of a scatter: a variable without variance gets correlation 0 with every
     * other and 1 with itself (a resample can draw a column of one value; it then explains nothing).
     *
     * @param upper the upper triangle of the scatter
     * @param q the variables
     * @return the {@code q × q} correlation matrix
     */
    public static double[][] correlations(double[] upper, int q) {
        double[] scale = new double[q];
        for (int i = 0, k = 0; i < q; k += q - i, i++) {
            scale[i] = upper[k] > 0 ? 1 / Math.sqrt(upper[k]) : 0;
        }
        double[][] r = new double[q][q];
        int k = 0;
        for (int i = 0; i < q; i++) {
            for (int j = i; j < q; j++) {
                double value = i == j ? 1 : clamp(upper[k] * scale[i] * scale[j]);
                r[i][j] = value;
                r[j][i] = value;
                k++;
            }
        }
        return r;
    }

    /**
     * Returns whether a variable has no variance.
     *
     * @param upper the upper triangle of the scatter
     * @param q the variables
     * @return whether some diagonal entry is not above 0
     */
    public static boolean hasConstant(double[] upper, int q) {
        for (int i = 0, k = 0; i < q; k += q - i, i++) {
            if (!(upper[k] > 0)) {
                return true;
            }
        }
        return false;
    }

    private static double clamp(double correlation) {
        return Math.max(-1, Math.min(1, correlation));
    }
}
