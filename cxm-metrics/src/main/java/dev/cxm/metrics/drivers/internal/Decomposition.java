package dev.cxm.metrics.drivers.internal;

/**
 * R² of the full model and its division among the drivers.
 *
 * @param rSquared R² of the regression of the outcome on every driver, in [0, 1]
 * @param importances each driver's part of {@code rSquared}, 0 or more, in the order of the correlation
 *     matrix; they add up to {@code rSquared} up to rounding
 */
public record Decomposition(double rSquared, double[] importances) {

    /** A method that divides R² among the drivers. */
    @FunctionalInterface
    public interface Method {
        /**
         * Divides R² among the drivers.
         *
         * @param correlations the correlation matrix, the outcome at index 0 and the drivers after it
         * @return R² and each driver's part
         */
        Decomposition decompose(double[][] correlations);
    }

    /**
     * Returns each driver's share of R²; all 0 when R² is 0 (nothing is explained, so nothing is shared).
     *
     * @return the shares, adding up to 1 unless R² is 0
     */
    public double[] shares() {
        double[] shares = new double[importances.length];
        if (rSquared > 0) {
            for (int j = 0; j < shares.length; j++) {
                shares[j] = importances[j] / rSquared;
            }
        }
        return shares;
    }
}
