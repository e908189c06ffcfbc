package dev.cxm.metrics.churn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

/** Saturating addition against BigInteger: the exact sum, clamped to the range of long. */
class SaturatingMathTest {

    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);

    @Test
    void addsAsBigIntegerClampedToLong() {
        qt().withFixedSeed(97).withExamples(2_000).forAll(longs().all(), longs().all())
                .checkAssert((a, b) -> assertThat(SaturatingMath.add(a, b)).isEqualTo(clamped(a, b)));
    }

    @Test
    void clampsAtBothEnds() {
        long[] edges = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -2, -1, 0, 1, 2, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        for (long a : edges) {
            for (long b : edges) {
                assertThat(SaturatingMath.add(a, b)).as("%d + %d", a, b).isEqualTo(clamped(a, b));
            }
        }
        assertThat(SaturatingMath.add(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(SaturatingMath.add(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(SaturatingMath.add(-5, 3)).isEqualTo(-2);
    }

    private static long clamped(long a, long b) {
        return BigInteger.valueOf(a).add(BigInteger.valueOf(b)).max(MIN).min(MAX).longValueExact();
    }
}
