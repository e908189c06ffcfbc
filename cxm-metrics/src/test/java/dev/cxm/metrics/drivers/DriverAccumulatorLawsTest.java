package dev.cxm.metrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.quicktheories.core.Gen;

import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws for {@link DriverAccumulator}, over rows of an outcome and two drivers: ratings on a
 * 0..10 scale (ties, and columns of one value) and, a third of the time, arbitrary doubles in [-1000, 1000].
 * The oracle of each law is the same rows added to one accumulator.
 *
 * <p>Results are compared to a relative 1e-9 (of each variable's scale), not exactly: means and centred sums of
 * doubles are not associative in floating point, so merging or reordering moves their last bits. The count
 * compares exactly.
 */
class DriverAccumulatorLawsTest
        extends AccumulatorLaws<DriverRow, DriverMoments, DriverMoments, DriverAccumulator> {

    @Override
    protected DriverAccumulator newAccumulator() {
        return DriverAccumulator.of("recommend", "wait", "staff");
    }

    @Override
    protected DriverAccumulator restore(DriverMoments state) {
        return DriverAccumulator.restore(state);
    }

    @Override
    protected Gen<DriverRow> values() {
        Gen<Double> value = integers().between(0, 2).zip(integers().between(0, 10), doubles().between(-1000, 1000),
                (kind, rating, any) -> kind == 0 ? any : (double) rating);
        return value.zip(value, value, (y, a, b) -> DriverRow.of(y, a, b));
    }

    @Override
    protected Class<DriverMoments> stateType() {
        return DriverMoments.class;
    }

    @Override
    protected void assertSameResult(DriverMoments expected, DriverMoments actual) {
        assertThat(actual.outcome()).isEqualTo(expected.outcome());
        assertThat(actual.drivers()).isEqualTo(expected.drivers());
        assertThat(actual.count()).isEqualTo(expected.count());
        double[] means = expected.means();
        double[][] scatter = expected.scatter();
        for (int i = 0; i < means.length; i++) {
            double scale = 1 + Math.abs(means[i]) + Math.sqrt(scatter[i][i]);
            assertThat(actual.means()[i]).as("mean %d", i).isCloseTo(means[i], within(1e-9 * scale));
            for (int j = 0; j < means.length; j++) {
                double size = 1 + Math.sqrt(scatter[i][i] * scatter[j][j]);
                assertThat(actual.scatter()[i][j]).as("scatter (%d, %d)", i, j)
                        .isCloseTo(scatter[i][j], within(1e-9 * size));
            }
        }
    }
}
