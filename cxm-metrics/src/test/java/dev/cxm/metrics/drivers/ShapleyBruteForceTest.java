package dev.cxm.metrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hipparchus.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * The Shapley shares against brute force. The oracle fits every subset of drivers by ordinary least squares
 * from the raw rows (Hipparchus' QR-based {@link OLSMultipleLinearRegression}, with an intercept), independently
 * of the library's correlation-matrix elimination, and then averages each driver's increase of R² over every
 * order of the drivers (p! permutations) or, for 15 drivers, weights its increase over every subset by
 * {@code s!(p-s-1)!/p!}.
 */
class ShapleyBruteForceTest {

    private static final KeyDrivers SHAPLEY = KeyDrivers.custom().method(DriverMethod.SHAPLEY).resamples(0).build();

    /** R² of the outcome on the drivers of {@code mask} (bit j: driver j), fitted from the raw rows. */
    private static double olsRSquared(double[][] rows, int mask) {
        if (mask == 0) {
            return 0;
        }
        int k = Integer.bitCount(mask);
        double[] y = new double[rows.length];
        double[][] x = new double[rows.length][k];
        for (int i = 0; i < rows.length; i++) {
            y[i] = rows[i][0];
            int c = 0;
            for (int j = 0; j < rows[i].length - 1; j++) {
                if ((mask & 1 << j) != 0) {
                    x[i][c++] = rows[i][j + 1];
                }
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        return ols.calculateRSquared();
    }

    /** Each driver's Shapley value by averaging its marginal R² over all p! orders. */
    private static double[] byPermutations(double[][] rows) {
        int p = rows[0].length - 1;
        Map<Integer, Double> r2 = new HashMap<>();
        double[] values = new double[p];
        List<int[]> orders = new ArrayList<>();
        permute(new int[p], 0, new boolean[p], orders);
        for (int[] order : orders) {
            int mask = 0;
            for (int j : order) {
                int before = mask;
                mask |= 1 << j;
                values[j] += r2.computeIfAbsent(mask, m -> olsRSquared(rows, m))
                        - r2.computeIfAbsent(before, m -> olsRSquared(rows, m));
            }
        }
        for (int j = 0; j < p; j++) {
            values[j] /= orders.size();
        }
        return values;
    }

    private static void permute(int[] order, int filled, boolean[] used, List<int[]> out) {
        if (filled == order.length) {
            out.add(order.clone());
            return;
        }
        for (int j = 0; j < order.length; j++) {
            if (!used[j]) {
                used[j] = true;
                order[filled] = j;
                permute(order, filled + 1, used, out);
                used[j] = false;
            }
        }
    }

    private static void assertMatches(double[][] rows, double[] expected) {
        int p = expected.length;
        KeyDriverResult result = SHAPLEY.compute(Samples.data(rows));
        assertThat(result.method()).isEqualTo(DriverMethod.SHAPLEY);
        assertThat(result.rSquared()).isCloseTo(olsRSquared(rows, (1 << p) - 1), within(1e-10));
        double sum = 0;
        for (int j = 0; j < p; j++) {
            DriverImportance driver = result.driver("d" + (j + 1)).orElseThrow();
            assertThat(driver.importance()).as("importance of d%d", j + 1).isCloseTo(expected[j], within(1e-10));
            assertThat(driver.share()).as("share of d%d", j + 1)
                    .isCloseTo(expected[j] / result.rSquared(), within(1e-9));
            sum += driver.share();
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
    }

    @Test
    void sharesEqualTheAverageOverEveryOrderOfOlsFitsFromTheRawRows() {
        // Oracle: p! orders of OLS fits from the raw rows, for 1 to 7 drivers of random correlation and weights.
        SplittableRandom random = new SplittableRandom(2026);
        for (int p = 1; p <= 7; p++) {
            double[][] correlation = Samples.equicorrelated(p, 0.1 + 0.6 * random.nextDouble());
            double[] beta = new double[p];
            for (int j = 0; j < p; j++) {
                beta[j] = random.nextDouble() * 2 - 0.5;
            }
            double[][] rows = Samples.linear(random.nextLong(), 40 + 20 * p, correlation, beta, 1.0);
            assertMatches(rows, byPermutations(rows));
        }
    }

    @Test
    void sharesOfFifteenDriversEqualTheSubsetFormulaOverAllOlsFits() {
        // Oracle: all 2^15 = 32,768 subsets fitted by OLS from the raw rows, each driver's increase over every
        // subset without it weighted by s!(14 - s)!/15!.
        int p = 15;
        SplittableRandom random = new SplittableRandom(15);
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = random.nextDouble() - 0.3;
        }
        double[][] rows = Samples.linear(7, 60, Samples.equicorrelated(p, 0.3), beta, 1.5);
        double[] r2 = new double[1 << p];
        for (int mask = 1; mask < r2.length; mask++) {
            r2[mask] = olsRSquared(rows, mask);
        }
        double[] expected = new double[p];
        for (int mask = 0; mask < r2.length; mask++) {
            int s = Integer.bitCount(mask);
            for (int j = 0; j < p; j++) {
                if ((mask & 1 << j) == 0) {
                    expected[j] += weight(p, s) * (r2[mask | 1 << j] - r2[mask]);
                }
            }
        }
        assertMatches(rows, expected);
    }

    /** {@code s! (p - s - 1)! / p!}, from factorials in doubles (exact to 15!). */
    private static double weight(int p, int s) {
        return factorial(s) * factorial(p - s - 1) / factorial(p);
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    @Test
    void aDriverThatCopiesAnotherSharesItsPartAndTheRestIsUnchanged() {
        // Oracle: with d3 an exact copy of d1, the R² of a subset is that of the subset with d3 replaced by d1
        // (fitted by OLS without the duplicate column), so the p! orders give the Shapley values of the copy.
        double[][] base = Samples.linear(11, 80, Samples.equicorrelated(2, 0.4), new double[] {1, 0.5}, 1);
        double[][] rows = new double[base.length][4];
        for (int i = 0; i < base.length; i++) {
            rows[i] = new double[] {base[i][0], base[i][1], base[i][2], base[i][1]};
        }
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        double[] expected = new double[3];
        for (int[] order : orders) {
            int mask = 0;
            for (int j : order) {
                int before = mask;
                mask |= 1 << j;
                expected[j] += (olsRSquared(base, withoutCopy(mask)) - olsRSquared(base, withoutCopy(before))) / 6;
            }
        }
        KeyDriverResult result = SHAPLEY.compute(Samples.data(rows));
        assertThat(result.driver("d1").orElseThrow().importance()).isCloseTo(expected[0], within(1e-9));
        assertThat(result.driver("d2").orElseThrow().importance()).isCloseTo(expected[1], within(1e-9));
        assertThat(result.driver("d3").orElseThrow().importance()).isCloseTo(expected[2], within(1e-9));
        assertThat(result.driver("d1").orElseThrow().varianceInflation()).isInfinite();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("nearly collinear")
                .contains("d1 (a linear combination of the others)").contains("d3 (a linear combination"));
    }

    /** Maps a subset of (d1, d2, copy of d1) to the subset of (d1, d2) that spans the same columns. */
    private static int withoutCopy(int mask) {
        return (mask & 0b011) | ((mask & 0b100) != 0 ? 0b001 : 0);
    }
}
