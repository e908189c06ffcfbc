package dev.cxm.journey.map;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.journey.map.internal.StageKey;

/**
 * A designed journey: ordered stages (awareness, consideration, purchase, ...; any names), the touchpoints
 * and event types of each, the transitions the design allows, the expected time in each stage, the stages a
 * journey may end in, and the moments of truth. Immutable, compared by value.
 *
 * <pre>{@code
 * JourneyMap map = JourneyMap.builder()
 *         .stage(Stage.named("awareness").touchpoints("ad", "blog").build())
 *         .stage(Stage.named("purchase").touchpoints("checkout").eventTypes(EventType.PURCHASE).build())
 *         .stage(Stage.named("loyalty").touchpoints("newsletter").finalStage().build())
 *         .transition("awareness", "purchase").transition("purchase", "loyalty").transition("loyalty", "purchase")
 *         .build();
 * }</pre>
 *
 * <h2>Rules</h2>
 * The map is refused with an {@link IllegalArgumentException} naming the field when: it has no stage; two
 * stages share a name; a touchpoint or an event type is in two stages; a transition names an unknown stage;
 * a stage cannot be reached from the first stage through the transitions; a stage that is not final has no
 * transition out. The builder and {@link #fromJson} fill in two defaults: without any transition, each stage
 * leads to the next (a linear journey); without any final stage, the last stage is final.
 *
 * <h2>Placing an event</h2>
 * {@link #stageOf} places an event in the stage that holds its touchpoint's id; else, when the touchpoint
 * carries the host's stage hint ({@link Touchpoint#stage()}) and the map has a stage of that name, in that
 * stage; else in the stage that holds the event's type; else nowhere. The stored events never change:
 * restaging is a new map.
 *
 * <h2>JSON</h2>
 * {@link #toJson()} writes {@code {"stages":[{"name":..,"touchpoints":[..],"eventTypes":[..],
 * "expectedTime":"P7D","final":false,"momentsOfTruth":[..]}],"transitions":[{"from":..,"to":..}]}}; event
 * types in lower case, times in ISO-8601; {@link #fromJson} reads it back.
 */
@JsonPropertyOrder({"stages", "transitions"})
public final class JourneyMap {

    private final List<Stage> stages;
    private final Set<Transition> transitions;
    private final Map<String, Integer> order;
    private final Map<TouchpointId, String> byTouchpoint;
    private final Map<EventType, String> byType;
    private final boolean[][] allowed;

    /**
     * Validates and indexes the map; no defaults are filled in (the builder and {@link #fromJson} do that).
     *
     * @param stages the stages in their designed order; at least one
     * @param transitions the allowed moves between stages
     * @throws IllegalArgumentException naming the field when the map breaks a rule (see the class comment)
     */
    public JourneyMap(List<Stage> stages, Set<Transition> transitions) {
        this.stages = ImmutableList.copyOf(Checks.noNullElements("stages", stages));
        this.transitions = ImmutableSet.copyOf(Checks.noNullElements("transitions", transitions));
        if (this.stages.isEmpty()) {
            throw new IllegalArgumentException("stages: the map has none; a journey map has at least one stage");
        }
        this.order = new HashMap<>();
        this.byTouchpoint = new HashMap<>();
        this.byType = new EnumMap<>(EventType.class);
        for (Stage stage : this.stages) {
            if (order.putIfAbsent(stage.name(), order.size()) != null) {
                throw new IllegalArgumentException("stages: " + stage.name() + " is named twice; stage names are"
                        + " unique");
            }
            for (TouchpointId touchpoint : stage.touchpoints()) {
                String other = byTouchpoint.putIfAbsent(touchpoint, stage.name());
                if (other != null) {
                    throw new IllegalArgumentException("touchpoints: " + touchpoint + " is in stages " + other
                            + " and " + stage.name() + "; a touchpoint belongs to one stage");
                }
            }
            for (EventType type : stage.eventTypes()) {
                String other = byType.putIfAbsent(type, stage.name());
                if (other != null) {
                    throw new IllegalArgumentException("eventTypes: " + type.wireName() + " is in stages " + other
                            + " and " + stage.name() + "; an event type belongs to one stage");
                }
            }
        }
        int n = this.stages.size();
        this.allowed = new boolean[n][n];
        for (Transition transition : this.transitions) {
            allowed[requireStage("transitions", transition.from())][requireStage("transitions", transition.to())] = true;
        }
        requireReachable();
        for (int i = 0; i < n; i++) {
            Stage stage = this.stages.get(i);
            boolean wayOut = false;
            for (int j = 0; j < n; j++) {
                wayOut |= allowed[i][j];
            }
            if (!stage.finalStage() && !wayOut) {
                throw new IllegalArgumentException("transitions: stage " + stage.name() + " is not final and has no"
                        + " transition out; a journey could not go on from it (add a transition or mark it final)");
            }
        }
    }

