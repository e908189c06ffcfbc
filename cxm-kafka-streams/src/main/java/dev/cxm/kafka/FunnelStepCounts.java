package dev.cxm.kafka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;
import dev.cxm.journey.funnel.FunnelCounts;
import dev.cxm.journey.funnel.FunnelState;

/**
 * How many customers (or attempts) reached each step of a funnel in one window, overall and per group of its
 * breakdown, with how many customers and events were read and how many events matched each step: the state and
 * result of {@link FunnelAggregation}. Counts only, so that it merges by adding and its changelog stays small;
 * the single-machine {@code FunnelResult}'s times to convert and drop-off samples are not kept. As JSON
 * {@code {"formatVersion":1,"customers":..,"events":..,"matchedEvents":[..],"reached":[..],"groups":{"web":[..]}}};
 * format version {@value #FORMAT_VERSION}, read by every later version.
 *
 * @param customers how many customers' events were read
 * @param events how many events were read (an event repeated in a customer's window counts once)
 * @param matchedEvents per step, how many events matched it
 * @param reached per step, how many customers (or attempts) reached it; never increasing
 * @param groups per group of the funnel's breakdown, its {@code reached}; empty without a breakdown
 */
@JsonPropertyOrder({"formatVersion", "customers", "events", "matchedEvents", "reached", "groups"})
public record FunnelStepCounts(long customers, long events, List<Long> matchedEvents, List<Long> reached,
        Map<String, List<Long>> groups) implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Validates the counts and copies them.
     *
     * @param customers customers read; 0 or more
     * @param events events read; 0 or more
     * @param matchedEvents per step, events matching it; 0 or more
     * @param reached per step, customers reaching it; 0 or more, never increasing
     * @param groups per group, customers reaching each step
     * @throws IllegalArgumentException naming the field when a count is negative, the parts count different
     *     numbers of steps, or a count grows along the funnel
     */
    public FunnelStepCounts {
        if (customers < 0 || events < 0) {
            throw new IllegalArgumentException("customers: " + customers + " customers and " + events + " events;"
                    + " counts are 0 or more");
        }
        matchedEvents = List.copyOf(Checks.noNullElements("matchedEvents", matchedEvents));
        reached = requireFunnel("reached", reached);
        int steps = reached.size();
        if (matchedEvents.size() != steps) {
            throw new IllegalArgumentException("matchedEvents: " + matchedEvents.size() + " steps, where reached has "
                    + steps);
        }
        if (matchedEvents.stream().anyMatch(count -> count < 0)) {
            throw new IllegalArgumentException("matchedEvents: a count is negative");
        }
        Map<String, List<Long>> copy = new TreeMap<>();
        Checks.present("groups", groups).forEach((group, counts) -> {
            List<Long> checked = requireFunnel("groups", counts);
            if (checked.size() != steps) {
                throw new IllegalArgumentException("groups: a group counts " + checked.size() + " steps, where"
                        + " reached has " + steps);
            }
            copy.put(Checks.present("group", group), checked);
        });
        groups = Collections.unmodifiableMap(copy);
    }

    private static List<Long> requireFunnel(String field, List<Long> counts) {
        List<Long> checked = List.copyOf(Checks.noNullElements(field, counts));
        if (checked.isEmpty()) {
            throw new IllegalArgumentException(field + ": no step; a funnel has at least one");
        }
        for (int i = 0; i < checked.size(); i++) {
            if (checked.get(i) < 0 || (i > 0 && checked.get(i) > checked.get(i - 1))) {
                throw new IllegalArgumentException(field + ": step " + (i + 1) + " counts " + checked.get(i)
                        + "; counts are 0 or more and never grow along a funnel");
            }
        }
        return checked;
    }

    /**
     * Reads counts of any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version of the JSON form
     * @param customers customers read
     * @param events events read
     * @param matchedEvents events matching each step
     * @param reached customers reaching each step
     * @param groups per group, customers reaching each step
     * @return the counts
     */
    @JsonCreator
    static FunnelStepCounts fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("customers") long customers, @JsonProperty("events") long events,
            @JsonProperty("matchedEvents") List<Long> matchedEvents, @JsonProperty("reached") List<Long> reached,
            @JsonProperty("groups") Map<String, List<Long>> groups) {
        AccumulatorState.requireReadable("FunnelStepCounts", formatVersion, FORMAT_VERSION);
        return new FunnelStepCounts(customers, events, matchedEvents, reached, groups);
    }

    /**
     * Returns the counts of a funnel accumulator's state: its customers, events, matches and the customers
     * reaching each step, overall and per group.
     *
     * @param state the state, of a funnel of any number of steps
     * @return the counts
     */
    public static FunnelStepCounts of(FunnelState state) {
        Checks.present("state", state);
        Map<String, List<Long>> groups = new TreeMap<>();
        for (FunnelCounts group : state.groups()) {
            groups.put(group.group(), boxed(group.reached()));
        }
        return new FunnelStepCounts(state.customers(), state.events(), boxed(state.matchedEvents()),
                boxed(state.overall().reached()), groups);
    }

    private static List<Long> boxed(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long value : values) {
            list.add(value);
        }
        return list;
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /**
     * Returns the sum of these counts and {@code other}'s: the counts of both sets of customers.
     *
     * @param other counts of the same funnel over other customers
     * @return the sum
     * @throws IllegalArgumentException when {@code other} counts another number of steps
     */
    public FunnelStepCounts plus(FunnelStepCounts other) {
        Checks.present("other", other);
        if (other.reached.size() != reached.size()) {
            throw new IllegalArgumentException("other: counts " + other.reached.size() + " steps, these count "
                    + reached.size() + "; only counts of one funnel add up");
        }
        Map<String, List<Long>> sum = new TreeMap<>(groups);
        other.groups.forEach((group, counts) -> sum.merge(group, counts, FunnelStepCounts::add));
        return new FunnelStepCounts(customers + other.customers, events + other.events,
                add(matchedEvents, other.matchedEvents), add(reached, other.reached), sum);
    }

    private static List<Long> add(List<Long> a, List<Long> b) {
        List<Long> sum = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            sum.add(a.get(i) + b.get(i));
        }
        return sum;
    }

    /**
     * Returns how many reached a step, overall.
     *
     * @param step the step, from 1
     * @return the count
     * @throws IllegalArgumentException when the funnel has no such step
     */
    public long reached(int step) {
        if (step < 1 || step > reached.size()) {
            throw new IllegalArgumentException("step: " + step + " is outside 1.." + reached.size());
        }
        return reached.get(step - 1);
    }

    /**
     * Returns the share of those who reached the first step who also reached {@code step}, overall.
     *
     * @param step the step, from 1
     * @return the conversion, or empty when nobody reached the first step
     * @throws IllegalArgumentException when the funnel has no such step
     */
    public OptionalDouble conversionFromStart(int step) {
        long first = reached.get(0);
        long count = reached(step);
        return first == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count / first);
    }
}
