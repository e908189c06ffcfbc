/**
 * RFM summaries: purchases reduced, per customer, to the frequency, recency, T and spend the CLV models read
 * ({@link dev.cxm.metrics.clv.rfm.RfmSummarizer}, {@link dev.cxm.metrics.clv.rfm.RfmSummary},
 * {@link dev.cxm.metrics.clv.rfm.RfmSummaryOptions}), the same as weighted rows
 * ({@link dev.cxm.metrics.clv.rfm.RfmCells}, read from a summary CSV by
 * {@link dev.cxm.metrics.clv.rfm.SummaryCsvReader}), one customer's history
 * ({@link dev.cxm.metrics.clv.rfm.CustomerHistory}), and RFM quintile scores and segments
 * ({@link dev.cxm.metrics.clv.rfm.RfmSegmentation}).
 *
 * <p>This package is the data the models of {@link dev.cxm.metrics.clv} are fitted on; it does not depend on
 * them (nothing here imports {@code dev.cxm.metrics.clv} or its implementation), so a summary can be built,
 * stored and segmented without any model.
 *
 * <p>Every time here is measured in the explicit {@link java.time.temporal.ChronoUnit} of the summary or
 * cells it belongs to.
 */
@NullMarked
package dev.cxm.metrics.clv.rfm;

import org.jspecify.annotations.NullMarked;