    private int requireStage(String field, String name) {
        Integer index = order.get(name);
        if (index == null) {
            throw new IllegalArgumentException(field + ": " + name + " is not a stage of the map; stages are "
                    + String.join(", ", stageNames()));
        }
        return index;
    }

    private void requireReachable() {
        boolean[] reached = new boolean[stages.size()];
        Deque<Integer> next = new ArrayDeque<>(List.of(0));
        reached[0] = true;
        while (!next.isEmpty()) {
            int from = next.pop();
            for (int to = 0; to < stages.size(); to++) {
                if (allowed[from][to] && !reached[to]) {
                    reached[to] = true;
                    next.push(to);
                }
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            if (!reached[i]) {
                throw new IllegalArgumentException("transitions: stage " + stages.get(i).name() + " cannot be"
                        + " reached from the first stage, " + stages.get(0).name() + "; every stage must be reachable");
            }
        }
    }

    /** Jackson's entry point, which fills in the defaults as the builder does. */
    @JsonCreator
    static JourneyMap read(@JsonProperty("stages") @Nullable List<Stage> stages,
            @JsonProperty("transitions") @Nullable List<Transition> transitions) {
        Builder builder = builder();
        (stages == null ? List.<Stage>of() : stages).forEach(builder::stage);
        if (transitions != null) {
            transitions.forEach(t -> builder.transition(t.from(), t.to()));
            builder.transitionsGiven = true;
        }
        return builder.build();
    }

    /**
     * Starts a map.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a map from its JSON (see the class comment), filling in the builder's defaults.
     *
     * @param json the map's JSON
     * @return the map
     * @throws IllegalArgumentException when the JSON is malformed (naming the line and column) or the map
     *     breaks a rule (naming the field)
     */
    public static JourneyMap fromJson(String json) {
        Checks.present("json", json);
        try {
            return CxmJson.mapper().readValue(json, JourneyMap.class);
        } catch (JsonProcessingException e) {
            throw refused(e);
        }
    }

    /**
     * Reads a map from a reader of its JSON (see the class comment); the reader is not closed.
     *
     * @param json the reader
     * @return the map
     * @throws IllegalArgumentException when the JSON is malformed or the map breaks a rule
     * @throws UncheckedIOException when the reader fails
     */
    public static JourneyMap fromJson(Reader json) {
        Checks.present("json", json);
        try {
            return CxmJson.mapper().readValue(json, JourneyMap.class);
        } catch (JsonProcessingException e) {
            throw refused(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journey map", e);
        }
    }

    /** Turns Jackson's failure into one line: the map's own rule, or where the JSON went wrong. */
    private static IllegalArgumentException refused(JsonProcessingException e) {
        Throwable cause = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException rule) {
            return new IllegalArgumentException(rule.getMessage(), e);
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new IllegalArgumentException("journey map: not a valid map" + where + ": " + e.getOriginalMessage()
                .replaceAll("\\s+", " ").replaceAll("\".*\"", "a value"), e);
    }

    /**
     * Returns the map as JSON (see the class comment), which {@link #fromJson} reads back equal.
     *
     * @return the JSON
     */
    public String toJson() {
        try {
            return CxmJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the journey map as JSON", e);
        }
    }

    /**
     * Returns the stages in their designed order.
     *
     * @return the stages
     */
    @JsonProperty("stages")
    public List<Stage> stages() {
        return stages;
    }

    /**
     * Returns the allowed transitions.
     *
     * @return the transitions
     */
    @JsonProperty("transitions")
    public Set<Transition> transitions() {
        return transitions;
    }

    /**
     * Returns the stages' names in their designed order.
     *
     * @return the names
     */
    public List<String> stageNames() {
        return stages.stream().map(Stage::name).toList();
    }

    /**
     * Returns the stage of that name.
     *
     * @param name a stage's name
     * @return the stage, or empty when the map has none of that name
     */
    public Optional<Stage> stage(String name) {
        Integer index = order.get(Checks.present("name", name));
        return index == null ? Optional.empty() : Optional.of(stages.get(index));
    }

    /**
     * Returns the position of a stage in the designed order, from 0.
     *
     * @param stage a stage's name
     * @return its position
     * @throws IllegalArgumentException when the map has no such stage
     */
    public int positionOf(String stage) {
        return requireStage("stage", Checks.present("stage", stage));
    }

    /**
     * Returns whether the map allows a move from one stage to another.
     *
     * @param from the stage left
     * @param to the stage entered
     * @return whether the transition is allowed
     * @throws IllegalArgumentException when a name is no stage of the map
     */
    public boolean allows(String from, String to) {
        return allowed[positionOf(from)][positionOf(to)];
    }

    /**
     * Returns the stage that holds a touchpoint by its id.
     *
     * @param touchpoint the touchpoint's id
     * @return the stage's name, or empty when no stage lists the touchpoint
     */
    public Optional<String> stageOfTouchpoint(TouchpointId touchpoint) {
        return Optional.ofNullable(byTouchpoint.get(Checks.present("touchpoint", touchpoint)));
    }

    /**
     * Places an event in a stage (see the class comment for the rule).
     *
     * @param event the event
     * @return the stage's name, or empty when the map places the event nowhere
     */
    public Optional<String> stageOf(CustomerEvent event) {
        Checks.present("event", event);
        Optional<Touchpoint> at = event instanceof Interaction interaction ? Optional.of(interaction.touchpoint())
                : event.atTouchpoint();
        if (at.isPresent()) {
            String placed = byTouchpoint.get(at.get().id());
            if (placed != null) {
                return Optional.of(placed);
            }
            Optional<String> hint = at.get().stage();
            if (hint.isPresent() && order.containsKey(hint.get())) {
                return Optional.of(stages.get(order.get(hint.get())).name());
            }
        }
        return Optional.ofNullable(byType.get(event.eventType()));
    }

    /**
     * Returns the key that groups events by the stage this map places them in ({@link #stageOf}), named
     * {@code journey-stage}: for paths and discovery by stage. Keys of equal maps are equal.
     *
     * @return the key
     */
    public GroupKey stageKey() {
        return new StageKey(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JourneyMap map && map.stages.equals(stages) && map.transitions.equals(transitions);
    }

    @Override
    public int hashCode() {
        return 31 * stages.hashCode() + transitions.hashCode();
    }

    @Override
    public String toString() {
        return "JourneyMap[stages=" + stageNames() + ", transitions=" + transitions + "]";
    }

    /**
     * Builds a {@link JourneyMap}: stages in their designed order, then the transitions. Without any
     * transition each stage leads to the next; without any final stage the last is final.
     */
    public static final class Builder {
        private final Map<String, Stage> stages = new LinkedHashMap<>();
        private final Set<Transition> transitions = new LinkedHashSet<>();
        private boolean transitionsGiven;

        private Builder() {}

        /**
         * Adds a stage after those added before.
         *
         * @param stage the stage
         * @return this builder
         * @throws IllegalArgumentException when a stage of that name was added before
         */
        public Builder stage(Stage stage) {
            Checks.present("stage", stage);
            if (stages.containsKey(stage.name())) {
                throw new IllegalArgumentException("stages: " + stage.name() + " is named twice; stage names are"
                        + " unique");
            }
            stages.put(stage.name(), stage);
            return this;
        }

        /**
         * Allows a move from one stage to another.
         *
         * @param from the stage left
         * @param to the stage entered
         * @return this builder
         * @throws IllegalArgumentException when a name is blank or both are the same
         */
        public Builder transition(String from, String to) {
            transitions.add(Transition.of(from, to));
            transitionsGiven = true;
            return this;
        }

        /**
         * Allows every move in {@code values}.
         *
         * @param values the transitions
         * @return this builder
         */
        public Builder transitions(Collection<Transition> values) {
            Checks.noNullElements("transitions", List.copyOf(values)).forEach(t -> transition(t.from(), t.to()));
            return this;
        }

        /**
         * Builds and validates the map.
         *
         * @return the map
         * @throws IllegalArgumentException naming the field when the map breaks a rule
         */
        public JourneyMap build() {
            List<Stage> ordered = new ArrayList<>(stages.values());
            if (!ordered.isEmpty() && ordered.stream().noneMatch(Stage::finalStage)) {
                Stage last = ordered.get(ordered.size() - 1);
                ordered.set(ordered.size() - 1, new Stage(last.name(), last.touchpoints(), last.eventTypes(),
                        last.expectedTime(), true, last.momentsOfTruth()));
            }
            Set<Transition> allowed = new LinkedHashSet<>(transitions);
            if (!transitionsGiven) {
                for (int i = 0; i + 1 < ordered.size(); i++) {
                    allowed.add(Transition.of(ordered.get(i).name(), ordered.get(i + 1).name()));
                }
            }
            return new JourneyMap(ordered, allowed);
        }
    }
}
