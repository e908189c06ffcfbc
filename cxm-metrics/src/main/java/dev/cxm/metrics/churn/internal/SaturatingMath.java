package dev.cxm.metrics.churn.internal;

/** Arithmetic on epoch seconds and nanoseconds that clamps at the ends of {@code long} instead of wrapping. */
final class SaturatingMath {

    private SaturatingMath() {}

    /** Returns a + b, or {@link Long#MAX_VALUE} / {@link Long#MIN_VALUE} where the sum would overflow. */
    static long add(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (b < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }
}
