/**
 * What every journey capability shares: {@link dev.cxm.journey.EventMatcher}, the predicates over events that
 * name funnel steps, path starts and ends and excluded events, and {@link dev.cxm.journey.ActivityKeys}, the
 * names paths and discovery give events. The capabilities live in the sub-packages: {@code map},
 * {@code track} (tracking and sessions), {@code funnel}, {@code path}, {@code discovery} and
 * {@code conformance}.
 */
@NullMarked
package dev.cxm.journey;

import org.jspecify.annotations.NullMarked;
