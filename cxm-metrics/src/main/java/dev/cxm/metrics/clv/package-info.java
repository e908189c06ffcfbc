/**
 * Customer lifetime value: the buy-till-you-die models (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB) and the
 * Gamma-Gamma spend model, fitted by maximum likelihood on the RFM data of {@link dev.cxm.metrics.clv.rfm},
 * and the predictions and discounted lifetime values they give.
 *
 * <p>Each fitter is a configured object ({@code BgNbd.ofDefaults()}, {@code BgNbd.custom()...build()}) whose
 * {@code fit} takes an {@link dev.cxm.metrics.clv.rfm.RfmSummary} or {@link dev.cxm.metrics.clv.rfm.RfmCells}
 * and returns a {@link dev.cxm.metrics.stats.ModelFit}. Every purchase model answers the same questions
 * ({@link dev.cxm.metrics.clv.PurchaseModel}); {@link dev.cxm.metrics.clv.ClvPrediction} gives them for every
 * customer, with totals and the top customers.
 *
 * <p>Every time in this package is measured in an explicit {@link java.time.temporal.ChronoUnit} that the
 * summary, the fitted model and the result carry; horizons are {@link java.time.Duration}s.
 */
@NullMarked
package dev.cxm.metrics.clv;

import org.jspecify.annotations.NullMarked;
