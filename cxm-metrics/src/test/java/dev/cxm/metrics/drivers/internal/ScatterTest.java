package dev.cxm.metrics.drivers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Scatter sums against a brute force in the test: means and sums of products of deviations of the rows (each
 * repeated as often as its count), computed directly; correlations as those sums over the square roots of
 * the sums of squares.
 */
class ScatterTest {

    @Test
    void theTriangleOfAQByQMatrixHoldsQTimesQPlusOneHalvesEntries() {
        assertThat(Scatter.triangle(1)).isEqualTo(1);
        assertThat(Scatter.triangle(3)).isEqualTo(6);
        assertThat(Scatter.triangle(4)).isEqualTo(10);
    }

    @Test
    void computesIntoArraysThatHeldOtherValues() {
        SplittableRandom random = new SplittableRandom(3);
        int q = 3;
        int n = 12;
        double[] rows = new double[q * n];
        int[] counts = new int[n];
        for (int r = 0; r < n; r++) {
            counts[r] = random.nextInt(3);
            for (int i = 0; i < q; i++) {
                rows[r * q + i] = random.nextInt(10);
            }
        }
        double[] means = new double[q];
        double[] upper = new double[Scatter.triangle(q)];
        Arrays.fill(means, Double.NaN);
        Arrays.fill(upper, 7);
        Scatter.compute(rows, q, n, counts, means, upper);
        double total = Arrays.stream(counts).sum();
        double[] expectedMeans = new double[q];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < q; i++) {
                expectedMeans[i] += counts[r] * rows[r * q + i] / total;
            }
        }
        int k = 0;
        for (int i = 0; i < q; i++) {
            assertThat(means[i]).isCloseTo(expectedMeans[i], within(1e-12));
            for (int j = i; j < q; j++) {
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    sum += counts[r] * (rows[r * q + i] - expectedMeans[i]) * (rows[r * q + j] - expectedMeans[j]);
                }
                assertThat(upper[k++]).isCloseTo(sum, within(1e-9));
            }
        }
    }

    @Test
    void aVariableWithoutVarianceIsConstantAndUncorrelated() {
        // Scatter of (y, a, b) where a is constant: its sum of squares and products are 0.
        double[] upper = {4, 0, 2, 0, 0, 9};
        assertThat(Scatter.hasConstant(upper, 3)).isTrue();
        double[][] r = Scatter.correlations(upper, 3);
        assertThat(r[0][1]).isZero();
        assertThat(r[1][2]).isZero();
        assertThat(r[1][1]).isEqualTo(1);
        assertThat(r[0][2]).isCloseTo(2 / Math.sqrt(4 * 9), within(1e-15));
        assertThat(Scatter.hasConstant(new double[] {4, 1, 2, 1, 0, 9}, 3)).isFalse();
        assertThat(Scatter.hasConstant(new double[] {0, 0, 0, 1, 0, 9}, 3)).isTrue();
        assertThat(Scatter.hasConstant(new double[] {4, 1, 2, 1, 0, 0}, 3)).isTrue();
        assertThat(Scatter.hasConstant(new double[] {4, 1, 2, 1, 0, Double.NaN}, 3)).isTrue();
    }
}
