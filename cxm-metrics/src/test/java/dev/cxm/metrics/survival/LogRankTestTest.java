package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.time.temporal.ChronoUnit;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class LogRankTestTest {

    @Test
    void reproducesRsStatisticExpectedCountsAndPValueOnG3() {
        // Expected: R's survdiff on lifelines_g3.csv (r-survival-oracles.R; the p-value also published in the
        // data README as 0.0138): chisq 6.062887816 on 1 df, p = pchisq(6.062887816, 1, lower.tail = FALSE)
        // = 0.01380517586, expected churns Control 1.489800151, RIT 4.510199849.
        LogRankResult result = LogRankTest.ofDefaults().compare(TestData.g3());
        assertThat(result.statistic()).isCloseTo(6.062887816, within(1e-8));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.pValue()).isCloseTo(0.01380517586, within(1e-10));
        GroupTally control = result.groups().stream().filter(g -> g.group().equals("Control")).findFirst().orElseThrow();
        GroupTally rit = result.groups().stream().filter(g -> g.group().equals("RIT")).findFirst().orElseThrow();
        assertThat(control.expected()).isCloseTo(1.489800151, within(1e-8));
        assertThat(rit.expected()).isCloseTo(4.510199849, within(1e-8));
    }

    @Test
    void talliesObservedAndExpectedChurnsOnG3() {
        // Expected: observed churns counted from lifelines_g3.csv (RIT 2, Control 4); expected churns by brute
        // force over the churn times in this test; the expected counts sum to the observed total.
        LogRankResult result = LogRankTest.ofDefaults().compare(TestData.g3(), "RIT", "Control");
        assertThat(result.groups()).extracting(GroupTally::group).containsExactly("RIT", "Control");
        assertThat(result.groups()).extracting(GroupTally::observed).containsExactly(2, 4);
        double[] brute = bruteForce(TestData.g3(), new String[] {"RIT", "Control"}).expected;
        assertThat(result.groups().get(0).expected()).isCloseTo(brute[0], within(1e-12));
        assertThat(result.groups().get(1).expected()).isCloseTo(brute[1], within(1e-12));
        assertThat(brute[0] + brute[1]).isCloseTo(6, within(1e-12));
    }

    @Test
    void matchesABruteForceStatisticForThreeGroups() {
        // Expected: (O - E)' V^+ (O - E) computed in this test from counts taken directly from the rows and a
        // pseudo-inverse by Hipparchus' SVD, with degrees of freedom the rank of V.
        qt().withFixedSeed(3).withExamples(150).forAll(RandomSubjects.specs()).checkAssert(spec -> {
            SurvivalData data = spec.data(3, 0);
            if (data.groups().size() < 2) {
                return;
            }
            String[] groups = data.groups().toArray(String[]::new);
            Brute brute = bruteForce(data, groups);
            LogRankResult result = LogRankTest.ofDefaults().compare(data);
            assertThat(result.statistic()).isCloseTo(brute.statistic, within(1e-9 * Math.max(1, brute.statistic)));
            assertThat(result.degreesOfFreedom()).isEqualTo(brute.rank);
        });
    }

    @Test
    void identicalGroupsGiveAStatisticOfZero() {
        // Expected: closed form; two groups with the same durations and flags have O = E in each, so the
        // statistic is 0 and p = 1.
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS);
        double[] times = {3, 5, 5, 8, 13, 21};
        for (String group : new String[] {"a", "b"}) {
            for (int i = 0; i < times.length; i++) {
                builder.add(times[i], i % 3 != 2, group);
            }
        }
        LogRankResult result = LogRankTest.ofDefaults().compare(builder.build());
        assertThat(result.statistic()).isCloseTo(0, within(1e-12));
        assertThat(result.pValue()).isCloseTo(1, within(1e-9));
    }

    @Test
    void permutingSubjectsChangesNothing() {
        // Expected: the test depends on the multiset of subjects only.
        qt().withFixedSeed(5).withExamples(100).forAll(RandomSubjects.specs()).checkAssert(spec -> {
            SurvivalData data = spec.data(2, 0);
            if (data.groups().size() < 2) {
                return;
            }
            LogRankResult original = LogRankTest.ofDefaults().compare(data);
            LogRankResult shuffled = LogRankTest.ofDefaults().compare(RandomSubjects.shuffled(data, spec.seed() + 1));
            assertThat(shuffled.statistic()).isCloseTo(original.statistic(), within(1e-9 * Math.max(1, original.statistic())));
            assertThat(shuffled.groups()).extracting(GroupTally::observed)
                    .isEqualTo(original.groups().stream().map(GroupTally::observed).toList());
        });
    }

    @Test
    void rejectsAnUnknownGroupByName() {
        assertThatThrownBy(() -> LogRankTest.ofDefaults().compare(TestData.g3(), "RIT", "Placebo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group: \"Placebo\" is not a group of the data; the groups are [RIT, Control]");
    }

    @Test
    void rejectsASingleGroup() {
        assertThatThrownBy(() -> LogRankTest.ofDefaults().compare(TestData.g3(), "RIT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fewer than two");
    }

    @Test
    void theTestIsOneConfigurationComparedByValue() {
        // Expected: the configuration idiom; the log-rank test has no settings, so every instance is equal.
        assertThat(LogRankTest.ofDefaults()).isEqualTo(LogRankTest.ofDefaults())
                .hasSameHashCodeAs(LogRankTest.ofDefaults()).hasToString("LogRankTest[]");
    }

    private record Brute(double statistic, int rank, double[] expected) {}

    private static Brute bruteForce(SurvivalData data, String[] groups) {
        int k = groups.length;
        double[] observedMinusExpected = new double[k];
        double[] expected = new double[k];
        double[][] v = new double[k][k];
        double[] times = java.util.stream.IntStream.rangeClosed(1, data.size()).filter(data::observed)
                .mapToDouble(data::duration).distinct().toArray();
        for (double t : times) {
            double[] atRisk = new double[k];
            double[] churned = new double[k];
            for (int row = 1; row <= data.size(); row++) {
                int g = java.util.Arrays.asList(groups).indexOf(data.group(row));
                if (g < 0) {
                    continue;
                }
                atRisk[g] += data.duration(row) >= t ? 1 : 0;
                churned[g] += data.duration(row) == t && data.observed(row) ? 1 : 0;
            }
            double n = java.util.Arrays.stream(atRisk).sum();
            double d = java.util.Arrays.stream(churned).sum();
            for (int g = 0; g < k; g++) {
                expected[g] += d * atRisk[g] / n;
                observedMinusExpected[g] += churned[g] - d * atRisk[g] / n;
                for (int h = 0; h < k; h++) {
                    double factor = n > 1 ? d * (n - d) / (n - 1) : 0;
                    v[g][h] += factor * atRisk[g] / n * ((g == h ? 1 : 0) - atRisk[h] / n);
                }
            }
        }
        RealMatrix covariance = MatrixUtils.createRealMatrix(v);
        SingularValueDecomposition svd = new SingularValueDecomposition(covariance);
        // A relative threshold on the singular values, like the tolerance of the implementation.
        double largest = svd.getSingularValues()[0];
        int rank = 0;
        for (double s : svd.getSingularValues()) {
            rank += s > 1e-9 * Math.max(largest, 1e-300) ? 1 : 0;
        }
        double statistic = 0;
        if (rank > 0) {
            RealMatrix pseudo = new SingularValueDecomposition(covariance).getSolver().getInverse();
            double[] solved = pseudo.operate(observedMinusExpected);
            for (int g = 0; g < k; g++) {
                statistic += observedMinusExpected[g] * solved[g];
            }
        }
        return new Brute(statistic, rank, expected);
    }
}
