package dev.cxm.metrics.text;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.feedback.TimeBucket;

/**
 * The sentiment of the texts of one period of a trend.
 *
 * @param period the period
 * @param belowMinimumN whether the period has fewer texts than the breakdown's minimum n: shown, not to be trusted
 * @param result the summary of the period's texts ({@code n = 0} when there were none)
 */
public record SentimentPeriod(TimeBucket period, boolean belowMinimumN, SentimentResult result) {

    /**
     * Validates the period result.
     *
     * @param period the period
     * @param belowMinimumN whether the period has fewer texts than the breakdown's minimum n
     * @param result the summary of the period's texts
     */
    public SentimentPeriod {
        Checks.present("period", period);
        Checks.present("result", result);
    }
}
