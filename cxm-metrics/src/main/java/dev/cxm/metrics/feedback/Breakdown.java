package dev.cxm.metrics.feedback;

import java.util.List;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * A metric computed overall, per group and per period in one pass: what {@link FeedbackBreakdown} returns.
 *
 * <p>Groups are in the order of their keys; periods are consecutive from the first to the last period that
 * has a response, empty periods included (n = 0, no score, flagged), so that a trend has no silent gaps.
 *
 * @param overall the result over every counted response
 * @param periods the overall trend; empty when no granularity was set
 * @param groups one result per group; empty when no grouping was set
 * @param minimumN the fewest responses a group or period needs not to be flagged
 * @param otherScales responses skipped because they were on another scale than the metric's
 * @param granularity the length of the periods, when a trend was asked for
 * @param <R> the metric's result type
 */
public record Breakdown<R extends FeedbackResult>(R overall, List<PeriodResult<R>> periods,
        List<GroupResult<R>> groups, long minimumN, long otherScales, Optional<Granularity> granularity) {

    /** Validates the breakdown and copies the lists. */
    public Breakdown {
        Checks.present("overall", overall);
        periods = List.copyOf(Checks.present("periods", periods));
        groups = List.copyOf(Checks.present("groups", groups));
        Checks.present("granularity", granularity);
        if (minimumN < 0 || otherScales < 0) {
            throw new IllegalArgumentException("minimumN: " + minimumN + " and otherScales: " + otherScales
                    + " must be 0 or more");
        }
    }

    /** Returns the result of the group with key {@code group}, when there is one. */
    public Optional<GroupResult<R>> group(String group) {
        return groups.stream().filter(g -> g.group().equals(group)).findFirst();
    }
}
