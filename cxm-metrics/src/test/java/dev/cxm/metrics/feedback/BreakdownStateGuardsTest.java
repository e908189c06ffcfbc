package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * The guards of a breakdown state built from parts, as a state read back from JSON is: a group or a period on
 * another scale, a trend longer than 10,000 periods (exactly 10,000 is allowed), periods that do not add up to the
 * overall, group counts whose sum overflows; and the bottom-box rating and distinct breakdowns hashing apart.
 * Expected values are the documented rules, each refusal by its exact message (field, value, rule).
 */
class BreakdownStateGuardsTest {

    private static final FeedbackScale CSAT = FeedbackScale.CSAT;
    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    private static BreakdownState daily(ScoreDistribution overall, SortedMap<LocalDate, ScoreDistribution> periods) {
        return new BreakdownState(CSAT, Optional.empty(), Optional.of(CalendarPeriod.DAY), ZoneOffset.UTC, overall,
                periods, new TreeMap<>(), 0);
    }

    private static SortedMap<LocalDate, ScoreDistribution> periods(LocalDate first, ScoreDistribution a,
            LocalDate second, ScoreDistribution b) {
        SortedMap<LocalDate, ScoreDistribution> periods = new TreeMap<>();
        periods.put(first, a);
        periods.put(second, b);
        return periods;
    }

    @Test
    void aGroupOnAnotherScaleIsRefusedByName() {
        SortedMap<String, BreakdownState.Group> groups = new TreeMap<>();
        groups.put("web", new BreakdownState.Group(ScoreDistribution.ofCount(FeedbackScale.CES, 5, 1), new TreeMap<>()));

        assertThatThrownBy(() -> new BreakdownState(CSAT, Optional.of("channel"), Optional.empty(), ZoneOffset.UTC,
                ScoreDistribution.ofCount(CSAT, 5, 1), new TreeMap<>(), groups, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groups[web].overall: a distribution on " + FeedbackScale.CES + " in a state on " + CSAT
                        + "; every part of a breakdown is on the metric's scale");
    }

    @Test
    void aPeriodOnAnotherScaleIsRefusedByItsDay() {
        SortedMap<LocalDate, ScoreDistribution> periods = new TreeMap<>();
        periods.put(DAY, ScoreDistribution.ofCount(FeedbackScale.CES, 5, 1));

        assertThatThrownBy(() -> daily(ScoreDistribution.ofCount(CSAT, 5, 1), periods))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("periods[" + DAY + "]: a distribution on " + FeedbackScale.CES + " in a state on " + CSAT
                        + "; every part of a breakdown is on the metric's scale");
    }

    @Test
    void aTrendHasAtMostTenThousandPeriods() {
        // DAY counts both ends: from DAY to DAY + 9,999 days are 10,000 days, to DAY + 10,000 days 10,001.
        ScoreDistribution one = ScoreDistribution.ofCount(CSAT, 4, 1);
        ScoreDistribution two = ScoreDistribution.ofCount(CSAT, 4, 2);
        LocalDate last = DAY.plusDays(9_999);

        assertThat(daily(two, periods(DAY, one, last, one)).periods()).hasSize(2);
        assertThatThrownBy(() -> daily(two, periods(DAY, one, last.plusDays(1), one)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("periods: from " + DAY + " to " + last.plusDays(1) + " are 10001 day periods;"
                        + " a trend has at most 10000");
    }

    @Test
    void periodsThatDoNotAddUpToTheOverallAreRefused() {
        ScoreDistribution one = ScoreDistribution.ofCount(CSAT, 5, 1);

        assertThatThrownBy(() -> daily(ScoreDistribution.ofCount(CSAT, 5, 3), periods(DAY, one, DAY.plusDays(1), one)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("periods: 2 responses at score 5 in the parts, but 3 in their total; the parts of a"
                        + " breakdown add up to it");
    }

    @Test
    void groupCountsWhoseSumOverflowsNameTheScore() {
        ScoreDistribution huge = ScoreDistribution.ofCount(CSAT, 4, Long.MAX_VALUE);
        SortedMap<String, BreakdownState.Group> groups = new TreeMap<>();
        groups.put("a", new BreakdownState.Group(huge, new TreeMap<>()));
        groups.put("b", new BreakdownState.Group(huge, new TreeMap<>()));

        assertThatThrownBy(() -> new BreakdownState(CSAT, Optional.of("channel"), Optional.empty(), ZoneOffset.UTC,
                huge, new TreeMap<>(), groups, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts: " + Long.MAX_VALUE + " + " + Long.MAX_VALUE + " responses at score 4 overflows a"
                        + " long");
    }

    @Test
    void bottomBoxesCountTheLowestScoresAsBad() {
        assertThat(RatingScore.custom(CSAT).bottomBoxes(2).build().bad()).hasValue(new ScoreRange(1, 2));
        assertThat(RatingScore.custom(FeedbackScale.CES).bottomBoxes(3).build().bad()).hasValue(new ScoreRange(1, 3));
    }

    @Test
    void distinctBreakdownsHashApart() {
        FeedbackBreakdown<RatingResult> byChannel = FeedbackBreakdown.custom(RatingScore.csat())
                .groupBy(GroupKeys.channel()).build();
        FeedbackBreakdown<RatingResult> byDay = FeedbackBreakdown.custom(RatingScore.csat())
                .per(CalendarPeriod.DAY, ZoneOffset.UTC).build();

        assertThat(byChannel).isNotEqualTo(byDay);
        assertThat(byChannel.hashCode()).isNotEqualTo(byDay.hashCode());
        assertThat(byChannel).hasSameHashCodeAs(FeedbackBreakdown.from(byChannel).build());
    }
}
