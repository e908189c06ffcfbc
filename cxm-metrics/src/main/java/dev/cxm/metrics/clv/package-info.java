/**
 * Customer lifetime value: RFM summaries of purchase histories, RFM segments, the buy-till-you-die models
 * (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB) and the Gamma-Gamma spend model, fitted by maximum likelihood, and
 * the predictions and discounted lifetime values they give.
 *
 * <p>Every time in this package is measured in an explicit {@link java.time.temporal.ChronoUnit} that the
 * summary, the fitted model and the result carry; horizons are {@link java.time.Duration}s.
 */
@NullMarked
package dev.cxm.metrics.clv;

import org.jspecify.annotations.NullMarked;
