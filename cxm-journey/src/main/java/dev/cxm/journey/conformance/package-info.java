/**
 * Conformance: each customer's actual journey checked against the designed
 * {@link dev.cxm.journey.map.JourneyMap}: fitness (the share of moves the map allows), deviations by kind
 * (skipped stage, backward move, unexpected move, touchpoint outside the map, time in stage over the
 * expectation), and the totals per stage and transition ({@link dev.cxm.journey.conformance.ConformanceCheck},
 * counted by the mergeable {@link dev.cxm.journey.conformance.ConformanceAccumulator}).
 */
@NullMarked
package dev.cxm.journey.conformance;

import org.jspecify.annotations.NullMarked;
