/**
 * Designed journeys as data: a {@link dev.cxm.journey.map.JourneyMap} of ordered
 * {@link dev.cxm.journey.map.Stage}s, their touchpoints, the allowed {@link dev.cxm.journey.map.Transition}s,
 * expected times, final stages and moments of truth; built with a builder, validated, and read from and
 * written to JSON.
 */
@NullMarked
package dev.cxm.journey.map;

import org.jspecify.annotations.NullMarked;
