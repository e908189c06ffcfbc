/**
 * Feedback scores with confidence intervals: the Net Promoter Score ({@link
 * dev.cxm.metrics.feedback.NetPromoterScore}), CSAT, CES and custom rating scales ({@link
 * dev.cxm.metrics.feedback.RatingScore}), the comparison of two NPS ({@link
 * dev.cxm.metrics.feedback.NpsComparison}), and breakdowns per group and period ({@link
 * dev.cxm.metrics.feedback.FeedbackBreakdown}). Every metric is an accumulator over a mergeable
 * {@link dev.cxm.metrics.feedback.ScoreDistribution}.
 */
@NullMarked
package dev.cxm.metrics.feedback;

import org.jspecify.annotations.NullMarked;
