package dev.cxm.metrics.text;

import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackResponse;

/**
 * Scores the sentiment of a text: a feedback comment, an interaction's transcript, a review. cxm's default is
 * {@link VaderSentiment}, a fast rule-based analyzer for English; a host plugs in its own model or a cloud
 * service by implementing {@link #score}, and every aggregation ({@link SentimentSummary},
 * {@link SentimentBreakdown}) works with it.
 *
 * <p>An implementation must be thread-safe, score an empty or whitespace-only text as
 * {@link SentimentScore#ofBlankText()}, and never put the text into an exception message or a log.
 */
@FunctionalInterface
public interface SentimentAnalyzer {

    /**
     * Scores one text.
     *
     * @param text the text; personal data, never echoed
     * @return its score
     */
    SentimentScore score(CharSequence text);

    /**
     * Scores the comment of a feedback response, when it has one.
     *
     * @param response the response
     * @return the score of its comment, or empty when it has none (the model holds a blank comment as none)
     */
    default Optional<SentimentScore> scoreComment(FeedbackResponse response) {
        return Checks.present("response", response).comment().map(this::score);
    }
}
