/**
 * Customers tracked through a journey map's stages as events come in ({@link dev.cxm.journey.track.StageTracker},
 * configured by {@link dev.cxm.journey.track.StageTracking}), with listeners for stage changes and stalls and
 * a small state SPI ({@link dev.cxm.journey.track.TrackingStore}); and a customer's events split into
 * {@link dev.cxm.journey.track.Session}s ({@link dev.cxm.journey.track.Sessions}).
 */
@NullMarked
package dev.cxm.journey.track;

import org.jspecify.annotations.NullMarked;
