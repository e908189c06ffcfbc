package dev.cxm.metrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Invariants of the decomposition on random data (QuickTheories): by the definition of both methods the
 * importances add up to R² and the shares to 1; R² and the shares depend on the correlations only, so an
 * affine change of a driver's scale (including a sign flip) changes nothing; and the drivers' order does not
 * matter.
 */
class KeyDriverPropertiesTest {

    private static final KeyDrivers SHAPLEY = KeyDrivers.custom().method(DriverMethod.SHAPLEY).resamples(0).build();
    private static final KeyDrivers WEIGHTS = KeyDrivers.custom().method(DriverMethod.RELATIVE_WEIGHTS).resamples(0)
            .build();

    /** Random rows: p drivers of correlation rho, n rows, weights from the seed, outcome first. */
    private static double[][] rows(long seed, int p, int n, double rho) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = random.nextDouble() * 2 - 1;
        }
        return Samples.linear(seed, Math.max(n, p + 2), Samples.equicorrelated(p, rho), beta, 0.2
                + random.nextDouble());
    }

    @Test
    void importancesAddUpToRSquaredAndSharesToOne() {
        qt().withExamples(150).forAll(longs().all(), integers().between(1, 8), integers().between(3, 120),
                doubles().between(0, 0.85)).checkAssert((seed, p, n, rho) -> {
                    DriverData data = Samples.data(rows(seed, p, n, rho));
                    for (KeyDrivers method : List.of(SHAPLEY, WEIGHTS)) {
                        KeyDriverResult result = method.compute(data);
                        assertThat(result.rSquared()).isBetween(0.0, 1.0);
                        assertThat(result.drivers().stream().mapToDouble(DriverImportance::importance).sum())
                                .isCloseTo(result.rSquared(), within(1e-10));
                        assertThat(result.drivers().stream().mapToDouble(DriverImportance::share).sum())
                                .isCloseTo(1, within(1e-9));
                        assertThat(result.drivers()).allSatisfy(d -> assertThat(d.share()).isBetween(0.0, 1.0));
                        assertThat(result.adjustedRSquared()).isLessThanOrEqualTo(result.rSquared());
                    }
                });
    }

    @Test
    void anAffineChangeOfADriversScaleChangesNothing() {
        qt().withExamples(100).forAll(longs().all(), integers().between(1, 6), doubles().between(-1000, 1000),
                doubles().between(-1e4, 1e4)).checkAssert((seed, p, scale, shift) -> {
                    if (Math.abs(scale) < 1e-3) {
                        return;
                    }
                    double[][] rows = rows(seed, p, 80, 0.4);
                    double[][] changed = new double[rows.length][];
                    for (int i = 0; i < rows.length; i++) {
                        changed[i] = rows[i].clone();
                        changed[i][1] = changed[i][1] * scale + shift;
                    }
                    KeyDriverResult before = SHAPLEY.compute(Samples.data(rows));
                    KeyDriverResult after = SHAPLEY.compute(Samples.data(changed));
                    assertThat(after.rSquared()).isCloseTo(before.rSquared(), within(1e-8));
                    for (DriverImportance driver : before.drivers()) {
                        assertThat(after.driver(driver.name()).orElseThrow().share()).as(driver.name())
                                .isCloseTo(driver.share(), within(1e-7));
                    }
                });
    }

    @Test
    void theOrderOfTheDriversDoesNotMatter() {
        qt().withExamples(100).forAll(longs().all(), integers().between(2, 7), integers().all())
                .checkAssert((seed, p, shuffle) -> {
                    double[][] rows = rows(seed, p, 60, 0.5);
                    List<Integer> order = new ArrayList<>();
                    for (int j = 0; j < p; j++) {
                        order.add(j);
                    }
                    Collections.shuffle(order, new Random(shuffle));
                    List<String> names = new ArrayList<>();
                    order.forEach(j -> names.add("d" + (j + 1)));
                    DriverData.RowBuilder shuffled = DriverData.byRows("y", names);
                    for (double[] row : rows) {
                        double[] ratings = new double[p];
                        for (int k = 0; k < p; k++) {
                            ratings[k] = row[order.get(k) + 1];
                        }
                        shuffled.add(row[0], ratings);
                    }
                    for (KeyDrivers method : List.of(SHAPLEY, WEIGHTS)) {
                        KeyDriverResult original = method.compute(Samples.data(rows));
                        KeyDriverResult reordered = method.compute(shuffled.build());
                        for (DriverImportance driver : original.drivers()) {
                            assertThat(reordered.driver(driver.name()).orElseThrow().importance()).as(driver.name())
                                    .isCloseTo(driver.importance(), within(1e-10));
                        }
                    }
                });
    }
}
