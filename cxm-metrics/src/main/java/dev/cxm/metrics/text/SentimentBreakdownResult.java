package dev.cxm.metrics.text;

import java.util.List;
import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * The sentiment of texts overall, per group and per period: what {@link SentimentBreakdown} returns. Groups are
 * in the order of their names; periods are consecutive from the first to the last with a text.
 *
 * @param overall the summary of every text
 * @param overallBelowMinimumN whether there are fewer texts than {@code minimumN}
 * @param periods the overall trend; empty without a trend
 * @param groups one result per group; empty without groups
 * @param minimumN the number of texts a result needs not to be flagged
 * @param calendarPeriod the length of the periods, when a trend was asked for
 */
public record SentimentBreakdownResult(SentimentResult overall, boolean overallBelowMinimumN,
        List<SentimentPeriod> periods, List<SentimentGroup> groups, long minimumN,
        Optional<CalendarPeriod> calendarPeriod) {

    /**
     * Validates the breakdown and copies the lists.
     *
     * @param overall the summary of every text
     * @param overallBelowMinimumN whether there are fewer texts than {@code minimumN}
     * @param periods the overall trend; empty without a trend
     * @param groups one result per group; empty without groups
     * @param minimumN the number of texts a result needs not to be flagged
     * @param calendarPeriod the length of the periods, when a trend was asked for
     * @throws IllegalArgumentException naming the field when a value is invalid
     */
    public SentimentBreakdownResult {
        Checks.present("overall", overall);
        periods = List.copyOf(Checks.present("periods", periods));
        groups = List.copyOf(Checks.present("groups", groups));
        Checks.present("calendarPeriod", calendarPeriod);
        if (minimumN < 0) {
            throw new IllegalArgumentException("minimumN: " + minimumN + " is negative; it must be 0 or more");
        }
    }

    /**
     * Returns the result of the group named {@code group}, when there is one.
     *
     * @param group the group's name, such as {@code web} or {@code (none)}
     * @return the group's result, or empty when no text fell in it
     */
    public Optional<SentimentGroup> group(String group) {
        return groups.stream().filter(g -> g.group().equals(group)).findFirst();
    }
}
