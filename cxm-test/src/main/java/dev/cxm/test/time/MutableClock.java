package dev.cxm.test.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock in UTC that a test sets by hand, for code that takes a {@link Clock} (stall checks, valuations,
 * segment membership): the test moves time, no test sleeps.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /**
     * Starts the clock at {@code start}.
     *
     * @param start the first instant it tells
     */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /**
     * Sets the time.
     *
     * @param instant the instant the clock tells from now on
     */
    public void set(Instant instant) {
        this.now = instant;
    }

    /**
     * Moves the time forward (or back, for a negative duration).
     *
     * @param by how far to move the clock
     */
    public void advance(Duration by) {
        this.now = now.plus(by);
    }

    /**
     * Returns UTC.
     *
     * @return the zone
     */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * Returns this clock: its zone does not change what it tells.
     *
     * @param zone ignored
     * @return this clock
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /**
     * Returns the instant last set.
     *
     * @return the instant
     */
    @Override
    public Instant instant() {
        return now;
    }
}
