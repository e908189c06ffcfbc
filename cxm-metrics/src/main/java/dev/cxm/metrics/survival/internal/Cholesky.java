package dev.cxm.metrics.survival.internal;

/**
 * The LDL' factorisation of a symmetric positive semi-definite matrix that, like R's {@code cholesky2},
 * tells which columns are (numerically) linear combinations of the columns before them, instead of just
 * failing: the Cox fit names such a column, and the log-rank test drops it and counts one degree of freedom
 * less. Hipparchus' {@code CholeskyDecomposition} rejects such a matrix without saying which column is to
 * blame, hence this small class.
 *
 * <p>Column j is singular when its pivot (its variance left after the columns before it) is at most
 * {@code tolerance} times its diagonal element; singular columns are zeroed, so {@link #solve} and
 * {@link #inverse} act as a generalised inverse on the remaining columns.
 */
public final class Cholesky {

    /** The default relative pivot tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    private final int size;
    private final double[][] lower;
    private final double[] pivots;
    private final boolean[] singular;

    private Cholesky(int size, double[][] lower, double[] pivots, boolean[] singular) {
        this.size = size;
        this.lower = lower;
        this.pivots = pivots;
        this.singular = singular;
    }

    /** Factors the symmetric matrix {@code a} (only its lower triangle is read); {@code a} is not changed. */
    public static Cholesky factor(double[][] a, double tolerance) {
        int n = a.length;
        double[][] l = new double[n][n];
        double[] d = new double[n];
        boolean[] singular = new boolean[n];
        for (int i = 0; i < n; i++) {
            double pivot = a[i][i];
            for (int k = 0; k < i; k++) {
                pivot -= l[i][k] * l[i][k] * d[k];
            }
            if (!(a[i][i] > 0) || pivot <= tolerance * a[i][i]) {
                singular[i] = true;
                continue;
            }
            d[i] = pivot;
            l[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                double value = a[j][i];
                for (int k = 0; k < i; k++) {
                    value -= l[j][k] * l[i][k] * d[k];
                }
                l[j][i] = value / pivot;
            }
        }
        return new Cholesky(n, l, d, singular);
    }

    /** Returns how many columns are not singular. */
    public int rank() {
        int rank = 0;
        for (boolean s : singular) {
            rank += s ? 0 : 1;
        }
        return rank;
    }

    /** Returns the first singular column, or -1 when the matrix is positive definite. */
    public int firstSingular() {
        for (int i = 0; i < size; i++) {
            if (singular[i]) {
                return i;
            }
        }
        return -1;
    }

    /** Solves {@code a x = b} on the non-singular columns; singular components of x are 0. */
    public double[] solve(double[] b) {
        double[] y = b.clone();
        for (int i = 0; i < size; i++) {
            if (singular[i]) {
                y[i] = 0;
                continue;
            }
            for (int k = 0; k < i; k++) {
                y[i] -= lower[i][k] * y[k];
            }
        }
        for (int i = 0; i < size; i++) {
            y[i] = singular[i] ? 0 : y[i] / pivots[i];
        }
        for (int i = size - 1; i >= 0; i--) {
            if (singular[i]) {
                continue;
            }
            for (int k = i + 1; k < size; k++) {
                y[i] -= lower[k][i] * y[k];
            }
        }
        return y;
    }

    /** Returns the (generalised) inverse: singular rows and columns are 0. */
    public double[][] inverse() {
        double[][] inverse = new double[size][];
        for (int j = 0; j < size; j++) {
            double[] unit = new double[size];
            unit[j] = 1;
            inverse[j] = solve(unit);
        }
        return inverse;
    }
}
