/**
 * Implementation of the RFM package: the column storage of RFM cells (and the door through which the
 * model fits read it), the summarizer's period clock and customer index, the checks of a customer history,
 * the units customer times are counted in, and the summary CSV parser. Not exported.
 */
@NullMarked
package dev.cxm.metrics.clv.rfm.internal;

import org.jspecify.annotations.NullMarked;
