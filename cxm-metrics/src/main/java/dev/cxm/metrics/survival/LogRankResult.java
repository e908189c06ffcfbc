package dev.cxm.metrics.survival;

import java.util.List;

/**
 * The log-rank test of whether two or more groups churn at the same rate over time.
 *
 * @param test the chi-squared statistic, its degrees of freedom (groups - 1, less any group that was never
 *     at risk at a churn time) and p-value
 * @param groups each group's observed and expected churns, in the order compared
 */
public record LogRankResult(ChiSquaredTest test, List<GroupTally> groups) {

    /** Validates and copies the tallies. */
    public LogRankResult {
        dev.cxm.core.internal.Checks.present("test", test);
        groups = List.copyOf(groups);
    }

    /** Returns the chi-squared statistic. */
    public double statistic() {
        return test.statistic();
    }

    /** Returns the statistic's degrees of freedom. */
    public int degreesOfFreedom() {
        return test.degreesOfFreedom();
    }

    /** Returns the p-value. */
    public double pValue() {
        return test.pValue();
    }
}
