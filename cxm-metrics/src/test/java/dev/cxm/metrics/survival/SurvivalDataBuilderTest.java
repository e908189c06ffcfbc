package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The builder keeps its rows in blocks that double up to a million rows and joins them in {@code build()}.
 * Oracle: the same rows kept by this test in plain arrays; every row must come back in order, with its
 * duration, flag, group and covariates, for sizes on both sides of each block's end and past two million
 * rows (several blocks of the largest size).
 */
class SurvivalDataBuilderTest {

    @Test
    void rowsComeBackInOrderAcrossBlocks() {
        qt().withFixedSeed(9).withExamples(40).forAll(integers().between(1, 5_000)).checkAssert(n -> check(n, n));
        check(2_200_000, 3);
    }

    private static void check(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] groupNames = {"monthly", "annual", "trial"};
        double[] durations = new double[n];
        boolean[] observed = new boolean[n];
        int[] groups = new int[n];
        double[][] covariates = new double[n][2];
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS, "x", "y");
        for (int i = 0; i < n; i++) {
            durations[i] = random.nextInt(1000) / 4.0;
            observed[i] = random.nextBoolean();
            // Runs of one group, as files often have, and changes between them.
            groups[i] = i > 0 && random.nextInt(4) > 0 ? groups[i - 1] : random.nextInt(groupNames.length);
            covariates[i][0] = random.nextDouble();
            covariates[i][1] = -i;
            builder.add(durations[i], observed[i], groupNames[groups[i]], covariates[i]);
        }
        SurvivalData data = builder.build();
        assertThat(data.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            int row = i + 1;
            if (data.duration(row) != durations[i] || data.observed(row) != observed[i]
                    || !data.group(row).equals(groupNames[groups[i]]) || data.covariate(row, "x") != covariates[i][0]
                    || data.covariate(row, "y") != covariates[i][1]) {
                throw new AssertionError("row " + row + " of " + n + " differs");
            }
        }
    }
}
