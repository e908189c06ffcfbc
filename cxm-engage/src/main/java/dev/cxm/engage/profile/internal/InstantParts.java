package dev.cxm.engage.profile.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * Splits an instant that may be absent into the epoch seconds and nanoseconds a profile's parts keep in place of
 * an {@link Instant} object (see {@link EventOrder}).
 */
public final class InstantParts {

    private InstantParts() {}

    /**
     * Returns the epoch seconds of an instant, 0 when it is absent.
     *
     * @param at the instant, if any
     * @return its epoch seconds, or 0
     */
    public static long secondOf(Optional<Instant> at) {
        return at.isPresent() ? at.get().getEpochSecond() : 0;
    }

    /**
     * Returns the nanoseconds of an instant, {@code absent} when it is absent.
     *
     * @param at the instant, if any
     * @param absent what stands for no instant (a value no instant has, where a part tells absence by it)
     * @return its nanoseconds, or {@code absent}
     */
    public static int nanoOf(Optional<Instant> at, int absent) {
        return at.isPresent() ? at.get().getNano() : absent;
    }
}
