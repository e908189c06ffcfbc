/**
 * The voice of the customer in text: the sentiment of comments and transcripts ({@link
 * dev.cxm.metrics.text.SentimentAnalyzer}, with the rule-based {@link dev.cxm.metrics.text.VaderSentiment}
 * as default), its aggregation per group and period with intervals and emotional intensity ({@link
 * dev.cxm.metrics.text.SentimentSummary}, {@link dev.cxm.metrics.text.SentimentBreakdown}), and the themes
 * that distinguish one group of comments from another ({@link dev.cxm.metrics.text.Themes}).
 */
@NullMarked
package dev.cxm.metrics.text;

import org.jspecify.annotations.NullMarked;
