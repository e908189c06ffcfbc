package dev.cxm.engage.profile;

import java.time.Instant;

import dev.cxm.core.internal.Checks;

/**
 * How a customer used one channel: how many of their events happened at a touchpoint of it, and when the
 * latest did.
 *
 * @param count the number of events on the channel; 1 or more
 * @param lastUsed the instant of the latest of them
 */
public record ChannelUse(long count, Instant lastUsed) {

    /**
     * Validates the use.
     *
     * @param count the number of events on the channel; 1 or more
     * @param lastUsed the instant of the latest of them
     * @throws IllegalArgumentException when {@code count} is below 1
     */
    public ChannelUse {
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count + " is below 1; a channel in a profile was used");
        }
        Checks.present("lastUsed", lastUsed);
    }
}
