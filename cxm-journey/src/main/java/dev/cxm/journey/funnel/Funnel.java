package dev.cxm.journey.funnel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collector;

import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.group.GroupKey;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.internal.StoreReading;

/**
 * A funnel: steps that customers take within a conversion window, in an order, with exclusions and a
 * breakdown. Immutable, compared by value; the verbs count it over a store ({@link #compute(EventStore)}),
 * over any events ({@link #computeEvents}) or customer by customer ({@link #accumulator()}, mergeable per
 * customer range, so that {@code timelines.parallel().collect(funnel.collector())} gives the same result).
 *
 * <pre>{@code
 * FunnelResult result = Funnel.custom(List.of(FunnelStep.touchpoint("home"), FunnelStep.touchpoint("cart"),
 *                 FunnelStep.touchpoint("checkout")))
 *         .window(Duration.ofDays(7)).order(FunnelOrder.ORDERED)
 *         .exclude(EventMatcher.touchpoint("hotline"), 2, 3)
 *         .build().compute(store);
 * }</pre>
 *
 * <h2>Semantics</h2>
 * Each customer counts once, at the furthest step of their best path: a path takes the steps in the funnel's
 * order (strict: as consecutive events of the customer; unordered: step {@code i} means any {@code i} of the
 * steps), its last step at most the window after its first, and no excluded event between the steps an
 * exclusion spans. Of a customer's paths, the first completion counts for times and attribution: the one that
 * reaches the furthest step first, among those the one that started last (see {@code docs/journeys.md}, with
 * a worked example). With {@link FunnelCounting#EVERY_ATTEMPT} each attempt counts instead: the customer's
 * events are cut into attempts, each starting at the first event of step 1 after the previous attempt's
 * last step. Events at one instant count in the order the timeline gives them; an event repeated in a
 * timeline (the same id at the same instant) counts once.
 *
 * @param steps the steps, 1 to 32
 * @param window the longest time from the first step to the last; positive
 * @param order how the steps must follow each other
 * @param counting whether each customer counts once (first completion) or each attempt counts
 * @param exclusions events that interrupt the funnel between two steps; none for an unordered funnel
 * @param breakdown the key that puts customers in groups, if the funnel is broken down
 * @param attribution which event of the path gives a customer's group
 * @param dropOffSample how many customers who dropped off after each step the result names; 0 or more
 * @param level the confidence level of the Wilson intervals, in (0, 1)
 */
