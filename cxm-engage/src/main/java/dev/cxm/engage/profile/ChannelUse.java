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

    /**
     * Returns this use with one more event at {@code at}.
     *
     * @param at the event's instant
     * @return the use counting it
     */
    ChannelUse plus(Instant at) {
        return new ChannelUse(count + 1, at.isAfter(lastUsed) ? at : lastUsed);
    }

    /**
     * Returns the use of both: counts added, the later last use.
     *
     * @param other the other use of the same channel
     * @return the combined use
     */
    ChannelUse plus(ChannelUse other) {
        return new ChannelUse(count + other.count, other.lastUsed.isAfter(lastUsed) ? other.lastUsed : lastUsed);
    }
}
