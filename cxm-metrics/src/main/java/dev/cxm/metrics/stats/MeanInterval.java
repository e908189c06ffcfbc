package dev.cxm.metrics.stats;

/** The t confidence interval for a mean: {@code mean ± t(level, df) × standardError}. */
public final class MeanInterval {

    /** The method name of {@link #t}. */
    public static final String T = "t";

    private MeanInterval() {}

    /**
     * Returns the t interval for {@code mean} with the given standard error and degrees of freedom (for a
     * plain sample of n: {@code s / sqrt(n)} and {@code n - 1}), clipped to {@code [min, max]}, the range
     * the mean can take (a rating scale's end points).
     *
     * @param mean the mean; finite
     * @param standardError its standard error, 0 or more
     * @param degreesOfFreedom the degrees of freedom, positive
     * @param level the confidence level, strictly between 0 and 1
     * @param min the lowest value the mean can take
     * @param max the highest value the mean can take
     * @return the interval, within {@code [min, max]}
     * @throws IllegalArgumentException naming the value when the mean or standard error is not finite, the
     *     standard error is negative, the degrees of freedom are not positive, the level is outside (0, 1),
     *     or {@code min > max}
     */
    public static ConfidenceInterval t(double mean, double standardError, double degreesOfFreedom, double level,
            double min, double max) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean: " + mean + " is not a finite number");
        }
        if (!(standardError >= 0) || Double.isInfinite(standardError)) {
            throw new IllegalArgumentException("standardError: " + standardError
                    + " is not a finite number of 0 or more");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("min: " + min + " is above max " + max);
        }
        double half = CriticalValues.t(level, degreesOfFreedom) * standardError;
        return new ConfidenceInterval(clip(mean - half, min, max), clip(mean + half, min, max), level, T);
    }

    private static double clip(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
