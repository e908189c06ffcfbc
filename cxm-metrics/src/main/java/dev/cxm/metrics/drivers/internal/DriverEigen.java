package dev.cxm.metrics.drivers.internal;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The eigendecomposition of the drivers' correlation matrix (Hipparchus), from which both the relative
 * weights and the variance inflation factors follow. An eigenvalue below {@value #RELATIVE_TOLERANCE} times
 * the largest counts as 0: the drivers are then linearly dependent, and the inverse is the pseudo-inverse.
 */
final class DriverEigen {

    /** Eigenvalues below this fraction of the largest are taken as 0. */
    static final double RELATIVE_TOLERANCE = 1e-12;

    /** The eigenvalues. */
    final double[] values;
    /** The eigenvectors, as columns: {@code vectors[i][k]} is component {@code i} of vector {@code k}. */
    final double[][] vectors;
    private final double floor;

    private DriverEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
        double largest = 0;
        for (double value : values) {
            largest = Math.max(largest, value);
        }
        this.floor = largest * RELATIVE_TOLERANCE;
    }

    /** Decomposes the drivers' block (indices 1..p) of a correlation matrix whose outcome is at index 0. */
    static DriverEigen ofDrivers(double[][] correlations) {
        int p = correlations.length - 1;
        double[][] drivers = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(correlations[i + 1], 1, drivers[i], 0, p);
        }
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(drivers));
        RealMatrix v = eigen.getV();
        return new DriverEigen(eigen.getEigenvalues(), v.getData());
    }

    /** Returns whether eigenvalue {@code k} counts as positive. */
    boolean positive(int k) {
        return values[k] > floor;
    }
}
