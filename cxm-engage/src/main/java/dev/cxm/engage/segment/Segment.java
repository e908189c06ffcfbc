package dev.cxm.engage.segment;

import java.time.Instant;

import dev.cxm.core.internal.Checks;
import dev.cxm.engage.profile.CustomerProfile;

/**
 * A named set of customers: those whose profile satisfies the condition.
 *
 * @param name the segment's name, an identifier such as {@code loyal-detractors}
 * @param condition who belongs
 */
public record Segment(String name, Condition condition) {

    /**
     * Validates the segment.
     *
     * @param name the name, non-blank, at most 256 characters
     * @param condition who belongs
     * @throws IllegalArgumentException when the name is blank or too long
     */
    public Segment {
        Checks.identifier("name", name);
        Checks.present("condition", condition);
    }

    /**
     * Returns the segment named {@code name} of the customers satisfying {@code condition}.
     *
     * @param name the name
     * @param condition who belongs
     * @return the segment
     */
    public static Segment of(String name, Condition condition) {
        return new Segment(name, condition);
    }

    /**
     * Returns whether a profile belongs to the segment at {@code now}.
     *
     * @param profile the profile
     * @param now the instant durations since are measured to
     * @return whether it belongs
     */
    public boolean contains(CustomerProfile profile, Instant now) {
        return condition.test(profile, now);
    }
}
