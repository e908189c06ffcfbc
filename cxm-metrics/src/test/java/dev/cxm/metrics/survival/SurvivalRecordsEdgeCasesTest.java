package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * The survival result records' validation guards, each tried just outside and exactly at its bound, and the
 * curve's refusals of a NaN time and of a quantile outside (0, 1). Expected values are the documented rules;
 * the curve is the closed-form Kaplan-Meier estimate of three subjects (S = 2/3 after the first event).
 */
class SurvivalRecordsEdgeCasesTest {

    private static final OptionalDouble NONE = OptionalDouble.empty();

    @Test
    void aChiSquaredTestTakesPValuesAtBothEndsAndNothingOutside() {
        assertThat(new ChiSquaredTest(0, 1, 1).pValue()).isEqualTo(1);
        assertThat(new ChiSquaredTest(100, 1, 0).pValue()).isZero();
        assertThatThrownBy(() -> new ChiSquaredTest(-0.5, 1, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statistic: -0.5 is not a number zero or more");
        assertThatThrownBy(() -> new ChiSquaredTest(Double.NaN, 1, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statistic: NaN is not a number zero or more");
        assertThatThrownBy(() -> new ChiSquaredTest(1, 1, 1.25)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pValue: 1.25 is outside [0, 1]");
        assertThatThrownBy(() -> new ChiSquaredTest(1, 1, -0.25)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pValue: -0.25 is outside [0, 1]");
        assertThatThrownBy(() -> new ChiSquaredTest(1, -1, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("degreesOfFreedom: -1 is negative; it must be 0 or more");
    }

    @Test
    void aGroupTallyCountsAtMostItsSubjectsAsObserved() {
        assertThat(new GroupTally("a", 3, 3, 0).observed()).isEqualTo(3);
        assertThat(new GroupTally("a", 3, 0, 2.5).observed()).isZero();
        assertThatThrownBy(() -> new GroupTally("a", 3, 4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("observed: 4 is outside 0..3 subjects");
        assertThatThrownBy(() -> new GroupTally("a", 3, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("observed: -1 is outside 0..3 subjects");
        assertThatThrownBy(() -> new GroupTally("a", 3, 1, -0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected: -0.5 is not a number zero or more");
        assertThatThrownBy(() -> new GroupTally("a", 3, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected: NaN is not a number zero or more");
    }

    @Test
    void anEstimateIsAProbabilityInsideItsIntervalWithANonNegativeError() {
        ConfidenceInterval band = new ConfidenceInterval(0.4, 0.8, 0.95, "log-log");
        assertThat(new SurvivalEstimate(1, 0.4, OptionalDouble.of(0), Optional.of(band)).survival()).isEqualTo(0.4);
        assertThat(new SurvivalEstimate(1, 0.8, OptionalDouble.of(0.1), Optional.of(band)).survival()).isEqualTo(0.8);
        assertThat(new SurvivalEstimate(1, 0, NONE, Optional.empty()).survival()).isZero();
        assertThat(new SurvivalEstimate(1, 1, NONE, Optional.empty()).survival()).isEqualTo(1);
        assertThatThrownBy(() -> new SurvivalEstimate(1, 1.5, NONE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("survival: 1.5 is outside [0, 1]; it is a probability");
        assertThatThrownBy(() -> new SurvivalEstimate(1, -0.5, NONE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("survival: -0.5 is outside [0, 1]; it is a probability");
        assertThatThrownBy(() -> new SurvivalEstimate(1, 0.5, OptionalDouble.of(-0.1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("standardError: -0.1 is not a number zero or more");
        assertThatThrownBy(() -> new SurvivalEstimate(1, 0.9, OptionalDouble.of(0.1), Optional.of(band)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval: [0.4, 0.8] does not contain the estimate 0.9");
    }

    @Test
    void aStepLosesAtMostTheSubjectsAtRiskAndHasABandExactlyWhenSurvivalIsAboveZero() {
        OptionalDouble se = OptionalDouble.of(0.1);
        assertThat(new SurvivalStep(2, 3, 2, 1, 0.5, se, OptionalDouble.of(0.5), OptionalDouble.of(0.5)).atRisk())
                .isEqualTo(3);
        assertThat(new SurvivalStep(0, 1, 1, 0, 0, NONE, NONE, NONE).survival()).isZero();
        assertThatThrownBy(() -> new SurvivalStep(2, 2, 2, 1, 0.5, se, OptionalDouble.of(0.4), OptionalDouble.of(0.6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("atRisk: 2 is below events 2 plus censored 1; the subjects who leave at a time were at"
                        + " risk before it");
        assertThatThrownBy(() -> new SurvivalStep(2, 3, -1, 1, 0.5, se, OptionalDouble.of(0.4), OptionalDouble.of(0.6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("atRisk: 3 is below events -1");
        assertThatThrownBy(() -> new SurvivalStep(2, 3, 1, -1, 0.5, se, OptionalDouble.of(0.4), OptionalDouble.of(0.6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("atRisk: 3 is below events 1 plus"
                        + " censored -1");
        assertThatThrownBy(() -> new SurvivalStep(-1, 3, 1, 0, 0.5, se, OptionalDouble.of(0.4), OptionalDouble.of(0.6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time: -1.0 is not a finite number zero or more");
        assertThatThrownBy(() -> new SurvivalStep(Double.POSITIVE_INFINITY, 3, 1, 0, 0.5, se, OptionalDouble.of(0.4),
                OptionalDouble.of(0.6))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time: Infinity is not a finite number zero or more");
        assertThatThrownBy(() -> new SurvivalStep(2, 3, 1, 0, 0.5, se, OptionalDouble.of(0.6), OptionalDouble.of(0.7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("survival: 0.5 with band [0.6, 0.7] breaks 0 <= lower <= survival <= upper <= 1");
        assertThatThrownBy(() -> new SurvivalStep(2, 3, 1, 0, 0.5, OptionalDouble.of(Double.POSITIVE_INFINITY),
                OptionalDouble.of(0.4), OptionalDouble.of(0.6))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("standardError: Infinity is not a finite number zero or more");
        assertThatThrownBy(() -> new SurvivalStep(2, 3, 1, 0, 0.5, NONE, NONE, NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("they are present exactly when survival is above 0");
    }

    @Test
    void aQuantileProbabilityLiesStrictlyBetweenZeroAndOne() {
        // Three subjects, events at 1 and 2, one censored at 3: S(1) = 2/3, S(2) = 1/3 (Kaplan-Meier by hand).
        SurvivalCurve curve = KaplanMeier.ofDefaults().fit(SurvivalData.of(ChronoUnit.DAYS, new double[] {1, 2, 3},
                new boolean[] {true, true, false}));

        for (double probability : new double[] {0, 1, Double.NaN}) {
            assertThatThrownBy(() -> curve.quantile(probability)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("probability: " + probability + " is outside (0, 1)");
            assertThatThrownBy(() -> new SurvivalQuantile(probability, NONE, NONE, NONE, 0.95))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("probability: " + probability + " is outside (0, 1)");
        }
        assertThatThrownBy(() -> curve.at(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time: NaN is not a time");
        assertThat(curve.at(1).survival()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(curve.at(Math.nextDown(1.0)).survival()).isEqualTo(1);
        assertThat(curve.median().estimate()).hasValue(2);
    }

    @Test
    void aCurveSittingExactlyAtTheTargetGivesTheMidpointAndKeepsItsLevel() {
        // Kaplan-Meier by hand: four subjects churn at 1, 2, 3, 4, so S = 0.75, 0.5, 0.25, 0. S sits at 0.5 exactly
        // on [2, 3): the median is the midpoint 2.5 (R's survival rule, in quantile's Javadoc); the 0.25-quantile
        // sits at 0.75 on [1, 2): 1.5.
        SurvivalCurve curve = KaplanMeier.custom().level(0.9).build().fit(SurvivalData.of(ChronoUnit.DAYS,
                new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true}));

        assertThat(curve.median().estimate()).hasValue(2.5);
        assertThat(curve.quantile(0.25).estimate()).hasValue(1.5);
        assertThat(curve.quantile(0.9).estimate()).hasValue(4);
        assertThat(curve.level()).isEqualTo(0.9);
        assertThat(curve.toString()).isEqualTo("SurvivalCurve[group=all, unit=Days, subjects=4, events=4, steps=4]");
    }

    @Test
    void everyLogRankTestIsTheSameTestAndNothingElse() {
        assertThat(LogRankTest.ofDefaults()).isEqualTo(LogRankTest.ofDefaults())
                .hasSameHashCodeAs(LogRankTest.ofDefaults()).isNotEqualTo("LogRankTest[]")
                .hasToString("LogRankTest[]");
    }
}
