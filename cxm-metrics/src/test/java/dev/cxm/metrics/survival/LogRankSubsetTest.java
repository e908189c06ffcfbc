package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/**
 * The log-rank test of two groups named among three: the third group's subjects take no part. Oracle: the
 * textbook two-group sums (Mantel 1966) worked over the named groups' subjects only, in the test: at each churn
 * time with n at risk, n1 of them in the first group, d churned and d1 of them in the first group,
 * E1 += d n1 / n and V += d (n1 / n)(1 - n1 / n)(n - d) / (n - 1); the statistic is (O1 - E1)^2 / V.
 */
class LogRankSubsetTest {

    @Test
    void aGroupNotNamedTakesNoPartInTheTest() {
        double[] times = {1, 2, 3, 4, 5, 6, 2, 3, 5, 7, 8, 1, 2, 4, 6};
        boolean[] churned = {true, true, false, true, true, false, true, true, true, false, true, true, true, true,
            true};
        String[] groups = {"a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "c", "c", "c", "c"};
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS).groups("c", "a", "b");
        for (int i = 0; i < times.length; i++) {
            builder.add(times[i], churned[i], groups[i]);
        }

        LogRankResult result = LogRankTest.ofDefaults().compare(builder.build(), "a", "b");

        double observedA = 0;
        double expectedA = 0;
        double variance = 0;
        for (double t = 1; t <= 8; t++) {
            int n = 0;
            int nA = 0;
            int d = 0;
            int dA = 0;
            for (int i = 0; i < times.length; i++) {
                if (groups[i].equals("c") || times[i] < t) {
                    continue;
                }
                n++;
                nA += groups[i].equals("a") ? 1 : 0;
                if (times[i] == t && churned[i]) {
                    d++;
                    dA += groups[i].equals("a") ? 1 : 0;
                }
            }
            if (d == 0) {
                continue;
            }
            observedA += dA;
            expectedA += (double) d * nA / n;
            // (n - d) / (n - 1) is 0 where one subject is left at risk (n = d = 1)
            variance += n == 1 ? 0 : d * ((double) nA / n) * (1 - (double) nA / n) * (n - d) / (n - 1);
        }
        assertThat(result.groups()).extracting(GroupTally::group).containsExactly("a", "b");
        assertThat(result.groups().get(0).subjects()).isEqualTo(6);
        assertThat(result.groups().get(0).observed()).isEqualTo((int) observedA);
        assertThat(result.groups().get(0).expected()).isCloseTo(expectedA, within(1e-12));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.statistic()).isCloseTo((observedA - expectedA) * (observedA - expectedA) / variance,
                within(1e-12));
    }
}
