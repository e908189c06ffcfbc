package dev.cxm.journey.discovery;

import java.util.Optional;
import java.util.stream.Collector;

import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.group.GroupKey;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.journey.ActivityKeys;
import dev.cxm.journey.internal.StoreReading;
import dev.cxm.journey.track.Sessions;

/**
 * Discovers journeys from events, as process mining discovers processes: each case (a customer's events in
 * time order, or each session) is a sequence of activities (the names an activity key gives events: by
 * default the touchpoint, else the type; events it names nothing are left out). Every consecutive pair is an
 * edge of the directly-follows graph, repeats included; the first and last activity of a case are its start
 * and end; each distinct sequence is a variant.
 *
 * <pre>{@code
 * DiscoveryResult found = JourneyDiscovery.custom().coverage(0.8).build().compute(store);
 * Files.writeString(Path.of("journeys.dot"), found.toDot());
 * }</pre>
 *
 * @param sessions how to split customers into sessions, or empty for one case per customer
 * @param activityKey the key that names activities
 * @param coverage the share of cases the listed variants should cover, in (0, 1]
 * @param maxVariants the most variants listed, whatever they cover; 1 or more
 */
public record JourneyDiscovery(Optional<Sessions> sessions, GroupKey activityKey, double coverage, int maxVariants) {

    private static final JourneyDiscovery DEFAULTS = new JourneyDiscovery(Optional.empty(),
            ActivityKeys.touchpointOrType(), 0.8, 1_000);

    /**
     * Validates the configuration.
     *
     * @param sessions sessions, or per customer
     * @param activityKey the key that names activities
     * @param coverage the share the listed variants cover, in (0, 1]
     * @param maxVariants the most variants listed; 1 or more
     * @throws IllegalArgumentException when the coverage or the most variants is out of range
     */
    public JourneyDiscovery {
        Checks.present("sessions", sessions);
        Checks.present("activityKey", activityKey);
        requireCoverage(coverage);
        Checks.positive("maxVariants", maxVariants);
    }

    private static double requireCoverage(double coverage) {
        if (!(coverage > 0 && coverage <= 1)) {
            throw new IllegalArgumentException("coverage: " + coverage + " is outside (0, 1]; it is the share of"
                    + " cases the listed variants cover, such as 0.8");
        }
        return coverage;
    }

    /**
     * Returns the defaults: one case per customer, activities by touchpoint (else type), variants covering 80% of
     * cases, at most 1,000 listed.
     *
     * @return the defaults
     */
    public static JourneyDiscovery ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a configuration from the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the configuration to change
     * @return the builder
     */
    public static Builder from(JourneyDiscovery base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns a new, empty accumulator of customer timelines.
     *
     * @return the accumulator
     */
    public DiscoveryAccumulator accumulator() {
        return new DiscoveryAccumulator(this);
    }

    /**
     * Returns an accumulator that continues from a state.
     *
     * @param state a state of an accumulator of this configuration
     * @return the accumulator
     */
    public DiscoveryAccumulator accumulator(DiscoveryState state) {
        return new DiscoveryAccumulator(this, Checks.present("state", state));
    }

    /**
     * Returns a collector of customer timelines into the result.
     *
     * @return the collector
     */
    public Collector<CustomerTimeline, DiscoveryAccumulator, DiscoveryResult> collector() {
        return Accumulators.collector(this::accumulator);
    }

    /**
     * Discovers the journeys of every event of a store, one customer's timeline at a time.
     *
     * @param store the store
     * @return the result
     */
    public DiscoveryResult compute(EventStore store) {
        return compute(store, EventQuery.all());
    }

    /**
     * Discovers the journeys of the events of a store that match a query, one customer's timeline at a time.
     *
     * @param store the store
     * @param query the events to read
     * @return the result
     */
    public DiscoveryResult compute(EventStore store, EventQuery query) {
        DiscoveryAccumulator counts = accumulator();
        return StoreReading.count(store, query, counts, counts.countsColumns(), counts::addColumns);
    }

    /** Builds a {@link JourneyDiscovery}; each setter checks its value at once. */
    public static final class Builder {
        private Optional<Sessions> sessions;
        private GroupKey activityKey;
        private double coverage;
        private int maxVariants;

        private Builder(JourneyDiscovery base) {
            this.sessions = base.sessions;
            this.activityKey = base.activityKey;
            this.coverage = base.coverage;
            this.maxVariants = base.maxVariants;
        }

        /**
         * Makes each session a case instead of each customer.
         *
         * @param value how customers' events split into sessions
         * @return this builder
         */
        public Builder perSession(Sessions value) {
            this.sessions = Optional.of(Checks.present("sessions", value));
            return this;
        }

        /**
         * Makes each customer a case (the default).
         *
         * @return this builder
         */
        public Builder perCustomer() {
            this.sessions = Optional.empty();
            return this;
        }

        /**
         * Sets the key that names activities.
         *
         * @param value the key
         * @return this builder
         */
        public Builder activityKey(GroupKey value) {
            this.activityKey = Checks.present("activityKey", value);
            return this;
        }

        /**
         * Sets the share of cases the listed variants should cover.
         *
         * @param value in (0, 1]
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is out of range
         */
        public Builder coverage(double value) {
            this.coverage = requireCoverage(value);
            return this;
        }

        /**
         * Sets the most variants listed.
         *
         * @param value 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is below 1
         */
        public Builder maxVariants(int value) {
            this.maxVariants = Checks.positive("maxVariants", value);
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public JourneyDiscovery build() {
            return new JourneyDiscovery(sessions, activityKey, coverage, maxVariants);
        }
    }
}
