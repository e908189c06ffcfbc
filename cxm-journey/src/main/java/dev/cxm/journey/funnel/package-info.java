/**
 * Funnels: how many customers take a sequence of steps within a conversion window, in order
 * ({@link dev.cxm.journey.funnel.FunnelOrder}), with exclusions, breakdowns with attribution, conversion
 * rates with Wilson intervals, times to convert and the customers who dropped off. Configured by
 * {@link dev.cxm.journey.funnel.Funnel}; counted by the mergeable
 * {@link dev.cxm.journey.funnel.FunnelAccumulator}. The semantics are explained with a worked example in
 * {@code docs/journeys.md}.
 */
@NullMarked
package dev.cxm.journey.funnel;

import org.jspecify.annotations.NullMarked;
