package dev.cxm.metrics.survival;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * The log-rank test of whether two or more groups churn at the same rate over time.
 *
 * @param statistic the chi-squared statistic (O - E)' V^- (O - E)
 * @param degreesOfFreedom groups - 1, less any group that was never at risk at a churn time
 * @param pValue the probability of a statistic at least this large if every group had the same hazard
 * @param groups each group's observed and expected churns, in the order compared
 */
public record LogRankResult(double statistic, int degreesOfFreedom, double pValue, List<GroupTally> groups) {

    /**
     * Validates the test and copies the tallies.
     *
     * @param statistic the chi-squared statistic; zero or more
     * @param degreesOfFreedom groups - 1, less any group never at risk at a churn time; zero or more
     * @param pValue the probability of a statistic at least this large if every group had the same hazard; in
     *     [0, 1]
     * @param groups each group's observed and expected churns, in the order compared
     * @throws IllegalArgumentException if the statistic is negative or NaN, the degrees of freedom negative, or
     *     the p-value outside [0, 1]
     */
    public LogRankResult {
        ChiSquaredTest.check(statistic, degreesOfFreedom, pValue);
        groups = List.copyOf(Checks.present("groups", groups));
    }

    /**
     * Returns the statistic, degrees of freedom and p-value as one test.
     *
     * @return the chi-squared test of equal hazards
     */
    public ChiSquaredTest test() {
        return new ChiSquaredTest(statistic, degreesOfFreedom, pValue);
    }
}
