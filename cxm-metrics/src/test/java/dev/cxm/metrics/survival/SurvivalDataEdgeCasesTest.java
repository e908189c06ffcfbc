package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/**
 * The data set's validation guards and accessors at their edges: what {@link SurvivalData#of} refuses, the
 * subjects {@link SurvivalData#group(String)} keeps, and rows just outside 1..size. Every expected value is
 * the documented rule or the input written in the test, re-read by hand.
 */
class SurvivalDataEdgeCasesTest {

    @Test
    void ofRefusesArraysOfDifferentLengthsNamingBothLengths() {
        assertThatThrownBy(() -> SurvivalData.of(ChronoUnit.DAYS, new double[] {1, 2, 3}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("observed: 2 flags for 3 durations; there must be one flag per duration");
    }

    @Test
    void ofRefusesNoSubjects() {
        assertThatThrownBy(() -> SurvivalData.of(ChronoUnit.DAYS, new double[0], new boolean[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void ofRefusesANegativeOrNonFiniteDurationNamingTheRowButNotTheValue() {
        // Rule: a duration is a finite number, zero or more; the message names the row (from 1) and the rule.
        assertThatThrownBy(() -> SurvivalData.of(ChronoUnit.DAYS, new double[] {1, -2.5}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 2: the duration is negative; a duration must be a finite number, zero or more");
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> SurvivalData.of(ChronoUnit.DAYS, new double[] {bad}, new boolean[] {false}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row 1: the duration is not a finite number; a duration must be a finite number, zero or more");
        }
    }

    @Test
    void ofKeepsEveryDurationAndFlagAndCountsTheEvents() {
        // Oracle: the input arrays; -0.0 is kept as 0.0 so that it ties with 0.0.
        SurvivalData data = SurvivalData.of(ChronoUnit.WEEKS, new double[] {-0.0, 4, 2.5}, new boolean[] {true, false, true});

        assertThat(data.size()).isEqualTo(3);
        assertThat(data.eventCount()).isEqualTo(2);
        assertThat(Double.doubleToRawLongBits(data.duration(1))).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(data.duration(2)).isEqualTo(4);
        assertThat(data.duration(3)).isEqualTo(2.5);
        assertThat(data.observed(1)).isTrue();
        assertThat(data.observed(2)).isFalse();
        assertThat(data.group(3)).isEqualTo(SurvivalData.DEFAULT_GROUP);
        assertThat(data.unit()).isEqualTo(ChronoUnit.WEEKS);
    }

    @Test
    void aGroupKeepsItsSubjectsInOrderWithTheirFlagsAndCovariates() {
        // Oracle: the rows added below, filtered by hand: group "b" is rows 2 and 4, renumbered 1 and 2; group "a"
        // (the first group) is rows 1, 3 and 5.
        SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS, "age", "plan")
                .add(1, true, "a", 30, 1)
                .add(2, false, "b", 40, 2)
                .add(3, true, "a", 50, 3)
                .add(4, true, "b", 60, 4)
                .add(5, false, "a", 70, 5)
                .build();

        SurvivalData b = data.group("b");

        assertThat(b.size()).isEqualTo(2);
        assertThat(b.groups()).containsExactly("b");
        assertThat(b.covariateNames()).containsExactly("age", "plan");
        assertThat(b.eventCount()).isEqualTo(1);
        assertThat(new double[] {b.duration(1), b.duration(2)}).containsExactly(2, 4);
        assertThat(new boolean[] {b.observed(1), b.observed(2)}).containsExactly(false, true);
        assertThat(new double[] {b.covariate(1, "age"), b.covariate(1, "plan"), b.covariate(2, "age"),
                b.covariate(2, "plan")}).containsExactly(40, 2, 60, 4);
        assertThat(b.group(2)).isEqualTo("b");
        assertThat(b.unit()).isEqualTo(ChronoUnit.DAYS);
        SurvivalData a = data.group("a");
        assertThat(a.size()).isEqualTo(3);
        assertThat(new double[] {a.duration(1), a.duration(2), a.duration(3)}).containsExactly(1, 3, 5);
        assertThat(a.covariate(3, "age")).isEqualTo(70);
    }

    @Test
    void unknownGroupsCovariatesAndRowsOutsideTheDataAreRefusedNamingThem() {
        SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS, "age").add(1, true, "a", 30).add(2, false, "a", 40)
                .build();

        assertThatThrownBy(() -> data.group("z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group: \"z\" is not a group of the data; the groups are [a]");
        assertThatThrownBy(() -> data.covariate(1, "income")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("covariate: \"income\" is not a covariate of the data; the covariates are [age]");
        assertThatThrownBy(() -> data.duration(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row: 0 is outside 1..2");
        assertThatThrownBy(() -> data.observed(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row: 3 is outside 1..2");
        assertThat(data.duration(2)).isEqualTo(2);
        assertThat(data.covariate(2, "age")).isEqualTo(40);
    }

    @Test
    void eventFlagsParseInEveryWrittenFormAndNothingElse() {
        // Rule: 1/true is the event, 0/false censored, ignoring case and surrounding blanks.
        assertThat(SurvivalData.parseEventFlag(" TRUE ")).isTrue();
        assertThat(SurvivalData.parseEventFlag("1")).isTrue();
        assertThat(SurvivalData.parseEventFlag("False")).isFalse();
        assertThat(SurvivalData.parseEventFlag("0 ")).isFalse();
        assertThatThrownBy(() -> SurvivalData.parseEventFlag("yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event: the value is not an event flag; expected 0, 1, true or false");
    }
}
