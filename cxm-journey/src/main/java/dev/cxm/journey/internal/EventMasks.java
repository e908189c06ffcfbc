package dev.cxm.journey.internal;

import java.util.List;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.journey.EventMatcher;

/**
 * Tests an event against up to 64 matchers at once and answers with a bit mask (bit {@code i} set when
 * matcher {@code i} matches). When every matcher reads only the type and touchpoint, the mask is computed
 * once per touchpoint ({@link TouchpointCache}). Not thread-safe: one per calculator run.
 */
public final class EventMasks {

    /** The most matchers one mask holds. */
    public static final int MAX_MATCHERS = 64;

    private final EventMatcher[] matchers;
    private final TouchpointCache cache;

    /**
     * Creates the masks of {@code matchers}.
     *
     * @param matchers at most {@link #MAX_MATCHERS} matchers
     * @throws IllegalArgumentException when there are more
     */
    public EventMasks(List<EventMatcher> matchers) {
        if (matchers.size() > MAX_MATCHERS) {
            throw new IllegalArgumentException("matchers: " + matchers.size() + " are more than the "
                    + MAX_MATCHERS + " one calculation takes");
        }
        this.matchers = matchers.toArray(EventMatcher[]::new);
        boolean cacheable = matchers.stream().allMatch(EventMatcher::readsOnlyTypeAndTouchpoint);
        this.cache = cacheable ? new TouchpointCache(this::compute) : null;
    }

    /**
     * Returns the mask of {@code event}.
     *
     * @param event the event
     * @return bit {@code i} set when matcher {@code i} matches
     */
    public long maskOf(CustomerEvent event) {
        return cache != null ? cache.valueOf(event) : compute(event);
    }

    /**
     * Returns whether every matcher reads nothing but the event's type and touchpoint, so that one event of a
     * type and touchpoint answers for all of them.
     *
     * @return whether the type and touchpoint decide every mask
     */
    public boolean readsOnlyTypeAndTouchpoint() {
        return cache != null;
    }

    private long compute(CustomerEvent event) {
        long mask = 0;
        for (int i = 0; i < matchers.length; i++) {
            if (matchers[i].matches(event)) {
                mask |= 1L << i;
            }
        }
        return mask;
    }
}
