package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    private static final double[] CONTROL_TIMES = {9, 19, 32, 34};

    @Test
    void reproducesThePublishedControlCurveAndBandOnG3() {
        // Expected: R's survival package on lifelines_g3.csv, as published in the data README (and asserted in
        // the lifelines tests): S(9) = 0.833, S(19) = 0.667, S(32) = 0.5, S(34) = 0.333, log-log 95% band
        // lower 0.2731, 0.1946, 0.1109, 0.0461 and upper 0.975, 0.904, 0.804, 0.676.
        SurvivalCurve control = KaplanMeier.ofDefaults().fitByGroup(TestData.g3()).get("Control");
        double[] survival = {0.833, 0.667, 0.5, 0.333};
        double[] lower = {0.2731, 0.1946, 0.1109, 0.0461};
        double[] upper = {0.975, 0.904, 0.804, 0.676};
        for (int k = 0; k < CONTROL_TIMES.length; k++) {
            SurvivalEstimate estimate = control.at(CONTROL_TIMES[k]);
            assertThat(estimate.survival()).as("S(%s)", CONTROL_TIMES[k]).isCloseTo(survival[k], within(0.0005));
            assertThat(estimate.interval().orElseThrow().lower()).as("lower(%s)", CONTROL_TIMES[k])
                    .isCloseTo(lower[k], within(0.00005));
            assertThat(estimate.interval().orElseThrow().upper()).as("upper(%s)", CONTROL_TIMES[k])
                    .isCloseTo(upper[k], within(0.0005));
            assertThat(estimate.interval().orElseThrow().method()).isEqualTo("log-log");
        }
    }

    @Test
    void reproducesThePublishedRitCurveOnG3() {
        // Expected: R's survival package on lifelines_g3.csv, data README: RIT S(25) = 0.909, S(53) = 0.779.
        SurvivalCurve rit = KaplanMeier.ofDefaults().fitByGroup(TestData.g3()).get("RIT");
        assertThat(rit.at(25).survival()).isCloseTo(0.909, within(0.0005));
        assertThat(rit.at(53).survival()).isCloseTo(0.779, within(0.0005));
        assertThat(rit.subjects()).isEqualTo(11);
        assertThat(rit.events()).isEqualTo(2);
    }

    @Test
    void controlTimelineCountsSubjectsAtRiskChurnedAndCensored() {
        // Expected: counted by hand from lifelines_g3.csv, Control rows: churns at 9, 19, 32, 34, censored at
        // 48 and 50; S is the product of (1 - 1/n) over the churns, 5/6, 4/6, 3/6, 2/6 exactly.
        List<SurvivalStep> timeline = KaplanMeier.ofDefaults().fitByGroup(TestData.g3()).get("Control").timeline();
        assertThat(timeline).extracting(SurvivalStep::time).containsExactly(9.0, 19.0, 32.0, 34.0, 48.0, 50.0);
        assertThat(timeline).extracting(SurvivalStep::atRisk).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(timeline).extracting(SurvivalStep::events).containsExactly(1, 1, 1, 1, 0, 0);
        assertThat(timeline).extracting(SurvivalStep::censored).containsExactly(0, 0, 0, 0, 1, 1);
        assertThat(timeline.get(1).survival()).isCloseTo(4.0 / 6, within(1e-15));
        assertThat(timeline.get(5).survival()).isCloseTo(2.0 / 6, within(1e-15));
        // Greenwood at 19: S^2 (1/(6*5) + 1/(5*4)), closed form.
        assertThat(timeline.get(1).standardError().getAsDouble())
                .isCloseTo(4.0 / 6 * Math.sqrt(1.0 / 30 + 1.0 / 20), within(1e-15));
    }

    @Test
    void medianOfControlIsTheMidpointWhereTheCurveSitsAtOneHalf() {
        // Expected: S = 0.5 exactly on [32, 34) (3/6), so the median is (32 + 34) / 2 = 33, R's rule. The lower
        // limit is the first time the lower band is at or below 0.5: 9, where the published lower bound is
        // 0.2731; the upper band never falls to 0.5 (its published minimum is 0.676), so there is no upper limit.
        SurvivalQuantile median = KaplanMeier.ofDefaults().fitByGroup(TestData.g3()).get("Control").median();
        assertThat(median.estimate()).hasValue(33);
        assertThat(median.lower()).hasValue(9);
        assertThat(median.upper()).isEmpty();
    }

    @Test
    void medianIsAbsentWhenTheCurveNeverFallsToOneHalf() {
        // Expected: R's survfit on lifelines_g3.csv (r-survival-oracles.R): RIT median NA, 0.95LCL 53, UCL NA;
        // the published RIT curve ends at S(53) = 0.779 > 0.5, so no median is reached.
        SurvivalQuantile median = KaplanMeier.ofDefaults().fitByGroup(TestData.g3()).get("RIT").median();
        assertThat(median.estimate()).isEmpty();
        assertThat(median.lower()).hasValue(53);
        assertThat(median.upper()).isEmpty();
    }

    @Test
    void theBandIsUndefinedWhereTheCurveFallsToZeroAndTheMedianHasNoUpperLimit() {
        // Expected: R's survfit(Surv(c(4, 6, 9), c(1, 1, 1)) ~ 1, conf.type = "log-log") (r-survival-oracles.R):
        // median 6, 0.95LCL 4, 0.95UCL NA; at 9, S = 0 with std.err NaN and band NA; the band at 6 is
        // 0.00896 .. 0.774.
        SurvivalCurve curve = KaplanMeier.ofDefaults().fit(SurvivalData.of(ChronoUnit.DAYS, new double[] {4, 6, 9},
                new boolean[] {true, true, true}));
        SurvivalQuantile median = curve.median();
        assertThat(median.estimate()).hasValue(6);
        assertThat(median.lower()).hasValue(4);
        assertThat(median.upper()).isEmpty();
        SurvivalStep last = curve.timeline().get(2);
        assertThat(last.survival()).isEqualTo(0.0);
        assertThat(last.standardError()).isEmpty();
        assertThat(last.lower()).isEmpty();
        assertThat(last.upper()).isEmpty();
        assertThat(curve.at(10).standardError()).isEmpty();
        assertThat(curve.at(10).interval()).isEmpty();
        assertThat(curve.timeline().get(1).lower().getAsDouble()).isCloseTo(0.00896, within(0.000005));
        assertThat(curve.timeline().get(1).upper().getAsDouble()).isCloseTo(0.774, within(0.0005));
    }

    @Test
    void quantilesStandardErrorsAndBandsMatchROnCurvesThatReachZero() {
        // Expected: R 4.2.2, survival 3.5-3, survfit(..., conf.type = "log-log") with quantile(fit, c(0.25, 0.5,
        // 0.75)) and summary(fit) on the five data sets below (r-survival-oracles.R, section "curves that reach
        // zero"); NA is an empty value here. Every set's longest duration is a churn, so each curve ends at 0.
        for (ZeroCase c : ZERO_CASES) {
            SurvivalCurve curve = KaplanMeier.ofDefaults().fit(c.data());
            double[] p = {0.25, 0.5, 0.75};
            for (int i = 0; i < 3; i++) {
                SurvivalQuantile q = curve.quantile(p[i]);
                assertThat(q.estimate()).as("set %d quantile %s", c.set, p[i]).isEqualTo(optional(c.quantile[i]));
                assertThat(q.lower()).as("set %d lower %s", c.set, p[i]).isEqualTo(optional(c.lower[i]));
                assertThat(q.upper()).as("set %d upper %s", c.set, p[i]).isEqualTo(optional(c.upper[i]));
            }
            List<SurvivalStep> churnSteps = curve.timeline().stream().filter(step -> step.events() > 0).toList();
            assertThat(churnSteps).hasSize(c.bandLower.length + 1);
            for (int k = 0; k < c.bandLower.length; k++) {
                SurvivalStep step = churnSteps.get(k);
                assertThat(step.standardError().getAsDouble()).as("set %d se %d", c.set, k)
                        .isCloseTo(c.standardError[k], within(1e-9));
                assertThat(step.lower().getAsDouble()).as("set %d lower %d", c.set, k)
                        .isCloseTo(c.bandLower[k], within(1e-9));
                assertThat(step.upper().getAsDouble()).as("set %d upper %d", c.set, k)
                        .isCloseTo(c.bandUpper[k], within(1e-9));
            }
            SurvivalStep zero = churnSteps.get(c.bandLower.length);
            assertThat(zero.survival()).isEqualTo(0.0);
            assertThat(zero.standardError()).isEmpty();
            assertThat(zero.lower()).isEmpty();
        }
    }

    private static java.util.OptionalDouble optional(double value) {
        return Double.isNaN(value) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(value);
    }

    private static final double NA = Double.NaN;

    /** A data set written as durations, a trailing + marking a censored one, with R's figures for it. */
    private record ZeroCase(int set, String subjects, double[] quantile, double[] lower, double[] upper,
            double[] standardError, double[] bandLower, double[] bandUpper) {
        SurvivalData data() {
            String[] cells = subjects.split(" ");
            double[] durations = new double[cells.length];
            boolean[] observed = new boolean[cells.length];
            for (int i = 0; i < cells.length; i++) {
                observed[i] = !cells[i].endsWith("+");
                durations[i] = Double.parseDouble(observed[i] ? cells[i] : cells[i].substring(0, cells[i].length() - 1));
            }
            return SurvivalData.of(ChronoUnit.DAYS, durations, observed);
        }
    }

    private static final List<ZeroCase> ZERO_CASES = List.of(
            new ZeroCase(0, "37+ 6+ 28 16 1 1+ 61 16+ 3",
                    new double[] {16, 28, 61}, new double[] {1, 1, 16}, new double[] {28, NA, NA},
                    new double[] {0.1047565602, 0.1479320311, 0.1805038799, 0.2049406740},
                    new double[] {0.43296509023, 0.33217251364, 0.20210915562, 0.06726678747},
                    new double[] {0.9835640285, 0.9351042487, 0.8578815117, 0.7404752212}),
            new ZeroCase(1, "29.48 5.42 85.74 5.14 26.03 4.99 16.75 21.66 9.45 24.39 79.29 35.11 54.75 13.16",
                    new double[] {9.45, 23.025, 35.11}, new double[] {4.99, 5.42, 21.66}, new double[] {21.66, 35.11, NA},
                    new double[] {0.06883029369, 0.09352195296, 0.10966421051, 0.12073632210, 0.12806020814,
                        0.13226001425, 0.13363062096, 0.13226001425, 0.12806020814, 0.12073632210, 0.10966421051,
                        0.09352195296, 0.06883029369},
                    new double[] {0.590766867427, 0.539448177623, 0.472463679914, 0.406301722424, 0.343306877900,
                        0.284005282559, 0.228594814091, 0.177271328584, 0.130346216251, 0.088339280917,
                        0.052123068116, 0.023223164085, 0.004524314763},
                    new double[] {0.9896198231, 0.9622318564, 0.9253652263, 0.8818786855, 0.8331068282,
                        0.7797422637, 0.7221276497, 0.6603658382, 0.5943500741, 0.5237385722, 0.4478631600,
                        0.3655441317, 0.2752284327}),
            new ZeroCase(2, "20+ 21 0 3 5 0 9 9 4 30 56 1+ 5+ 2 1 8 47 1 26 1+",
                    new double[] {2, 9, 26}, new double[] {0, 2, 9}, new double[] {8, 26, NA},
                    new double[] {0.06708203932, 0.08944271910, 0.09964953163, 0.10712244704, 0.11240804470,
                        0.11580621191, 0.11907868915, 0.11841859517, 0.11669913319, 0.10960954940, 0.09596697653,
                        0.07214505858},
                    new double[] {0.656030707262, 0.551145564281, 0.486815494333, 0.427661902228, 0.372410373891,
                        0.320455713407, 0.263199030718, 0.162936051493, 0.107030417909, 0.061412762319,
                        0.026626051077, 0.005022692815},
                    new double[] {0.9740101744, 0.9198179136, 0.8844916186, 0.8457042381, 0.8039233588,
                        0.7594274644, 0.7090975345, 0.5985004157, 0.5316267677, 0.4580787341, 0.3767410733,
                        0.2859149047}),
            new ZeroCase(3, "11.87 0.07 30.52+ 12.69+ 0.37 3.33 62.19 1.23+ 23.61 5.37 49.61+ 1.77 21.96 0.93 2.52"
                    + " 37.63 3.66 8.48+ 8.63 1.04+ 8.04+ 9.38+ 30.33 17.7+ 15.69",
                    new double[] {3.33, 15.69, 37.63}, new double[] {0.07, 3.66, 21.96}, new double[] {11.87, 37.63, NA},
                    new double[] {0.03919183588, 0.05425863987, 0.06499230724, 0.07517552793, 0.08310379053,
                        0.08937919221, 0.09433217903, 0.09816312953, 0.10290675700, 0.10742670698, 0.11173461469,
                        0.11581032122, 0.11591287897, 0.11205319786, 0.10697030234},
                    new double[] {0.74838502419, 0.71639033726, 0.67256145286, 0.61931089744, 0.56933596991,
                        0.52180088798, 0.47628836464, 0.43255211980, 0.38038880624, 0.32485187060, 0.26512808585,
                        0.20000496512, 0.14381243192, 0.09564151781, 0.03823356787},
                    new double[] {0.9942669507, 0.9793705854, 0.9596398323, 0.9352274946, 0.9079737434,
                        0.8784418104, 0.8469807764, 0.8138192099, 0.7756345901, 0.7330780182, 0.6850365543,
                        0.6296785252, 0.5693546542, 0.5039388385, 0.4239011670}),
            new ZeroCase(4, "3 28 2 0 44 10 17 42 34 17+ 2 38",
                    new double[] {2.5, 22.5, 38}, new double[] {0, 2, 17}, new double[] {17, 38, NA},
                    new double[] {0.07978559231, 0.12500000000, 0.13608276349, 0.14231876064, 0.14433756730,
                        0.14605934867, 0.13964240044, 0.12382783747, 0.09398581453},
                    new double[] {0.538977180571, 0.408415913152, 0.337018932541, 0.270138924085, 0.208477143307,
                        0.135202462276, 0.076639146529, 0.032686879334, 0.005948941538},
                    new double[] {0.9878255654, 0.9117204061, 0.8597117991, 0.8009401923, 0.7360730974,
                        0.6573173455, 0.5687442213, 0.4689674975, 0.3553652413}));

    @Test
    void survivalIsOneWithADegenerateBandBeforeTheFirstChurn() {
        // Expected: by definition S(t) = 1 for t before the first churn (9 in Control), and S(t) holds its last
        // value between steps (S(20) = S(19) = 4/6).
        SurvivalCurve control = KaplanMeier.ofDefaults().fitByGroup(TestData.g3()).get("Control");
        SurvivalEstimate early = control.at(8.99);
        assertThat(early.survival()).isEqualTo(1.0);
        assertThat(early.interval().orElseThrow().lower()).isEqualTo(1.0);
        assertThat(control.at(20).survival()).isEqualTo(control.at(19).survival());
    }

    @Test
    void poolingIgnoresGroups() {
        // Expected: brute force, the product-limit estimate over all 17 g3 subjects computed from the formula in
        // this test.
        SurvivalData data = TestData.g3();
        SurvivalCurve pooled = KaplanMeier.ofDefaults().fit(data);
        assertThat(pooled.group()).isEqualTo(SurvivalData.DEFAULT_GROUP);
        for (double t : new double[] {9, 25, 33, 53, 70}) {
            assertThat(pooled.at(t).survival()).isCloseTo(bruteForceSurvival(data, t), within(1e-12));
        }
    }

    @Test
    void estimateAndGreenwoodErrorMatchBruteForceOnRandomData() {
        // Expected: S(t) = product over churn times u <= t of (1 - d(u)/n(u)) and Greenwood's
        // S(t)^2 sum d/(n(n-d)), each counted directly from the rows in this test (O(n^2)).
        qt().withFixedSeed(7).withExamples(150).forAll(RandomSubjects.specs()).checkAssert(spec -> {
            SurvivalData data = spec.data(1, 0);
            SurvivalCurve curve = KaplanMeier.ofDefaults().fit(data);
            for (int row = 1; row <= data.size(); row++) {
                double t = data.duration(row);
                assertThat(curve.at(t).survival()).isCloseTo(bruteForceSurvival(data, t), within(1e-12));
                double greenwood = bruteForceGreenwood(data, t);
                double s = bruteForceSurvival(data, t);
                if (s > 0 && Double.isFinite(greenwood)) {
                    assertThat(curve.at(t).standardError().getAsDouble()).isCloseTo(s * Math.sqrt(greenwood),
                            within(1e-12));
                } else {
                    assertThat(curve.at(t).standardError()).isEmpty();
                    assertThat(curve.at(t).interval()).isEmpty();
                }
            }
        });
    }

    @Test
    void survivalIsNonIncreasingWithinTheUnitIntervalAndInsideItsBand() {
        // Expected: properties of any survival curve and of the log-log band, on random data.
        qt().withFixedSeed(11).withExamples(200).forAll(RandomSubjects.specs()).checkAssert(spec -> {
            for (SurvivalCurve curve : KaplanMeier.custom().level(0.9).build().fitByGroup(spec.data(2, 0)).values()) {
                double previous = 1;
                for (SurvivalStep step : curve.timeline()) {
                    assertThat(step.survival()).isBetween(0.0, previous);
                    if (step.survival() > 0) {
                        assertThat(step.lower().getAsDouble()).isBetween(0.0, step.survival());
                        assertThat(step.upper().getAsDouble()).isBetween(step.survival(), 1.0);
                    } else {
                        assertThat(step.lower()).isEmpty();
                        assertThat(step.upper()).isEmpty();
                    }
                    previous = step.survival();
                }
            }
        });
    }

    @Test
    void permutingSubjectsChangesNothing() {
        // Expected: the estimator is a function of the multiset of subjects; the shuffled data must give
        // identical steps.
        qt().withFixedSeed(13).withExamples(100).forAll(RandomSubjects.specs()).checkAssert(spec -> {
            SurvivalData data = spec.data(2, 0);
            Map<String, SurvivalCurve> original = KaplanMeier.ofDefaults().fitByGroup(data);
            Map<String, SurvivalCurve> shuffled = KaplanMeier.ofDefaults().fitByGroup(RandomSubjects.shuffled(data, spec.seed()));
            for (String group : data.groups()) {
                assertThat(shuffled.get(group).timeline()).isEqualTo(original.get(group).timeline());
            }
        });
    }

    @Test
    void aWiderLevelGivesAWiderBand() {
        // Expected: z grows with the level, so the band at 0.99 contains the band at 0.95 (monotonicity).
        SurvivalCurve narrow = KaplanMeier.custom().level(0.95).build().fitByGroup(TestData.g3()).get("Control");
        SurvivalCurve wide = KaplanMeier.custom().level(0.99).build().fitByGroup(TestData.g3()).get("Control");
        for (double t : CONTROL_TIMES) {
            assertThat(wide.at(t).interval().orElseThrow().lower()).isLessThan(narrow.at(t).interval().orElseThrow().lower());
            assertThat(wide.at(t).interval().orElseThrow().upper())
                    .isGreaterThan(narrow.at(t).interval().orElseThrow().upper());
        }
    }

    @Test
    void quantilesFollowTheLinearScanRuleOnRandomData() {
        // Expected: brute force in this test, independent of the curve's own band: S and Greenwood's sum counted
        // from the rows, the log-log band as exp(-exp(log(-log S) -+ z sigma / (-log S))) with z = 1.959963984540054
        // (the 97.5% normal quantile), undefined (NaN) where S = 0; then R's quantile rule read literally: the
        // first step at or below 1 - p, or the midpoint to the next step below it where the curve sits exactly
        // at 1 - p, skipping steps where the band is undefined (R drops NA points).
        qt().withFixedSeed(19).withExamples(300).forAll(RandomSubjects.specs()).checkAssert(spec -> {
            SurvivalData data = spec.data(1, 0);
            SurvivalCurve curve = KaplanMeier.ofDefaults().fit(data);
            double[] times = java.util.stream.IntStream.rangeClosed(1, data.size()).mapToDouble(data::duration)
                    .distinct().sorted().toArray();
            double[][] band = bruteForceBand(data, times, 1.959963984540054);
            for (double p : new double[] {0.25, 0.5, 0.75}) {
                SurvivalQuantile quantile = curve.quantile(p);
                assertThat(quantile.estimate()).isEqualTo(linearRule(times, band[0], 1 - p));
                assertThat(quantile.lower()).isEqualTo(linearRule(times, band[1], 1 - p));
                assertThat(quantile.upper()).isEqualTo(linearRule(times, band[2], 1 - p));
            }
        });
    }

    /** Returns S, the lower and the upper log-log band at each of {@code times}, from the rows. */
    private static double[][] bruteForceBand(SurvivalData data, double[] times, double z) {
        double[][] band = new double[3][times.length];
        for (int k = 0; k < times.length; k++) {
            double s = bruteForceSurvival(data, times[k]);
            double sigma = Math.sqrt(bruteForceGreenwood(data, times[k]));
            band[0][k] = s;
            if (s == 0) {
                band[1][k] = Double.NaN;
                band[2][k] = Double.NaN;
            } else if (s == 1) {
                band[1][k] = 1;
                band[2][k] = 1;
            } else {
                double logMinusLog = Math.log(-Math.log(s));
                double halfWidth = z * sigma / -Math.log(s);
                band[1][k] = Math.exp(-Math.exp(logMinusLog + halfWidth));
                band[2][k] = Math.exp(-Math.exp(logMinusLog - halfWidth));
            }
        }
        return band;
    }

    private static java.util.OptionalDouble linearRule(double[] times, double[] curve, double target) {
        double tolerance = 1e-8;
        for (int k = 0; k < times.length; k++) {
            double value = curve[k];
            if (value <= target + tolerance) {
                if (Math.abs(value - target) < tolerance) {
                    for (int later = k + 1; later < times.length; later++) {
                        if (curve[later] < target - tolerance) {
                            return java.util.OptionalDouble.of((times[k] + times[later]) / 2);
                        }
                    }
                }
                return java.util.OptionalDouble.of(times[k]);
            }
        }
        return java.util.OptionalDouble.empty();
    }

    @Test
    void theDurationsUnitIsRequiredAndCarriedToEveryResult() {
        // Expected: by definition, the unit the data are built with is the unit of the curves and of the Cox
        // model fitted on them; an absent unit or FOREVER is refused.
        SurvivalData weeks = SurvivalData.builder(ChronoUnit.WEEKS, "x").add(1, true, "a", 0).add(2, false, "a", 1)
                .add(3, true, "b", 1).add(4, true, "b", 0).build();
        assertThat(weeks.unit()).isEqualTo(ChronoUnit.WEEKS);
        assertThat(weeks.group("b").unit()).isEqualTo(ChronoUnit.WEEKS);
        assertThat(KaplanMeier.ofDefaults().fit(weeks).unit()).isEqualTo(ChronoUnit.WEEKS);
        assertThat(KaplanMeier.ofDefaults().fitByGroup(weeks).get("b").unit()).isEqualTo(ChronoUnit.WEEKS);
        assertThat(CoxProportionalHazards.ofDefaults().fit(weeks).requireModel().unit()).isEqualTo(ChronoUnit.WEEKS);
        assertThatThrownBy(() -> SurvivalData.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("unit must not be null");
        assertThatThrownBy(() -> SurvivalData.of(ChronoUnit.FOREVER, new double[] {1}, new boolean[] {true}))
                .hasMessageStartingWith("unit: FOREVER is not a unit of duration");
    }

    @Test
    void aStepRefusesATimeThatIsNotAFiniteNumberAndABandWhereSIsZero() {
        // Expected: the record's rules: a finite time, zero or more; the band present exactly where S > 0.
        java.util.OptionalDouble none = java.util.OptionalDouble.empty();
        java.util.OptionalDouble half = java.util.OptionalDouble.of(0.5);
        assertThatThrownBy(() -> new SurvivalStep(Double.NaN, 2, 1, 0, 0.5, half, half, half))
                .hasMessage("time: NaN is not a finite number zero or more");
        assertThatThrownBy(() -> new SurvivalStep(3, 1, 1, 0, 0, java.util.OptionalDouble.of(0), none, none))
                .hasMessageStartingWith("survival: 0.0 with standard error");
        assertThat(new SurvivalStep(3, 1, 1, 0, 0, none, none, none).lower()).isEmpty();
    }

    @Test
    void rejectsALevelOutsideTheUnitIntervalAtOnce() {
        // Expected: the configuration idiom: the setter itself refuses, naming the field and the value.
        for (double level : new double[] {1.5, 1, 0, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> KaplanMeier.custom().level(level))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("level: " + level + " is outside (0, 1)");
        }
    }

    @Test
    void configurationsCompareByValue() {
        // Expected: the configuration idiom: equal settings are equal configurations, whichever way built;
        // from(base) starts from base's settings.
        KaplanMeier at90 = KaplanMeier.custom().level(0.9).build();
        assertThat(KaplanMeier.custom().build()).isEqualTo(KaplanMeier.ofDefaults())
                .hasSameHashCodeAs(KaplanMeier.ofDefaults());
        assertThat(KaplanMeier.from(at90).build()).isEqualTo(at90).hasSameHashCodeAs(at90);
        assertThat(KaplanMeier.from(at90).level(0.95).build()).isEqualTo(KaplanMeier.ofDefaults());
        assertThat(at90).isNotEqualTo(KaplanMeier.ofDefaults());
        assertThat(at90.level()).isEqualTo(0.9);
        assertThat(at90).hasToString("KaplanMeier[level=0.9]");
        // A 90% configuration gives the 90% band: z = 1.6449 in the log-log band of R (closed form on g3's
        // first Control step, S = 5/6, Greenwood sum 1/30).
        double s = 5.0 / 6;
        double sigma = Math.sqrt(1.0 / 30) / Math.log(s);
        double z90 = 1.6448536269514722;
        assertThat(at90.fitByGroup(TestData.g3()).get("Control").at(9).interval().orElseThrow().lower())
                .isCloseTo(Math.pow(s, Math.exp(-z90 * sigma)), within(1e-12));
    }

    static double bruteForceSurvival(SurvivalData data, double t) {
        double s = 1;
        for (double u : distinctChurnTimesUpTo(data, t)) {
            int atRisk = 0;
            int churned = 0;
            for (int row = 1; row <= data.size(); row++) {
                atRisk += data.duration(row) >= u ? 1 : 0;
                churned += data.duration(row) == u && data.observed(row) ? 1 : 0;
            }
            s *= 1 - (double) churned / atRisk;
        }
        return s;
    }

    private static double bruteForceGreenwood(SurvivalData data, double t) {
        double sum = 0;
        for (double u : distinctChurnTimesUpTo(data, t)) {
            int atRisk = 0;
            int churned = 0;
            for (int row = 1; row <= data.size(); row++) {
                atRisk += data.duration(row) >= u ? 1 : 0;
                churned += data.duration(row) == u && data.observed(row) ? 1 : 0;
            }
            sum += (double) churned / ((double) atRisk * (atRisk - churned));
        }
        return sum;
    }

    private static double[] distinctChurnTimesUpTo(SurvivalData data, double t) {
        return java.util.stream.IntStream.rangeClosed(1, data.size())
                .filter(data::observed)
                .mapToDouble(data::duration)
                .filter(u -> u <= t)
                .distinct()
                .toArray();
    }
}
