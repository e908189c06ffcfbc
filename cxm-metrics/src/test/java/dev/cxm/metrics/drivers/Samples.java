package dev.cxm.metrics.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated survey data for the key-driver tests: drivers drawn from a multivariate normal distribution of a
 * given correlation matrix (through its Cholesky factor, computed here by hand), and an outcome that is a known
 * linear combination of them plus normal noise.
 */
final class Samples {

    private Samples() {}

    /** The rows: {@code rows[i][0]} the outcome, {@code rows[i][1..p]} the drivers. */
    static double[][] linear(long seed, int n, double[][] driverCorrelation, double[] beta, double noise) {
        int p = beta.length;
        double[][] factor = cholesky(driverCorrelation);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][p + 1];
        double[] z = new double[p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                z[k] = gaussian(random);
            }
            double y = noise * gaussian(random);
            for (int j = 0; j < p; j++) {
                double x = 0;
                for (int k = 0; k <= j; k++) {
                    x += factor[j][k] * z[k];
                }
                rows[i][j + 1] = x;
                y += beta[j] * x;
            }
            rows[i][0] = y;
        }
        return rows;
    }

    /** A correlation matrix with {@code rho} between every pair of drivers. */
    static double[][] equicorrelated(int p, double rho) {
        double[][] r = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                r[i][j] = i == j ? 1 : rho;
            }
        }
        return r;
    }

    /** The lower Cholesky factor of a positive definite matrix. */
    static double[][] cholesky(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
            }
        }
        return l;
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The drivers' names {@code d1, d2, ...}. */
    static List<String> names(int p) {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= p; j++) {
            names.add("d" + j);
        }
        return names;
    }

    /** The rows as {@link DriverData} with the outcome {@code y} and drivers {@code d1..dp}. */
    static DriverData data(double[][] rows) {
        int p = rows[0].length - 1;
        DriverData.RowBuilder builder = DriverData.byRows("y", names(p));
        for (double[] row : rows) {
            builder.add(row[0], java.util.Arrays.copyOfRange(row, 1, p + 1));
        }
        return builder.build();
    }
}
