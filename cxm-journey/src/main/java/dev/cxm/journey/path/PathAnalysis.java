package dev.cxm.journey.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.Stream;

import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.group.GroupKey;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.journey.ActivityKeys;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.track.Sessions;

/**
 * Which paths customers take: the most frequent sequences of steps after a start step, before an end step,
 * or from the beginning, per customer or per session. A step is the name an activity key gives an event
 * (by default its touchpoint, else its type; a journey map's {@code stageKey()} gives stages).
 *
 * <p>A case's path: its events in time order, without the excluded ones and those the key names nothing;
 * from the first event matching the start step on (or up to and including the first event matching the end
 * step; or all), named by the key; repeated steps collapsed into one when set (a, a, b becomes a, b); then
 * the first {@code stepLimit} steps (before an end step: the last). A case without a start (or end) event
 * has no path.
 *
 * <pre>{@code
 * PathResult afterHome = PathAnalysis.custom().startAt(EventMatcher.touchpoint("home")).stepLimit(4).build()
 *         .compute(store);
 * }</pre>
 *
 * @param startAt where paths start, if they start at a step
 * @param endAt where paths end, if they end at a step; not with {@code startAt}
 * @param stepLimit the most steps of a path, 2 to 50
 * @param excluded events left out of every path
 * @param collapseRepeats whether consecutive equal steps count as one
 * @param sessions how to split customers into sessions, or empty for one path per customer
 * @param activityKey the key that names steps
 * @param top how many of the most frequent paths the result lists; 1 or more
 */
