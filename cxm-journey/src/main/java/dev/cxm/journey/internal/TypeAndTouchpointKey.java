package dev.cxm.journey.internal;

import dev.cxm.core.group.GroupKey;

/**
 * Marks a {@link GroupKey} of this module whose value depends on nothing but the event's type and touchpoint,
 * so that calculators may look it up once per distinct touchpoint.
 */
public interface TypeAndTouchpointKey extends GroupKey {
}
