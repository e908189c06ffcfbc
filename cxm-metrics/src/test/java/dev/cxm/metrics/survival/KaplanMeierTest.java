package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

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
            assertThat(estimate.interval().lower()).as("lower(%s)", CONTROL_TIMES[k]).isCloseTo(lower[k], within(0.00005));
            assertThat(estimate.interval().upper()).as("upper(%s)", CONTROL_TIMES[k]).isCloseTo(upper[k], within(0.0005));
            assertThat(estimate.interval().method()).isEqualTo("log-log");
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
        assertThat(timeline.get(1).standardError()).isCloseTo(4.0 / 6 * Math.sqrt(1.0 / 30 + 1.0 / 20), within(1e-15));
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
        // Expected: the published RIT curve ends at S(53) = 0.779 > 0.5, so no median is reached.
        SurvivalQuantile median = KaplanMeier.ofDefaults().fitByGroup(TestData.g3()).get("RIT").median();
        assertThat(median.estimate()).isEmpty();
    }

    @Test
    void survivalIsOneWithADegenerateBandBeforeTheFirstChurn() {
        // Expected: by definition S(t) = 1 for t before the first churn (9 in Control), and S(t) holds its last
        // value between steps (S(20) = S(19) = 4/6).
        SurvivalCurve control = KaplanMeier.ofDefaults().fitByGroup(TestData.g3()).get("Control");
        SurvivalEstimate early = control.at(8.99);
        assertThat(early.survival()).isEqualTo(1.0);
        assertThat(early.interval().lower()).isEqualTo(1.0);
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
                    assertThat(curve.at(t).standardError()).isCloseTo(s * Math.sqrt(greenwood), within(1e-12));
                }
            }
        });
    }

    @Test
    void survivalIsNonIncreasingWithinTheUnitIntervalAndInsideItsBand() {
        // Expected: properties of any survival curve and of the log-log band, on random data.
        qt().withFixedSeed(11).withExamples(200).forAll(RandomSubjects.specs()).checkAssert(spec -> {
            for (SurvivalCurve curve : KaplanMeier.withLevel(0.9).fitByGroup(spec.data(2, 0)).values()) {
                double previous = 1;
                for (SurvivalStep step : curve.timeline()) {
                    assertThat(step.survival()).isBetween(0.0, previous);
                    assertThat(step.lower()).isBetween(0.0, step.survival());
                    assertThat(step.upper()).isBetween(step.survival(), 1.0);
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
        SurvivalCurve narrow = KaplanMeier.withLevel(0.95).fitByGroup(TestData.g3()).get("Control");
        SurvivalCurve wide = KaplanMeier.withLevel(0.99).fitByGroup(TestData.g3()).get("Control");
        for (double t : CONTROL_TIMES) {
            assertThat(wide.at(t).interval().lower()).isLessThan(narrow.at(t).interval().lower());
            assertThat(wide.at(t).interval().upper()).isGreaterThan(narrow.at(t).interval().upper());
        }
    }

    @Test
    void quantilesFollowTheLinearScanRuleOnRandomData() {
        // Expected: brute force over the timeline in this test, R's rule read literally: the first step at or
        // below 1 - p, or the midpoint to the next step below it where the curve sits exactly at 1 - p; the
        // limits apply the same rule to the lower and upper band.
        qt().withFixedSeed(19).withExamples(300).forAll(RandomSubjects.specs()).checkAssert(spec -> {
            SurvivalCurve curve = KaplanMeier.ofDefaults().fit(spec.data(1, 0));
            List<SurvivalStep> steps = curve.timeline();
            for (double p : new double[] {0.25, 0.5, 0.75}) {
                SurvivalQuantile quantile = curve.quantile(p);
                assertThat(quantile.estimate()).isEqualTo(linearRule(steps, 1 - p, SurvivalStep::survival));
                assertThat(quantile.lower()).isEqualTo(linearRule(steps, 1 - p, SurvivalStep::lower));
                assertThat(quantile.upper()).isEqualTo(linearRule(steps, 1 - p, SurvivalStep::upper));
            }
        });
    }

    private static java.util.OptionalDouble linearRule(List<SurvivalStep> steps, double target,
            java.util.function.ToDoubleFunction<SurvivalStep> curve) {
        double tolerance = 1e-8;
        for (int k = 0; k < steps.size(); k++) {
            double value = curve.applyAsDouble(steps.get(k));
            if (value <= target + tolerance) {
                if (Math.abs(value - target) < tolerance) {
                    for (int later = k + 1; later < steps.size(); later++) {
                        if (curve.applyAsDouble(steps.get(later)) < target - tolerance) {
                            return java.util.OptionalDouble.of((steps.get(k).time() + steps.get(later).time()) / 2);
                        }
                    }
                }
                return java.util.OptionalDouble.of(steps.get(k).time());
            }
        }
        return java.util.OptionalDouble.empty();
    }

    @Test
    void rejectsALevelOutsideTheUnitInterval() {
        assertThatThrownBy(() -> KaplanMeier.withLevel(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("level: 1.5 is outside (0, 1)");
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
