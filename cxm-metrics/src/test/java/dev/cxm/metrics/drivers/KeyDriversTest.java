package dev.cxm.metrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cxm.core.io.CxmJson;
import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * The configuration idiom of {@link KeyDrivers}, its refusals of data that cannot be analysed, its warnings,
 * the reproducible bootstrap and the moments path. Expected numbers come from the definitions named in each
 * test, or from the same analysis of the rows.
 */
class KeyDriversTest {

    private static DriverData sample(long seed, int n) {
        return Samples.data(Samples.linear(seed, n, Samples.equicorrelated(3, 0.3), new double[] {0.6, 0.3, 0.1}, 1));
    }

    @Test
    void hasDocumentedDefaultsValueEqualityAndCopies() {
        KeyDrivers defaults = KeyDrivers.ofDefaults();
        assertThat(defaults.method()).isEqualTo(DriverMethod.AUTOMATIC);
        assertThat(defaults.resamples()).isEqualTo(1000);
        assertThat(defaults.seed()).isEqualTo(1);
        assertThat(defaults.level()).isEqualTo(0.95);
        KeyDrivers custom = KeyDrivers.custom().method(DriverMethod.RELATIVE_WEIGHTS).resamples(200).seed(7)
                .level(0.9).build();
        assertThat(KeyDrivers.from(custom).build()).isEqualTo(custom).hasSameHashCodeAs(custom);
        assertThat(custom).isNotEqualTo(defaults);
        assertThat(custom.toString()).isEqualTo("KeyDrivers[method=relative-weights, resamples=200, seed=7, level=0.9]");
        assertThat(KeyDrivers.custom().build()).isEqualTo(defaults);
    }

    @Test
    void buildersRefuseABadValueAtOnceAndStayAsTheyWere() {
        KeyDrivers.Builder builder = KeyDrivers.custom().resamples(500);
        assertThatThrownBy(() -> builder.resamples(50)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resamples: 50 is neither 0 (no intervals) nor at least 100; a percentile bootstrap needs"
                        + " enough resamples to estimate its tails");
        assertThatThrownBy(() -> builder.resamples(-1)).hasMessageStartingWith("resamples: -1 is neither 0");
        assertThatThrownBy(() -> builder.level(1)).hasMessageStartingWith("level: 1.0 is outside (0, 1)");
        assertThatThrownBy(() -> builder.method(null)).isInstanceOf(NullPointerException.class).hasMessage(
                "method must not be null");
        assertThat(builder.build()).isEqualTo(KeyDrivers.custom().resamples(500).build());
        assertThat(KeyDrivers.custom().resamples(0).build().resamples()).isZero();
    }

