/** Implementation of tracking and sessions; not API. */
@NullMarked
package dev.cxm.journey.track.internal;

import org.jspecify.annotations.NullMarked;
