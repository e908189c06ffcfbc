/**
 * Journey discovery, as process mining does it: from events alone, the directly-follows graph with edge
 * frequencies and times, start and end activities, and journey variants with their counts and shares,
 * exported as JSON and Graphviz DOT ({@link dev.cxm.journey.discovery.JourneyDiscovery}, counted by the
 * mergeable {@link dev.cxm.journey.discovery.DiscoveryAccumulator}).
 */
@NullMarked
package dev.cxm.journey.discovery;

import org.jspecify.annotations.NullMarked;
