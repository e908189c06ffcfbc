package dev.cxm.metrics.drivers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.hipparchus.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * R² of every subset of drivers when some drivers copy others (the elimination then meets a zero pivot and
 * carries the residuals over). Oracle: Hipparchus' QR-based OLS fitted from the raw rows on the subset with
 * each copy replaced by its original (the same column space), and the correlation matrix computed in the test.
 */
class ShapleySubsetsTest {

    /** Drivers d0..d4 where d1 copies d0 and d3 copies d2: column of each driver in the raw rows. */
    private static final int[] SOURCE = {0, 0, 1, 1, 2};

    @Test
    void copiesAddNothingToAnySubset() {
        SplittableRandom random = new SplittableRandom(17);
        int n = 60;
        double[][] raw = new double[n][4];
        for (int r = 0; r < n; r++) {
            double a = random.nextDouble();
            double b = random.nextDouble() + 0.3 * a;
            double c = random.nextDouble();
            raw[r] = new double[] {a + 0.5 * b - 0.7 * c + 0.4 * random.nextDouble(), a, b, c};
        }
        int p = SOURCE.length;
        double[][] rows = new double[n][p + 1];
        for (int r = 0; r < n; r++) {
            rows[r][0] = raw[r][0];
            for (int j = 0; j < p; j++) {
                rows[r][j + 1] = raw[r][SOURCE[j] + 1];
            }
        }
        double[] r2 = ShapleyDecomposition.subsetRSquared(correlations(rows));
        assertThat(r2).hasSize(1 << p);
        assertThat(r2[0]).isZero();
        for (int mask = 1; mask < r2.length; mask++) {
            assertThat(r2[mask]).as("subset %s", Integer.toBinaryString(mask))
                    .isCloseTo(olsRSquared(raw, sourceMask(mask)), within(1e-9));
        }
        Decomposition shapley = ShapleyDecomposition.decompose(correlations(rows));
        assertThat(shapley.rSquared()).isCloseTo(olsRSquared(raw, 0b111), within(1e-9));
        // A copy and its original share their part equally (symmetry of the Shapley value).
        assertThat(shapley.importances()[1]).isCloseTo(shapley.importances()[0], within(1e-12));
        assertThat(shapley.importances()[3]).isCloseTo(shapley.importances()[2], within(1e-12));
    }

    private static int sourceMask(int mask) {
        int sources = 0;
        for (int j = 0; j < SOURCE.length; j++) {
            if ((mask & 1 << j) != 0) {
                sources |= 1 << SOURCE[j];
            }
        }
        return sources;
    }

    private static double olsRSquared(double[][] raw, int mask) {
        int k = Integer.bitCount(mask);
        double[] y = new double[raw.length];
        double[][] x = new double[raw.length][k];
        for (int r = 0; r < raw.length; r++) {
            y[r] = raw[r][0];
            int c = 0;
            for (int j = 0; j < 3; j++) {
                if ((mask & 1 << j) != 0) {
                    x[r][c++] = raw[r][j + 1];
                }
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        return ols.calculateRSquared();
    }

    static double[][] correlations(double[][] rows) {
        int q = rows[0].length;
        double[] mean = new double[q];
        for (double[] row : rows) {
            for (int i = 0; i < q; i++) {
                mean[i] += row[i] / rows.length;
            }
        }
        double[][] s = new double[q][q];
        for (double[] row : rows) {
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < q; j++) {
                    s[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]);
                }
            }
        }
        double[][] r = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                r[i][j] = i == j ? 1 : s[i][j] / Math.sqrt(s[i][i] * s[j][j]);
            }
        }
        return r;
    }
}
