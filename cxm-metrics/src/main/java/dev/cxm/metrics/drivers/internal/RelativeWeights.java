package dev.cxm.metrics.drivers.internal;

/**
 * Johnson's (2000) relative weights. With {@code R = V Λ Vᵀ} the drivers' correlation matrix, the symmetric
 * square root {@code Λ* = V Λ^½ Vᵀ} holds the correlations between the drivers and their closest orthogonal
 * counterparts Z; the outcome's regression on Z has the coefficients {@code β = Λ*⁻¹ r} (r the drivers'
 * correlations with the outcome), whose squares add up to R²; driver j's weight is
 * {@code Σ_k Λ*_jk² β_k²}. When the drivers are linearly dependent the inverse is the pseudo-inverse, so that
 * R² is still that of the full model.
 */
public final class RelativeWeights {

    private RelativeWeights() {}

    /**
     * Divides R² among the drivers by their relative weights.
     *
     * @param correlations the correlation matrix, the outcome at index 0 and the drivers after it
     * @return R² and the relative weights
     */
    public static Decomposition decompose(double[][] correlations) {
        int p = correlations.length - 1;
        DriverEigen eigen = DriverEigen.ofDrivers(correlations);
        double[] root = new double[p];
        double[] inverseRoot = new double[p];
        for (int k = 0; k < p; k++) {
            if (eigen.positive(k)) {
                root[k] = Math.sqrt(eigen.values[k]);
                inverseRoot[k] = 1 / root[k];
            }
        }
        double[][] v = eigen.vectors;
        // Λ* = V diag(root) Vᵀ and β = V diag(inverseRoot) Vᵀ r.
        double[] projected = new double[p];
        for (int k = 0; k < p; k++) {
            double sum = 0;
            for (int i = 0; i < p; i++) {
                sum += v[i][k] * correlations[0][i + 1];
            }
            projected[k] = sum * inverseRoot[k];
        }
        double[] beta = new double[p];
        double rSquared = 0;
        for (int i = 0; i < p; i++) {
            double sum = 0;
            for (int k = 0; k < p; k++) {
                sum += v[i][k] * projected[k];
            }
            beta[i] = sum;
            rSquared += sum * sum;
        }
        double[] weights = new double[p];
        for (int j = 0; j < p; j++) {
            double weight = 0;
            for (int i = 0; i < p; i++) {
                double loading = 0;
                for (int k = 0; k < p; k++) {
                    loading += v[j][k] * root[k] * v[i][k];
                }
                weight += loading * loading * beta[i] * beta[i];
            }
            weights[j] = weight;
        }
        return new Decomposition(Math.min(1, rSquared), weights);
    }
}
