package dev.cxm.journey.map;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSet;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.journey.map.internal.EventTypeName;

/**
 * One stage of a designed journey: its touchpoints (by id) and event types (every purchase, say), how long a
 * customer is expected to stay, whether the journey may end here, and its moments of truth (touchpoints
 * that are critical to the experience).
 *
 * <pre>{@code
 * Stage purchase = Stage.named("purchase").touchpoints("cart", "checkout").eventTypes(EventType.PURCHASE)
 *         .expectedTime(Duration.ofDays(2)).momentsOfTruth("checkout").build();
 * }</pre>
 *
 * @param name the stage's name, unique in its map
 * @param touchpoints the ids of the touchpoints the stage holds
 * @param eventTypes the event types the stage holds, for events at no touchpoint of the map
 * @param expectedTime how long a customer is expected to stay, when the design says
 * @param finalStage whether a journey may end in this stage (written {@code "final"} in JSON)
 * @param momentsOfTruth the stage's critical touchpoints; each one of {@code touchpoints}
 */
@JsonPropertyOrder({"name", "touchpoints", "eventTypes", "expectedTime", "final", "momentsOfTruth"})
public record Stage(
        String name,
        Set<TouchpointId> touchpoints,
        @JsonSerialize(contentUsing = EventTypeName.class) Set<EventType> eventTypes,
        Optional<Duration> expectedTime,
        @JsonProperty("final") boolean finalStage,
        Set<TouchpointId> momentsOfTruth) {

    /**
     * Validates the stage.
     *
     * @param name the stage's name; non-blank, at most 256 characters
     * @param touchpoints the ids of the touchpoints the stage holds
     * @param eventTypes the event types the stage holds
     * @param expectedTime how long a customer is expected to stay; positive when present
     * @param finalStage whether a journey may end in this stage
     * @param momentsOfTruth the critical touchpoints; each one of {@code touchpoints}
     * @throws IllegalArgumentException naming the field when a value breaks a rule
     * @throws NullPointerException when a component or an element is null
     */
    public Stage {
        Checks.identifier("stage.name", name);
        touchpoints = ImmutableSet.copyOf(Checks.noNullElements("stage.touchpoints", touchpoints));
        eventTypes = ImmutableSet.copyOf(Checks.noNullElements("stage.eventTypes", eventTypes));
        Checks.present("stage.expectedTime", expectedTime);
        expectedTime.ifPresent(time -> {
            if (time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("expectedTime: " + time + " of stage " + name
                        + " is not positive; an expected time in a stage is more than zero");
            }
        });
        momentsOfTruth = ImmutableSet.copyOf(Checks.noNullElements("stage.momentsOfTruth", momentsOfTruth));
        for (TouchpointId critical : momentsOfTruth) {
            if (!touchpoints.contains(critical)) {
                throw new IllegalArgumentException("momentsOfTruth: " + critical + " of stage " + name
                        + " is not one of the stage's touchpoints; a moment of truth is a touchpoint of its stage");
            }
        }
    }

    /** Jackson's entry point: a missing list reads as empty, a missing {@code final} as false. */
    @JsonCreator
    static Stage fromJson(@JsonProperty("name") String name,
            @JsonProperty("touchpoints") @Nullable List<TouchpointId> touchpoints,
            @JsonProperty("eventTypes") @Nullable List<String> eventTypes,
            @JsonProperty("expectedTime") @Nullable Duration expectedTime,
            @JsonProperty("final") @Nullable Boolean finalStage,
            @JsonProperty("momentsOfTruth") @Nullable List<TouchpointId> momentsOfTruth) {
        return new Stage(name, touchpoints == null ? Set.of() : new LinkedHashSet<>(touchpoints),
                eventTypes == null ? Set.of() : eventTypes.stream().map(EventType::parse)
                        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)),
                Optional.ofNullable(expectedTime),
                finalStage != null && finalStage, momentsOfTruth == null ? Set.of() : new LinkedHashSet<>(momentsOfTruth));
    }

    /**
     * Starts a stage called {@code name}, with no touchpoints, no expected time, not final.
     *
     * @param name the stage's name
     * @return the builder
     * @throws IllegalArgumentException when the name is blank or too long
     */
    public static Builder named(String name) {
        return new Builder(Checks.identifier("stage.name", name));
    }

    /**
     * Returns whether the stage holds the touchpoint.
     *
     * @param touchpoint the touchpoint's id
     * @return whether it is one of {@link #touchpoints()}
     */
    public boolean holds(TouchpointId touchpoint) {
        return touchpoints.contains(touchpoint);
    }

    /** Builds a {@link Stage}; each setter checks its value at once. */
    public static final class Builder {
        private final String name;
        private final Set<TouchpointId> touchpoints = new LinkedHashSet<>();
        private final Set<EventType> eventTypes = new LinkedHashSet<>();
        private Optional<Duration> expectedTime = Optional.empty();
        private boolean finalStage;
        private final Set<TouchpointId> momentsOfTruth = new LinkedHashSet<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Adds touchpoints to the stage.
         *
         * @param ids the touchpoints' ids
         * @return this builder
         * @throws IllegalArgumentException when an id is blank or too long
         */
        public Builder touchpoints(String... ids) {
            return touchpoints(List.of(ids).stream().map(TouchpointId::of).toList());
        }

        /**
         * Adds touchpoints to the stage.
         *
         * @param ids the touchpoints' ids
         * @return this builder
         */
        public Builder touchpoints(Collection<TouchpointId> ids) {
            touchpoints.addAll(Checks.noNullElements("touchpoints", List.copyOf(ids)));
            return this;
        }

        /**
         * Adds event types to the stage: events of these types at no touchpoint the map places belong here.
         *
         * @param types the types
         * @return this builder
         */
        public Builder eventTypes(EventType... types) {
            eventTypes.addAll(Checks.noNullElements("eventTypes", List.of(types)));
            return this;
        }

        /**
         * Sets how long a customer is expected to stay in the stage.
         *
         * @param value the expected time; positive
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is zero or negative
         */
        public Builder expectedTime(Duration value) {
            Checks.present("expectedTime", value);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("expectedTime: " + value + " is not positive; an expected time"
                        + " in a stage is more than zero");
            }
            this.expectedTime = Optional.of(value);
            return this;
        }

        /**
         * Marks the stage as one a journey may end in.
         *
         * @return this builder
         */
        public Builder finalStage() {
            this.finalStage = true;
            return this;
        }

        /**
         * Marks touchpoints of the stage as moments of truth, adding them to its touchpoints.
         *
         * @param ids the touchpoints' ids
         * @return this builder
         * @throws IllegalArgumentException when an id is blank or too long
         */
        public Builder momentsOfTruth(String... ids) {
            List<TouchpointId> critical = List.of(ids).stream().map(TouchpointId::of).toList();
            touchpoints.addAll(critical);
            momentsOfTruth.addAll(critical);
            return this;
        }

        /**
         * Builds the stage.
         *
         * @return the stage
         */
        public Stage build() {
            return new Stage(name, touchpoints, eventTypes, expectedTime, finalStage, momentsOfTruth);
        }
    }
}
