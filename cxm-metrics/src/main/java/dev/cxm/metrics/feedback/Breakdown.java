package dev.cxm.metrics.feedback;

import java.util.List;
import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * A metric computed overall, per group and per period in one pass: what {@link FeedbackBreakdown} returns.
 *
 * <p>Groups are in the order of their keys; periods are consecutive from the first to the last period that
 * has a response, empty periods included (n = 0, no score; flagged unless the minimum n is 0), so that a
 * trend has no silent gaps. A result is flagged when its effective sample size ({@code n} without survey
 * weights) is below the minimum n.
 *
 * @param overall the result over every counted response
 * @param overallBelowMinimumN whether the overall result's effective sample size is below {@code minimumN}
 * @param periods the overall trend; empty when no period was set
 * @param groups one result per group; empty when no grouping was set
 * @param minimumN the smallest effective sample size a result needs not to be flagged
 * @param otherScales responses skipped because they were on another scale than the metric's
 * @param calendarPeriod the length of the periods, when a trend was asked for
 * @param <R> the metric's result type
 */
public record Breakdown<R extends FeedbackResult>(R overall, boolean overallBelowMinimumN, List<PeriodResult<R>> periods,
        List<GroupResult<R>> groups, long minimumN, long otherScales, Optional<CalendarPeriod> calendarPeriod) {

    /**
     * Validates the breakdown and copies the lists.
     *
     * @param overall the result over every counted response
     * @param overallBelowMinimumN whether the overall result's effective sample size is below {@code minimumN}
     * @param periods the overall trend; empty when no period was set
     * @param groups one result per group; empty when no grouping was set
     * @param minimumN the smallest effective sample size a result needs not to be flagged
     * @param otherScales responses skipped because they were on another scale than the metric's
     * @param calendarPeriod the length of the periods, when a trend was asked for
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public Breakdown {
        Checks.present("overall", overall);
        periods = List.copyOf(Checks.present("periods", periods));
        groups = List.copyOf(Checks.present("groups", groups));
        Checks.present("calendarPeriod", calendarPeriod);
        if (minimumN < 0 || otherScales < 0) {
            throw new IllegalArgumentException("minimumN: " + minimumN + " and otherScales: " + otherScales
                    + " must be 0 or more");
        }
    }

    /**
     * Returns the result of the group with key {@code group}, when there is one.
     *
     * @param group the group's name, such as {@code web} or {@code (none)}
     * @return the group's result, or empty when no response fell in it
     */
    public Optional<GroupResult<R>> group(String group) {
        return groups.stream().filter(g -> g.group().equals(group)).findFirst();
    }
}
