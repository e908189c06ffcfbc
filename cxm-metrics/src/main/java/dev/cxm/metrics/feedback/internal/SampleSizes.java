package dev.cxm.metrics.feedback.internal;

/** The checks every result record makes of the sample it describes. */
public final class SampleSizes {

    private SampleSizes() {}

    /**
     * Checks what a result says about its sample: {@code n} 0 or more, a finite total weight of 0 or more,
     * and an effective sample size from 0 to {@code n} (Kish's never exceeds it), 0 without a response.
     *
     * @param n the number of responses
     * @param totalWeight the sum of their weights
     * @param effectiveN their effective sample size
     * @throws IllegalArgumentException naming the value and the rule it breaks
     */
    public static void require(long n, double totalWeight, double effectiveN) {
        if (n < 0) {
            throw new IllegalArgumentException("n: " + n + " is negative; it must be 0 or more");
        }
        if (!(totalWeight >= 0) || Double.isInfinite(totalWeight) || (n == 0 && totalWeight != 0)) {
            throw new IllegalArgumentException("totalWeight: " + totalWeight + " is not a finite number of 0 or more"
                    + " (0 when n is 0); n is " + n);
        }
        if (!(effectiveN >= 0 && effectiveN <= n)) {
            throw new IllegalArgumentException("effectiveN: " + effectiveN + " is outside 0..n, n " + n
                    + "; an effective sample size is never larger than the sample");
        }
    }
}