    @Test
    void refusesFewerRowsThanDriversPlusTwo() {
        // Rule: n >= p + 2 leaves one residual degree of freedom after the intercept and p coefficients.
        DriverData four = DriverData.byRows("y", "a", "b", "c").add(1, 2, 3, 4).add(2, 1, 3, 5).add(3, 3, 1, 4)
                .add(5, 2, 2, 1).build();
        assertThatThrownBy(() -> KeyDrivers.ofDefaults().compute(four)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows: 4 rows for 3 drivers; key-driver analysis needs at least drivers + 2 = 5 rows (an"
                        + " intercept, a coefficient per driver and a residual degree of freedom)");
        DriverData five = DriverData.byRows("y", "a", "b", "c").add(1, 2, 3, 4).add(2, 1, 3, 5).add(3, 3, 1, 4)
                .add(5, 2, 2, 1).add(4, 4, 4, 2).build();
        assertThat(KeyDrivers.custom().resamples(0).build().compute(five).n()).isEqualTo(5);
    }

    @Test
    void refusesADriverOrOutcomeWithoutVarianceNamingItButNoValue() {
        DriverData.RowBuilder rows = DriverData.byRows("recommend", "wait", "staff");
        for (int i = 0; i < 10; i++) {
            rows.add(i % 4, 7.25, i % 3);
        }
        assertThatThrownBy(() -> KeyDrivers.ofDefaults().compute(rows.build()))
                .hasMessage("driver wait: no variance; every row has the same value, so it explains nothing; leave it"
                        + " out").hasMessageNotContaining("7.25");
        DriverData.RowBuilder flat = DriverData.byRows("recommend", "wait", "staff");
        for (int i = 0; i < 10; i++) {
            flat.add(9, i % 4, i % 3);
        }
        assertThatThrownBy(() -> KeyDrivers.ofDefaults().compute(flat.build().moments()))
                .hasMessage("outcome recommend: no variance; every row has the same value, so there is nothing to"
                        + " explain");
    }

    @Test
    void refusesShapleyForMoreThanFifteenDrivers() {
        double[] beta = new double[16];
        DriverData data = Samples.data(Samples.linear(1, 100, Samples.equicorrelated(16, 0.2), beta, 1));
        assertThatThrownBy(() -> KeyDrivers.custom().method(DriverMethod.SHAPLEY).resamples(0).build().compute(data))
                .hasMessage("method: shapley is exact for at most 15 drivers (2^15 subsets); 16 drivers need"
                        + " relative-weights (or automatic, which chooses it)");
    }

    @Test
    void warnsOfNearlyCollinearDriversByTheirVarianceInflationFactor() {
        // Oracle: the VIF of two drivers of correlation rho is 1 / (1 - rho^2) (closed form); with rho near
        // 0.98 it is about 25, above the threshold of 10, and the third driver's stays near 1.
        double[][] correlation = {{1, 0.98, 0}, {0.98, 1, 0}, {0, 0, 1}};
        DriverData data = Samples.data(Samples.linear(5, 5000, correlation, new double[] {0.5, 0.5, 0.5}, 1));
        KeyDriverResult result = KeyDrivers.custom().resamples(0).build().compute(data);
        double r = correlationOf(data.driverValues("d1"), data.driverValues("d2"));
        assertThat(result.driver("d1").orElseThrow().varianceInflation()).isGreaterThan(10);
        assertThat(result.driver("d3").orElseThrow().varianceInflation()).isCloseTo(1, within(0.01));
        // With d3 nearly uncorrelated with both, d1's VIF is close to the two-driver closed form.
        assertThat(result.driver("d1").orElseThrow().varianceInflation()).isCloseTo(1 / (1 - r * r), within(0.5));
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("nearly collinear drivers (variance inflation factor above 10): d1 (VIF ")
                .contains("d2 (VIF").doesNotContain("d3").contains("which shapley splits between them");
    }

    @Test
    void warnsOfASmallSampleByGreensRule() {
        // Rule: fewer than 50 + 8 p rows (Green 1991); 3 drivers need 74.
        assertThat(KeyDrivers.custom().resamples(0).build().compute(sample(3, 73)).warnings())
                .containsExactly("small sample: 73 rows for 3 drivers, below 50 + 8 × drivers = 74 (Green 1991), so R²"
                        + " and the shares are estimated loosely; read the intervals");
        assertThat(KeyDrivers.custom().resamples(0).build().compute(sample(3, 74)).warnings()).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        DriverData data = sample(8, 300);
        KeyDrivers seven = KeyDrivers.custom().resamples(300).seed(7).build();
        KeyDriverResult first = seven.compute(data);
        assertThat(seven.compute(data)).isEqualTo(first);
        KeyDriverResult other = KeyDrivers.from(seven).seed(8).build().compute(data);
        assertThat(other.drivers().get(0).interval()).isNotEqualTo(first.drivers().get(0).interval());
        assertThat(first.resamples()).isEqualTo(300);
        assertThat(first.seed()).isEqualTo(7);
        for (DriverImportance driver : first.drivers()) {
            ConfidenceInterval interval = driver.interval().orElseThrow();
            assertThat(interval.method()).isEqualTo("bootstrap-percentile");
            assertThat(interval.level()).isEqualTo(0.95);
            assertThat(interval.contains(driver.share())).as(driver.name()).isTrue();
        }
    }

    @Test
    void momentsGiveTheSameEstimatesWithoutIntervalsAndSaySo() {
        // Oracle: the analysis of the rows themselves; the point estimates depend on the moments only.
        DriverData data = sample(9, 500);
        KeyDriverResult fromRows = KeyDrivers.ofDefaults().compute(data);
        DriverAccumulator accumulator = DriverAccumulator.of("y", "d1", "d2", "d3");
        double[] y = data.outcomeValues();
        double[][] d = {data.driverValues("d1"), data.driverValues("d2"), data.driverValues("d3")};
        for (int i = 0; i < y.length; i++) {
            accumulator.add(y[i], d[0][i], d[1][i], d[2][i]);
        }
        KeyDriverResult fromMoments = KeyDrivers.ofDefaults().compute(accumulator.result());
        assertThat(fromMoments.rSquared()).isCloseTo(fromRows.rSquared(), within(1e-12));
        for (DriverImportance driver : fromRows.drivers()) {
            DriverImportance streamed = fromMoments.driver(driver.name()).orElseThrow();
            assertThat(streamed.importance()).isCloseTo(driver.importance(), within(1e-12));
            assertThat(streamed.rank()).isEqualTo(driver.rank());
            assertThat(streamed.interval()).isEmpty();
        }
        assertThat(fromMoments.resamples()).isZero();
        assertThat(fromMoments.warnings()).containsExactly("no intervals: the bootstrap resamples rows, and moments"
                + " keep none; compute from DriverData for intervals");
        assertThat(KeyDrivers.custom().resamples(0).build().compute(accumulator.result()).warnings()).isEmpty();
    }

    @Test
    void adjustedRSquaredAndCorrelationsFollowTheirDefinitions() {
        // Oracle: adjusted R² = 1 - (1 - R²)(n - 1)/(n - p - 1); the correlation by Pearson's definition.
        DriverData data = sample(10, 200);
        KeyDriverResult result = KeyDrivers.custom().resamples(0).build().compute(data);
        assertThat(result.adjustedRSquared()).isCloseTo(1 - (1 - result.rSquared()) * 199 / 196, within(1e-12));
        assertThat(result.driver("d2").orElseThrow().correlation())
                .isCloseTo(correlationOf(data.driverValues("d2"), data.outcomeValues()), within(1e-12));
    }

    @Test
    void equalImportancesShareTheBetterRank() {
        // Oracle: two drivers that are the same column have the same Shapley value by symmetry.
        DriverData.RowBuilder rows = DriverData.byRows("y", "a", "b", "c");
        double[][] base = Samples.linear(4, 100, Samples.equicorrelated(2, 0.1), new double[] {1, 0.2}, 1);
        for (double[] row : base) {
            rows.add(row[0], row[2], row[1], row[1]);
        }
        KeyDriverResult result = KeyDrivers.custom().resamples(0).build().compute(rows.build());
        assertThat(result.drivers()).extracting(DriverImportance::name).containsExactly("b", "c", "a");
        assertThat(result.drivers()).extracting(DriverImportance::rank).containsExactly(1, 1, 3);
    }

    @Test
    void theResultWritesAsJsonWithEveryKey() throws Exception {
        KeyDriverResult result = KeyDrivers.custom().resamples(100).build().compute(sample(2, 100));
        JsonNode json = CxmJson.resultMapper().valueToTree(result);
        assertThat(json.get("method").asText()).isEqualTo("shapley");
        assertThat(json.get("rSquared").asDouble()).isEqualTo(result.rSquared());
        JsonNode first = json.get("drivers").get(0);
        assertThat(first.get("name").asText()).isEqualTo(result.drivers().get(0).name());
        assertThat(first.get("interval").get("lower").asDouble())
                .isEqualTo(result.drivers().get(0).interval().orElseThrow().lower());
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        JsonNode none = CxmJson.resultMapper().valueToTree(KeyDrivers.custom().resamples(0).build()
                .compute(sample(2, 100)));
        assertThat(none.get("drivers").get(0).get("interval").isNull()).isTrue();
    }

    static double correlationOf(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).average().orElseThrow();
        double mb = java.util.Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
