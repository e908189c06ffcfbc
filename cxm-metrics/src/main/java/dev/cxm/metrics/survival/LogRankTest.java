package dev.cxm.metrics.survival;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.survival.internal.Cholesky;
import dev.cxm.metrics.survival.internal.TailProbabilities;
import dev.cxm.metrics.survival.internal.TimeOrder;

/**
 * The log-rank (Mantel-Haenszel) test of equal hazards across two or more groups, as R's {@code survdiff}
 * computes it.
 *
 * <p>At each distinct churn time with d churns among n subjects at risk, group g with n_g at risk expects
 * d n_g / n churns; the hypergeometric covariance of the counts is d (n - d) / (n - 1) (n_g / n)
 * (delta_gh - n_h / n). The statistic is (O - E)' V^- (O - E) over the groups, with V^- a generalised
 * inverse; it is chi-squared with (groups - 1) degrees of freedom under the null hypothesis.
 *
 * <pre>{@code
 * LogRankResult result = LogRankTest.ofDefaults().compare(data, "monthly", "annual");
 * boolean differ = result.pValue() < 0.05;
 * }</pre>
 *
 * <p>The test has no settings: {@link #ofDefaults()} returns the one test, so that it is used as every
 * other calculator is (configured object, then the verb).
 */
public final class LogRankTest {

    private static final LogRankTest DEFAULTS = new LogRankTest();

    private LogRankTest() {}

    /**
     * Returns the log-rank test.
     *
     * @return the test
     */
    public static LogRankTest ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Compares every group of the data.
     *
     * @param data the subjects, in two or more groups
     * @return the test's statistic, p-value and the groups' tallies
     * @throws IllegalArgumentException when the data have fewer than two groups
     */
    public LogRankResult compare(SurvivalData data) {
        return compare(data, Checks.present("data", data).groups());
    }

    /**
     * Compares the named groups; subjects of other groups are left out.
     *
     * @param data the subjects
     * @param groups the groups to compare, two or more
     * @return the test's statistic, p-value and the groups' tallies
     * @throws IllegalArgumentException naming a group the data do not have, or when fewer than two distinct
     *     groups are named
     */
    public LogRankResult compare(SurvivalData data, String... groups) {
        return compare(data, List.of(groups));
    }

    /**
     * Compares the named groups; see {@link #compare(SurvivalData, String...)}.
     *
     * @param data the subjects
     * @param groups the groups to compare, two or more
     * @return the test's statistic, p-value and the groups' tallies
     * @throws IllegalArgumentException naming a group the data do not have, or when fewer than two distinct
     *     groups are named
     */
    public LogRankResult compare(SurvivalData data, List<String> groups) {
        Checks.present("data", data);
        Set<String> named = new LinkedHashSet<>(Checks.present("groups", groups));
        if (named.size() < 2) {
            throw new IllegalArgumentException("groups: " + named + " are fewer than two; the log-rank test compares"
                    + " two or more groups");
        }
        int[] slot = new int[data.groups().size()];
        java.util.Arrays.fill(slot, -1);
        int next = 0;
        for (String group : named) {
            slot[data.groupIndex(group)] = next++;
        }
        int[] groupOf = data.groupColumn();
        double[] allDurations = data.durationColumn();
        boolean[] allObserved = data.observedColumn();
        int n = 0;
        for (int g : groupOf) {
            n += slot[g] >= 0 ? 1 : 0;
        }
        double[] durations = new double[n];
        boolean[] observed = new boolean[n];
        int[] member = new int[n];
        int m = 0;
        for (int i = 0; i < groupOf.length; i++) {
            if (slot[groupOf[i]] >= 0) {
                durations[m] = allDurations[i];
                observed[m] = allObserved[i];
                member[m++] = slot[groupOf[i]];
            }
        }
        return test(new ArrayList<>(named), durations, observed, member);
    }

    private static LogRankResult test(List<String> names, double[] durations, boolean[] observed, int[] member) {
        int k = names.size();
        int[] atRisk = new int[k];
        int[] subjects = new int[k];
        for (int g : member) {
            atRisk[g]++;
            subjects[g]++;
        }
        int[] observedCount = new int[k];
        double[] expected = new double[k];
        double[][] covariance = new double[k][k];
        int[] churned = new int[k];
        int[] leaving = new int[k];
        TimeOrder order = TimeOrder.of(durations);
        int total = durations.length;
        for (int b = 0; b < order.blockCount(); b++) {
            java.util.Arrays.fill(churned, 0);
            java.util.Arrays.fill(leaving, 0);
            int d = 0;
            for (int position = order.blockStart(b); position < order.blockEnd(b); position++) {
                int i = order.subject(position);
                leaving[member[i]]++;
                if (observed[i]) {
                    churned[member[i]]++;
                    d++;
                }
            }
            if (d > 0) {
                double n = total;
                double spread = total > 1 ? d * (n - d) / (n - 1) : 0;
                for (int g = 0; g < k; g++) {
                    observedCount[g] += churned[g];
                    double share = atRisk[g] / n;
                    expected[g] += d * share;
                    for (int h = 0; h < k; h++) {
                        covariance[g][h] += spread * share * ((g == h ? 1 : 0) - atRisk[h] / n);
                    }
                }
            }
            for (int g = 0; g < k; g++) {
                atRisk[g] -= leaving[g];
            }
            total -= order.blockEnd(b) - order.blockStart(b);
        }
        // Drop the last group: the k deviations sum to zero, so k - 1 of them carry the information.
        double[][] reduced = new double[k - 1][k - 1];
        double[] deviation = new double[k - 1];
        for (int g = 0; g < k - 1; g++) {
            deviation[g] = observedCount[g] - expected[g];
            System.arraycopy(covariance[g], 0, reduced[g], 0, k - 1);
        }
        Cholesky cholesky = Cholesky.factor(reduced, Cholesky.DEFAULT_TOLERANCE);
        double[] solved = cholesky.solve(deviation);
        double statistic = 0;
        for (int g = 0; g < k - 1; g++) {
            statistic += deviation[g] * solved[g];
        }
        int df = cholesky.rank();
        statistic = Math.max(0, statistic);
        double p = df == 0 ? 1 : TailProbabilities.chiSquared(statistic, df);
        List<GroupTally> tallies = new ArrayList<>(k);
        for (int g = 0; g < k; g++) {
            tallies.add(new GroupTally(names.get(g), subjects[g], observedCount[g], expected[g]));
        }
        return new LogRankResult(statistic, df, p, tallies);
    }

    /** Every log-rank test is the same test. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LogRankTest;
    }

    /** Returns a constant: every log-rank test is the same. */
    @Override
    public int hashCode() {
        return LogRankTest.class.getSimpleName().hashCode();
    }

    /** Returns {@code LogRankTest[]}. */
    @Override
    public String toString() {
        return "LogRankTest[]";
    }
}
