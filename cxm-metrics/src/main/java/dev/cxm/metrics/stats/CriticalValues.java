package dev.cxm.metrics.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The quantiles and tail probabilities that intervals and tests need: two-sided critical values of the
 * standard normal and of Student's t distribution, and two-sided normal p-values (Hipparchus underneath).
 */
public final class CriticalValues {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private CriticalValues() {}

    /**
     * Returns the two-sided standard normal critical value of a confidence level: the z with
     * {@code P(|Z| <= z) = level}, such as 1.959964 for 0.95.
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the critical value, positive
     * @throws IllegalArgumentException naming the level when it is not strictly between 0 and 1
     */
    public static double z(double level) {
        ConfidenceInterval.requireLevel(level);
        return STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
    }

    /**
     * Returns the two-sided critical value of Student's t distribution with {@code degreesOfFreedom}
     * (which need not be whole, as with an effective sample size), such as 2.262157 for 0.95 and 9.
     *
     * @param level the confidence level, strictly between 0 and 1
     * @param degreesOfFreedom the degrees of freedom, positive and finite
     * @return the critical value, positive
     * @throws IllegalArgumentException naming the value when the level is outside (0, 1) or the degrees of
     *     freedom are not positive and finite
     */
    public static double t(double level, double degreesOfFreedom) {
        ConfidenceInterval.requireLevel(level);
        if (!(degreesOfFreedom > 0) || Double.isInfinite(degreesOfFreedom)) {
            throw new IllegalArgumentException("degreesOfFreedom: " + degreesOfFreedom
                    + " is not a positive finite number");
        }
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability((1 + level) / 2);
    }

    /**
     * Returns the two-sided p-value of a standard normal test statistic, {@code P(|Z| >= |z|)}, computed
     * from the lower tail so that tiny p-values keep their precision.
     *
     * @param z the test statistic
     * @return the p-value, in [0, 1]
     * @throws IllegalArgumentException when {@code z} is NaN
     */
    public static double twoSidedPValue(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z: NaN is not a test statistic");
        }
        return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }
}
