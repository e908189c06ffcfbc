package dev.cxm.core.store;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackScale;

/**
 * One cell of a feedback histogram ({@link EventStore#feedbackHistogram}): how many responses of one group
 * and day gave one score on one scale.
 *
 * @param group the group ({@link dev.cxm.core.group.GroupKey#groupOf}, so {@code "(none)"} for responses
 *     without a value); empty when the histogram has no groups
 * @param day the calendar day of the responses in the grouping's zone; empty when it has no days
 * @param scale the scale of the responses
 * @param score the score they gave; on {@code scale}
 * @param count how many responses; 1 or more
 */
public record ScoreCount(Optional<String> group, Optional<LocalDate> day, FeedbackScale scale, int score, long count) {

    /** The order of a histogram's cells: by group, day, scale (name, min, max), then score. */
    public static final Comparator<ScoreCount> ORDER = Comparator
            .comparing((ScoreCount cell) -> cell.group().orElse(""))
            .thenComparing(cell -> cell.day().orElse(LocalDate.MIN))
            .thenComparing(cell -> cell.scale().name())
            .thenComparingInt(cell -> cell.scale().min())
            .thenComparingInt(cell -> cell.scale().max())
            .thenComparingInt(ScoreCount::score);

    /**
     * Validates the cell.
     *
     * @param group the group, if the histogram has groups
     * @param day the calendar day, if the histogram has days
     * @param scale the scale of the responses
     * @param score the score; on {@code scale}
     * @param count how many responses; 1 or more
     * @throws IllegalArgumentException when the score is off the scale or the count below 1
     * @throws NullPointerException when a component is null
     */
    public ScoreCount {
        Checks.present("group", group);
        Checks.present("day", day);
        Checks.present("scale", scale).requireOnScale(score);
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count + " is below 1; a histogram holds only cells"
                    + " with responses");
        }
    }
}
