package dev.cxm.metrics.survival.internal;

import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * Upper-tail probabilities of the test statistics, computed from the complementary special functions so
 * that small p-values keep their digits (1 - cdf would round them to 0).
 */
public final class TailProbabilities {

    private TailProbabilities() {}

    /** Returns P(X >= statistic) for X chi-squared with {@code degreesOfFreedom} degrees of freedom. */
    public static double chiSquared(double statistic, int degreesOfFreedom) {
        if (statistic <= 0) {
            return 1;
        }
        return Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, statistic / 2);
    }

    /** Returns P(|Z| >= |z|) for a standard normal Z. */
    public static double twoSidedNormal(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }
}
