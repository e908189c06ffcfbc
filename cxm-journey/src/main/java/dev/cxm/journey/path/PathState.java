package dev.cxm.journey.path;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;

/**
 * The state of a {@link PathAccumulator}: the cases read and every distinct path with its count. As JSON
 * {@code {"formatVersion":1,"cases":..,"paths":[{"steps":[..],"count":..}]}}; format version
 * {@value #FORMAT_VERSION}.
 *
 * @param cases how many cases were read
 * @param paths every distinct path with its count, in ascending order of steps
 */
@JsonPropertyOrder({"formatVersion", "cases", "paths"})
public record PathState(long cases, List<Tally> paths) implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * One path's count.
     *
     * @param steps the path's steps
     * @param count how many cases took it; 1 or more
     */
    public record Tally(List<String> steps, long count) {
        /**
         * Validates the count.
         *
         * @param steps the steps; not empty
         * @param count 1 or more
         */
        public Tally {
            steps = List.copyOf(Checks.noNullElements("steps", steps));
            if (steps.isEmpty() || count < 1) {
                throw new IllegalArgumentException("paths: a path needs steps and a count of 1 or more");
            }
        }
    }

    /**
     * Validates the state.
     *
     * @param cases cases read; 0 or more
     * @param paths the distinct paths
     */
    public PathState {
        if (cases < 0) {
            throw new IllegalArgumentException("cases: " + cases + " is negative");
        }
        paths = List.copyOf(Checks.noNullElements("paths", paths));
    }

    /**
     * Reads a state of any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version
     * @param cases cases read
     * @param paths the paths
     * @return the state
     */
    @JsonCreator
    static PathState fromJson(@JsonProperty("formatVersion") int formatVersion, @JsonProperty("cases") long cases,
            @JsonProperty("paths") List<Tally> paths) {
        AccumulatorState.requireReadable("PathState", formatVersion, FORMAT_VERSION);
        return new PathState(cases, paths);
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }
}