public record PathAnalysis(
        Optional<EventMatcher> startAt,
        Optional<EventMatcher> endAt,
        int stepLimit,
        List<EventMatcher> excluded,
        boolean collapseRepeats,
        Optional<Sessions> sessions,
        GroupKey activityKey,
        int top) {

    /** The most steps a path may be limited to. */
    public static final int MAX_STEP_LIMIT = 50;

    private static final PathAnalysis DEFAULTS = new PathAnalysis(Optional.empty(), Optional.empty(), 5, List.of(),
            true, Optional.empty(), ActivityKeys.touchpointOrType(), 20);

    /**
     * Validates the analysis.
     *
     * @param startAt where paths start, if anywhere
     * @param endAt where paths end, if anywhere; not together with {@code startAt}
     * @param stepLimit the most steps, 2 to {@value #MAX_STEP_LIMIT}
     * @param excluded events left out
     * @param collapseRepeats whether repeats collapse
     * @param sessions sessions, or per customer
     * @param activityKey the key that names steps
     * @param top how many paths to list; 1 or more
     * @throws IllegalArgumentException naming the field when a value breaks a rule
     */
    public PathAnalysis {
        Checks.present("startAt", startAt);
        Checks.present("endAt", endAt);
        if (startAt.isPresent() && endAt.isPresent()) {
            throw new IllegalArgumentException("endAt: paths start at a step or end at one, not both");
        }
        requireStepLimit(stepLimit);
        excluded = List.copyOf(Checks.noNullElements("excluded", excluded));
        Checks.present("sessions", sessions);
        Checks.present("activityKey", activityKey);
        Checks.positive("top", top);
    }

    private static int requireStepLimit(int stepLimit) {
        if (stepLimit < 2 || stepLimit > MAX_STEP_LIMIT) {
            throw new IllegalArgumentException("stepLimit: " + stepLimit + " is outside 2.." + MAX_STEP_LIMIT);
        }
        return stepLimit;
    }

    /**
     * Returns the defaults: paths from each customer's first event, 5 steps, repeats collapsed, steps named by
     * touchpoint (else type), the 20 most frequent listed.
     *
     * @return the defaults
     */
    public static PathAnalysis ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts an analysis from the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Starts an analysis from {@code base}.
     *
     * @param base the analysis to change
     * @return the builder
     */
    public static Builder from(PathAnalysis base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns a new, empty accumulator of customer timelines.
     *
     * @return the accumulator
     */
    public PathAccumulator accumulator() {
        return new PathAccumulator(this);
    }

    /**
     * Returns an accumulator that continues from a state.
     *
     * @param state a state of an accumulator of this analysis
     * @return the accumulator
     */
    public PathAccumulator accumulator(PathState state) {
        return new PathAccumulator(this, Checks.present("state", state));
    }

    /**
     * Returns a collector of customer timelines into the result.
     *
     * @return the collector
     */
    public Collector<CustomerTimeline, PathAccumulator, PathResult> collector() {
        return Accumulators.collector(this::accumulator);
    }

    /**
     * Counts the paths over every event of a store, one customer's timeline at a time.
     *
     * @param store the store
     * @return the result
     */
    public PathResult compute(EventStore store) {
        return compute(store, EventQuery.all());
    }

    /**
     * Counts the paths over the events of a store that match a query, one customer's timeline at a time.
     *
     * @param store the store
     * @param query the events to read
     * @return the result
     */
    public PathResult compute(EventStore store, EventQuery query) {
        Checks.present("store", store);
        Checks.present("query", query);
        PathAccumulator paths = accumulator();
        try (Stream<CustomerTimeline> timelines = store.timelines(query)) {
            timelines.forEach(paths::add);
        }
        return paths.result();
    }

    /** Builds a {@link PathAnalysis}; each setter checks its value at once. */
    public static final class Builder {
        private Optional<EventMatcher> startAt;
        private Optional<EventMatcher> endAt;
        private int stepLimit;
        private final List<EventMatcher> excluded;
        private boolean collapseRepeats;
        private Optional<Sessions> sessions;
        private GroupKey activityKey;
        private int top;

        private Builder(PathAnalysis base) {
            this.startAt = base.startAt;
            this.endAt = base.endAt;
            this.stepLimit = base.stepLimit;
            this.excluded = new ArrayList<>(base.excluded);
            this.collapseRepeats = base.collapseRepeats;
            this.sessions = base.sessions;
            this.activityKey = base.activityKey;
            this.top = base.top;
        }

        /**
         * Starts paths at the first event matching {@code value} (and ends them nowhere in particular).
         *
         * @param value the start step
         * @return this builder
         */
        public Builder startAt(EventMatcher value) {
            this.startAt = Optional.of(Checks.present("startAt", value));
            this.endAt = Optional.empty();
            return this;
        }

        /**
         * Ends paths at the first event matching {@code value} (and starts them nowhere in particular).
         *
         * @param value the end step
         * @return this builder
         */
        public Builder endAt(EventMatcher value) {
            this.endAt = Optional.of(Checks.present("endAt", value));
            this.startAt = Optional.empty();
            return this;
        }

        /**
         * Sets the most steps of a path.
         *
         * @param value 2 to {@value #MAX_STEP_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is out of range
         */
        public Builder stepLimit(int value) {
            this.stepLimit = requireStepLimit(value);
            return this;
        }

        /**
         * Leaves events matching {@code value} out of every path.
         *
         * @param value the excluded events
         * @return this builder
         */
        public Builder exclude(EventMatcher value) {
            excluded.add(Checks.present("excluded", value));
            return this;
        }

        /**
         * Sets whether consecutive equal steps count as one.
         *
         * @param value whether repeats collapse
         * @return this builder
         */
        public Builder collapseRepeats(boolean value) {
            this.collapseRepeats = value;
            return this;
        }

        /**
         * Counts a path per session instead of per customer.
         *
         * @param value how customers' events split into sessions
         * @return this builder
         */
        public Builder perSession(Sessions value) {
            this.sessions = Optional.of(Checks.present("sessions", value));
            return this;
        }

        /**
         * Counts a path per customer (the default).
         *
         * @return this builder
         */
        public Builder perCustomer() {
            this.sessions = Optional.empty();
            return this;
        }

        /**
         * Sets the key that names steps.
         *
         * @param value the key
         * @return this builder
         */
        public Builder activityKey(GroupKey value) {
            this.activityKey = Checks.present("activityKey", value);
            return this;
        }

        /**
         * Sets how many of the most frequent paths the result lists.
         *
         * @param value 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is below 1
         */
        public Builder top(int value) {
            this.top = Checks.positive("top", value);
            return this;
        }

        /**
         * Builds the analysis.
         *
         * @return the analysis
         */
        public PathAnalysis build() {
            return new PathAnalysis(startAt, endAt, stepLimit, excluded, collapseRepeats, sessions, activityKey, top);
        }
    }
}
