package dev.cxm.metrics.stats;

/**
 * Confidence intervals for a proportion: Wilson's score interval (the default everywhere in cxm, good
 * coverage even near 0 and 1 and for small samples) and the plain Wald interval (for comparison).
 *
 * <p>Counts are {@code double} so that weighted data can pass effective counts (see the feedback metrics);
 * with unweighted data they are whole numbers.
 */
public final class ProportionInterval {

    /** The method name of {@link #wilson}. */
    public static final String WILSON = "wilson";
    /** The method name of {@link #wald}. */
    public static final String WALD = "wald";

    private ProportionInterval() {}

    /**
     * Returns Wilson's score interval (Wilson 1927) for {@code successes} out of {@code trials}:
     * {@code (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)}.
     *
     * @param successes the (effective) number of successes, 0 to {@code trials}
     * @param trials the (effective) number of trials, positive
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval, within [0, 1] and containing {@code successes / trials}
     * @throws IllegalArgumentException naming the value when {@code trials} is not positive, the successes
     *     are outside {@code [0, trials]}, or the level is outside (0, 1)
     */
    public static ConfidenceInterval wilson(double successes, double trials, double level) {
        requireCounts(successes, trials);
        double z = CriticalValues.z(level);
        double p = successes / trials;
        double z2n = z * z / trials;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / trials + z2n / (4 * trials));
        // The interval contains p in exact arithmetic; min and max keep it so through rounding (at p = 0 or 1).
        return new ConfidenceInterval(Math.min(p, Math.max(0, centre - half)), Math.max(p, Math.min(1, centre + half)),
                level, WILSON);
    }

    /**
     * Returns the Wald interval {@code p ± z sqrt(p(1-p)/n)}, clipped to [0, 1]; it is degenerate at
     * {@code p = 0} and {@code p = 1} and under-covers for small samples, which is why Wilson is the default.
     *
     * @param successes the (effective) number of successes, 0 to {@code trials}
     * @param trials the (effective) number of trials, positive
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval, within [0, 1]
     * @throws IllegalArgumentException as {@link #wilson} does
     */
    public static ConfidenceInterval wald(double successes, double trials, double level) {
        requireCounts(successes, trials);
        double z = CriticalValues.z(level);
        double p = successes / trials;
        double half = z * Math.sqrt(p * (1 - p) / trials);
        return new ConfidenceInterval(Math.max(0, p - half), Math.min(1, p + half), level, WALD);
    }

    static void requireCounts(double successes, double trials) {
        if (!(trials > 0) || Double.isInfinite(trials)) {
            throw new IllegalArgumentException("trials: " + trials + " is not a positive finite number");
        }
        if (!(successes >= 0 && successes <= trials)) {
            throw new IllegalArgumentException("successes: " + successes + " is outside [0, " + trials + "]");
        }
    }
}
