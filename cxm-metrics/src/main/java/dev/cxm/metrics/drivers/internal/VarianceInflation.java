package dev.cxm.metrics.drivers.internal;

/**
 * The variance inflation factor of each driver: {@code 1 / (1 - R²)} of its regression on the other drivers,
 * the diagonal of the inverse of their correlation matrix ({@code Σ_k V_jk² / λ_k}). A driver in a linear
 * dependence (a direction of eigenvalue 0 with a loading on it) has an infinite factor.
 */
public final class VarianceInflation {

    /** Factors above this are infinite: numerically, the driver is a combination of the others. */
    static final double INFINITE = 1e10;

    private VarianceInflation() {}

    /**
     * Returns the variance inflation factor of each driver.
     *
     * @param correlations the correlation matrix, the outcome at index 0 and the drivers after it
     * @return one factor per driver, 1 or more, possibly infinite
     */
    public static double[] of(double[][] correlations) {
        int p = correlations.length - 1;
        if (p == 1) {
            return new double[] {1};
        }
        DriverEigen eigen = DriverEigen.ofDrivers(correlations);
        double[] factors = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            boolean dependent = false;
            for (int k = 0; k < p; k++) {
                double loading = eigen.vectors[j][k] * eigen.vectors[j][k];
                if (eigen.positive(k)) {
                    sum += loading / eigen.values[k];
                } else if (loading > 1e-8) {
                    dependent = true;
                }
            }
            factors[j] = dependent || sum > INFINITE ? Double.POSITIVE_INFINITY : Math.max(1, sum);
        }
        return factors;
    }
}
