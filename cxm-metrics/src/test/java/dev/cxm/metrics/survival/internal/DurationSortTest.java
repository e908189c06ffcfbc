package dev.cxm.metrics.survival.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The radix sort against Arrays.sort, on arrays large enough to take the radix path. */
class DurationSortTest {

    @Test
    void sortsLikeArraysSortIncludingTiesZerosAndHugeValues() {
        qt().withFixedSeed(81).withExamples(12).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 100_000 + random.nextInt(50_000);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = switch (random.nextInt(5)) {
                    case 0 -> random.nextInt(100);                       // ties
                    case 1 -> 0.0;
                    case 2 -> random.nextDouble() * 1e300;               // wide exponents
                    case 3 -> random.nextDouble() * 1e-300;
                    default -> -Math.log(1 - random.nextDouble()) * 365;  // continuous
                };
            }
            double[] expected = values.clone();
            Arrays.sort(expected);
            DurationSort.sort(values);
            assertThat(values).isEqualTo(expected);
        });
    }

    @Test
    void negativeZeroSortsAsZero() {
        double[] values = new double[200_000];
        values[7] = -0.0;
        values[8] = 3;
        DurationSort.sort(values);
        assertThat(values[values.length - 1]).isEqualTo(3.0);
        assertThat(Double.doubleToRawLongBits(values[0])).isZero();
    }
}
