package dev.cxm.metrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Johnson's relative weights against closed forms and against the exact Shapley values.
 */
class RelativeWeightsTest {

    private static final KeyDrivers WEIGHTS = KeyDrivers.custom().method(DriverMethod.RELATIVE_WEIGHTS).resamples(0)
            .build();
    private static final KeyDrivers SHAPLEY = KeyDrivers.custom().method(DriverMethod.SHAPLEY).resamples(0).build();

    /**
     * The largest difference of shares between the two methods that the agreement test accepts: 0.02 (two
     * percentage points of R²). Johnson (2000) and LeBreton, Ployhart and Ladd (2004) found relative weights and
     * general dominance (Shapley) weights nearly identical on data of realistic correlations. On the structures
     * below the largest difference is 0.011 (measured here, and 0.0115 between the population values): a driver
     * with no effect of its own, correlated 0.7 with drivers that have one; equal weights of exchangeable drivers
     * agree exactly, and the mild structures within 0.002 to 0.007.
     */
    private static final double AGREEMENT = 0.02;

    @Test
    void uncorrelatedDriversGetTheirSquaredCorrelationUnderBothMethods() {
        // Oracle, closed form: drivers that are exactly uncorrelated in the sample (centred, orthogonal +-1
        // columns of a 2^3 factorial design, repeated) each explain r² with the outcome, under every method.
        double[][] design = {{1, 1, 1}, {1, 1, -1}, {1, -1, 1}, {1, -1, -1}, {-1, 1, 1}, {-1, 1, -1}, {-1, -1, 1},
            {-1, -1, -1}};
        double[] noise = {0.3, -0.1, 0.2, -0.4, 0.1, 0.5, -0.3, -0.2};
        DriverData.RowBuilder rows = DriverData.byRows("y", "d1", "d2", "d3");
        double[] y = new double[8];
        for (int i = 0; i < 8; i++) {
            y[i] = 2 * design[i][0] + design[i][1] + 0.5 * design[i][2] + noise[i];
            rows.add(y[i], design[i]);
        }
        DriverData data = rows.build();
        for (KeyDrivers method : new KeyDrivers[] {WEIGHTS, SHAPLEY}) {
            KeyDriverResult result = method.compute(data);
            for (int j = 0; j < 3; j++) {
                double r = correlation(y, column(design, j));
                assertThat(result.driver("d" + (j + 1)).orElseThrow().importance()).as("%s d%d", method, j + 1)
                        .isCloseTo(r * r, within(1e-12));
            }
        }
    }

    @Test
    void relativeWeightsAgreeWithShapleyWithinTheStatedTolerance() {
        // Oracle: the exact Shapley values (themselves checked against brute force) on generated data of known
        // structure: equal and unequal weights, low and high correlation among the drivers.
        double[][][] structures = {Samples.equicorrelated(5, 0.2), Samples.equicorrelated(5, 0.5),
            Samples.equicorrelated(5, 0.7), {{1, 0.6, 0.3, 0.1}, {0.6, 1, 0.4, 0.2}, {0.3, 0.4, 1, 0.5},
                {0.1, 0.2, 0.5, 1}}};
        double[][] weights = {{0.5, 0.4, 0.3, 0.2, 0.1}, {1, 1, 1, 1, 1}, {0.8, 0, 0.4, 0, 0.2}, {0.7, 0.1, 0.5, -0.3}};
        double largest = 0;
        for (int s = 0; s < structures.length; s++) {
            DriverData data = Samples.data(Samples.linear(100 + s, 20_000, structures[s], weights[s], 1));
            KeyDriverResult shapley = SHAPLEY.compute(data);
            KeyDriverResult relative = WEIGHTS.compute(data);
            assertThat(relative.rSquared()).isCloseTo(shapley.rSquared(), within(1e-12));
            for (DriverImportance driver : shapley.drivers()) {
                double difference = Math.abs(relative.driver(driver.name()).orElseThrow().share() - driver.share());
                largest = Math.max(largest, difference);
                assertThat(difference).as("structure %d, %s", s, driver.name()).isLessThanOrEqualTo(AGREEMENT);
            }
        }
        assertThat(largest).as("the largest difference, quoted in the tolerance's comment").isLessThan(0.012);
    }

    @Test
    void automaticChoosesRelativeWeightsAboveFifteenDrivers() {
        // Oracle: the rule of DriverMethod.AUTOMATIC; and by definition importances add up to R².
        int p = 16;
        double[] beta = new double[p];
        java.util.Arrays.fill(beta, 0.2);
        DriverData data = Samples.data(Samples.linear(3, 500, Samples.equicorrelated(p, 0.3), beta, 1));
        KeyDriverResult result = KeyDrivers.custom().resamples(0).build().compute(data);
        assertThat(result.method()).isEqualTo(DriverMethod.RELATIVE_WEIGHTS);
        assertThat(result.drivers().stream().mapToDouble(DriverImportance::importance).sum())
                .isCloseTo(result.rSquared(), within(1e-12));
        assertThat(KeyDrivers.custom().resamples(0).build()
                .compute(Samples.data(Samples.linear(3, 500, Samples.equicorrelated(15, 0.3), new double[15], 1)))
                .method()).isEqualTo(DriverMethod.SHAPLEY);
    }

    private static double[] column(double[][] rows, int j) {
        double[] column = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            column[i] = rows[i][j];
        }
        return column;
    }

    /** Pearson's correlation, computed by its definition. */
    private static double correlation(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).average().orElseThrow();
        double mb = java.util.Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
