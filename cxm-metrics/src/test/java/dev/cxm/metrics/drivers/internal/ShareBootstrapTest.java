package dev.cxm.metrics.drivers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The bootstrap against a brute force in the test: resample b is rebuilt as a list of rows from the generator
 * the class documents (a SplittableRandom seeded with the b-th number of one seeded with the caller's seed,
 * n draws of a row index), and its correlations computed from that list. The method under the bootstrap
 * reports each driver's correlation with the outcome as its "share", so the replicates show what each
 * resample saw.
 */
class ShareBootstrapTest {

    @Test
    void eachResampleIsNRowsDrawnWithReplacementAsDocumented() {
        int n = 9;
        int q = 3;
        double[] rows = new double[n * q];
        SplittableRandom data = new SplittableRandom(23);
        for (int r = 0; r < n; r++) {
            rows[r * q] = data.nextInt(10);
            rows[r * q + 1] = data.nextInt(10);
            // The last driver is 0 except in one row: a resample without that row has it constant.
            rows[r * q + 2] = r == 4 ? 1 : 0;
        }
        int resamples = 40;
        ShareBootstrap.Replicates replicates = ShareBootstrap.run(rows, q, n, resamples, 99, correlations ->
                new Decomposition(1, new double[] {(1 + correlations[0][1]) / 2, (1 + correlations[0][2]) / 2}));
        assertThat(replicates.shares()).hasNumberOfRows(q - 1);
        SplittableRandom root = new SplittableRandom(99);
        int degenerate = 0;
        for (int b = 0; b < resamples; b++) {
            SplittableRandom random = new SplittableRandom(root.nextLong());
            List<double[]> resample = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int r = random.nextInt(n);
                resample.add(new double[] {rows[r * q], rows[r * q + 1], rows[r * q + 2]});
            }
            double[][] r = ShapleySubsetsTest.correlations(resample.toArray(double[][]::new));
            boolean constant = false;
            for (int j = 1; j < q; j++) {
                double correlation = Double.isNaN(r[0][j]) ? 0 : r[0][j];
                constant |= Double.isNaN(r[0][j]);
                assertThat(replicates.shares()[j - 1][b]).as("driver %d, resample %d", j, b)
                        .isCloseTo((1 + correlation) / 2, within(1e-12));
            }
            degenerate += constant ? 1 : 0;
        }
        assertThat(degenerate).isPositive().isLessThan(resamples);
        assertThat(replicates.degenerate()).isEqualTo(degenerate);
    }
}
