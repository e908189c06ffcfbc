package dev.cxm.metrics.survival;

import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Seeded random survival data for property tests and brute-force comparisons. */
final class RandomSubjects {

    private RandomSubjects() {}

    /** A seed and a size, drawn by QuickTheories; the data set is built from them. */
    record Spec(long seed, int size) {
        SurvivalData data(int groups, int covariates) {
            return generate(seed, size, groups, covariates);
        }
    }

    /** Specs of 1..60 subjects. */
    static Gen<Spec> specs() {
        return SourceDSL.longs().all().zip(SourceDSL.integers().between(1, 60), Spec::new);
    }

    /**
     * Returns {@code n} subjects in {@code groups} groups named g0, g1, ... with {@code covariates} covariates
     * x0, x1, ...; durations are small integers (so there are ties) about half the time, censoring about a
     * third of the time, and the hazard grows with x0.
     */
    static SurvivalData generate(long seed, int n, int groups, int covariates) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean integerTimes = random.nextBoolean();
        String[] names = new String[covariates];
        for (int j = 0; j < covariates; j++) {
            names[j] = "x" + j;
        }
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS, names);
        for (int i = 0; i < n; i++) {
            double[] x = new double[covariates];
            for (int j = 0; j < covariates; j++) {
                x[j] = j % 2 == 0 ? random.nextGaussian() : random.nextInt(2);
            }
            double rate = Math.exp(covariates > 0 ? 0.5 * x[0] : 0);
            double time = -Math.log(1 - random.nextDouble()) / rate * 10;
            if (integerTimes) {
                time = Math.floor(time);
            }
            boolean observed = random.nextInt(3) != 0;
            String group = "g" + (groups == 1 ? 0 : i < groups ? i : random.nextInt(groups));
            builder.add(time, observed, group, x);
        }
        return builder.build();
    }

    /** Returns the same subjects in an order shuffled by {@code seed}, groups declared in the same order. */
    static SurvivalData shuffled(SurvivalData data, long seed) {
        int n = data.size();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i + 1;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
        SurvivalData.Builder builder = SurvivalData.builder(data.unit(), data.covariateNames()).groups(
                data.groups().toArray(String[]::new));
        for (int row : rows) {
            double[] x = data.covariateNames().stream().mapToDouble(name -> data.covariate(row, name)).toArray();
            builder.add(data.duration(row), data.observed(row), data.group(row), x);
        }
        return builder.build();
    }
}
