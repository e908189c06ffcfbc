package dev.cxm.journey.track;

import java.time.Clock;
import java.time.Duration;

import dev.cxm.core.internal.Checks;
import dev.cxm.journey.map.JourneyMap;

/**
 * How customers are tracked through a journey map: the map, how far out of order an event may arrive (the
 * tolerance; 5 minutes by default) and the clock stalls are checked against. The verb {@link #tracker()}
 * starts a {@link StageTracker}.
 *
 * <pre>{@code
 * StageTracker tracker = StageTracking.custom(map).tolerance(Duration.ofMinutes(10)).clock(clock).build()
 *         .tracker();
 * }</pre>
 *
 * @param map the journey map that places events in stages
 * @param tolerance how far before a customer's latest event an event may still arrive; zero or more
 *     ({@code ChronoUnit.FOREVER.getDuration()} accepts any order, and keeps every event pending)
 * @param clock the clock stalls are checked against
 */
public record StageTracking(JourneyMap map, Duration tolerance, Clock clock) {

    /** The default tolerance: 5 minutes. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /**
     * Validates the configuration.
     *
     * @param map the journey map
     * @param tolerance how far out of order an event may arrive; zero or more
     * @param clock the clock
     * @throws IllegalArgumentException when the tolerance is negative
     */
    public StageTracking {
        Checks.present("map", map);
        requireTolerance(tolerance);
        Checks.present("clock", clock);
    }

    private static Duration requireTolerance(Duration tolerance) {
        Checks.present("tolerance", tolerance);
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance: " + tolerance + " is negative; it must be zero or more");
        }
        return tolerance;
    }

    /**
     * Returns the defaults on a map: a 5-minute tolerance, the system clock in UTC.
     *
     * @param map the journey map
     * @return the configuration
     */
    public static StageTracking ofDefaults(JourneyMap map) {
        return new StageTracking(map, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /**
     * Starts a configuration on a map from the defaults.
     *
     * @param map the journey map
     * @return the builder
     */
    public static Builder custom(JourneyMap map) {
        return new Builder(ofDefaults(map));
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the configuration to change
     * @return the builder
     */
    public static Builder from(StageTracking base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Starts a tracker whose state lives in a new {@link InMemoryTrackingStore}.
     *
     * @return the tracker
     */
    public StageTracker tracker() {
        return new StageTracker(this, InMemoryTrackingStore.create());
    }

    /**
     * Starts a tracker over the host's store, continuing from the journeys it holds.
     *
     * @param store where the state lives
     * @return the tracker
     */
    public StageTracker tracker(TrackingStore store) {
        return new StageTracker(this, Checks.present("store", store));
    }

    /**
     * Starts a tracker, in memory, that continues from a state.
     *
     * @param state a state written by {@link StageTracker#state()}, possibly read back from JSON
     * @return the tracker
     */
    public StageTracker tracker(TrackingState state) {
        Checks.present("state", state);
        InMemoryTrackingStore store = InMemoryTrackingStore.create();
        state.journeys().forEach(store::put);
        return new StageTracker(this, store);
    }

    /** Builds a {@link StageTracking}; each setter checks its value at once. */
    public static final class Builder {
        private final JourneyMap map;
        private Duration tolerance;
        private Clock clock;

        private Builder(StageTracking base) {
            this.map = base.map;
            this.tolerance = base.tolerance;
            this.clock = base.clock;
        }

        /**
         * Sets how far before a customer's latest event an event may still arrive and be placed; an event
         * older than that is late and ignored.
         *
         * @param value the tolerance; zero or more
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is negative
         */
        public Builder tolerance(Duration value) {
            this.tolerance = requireTolerance(value);
            return this;
        }

        /**
         * Sets the clock stalls are checked against.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.present("clock", value);
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public StageTracking build() {
            return new StageTracking(map, tolerance, clock);
        }
    }
}