public record Funnel(
        List<FunnelStep> steps,
        Duration window,
        FunnelOrder order,
        FunnelCounting counting,
        List<FunnelExclusion> exclusions,
        Optional<GroupKey> breakdown,
        Attribution attribution,
        int dropOffSample,
        double level) {

    /** The most steps a funnel has. */
    public static final int MAX_STEPS = 32;
    /** The most exclusions a funnel has. */
    public static final int MAX_EXCLUSIONS = 32;
    /** The default conversion window: 14 days. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(14);
    /** The default number of customers named per drop-off: 100. */
    public static final int DEFAULT_DROP_OFF_SAMPLE = 100;
    /** The default confidence level: 0.95. */
    public static final double DEFAULT_LEVEL = 0.95;

    /**
     * Validates the funnel.
     *
     * @param steps the steps, 1 to {@value #MAX_STEPS}
     * @param window the conversion window; positive
     * @param order the order
     * @param counting what counts per customer
     * @param exclusions the exclusions, at most {@value #MAX_EXCLUSIONS}, each within the steps; none when
     *     unordered
     * @param breakdown the breakdown key, if any
     * @param attribution the attribution; a step attribution names one of the steps
     * @param dropOffSample customers named per drop-off; 0 or more
     * @param level the confidence level, in (0, 1)
     * @throws IllegalArgumentException naming the field when a value breaks a rule
     */
    public Funnel {
        steps = requireSteps(steps);
        requireWindow(window);
        Checks.present("order", order);
        Checks.present("counting", counting);
        exclusions = List.copyOf(Checks.noNullElements("exclusions", exclusions));
        Checks.present("breakdown", breakdown);
        Checks.present("attribution", attribution);
        Checks.nonNegative("dropOffSample", dropOffSample);
        requireLevel(level);
        if (exclusions.size() > MAX_EXCLUSIONS) {
            throw new IllegalArgumentException("exclusions: " + exclusions.size() + " are more than "
                    + MAX_EXCLUSIONS);
        }
        if (order == FunnelOrder.UNORDERED && !exclusions.isEmpty()) {
            throw new IllegalArgumentException("exclusions: an unordered funnel has no order of steps for an"
                    + " exclusion to lie between; use an ordered or strict funnel");
        }
        for (FunnelExclusion exclusion : exclusions) {
            if (exclusion.toStep() > steps.size()) {
                throw new IllegalArgumentException("exclusions: toStep " + exclusion.toStep() + " is beyond the "
                        + steps.size() + " steps of the funnel");
            }
        }
        if (attribution.kind() == Attribution.Kind.STEP && attribution.step() > steps.size()) {
            throw new IllegalArgumentException("attribution: step " + attribution.step() + " is beyond the "
                    + steps.size() + " steps of the funnel");
        }
    }

    private static List<FunnelStep> requireSteps(List<FunnelStep> steps) {
        List<FunnelStep> copy = List.copyOf(Checks.noNullElements("steps", steps));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("steps: the list is empty; a funnel has at least one step");
        }
        if (copy.size() > MAX_STEPS) {
            throw new IllegalArgumentException("steps: " + copy.size() + " are more than the " + MAX_STEPS
                    + " a funnel takes");
        }
        return copy;
    }

    private static Duration requireWindow(Duration window) {
        Checks.present("window", window);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: " + window + " is not positive; a conversion window is"
                    + " more than zero");
        }
        return window;
    }

    private static double requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level: " + level + " is outside (0, 1); a confidence level is a"
                    + " probability such as 0.95");
        }
        return level;
    }

    /**
     * Returns the funnel of these steps with the defaults: a 14-day window, ordered, each customer's first
     * completion counted, no exclusion, no breakdown (first-touch attribution when one is set), 100 customers
     * named per drop-off, 95% intervals.
     *
     * @param steps the steps, 1 to {@value #MAX_STEPS}
     * @return the funnel
     * @throws IllegalArgumentException when the steps are empty or too many
     */
    public static Funnel ofDefaults(List<FunnelStep> steps) {
        return new Funnel(steps, DEFAULT_WINDOW, FunnelOrder.ORDERED, FunnelCounting.FIRST_COMPLETION, List.of(),
                Optional.empty(), Attribution.firstTouch(), DEFAULT_DROP_OFF_SAMPLE, DEFAULT_LEVEL);
    }

    /**
     * Starts a funnel of these steps from the defaults.
     *
     * @param steps the steps, 1 to {@value #MAX_STEPS}
     * @return the builder
     * @throws IllegalArgumentException when the steps are empty or too many
     */
    public static Builder custom(List<FunnelStep> steps) {
        return new Builder(ofDefaults(steps));
    }

    /**
     * Starts a funnel from {@code base}.
     *
     * @param base the funnel to change
     * @return the builder
     */
    public static Builder from(Funnel base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns a new, empty accumulator that counts customer timelines into this funnel.
     *
     * @return the accumulator
     */
    public FunnelAccumulator accumulator() {
        return new FunnelAccumulator(this);
    }

    /**
     * Returns an accumulator that continues from a state.
     *
     * @param state a state of an accumulator of this funnel
     * @return the accumulator
     * @throws IllegalArgumentException when the state counts another number of steps
     */
    public FunnelAccumulator accumulator(FunnelState state) {
        return new FunnelAccumulator(this, Checks.present("state", state));
    }

    /**
     * Returns a collector of customer timelines into the result; it runs on parallel streams too.
     *
     * @return the collector
     */
    public Collector<CustomerTimeline, FunnelAccumulator, FunnelResult> collector() {
        return Accumulators.collector(this::accumulator);
    }

    /**
     * Counts the funnel over every event of a store, reading one customer's timeline at a time.
     *
     * @param store the store
     * @return the result
     */
    public FunnelResult compute(EventStore store) {
        return compute(store, EventQuery.all());
    }

    /**
     * Counts the funnel over the events of a store that match a query (a time range, say), reading one
     * customer's timeline at a time ({@link EventStore#timelines}), so that memory holds one timeline and the
     * counts.
     *
     * @param store the store
     * @param query the events to read
     * @return the result
     */
    public FunnelResult compute(EventStore store, EventQuery query) {
        FunnelAccumulator counts = accumulator();
        return StoreReading.count(store, query, counts, counts.countsColumns(), counts::addColumns);
    }

    /**
     * Counts the funnel over events of any customers in any order: they are grouped by customer and put in
     * time order (events at one instant in the order given) in memory first.
     *
     * @param events the events
     * @return the result
     */
    public FunnelResult computeEvents(Collection<? extends CustomerEvent> events) {
        FunnelAccumulator counts = accumulator();
        timelinesOf(events).forEach(counts::add);
        return counts.result();
    }

    /**
     * Returns events grouped into timelines, customers in ascending order of id, each in time order (events
     * at one instant in the order given).
     *
     * @param events events of any customers in any order
     * @return the timelines
     */
    static List<CustomerTimeline> timelinesOf(Collection<? extends CustomerEvent> events) {
        Map<CustomerId, List<CustomerEvent>> byCustomer = new HashMap<>();
        for (CustomerEvent event : Checks.noNullElements("events", events)) {
            byCustomer.computeIfAbsent(event.customerId(), c -> new ArrayList<>()).add(event);
        }
        return byCustomer.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            entry.getValue().sort(java.util.Comparator.comparing(CustomerEvent::occurredAt));
            return new CustomerTimeline(entry.getKey(), entry.getValue());
        }).toList();
    }

    /** Builds a {@link Funnel}; each setter checks its value at once and leaves the builder as it was if not. */
    public static final class Builder {
        private final List<FunnelStep> steps;
        private Duration window;
        private FunnelOrder order;
        private FunnelCounting counting;
        private final List<FunnelExclusion> exclusions;
        private Optional<GroupKey> breakdown;
        private Attribution attribution;
        private int dropOffSample;
        private double level;

        private Builder(Funnel base) {
            this.steps = base.steps;
            this.window = base.window;
            this.order = base.order;
            this.counting = base.counting;
            this.exclusions = new ArrayList<>(base.exclusions);
            this.breakdown = base.breakdown;
            this.attribution = base.attribution;
            this.dropOffSample = base.dropOffSample;
            this.level = base.level;
        }

        /**
         * Sets the conversion window: the longest time from a path's first step to its last.
         *
         * @param value the window; positive
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is not positive
         */
        public Builder window(Duration value) {
            this.window = requireWindow(value);
            return this;
        }

        /**
         * Sets how the steps must follow each other.
         *
         * @param value the order
         * @return this builder
         */
        public Builder order(FunnelOrder value) {
            this.order = Checks.present("order", value);
            return this;
        }

        /**
         * Sets whether each customer counts once, by their first completion (the default), or each attempt
         * counts.
         *
         * @param value the counting
         * @return this builder
         */
        public Builder counting(FunnelCounting value) {
            this.counting = Checks.present("counting", value);
            return this;
        }

        /**
         * Adds events that interrupt the funnel between two steps.
         *
         * @param matcher the excluded events
         * @param fromStep the step after which it applies, from 1
         * @param toStep the step up to which it applies; after {@code fromStep}, at most the last step
         * @return this builder
         * @throws IllegalArgumentException when the steps are out of range
         */
        public Builder exclude(EventMatcher matcher, int fromStep, int toStep) {
            FunnelExclusion exclusion = new FunnelExclusion(matcher, fromStep, toStep);
            if (toStep > steps.size()) {
                throw new IllegalArgumentException("exclusions: toStep " + toStep + " is beyond the " + steps.size()
                        + " steps of the funnel");
            }
            exclusions.add(exclusion);
            return this;
        }

        /**
         * Breaks the funnel down by a key, first touch deciding a customer's group.
         *
         * @param key the key
         * @return this builder
         */
        public Builder breakdown(GroupKey key) {
            this.breakdown = Optional.of(Checks.present("breakdown", key));
            return this;
        }

        /**
         * Breaks the funnel down by a key, with the given attribution.
         *
         * @param key the key
         * @param value which event of the path gives a customer's group
         * @return this builder
         * @throws IllegalArgumentException when a step attribution names a step beyond the funnel's
         */
        public Builder breakdown(GroupKey key, Attribution value) {
            Checks.present("attribution", value);
            if (value.kind() == Attribution.Kind.STEP && value.step() > steps.size()) {
                throw new IllegalArgumentException("attribution: step " + value.step() + " is beyond the "
                        + steps.size() + " steps of the funnel");
            }
            this.breakdown = Optional.of(Checks.present("breakdown", key));
            this.attribution = value;
            return this;
        }

        /**
         * Sets how many customers who dropped off after each step the result names.
         *
         * @param value 0 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is negative
         */
        public Builder dropOffSample(int value) {
            this.dropOffSample = Checks.nonNegative("dropOffSample", value);
            return this;
        }

        /**
         * Sets the confidence level of the Wilson intervals.
         *
         * @param value in (0, 1)
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is outside (0, 1)
         */
        public Builder level(double value) {
            this.level = requireLevel(value);
            return this;
        }

        /**
         * Builds the funnel.
         *
         * @return the funnel
         * @throws IllegalArgumentException when the exclusions do not fit the order
         */
        public Funnel build() {
            return new Funnel(steps, window, order, counting, exclusions, breakdown, attribution, dropOffSample,
                    level);
        }
    }
}
