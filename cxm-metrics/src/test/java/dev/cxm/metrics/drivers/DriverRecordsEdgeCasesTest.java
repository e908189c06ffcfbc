package dev.cxm.metrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The drivers' records and data at their bounds. Expected values: the documented rules (bounds inclusive as
 * the Javadoc says), value equality of equal contents, and for merged moments a brute force in the test (the
 * means and sums of products of deviations of the pooled rows, computed directly).
 */
class DriverRecordsEdgeCasesTest {

    @Test
    void aRowRefusesAValueThatIsNotFiniteAndKeepsItsOwnCopy() {
        double[] ratings = {1, 2};
        DriverRow row = DriverRow.of(3, ratings);
        ratings[0] = 9;
        assertThat(row.drivers()).containsExactly(1, 2);
        assertThat(row).isEqualTo(DriverRow.of(3, 1, 2)).hasSameHashCodeAs(DriverRow.of(3, 1, 2))
                .isNotEqualTo(DriverRow.of(3, 1, 3)).isNotEqualTo(DriverRow.of(4, 1, 2)).isNotEqualTo("row");
        assertThat(row.hashCode()).isNotEqualTo(DriverRow.of(4, 1, 2).hashCode())
                .isNotEqualTo(DriverRow.of(3, 1, 3).hashCode());
        assertThat(row.toString()).isEqualTo("DriverRow[2 drivers]");
        assertThatThrownBy(() -> DriverRow.of(1, 2, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 1");
        assertThatThrownBy(() -> DriverRow.of(Double.POSITIVE_INFINITY, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outcome");
    }

    @Test
    void anImportanceTakesEveryBoundOfItsRanges() {
        assertThat(importance(0, -1, 1).share()).isZero();
        assertThat(importance(1, 1, 1).correlation()).isEqualTo(1);
        assertThat(importance(0.5, -1, 1).correlation()).isEqualTo(-1);
        assertThatThrownBy(() -> importance(1.0001, 0, 1)).hasMessageContaining("share");
        assertThatThrownBy(() -> importance(-0.0001, 0, 1)).hasMessageContaining("share");
        assertThatThrownBy(() -> importance(0.5, 1.0001, 1)).hasMessageContaining("correlation");
        assertThatThrownBy(() -> importance(0.5, -1.0001, 1)).hasMessageContaining("correlation");
        assertThatThrownBy(() -> importance(0.5, 0, 0.999)).hasMessageContaining("varianceInflation");
    }

    @Test
    void aResultTakesEveryBoundOfItsRanges() {
        List<DriverImportance> two = List.of(importance(0.5, 0.3, 1), named("b"));
        assertThat(result(4, 0, 0, two).rSquared()).isZero();
        assertThat(result(4, 1, 1, two).adjustedRSquared()).isEqualTo(1);
        assertThatThrownBy(() -> result(4, 1.0001, 0.5, two)).hasMessageContaining("rSquared");
        assertThatThrownBy(() -> result(4, -0.0001, 0.5, two)).hasMessageContaining("rSquared");
        assertThatThrownBy(() -> result(4, 0.5, 1.0001, two)).hasMessageContaining("adjustedRSquared");
        // n = drivers + 2 is the fewest rows.
        assertThatThrownBy(() -> result(3, 0.5, 0.5, two)).hasMessageContaining("n: 3 rows for 2 drivers");
        assertThat(result(4, 0.5, 0.5, two).driver("b")).contains(named("b"));
    }

    @Test
    void methodsAreFoundByNameIgnoringCaseAndSpace() {
        assertThat(DriverMethod.named("shapley")).isEqualTo(DriverMethod.SHAPLEY);
        assertThat(DriverMethod.named(" Relative-Weights ")).isEqualTo(DriverMethod.RELATIVE_WEIGHTS);
        assertThat(DriverMethod.named("AUTOMATIC")).isEqualTo(DriverMethod.AUTOMATIC);
        assertThatThrownBy(() -> DriverMethod.named("ols")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"ols\" is not a method");
    }

    @Test
    void dataEqualByNamesAndValues() {
        DriverData data = DriverData.byRows("y", "a").add(1, 2).add(3, 5).add(4, 4).build();
        DriverData same = DriverData.byColumns("y", new double[] {1, 3, 4}).driver("a", new double[] {2, 5, 4}).build();
        DriverData other = DriverData.byRows("y", "a").add(1, 2).add(3, 5).add(4, 5).build();
        assertThat(data).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other).isNotEqualTo("data");
        assertThat(data.hashCode()).isNotEqualTo(other.hashCode());
        assertThat(data.toString()).isEqualTo("DriverData[y ~ [a], rows=3]");
        assertThatThrownBy(() -> DriverData.byRows("y", "a").add(Double.NaN, 2)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("outcome y: the value in row 1");
    }

    @Test
    void theRowLimitIsTheLargestArrayOfValues() {
        // Oracle: Integer.MAX_VALUE - 8 values (the largest array a JVM allocates) over q values a row.
        int limit = (Integer.MAX_VALUE - 8) / 3;
        assertThat(DriverData.grow(0, limit, 3)).isEqualTo(limit);
        assertThatThrownBy(() -> DriverData.grow(0, limit + 1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than " + limit + " rows of 3 values");
        assertThat(DriverData.grow(10, 11, 3)).isEqualTo(20);
        assertThat(DriverData.grow(0, 1, 3)).isEqualTo(16);
    }

    @Test
    void mergedMomentsAreThoseOfThePooledRows() {
        SplittableRandom random = new SplittableRandom(5);
        DriverData.RowBuilder left = DriverData.byRows("y", "a", "b");
        DriverData.RowBuilder right = DriverData.byRows("y", "a", "b");
        DriverData.RowBuilder all = DriverData.byRows("y", "a", "b");
        double[][] rows = new double[50][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new double[] {random.nextInt(11), random.nextInt(11), random.nextDouble() * 5};
            (r < 20 ? left : right).add(rows[r][0], rows[r][1], rows[r][2]);
            all.add(rows[r][0], rows[r][1], rows[r][2]);
        }
        DriverMoments merged = left.build().moments().merge(right.build().moments());
        assertThat(merged.count()).isEqualTo(50);
        double[] means = new double[3];
        for (double[] row : rows) {
            for (int i = 0; i < 3; i++) {
                means[i] += row[i] / rows.length;
            }
        }
        for (int i = 0; i < 3; i++) {
            assertThat(merged.means()[i]).isCloseTo(means[i], within(1e-12));
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (double[] row : rows) {
                    sum += (row[i] - means[i]) * (row[j] - means[j]);
                }
                assertThat(merged.scatter()[i][j]).isCloseTo(sum, within(1e-9));
            }
        }
        DriverMoments pooled = all.build().moments();
        assertThat(merged.toString()).isEqualTo("DriverMoments[y ~ [a, b], count=50]");
        assertThat(pooled).isEqualTo(pooled.merge(DriverData.byRows("y", "a", "b").build().moments()));
        assertThat(pooled).hasSameHashCodeAs(pooled.merge(DriverData.byRows("y", "a", "b").build().moments()));
        assertThat(pooled).isNotEqualTo(left.build().moments()).isNotEqualTo("moments");
        assertThat(pooled.hashCode()).isNotEqualTo(left.build().moments().hashCode());
        assertThatThrownBy(() -> pooled.merge(DriverData.byRows("y", "b", "a").build().moments()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only moments of the same variables");
    }

    private static DriverImportance importance(double share, double correlation, double vif) {
        return new DriverImportance("a", 0.1, share, Optional.empty(), 1, correlation, vif);
    }

    private static DriverImportance named(String name) {
        return new DriverImportance(name, 0.1, 0.5, Optional.empty(), 2, 0.2, 1);
    }

    private static KeyDriverResult result(long n, double rSquared, double adjusted, List<DriverImportance> drivers) {
        return new KeyDriverResult("y", n, DriverMethod.SHAPLEY, rSquared, adjusted, drivers, 0, 1, List.of());
    }
}
