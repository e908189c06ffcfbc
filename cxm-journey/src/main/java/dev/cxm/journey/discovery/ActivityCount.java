package dev.cxm.journey.discovery;

import dev.cxm.core.internal.Checks;

/**
 * An activity and how many events it named.
 *
 * @param name the activity
 * @param count its events
 */
public record ActivityCount(String name, long count) {

    /**
     * Validates the count.
     *
     * @param name the activity
     * @param count its events; 1 or more
     */
    public ActivityCount {
        Checks.present("name", name);
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count + " is below 1");
        }
    }
}
