package dev.cxm.jdbc.internal;

/**
 * A monotonic count of nanoseconds, for timing how long something lasted, never for dates: the system's is
 * {@link System#nanoTime}; tests pass one they advance. Unlike the stores' {@code java.time.Clock}, which hosts
 * may fix (for their erasure reports), it always moves on.
 */
@FunctionalInterface
public interface Ticker {

    /** The system's monotonic ticker, {@link System#nanoTime}. */
    Ticker SYSTEM = System::nanoTime;

    /**
     * Returns the current count; only differences between two counts mean anything.
     *
     * @return the count of nanoseconds
     */
    long nanos();
}
