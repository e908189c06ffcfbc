package dev.cxm.metrics.survival;

/**
 * The outcome of a test whose statistic is chi-squared distributed under the null hypothesis: the
 * log-rank test, the likelihood-ratio test of a Cox model.
 *
 * @param statistic the test statistic; zero or more
 * @param degreesOfFreedom its degrees of freedom; zero or more (zero when nothing could be compared)
 * @param pValue the probability of a statistic at least this large under the null hypothesis
 */
public record ChiSquaredTest(double statistic, int degreesOfFreedom, double pValue) {

    /**
     * Validates the statistic and the p-value.
     *
     * @param statistic the test statistic; zero or more
     * @param degreesOfFreedom its degrees of freedom; zero or more
     * @param pValue the probability of a statistic at least this large under the null hypothesis; in [0, 1]
     * @throws IllegalArgumentException if the statistic is negative or NaN, the degrees of freedom negative, or
     *     the p-value outside [0, 1]
     */
    public ChiSquaredTest {
        check(statistic, degreesOfFreedom, pValue);
    }

    /** Checks the three numbers of a chi-squared test; shared with the results that carry them flat. */
    static void check(double statistic, int degreesOfFreedom, double pValue) {
        if (!(statistic >= 0)) {
            throw new IllegalArgumentException("statistic: " + statistic + " is not a number zero or more");
        }
        dev.cxm.core.internal.Checks.nonNegative("degreesOfFreedom", degreesOfFreedom);
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue: " + pValue + " is outside [0, 1]");
        }
    }
}
