package dev.cxm.core.store;

import java.time.Instant;

import dev.cxm.core.internal.Checks;

/**
 * The instants of the first and the last of some events, both inclusive: what {@link EventStore#span}
 * answers.
 *
 * @param first the earliest event's instant
 * @param last the latest event's instant; not before {@code first}
 */
public record TimeSpan(Instant first, Instant last) {

    /**
     * Validates the span.
     *
     * @param first the earliest event's instant
     * @param last the latest event's instant
     * @throws IllegalArgumentException when {@code last} is before {@code first}
     * @throws NullPointerException when an end is null
     */
    public TimeSpan {
        Checks.present("first", first);
        Checks.present("last", last);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last: " + last + " is before first " + first
                    + "; a span must not be reversed");
        }
    }

    /**
     * Returns the earliest instant after every event of the span: {@link #last()} plus one nanosecond, an
     * exclusive end (for a query's {@code to} or a calculator's end) that covers them all and nothing later.
     *
     * @return the instant just after the last event
     */
    public Instant endExclusive() {
        return last.plusNanos(1);
    }
}
