/**
 * Feedback scores with confidence intervals: the Net Promoter Score ({@link
 * dev.cxm.metrics.feedback.NetPromoterScore}), CSAT, CES and custom rating scales ({@link
 * dev.cxm.metrics.feedback.RatingScore}), the comparison of two NPS ({@link
 * dev.cxm.metrics.feedback.NpsComparison}), and breakdowns per group key and period ({@link
 * dev.cxm.metrics.feedback.FeedbackBreakdown}). Every calculator is an immutable configuration with value
 * equality ({@code ofDefaults}, {@code custom}, {@code from}). Every metric is an accumulator over a
 * mergeable, versioned {@link dev.cxm.metrics.feedback.ScoreDistribution}: {@link
 * dev.cxm.metrics.feedback.FeedbackAccumulator} for one thread, {@link dev.cxm.metrics.feedback.FeedbackRecorder}
 * for many, {@link dev.cxm.metrics.feedback.BreakdownAccumulator} for a whole breakdown.
 */
@NullMarked
package dev.cxm.metrics.feedback;

import org.jspecify.annotations.NullMarked;
