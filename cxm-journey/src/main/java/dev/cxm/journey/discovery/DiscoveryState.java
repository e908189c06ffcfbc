package dev.cxm.journey.discovery;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;

/**
 * The state of a {@link DiscoveryAccumulator}: per activity its events, starts and ends; per edge every time
 * between its two activities; per variant its cases. As JSON {@code {"formatVersion":1,"cases":..,
 * "events":..,"activities":[..],"edges":[..],"variants":[..]}}, each list in ascending order of names;
 * format version {@value #FORMAT_VERSION}. It holds one time per directly-follows pair, so it grows with the
 * events counted.
 *
 * @param cases cases with an activity
 * @param events named events
 * @param activities the activities
 * @param edges the edges with their times
 * @param variants the variants with their counts
 */
@JsonPropertyOrder({"formatVersion", "cases", "events", "activities", "edges", "variants"})
public record DiscoveryState(long cases, long events, List<Activity> activities, List<Edge> edges,
        List<VariantCount> variants) implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * One activity's counts.
     *
     * @param name the activity
     * @param count its events
     * @param starts cases that started with it
     * @param ends cases that ended with it
     */
    public record Activity(String name, long count, long starts, long ends) {
        /**
         * Validates the counts.
         *
         * @param name the activity
         * @param count events; 1 or more
         * @param starts starts; 0 or more
         * @param ends ends; 0 or more
         */
        public Activity {
            Checks.present("name", name);
            if (count < 1 || starts < 0 || ends < 0) {
                throw new IllegalArgumentException("activities: counts of " + name + " out of range");
            }
        }
    }

    /**
     * One edge's times.
     *
     * @param from the earlier activity
     * @param to the later activity
     * @param timesMicros every time between them in microseconds; at least one
     */
    public record Edge(String from, String to, long[] timesMicros) {
        /**
         * Validates the edge.
         *
         * @param from the earlier activity
         * @param to the later activity
         * @param timesMicros the times, 0 or more each; at least one
         */
        public Edge {
            Checks.present("from", from);
            Checks.present("to", to);
            timesMicros = Checks.present("timesMicros", timesMicros).clone();
            if (timesMicros.length == 0) {
                throw new IllegalArgumentException("edges: " + from + " -> " + to + " has no time");
            }
            for (long time : timesMicros) {
                if (time < 0) {
                    throw new IllegalArgumentException("edges: a time is negative");
                }
            }
        }

        /**
         * Returns a copy of the times.
         *
         * @return the times in microseconds
         */
        @Override
        public long[] timesMicros() {
            return timesMicros.clone();
        }
    }

    /**
     * One variant's count.
     *
     * @param steps the activities in order
     * @param count the cases; 1 or more
     */
    public record VariantCount(List<String> steps, long count) {
        /**
         * Validates the count.
         *
         * @param steps the activities; not empty
         * @param count the cases; 1 or more
         */
        public VariantCount {
            steps = List.copyOf(Checks.noNullElements("steps", steps));
            if (steps.isEmpty() || count < 1) {
                throw new IllegalArgumentException("variants: a variant needs steps and a count of 1 or more");
            }
        }
    }

    /**
     * Validates the state.
     *
     * @param cases cases; 0 or more
     * @param events events; 0 or more
     * @param activities the activities
     * @param edges the edges
     * @param variants the variants
     */
    public DiscoveryState {
        if (cases < 0 || events < 0) {
            throw new IllegalArgumentException("cases: a count is negative");
        }
        activities = List.copyOf(Checks.noNullElements("activities", activities));
        edges = List.copyOf(Checks.noNullElements("edges", edges));
        variants = List.copyOf(Checks.noNullElements("variants", variants));
    }

    /**
     * Reads a state of any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version
     * @param cases cases
     * @param events events
     * @param activities the activities
     * @param edges the edges
     * @param variants the variants
     * @return the state
     */
    @JsonCreator
    static DiscoveryState fromJson(@JsonProperty("formatVersion") int formatVersion, @JsonProperty("cases") long cases,
            @JsonProperty("events") long events, @JsonProperty("activities") List<Activity> activities,
            @JsonProperty("edges") List<Edge> edges, @JsonProperty("variants") List<VariantCount> variants) {
        AccumulatorState.requireReadable("DiscoveryState", formatVersion, FORMAT_VERSION);
        return new DiscoveryState(cases, events, activities, edges, variants);
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }
}
