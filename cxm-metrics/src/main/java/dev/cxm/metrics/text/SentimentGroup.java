package dev.cxm.metrics.text;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * The sentiment of the texts of one group of a breakdown (a channel, a segment, a journey stage, ...).
 *
 * @param group the group's name
 * @param belowMinimumN whether the group has fewer texts than the breakdown's minimum n: shown, not to be trusted
 * @param result the summary of the group's texts
 * @param periods the group's trend over the whole breakdown's periods (empty ones included); empty without a trend
 */
public record SentimentGroup(String group, boolean belowMinimumN, SentimentResult result, List<SentimentPeriod> periods) {

    /**
     * Validates the group result and copies the periods.
     *
     * @param group the group's name
     * @param belowMinimumN whether the group has fewer texts than the breakdown's minimum n
     * @param result the summary of the group's texts
     * @param periods the group's trend; empty without a trend
     */
    public SentimentGroup {
        Checks.present("group", group);
        Checks.present("result", result);
        periods = List.copyOf(Checks.present("periods", periods));
    }
}
