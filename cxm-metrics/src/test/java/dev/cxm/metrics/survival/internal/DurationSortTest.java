package dev.cxm.metrics.survival.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

/**
 * The radix sort and the counting of small whole numbers against their oracle, {@link Arrays#sort(double[])}
 * of the same values (-0.0 as 0.0), on arrays large enough to take those paths.
 */
class DurationSortTest {

    /** Draws 100,000 to 150,000 values. */
    private static double[] values(SplittableRandom random, ToDoubleFunction<SplittableRandom> draw) {
        double[] values = new double[100_000 + random.nextInt(50_000)];
        for (int i = 0; i < values.length; i++) {
            values[i] = draw.applyAsDouble(random);
        }
        return values;
    }

    /** Sorts a copy of {@code values} with DurationSort and checks it against Arrays.sort. */
    private static void assertSortsLikeArraysSort(double[] values) {
        double[] expected = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            expected[i] = values[i] + 0.0;
        }
        Arrays.sort(expected);
        double[] sorted = values.clone();
        DurationSort.sort(sorted);
        assertThat(sorted).isEqualTo(expected);
    }

    @Test
    void sortsLikeArraysSortIncludingTiesZerosAndHugeValues() {
        qt().withFixedSeed(81).withExamples(12).forAll(longs().all()).checkAssert(seed ->
                assertSortsLikeArraysSort(values(new SplittableRandom(seed), random -> switch (random.nextInt(5)) {
                    case 0 -> random.nextInt(100);                       // ties
                    case 1 -> 0.0;
                    case 2 -> random.nextDouble() * 1e300;               // wide exponents
                    case 3 -> random.nextDouble() * 1e-300;
                    default -> -Math.log(1 - random.nextDouble()) * 365;  // continuous
                })));
    }

    @Test
    void countsSmallWholeNumbersLikeArraysSort() {
        // Whole days, some at the edges of the counted range; then one value outside it in a random place,
        // which must send the whole array to the radix sort with nothing changed by the counting's first pass.
        qt().withFixedSeed(82).withExamples(12).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            double[] values = values(random, draw -> switch (draw.nextInt(6)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> 65_535;
                default -> draw.nextInt(draw.nextBoolean() ? 400 : 65_536);
            });
            assertSortsLikeArraysSort(values);
            values[random.nextInt(values.length)] = switch (random.nextInt(3)) {
                case 0 -> 65_536;
                case 1 -> 0.5;
                default -> 1e12;
            };
            assertSortsLikeArraysSort(values);
        });
    }

    @Test
    void zerosBeforeTheFirstWholeNumberPastTheCountedRangeSendTheArrayToTheRadixSort() {
        // Every value but the last is 0, so the counting pass meets 65,536 (2^16, the first whole number it cannot
        // count) only at the end: the result is still Arrays.sort's.
        double[] values = new double[100_000];
        values[values.length - 1] = 65_536;
        assertSortsLikeArraysSort(values);
        values[values.length - 1] = 3 * 65_536;
        assertSortsLikeArraysSort(values);
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
