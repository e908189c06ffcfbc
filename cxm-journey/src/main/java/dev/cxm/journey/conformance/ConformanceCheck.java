package dev.cxm.journey.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collector;
import java.util.stream.Stream;

import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.journey.ActivityKeys;
import dev.cxm.journey.internal.Cases;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.Stage;
import dev.cxm.journey.track.StageVisit;

/**
 * Checks customers' actual journeys against a designed {@link JourneyMap}.
 *
 * <p>A customer's journey: their events in time order, each placed in a stage by the map
 * ({@link JourneyMap#stageOf}); consecutive events of one stage are one stay; consecutive stays are a move.
 * An event the map places nowhere is an {@link DeviationKind#OUTSIDE_MAP} deviation and does not end a stay.
 * A move the map does not allow is a {@link DeviationKind#BACKWARD_MOVE} when it goes to an earlier stage of
 * the designed order, a {@link DeviationKind#SKIPPED_STAGE} when it jumps forward past a stage, else an
 * {@link DeviationKind#UNEXPECTED_MOVE}. A stay lasts until the next stay begins; the last stay lasts until
 * the check's instant ({@code asOf}) when one is set, else it is not measured; a stay longer than its stage's
 * expected time is {@link DeviationKind#OVERDUE}. Fitness is the share of moves the map allows.
 *
 * <pre>{@code
 * ConformanceResult where = ConformanceCheck.custom(map).asOf(now).build().compute(store);
 * CustomerConformance one = ConformanceCheck.ofDefaults(map).check(timeline);
 * }</pre>
 *
 * @param map the designed journey
 * @param asOf the instant the last stay of each customer is measured to, if any
 */
public record ConformanceCheck(JourneyMap map, Optional<Instant> asOf) {

    /**
     * Validates the check.
     *
     * @param map the designed journey
     * @param asOf the instant last stays are measured to, if any
     */
    public ConformanceCheck {
        Checks.present("map", map);
        Checks.present("asOf", asOf);
    }

    /**
     * Returns the check against a map with the defaults: last stays not measured.
     *
     * @param map the designed journey
     * @return the check
     */
    public static ConformanceCheck ofDefaults(JourneyMap map) {
        return new ConformanceCheck(map, Optional.empty());
    }

    /**
     * Starts a check against a map from the defaults.
     *
     * @param map the designed journey
     * @return the builder
     */
    public static Builder custom(JourneyMap map) {
        return new Builder(ofDefaults(map));
    }

    /**
     * Starts a check from {@code base}.
     *
     * @param base the check to change
     * @return the builder
     */
    public static Builder from(ConformanceCheck base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Checks one customer's journey.
     *
     * @param timeline the customer's events in time order
     * @return the check's outcome
     */
    public CustomerConformance check(CustomerTimeline timeline) {
        Checks.present("timeline", timeline);
        List<CustomerEvent> events = Cases.distinct(timeline.events());
        List<StageVisit> visits = new ArrayList<>();
        List<Deviation> deviations = new ArrayList<>();
        for (CustomerEvent event : events) {
            Optional<String> stage = map.stageOf(event);
            if (stage.isEmpty()) {
                String activity = ActivityKeys.touchpointOrType().groupOf(event);
                deviations.add(new Deviation(DeviationKind.OUTSIDE_MAP, event.occurredAt(), Optional.empty(),
                        Optional.empty(), Optional.of(activity), Optional.empty()));
            } else if (visits.isEmpty() || !visits.get(visits.size() - 1).stage().equals(stage.get())) {
                visits.add(new StageVisit(stage.get(), event.occurredAt()));
            }
        }
        int moves = Math.max(0, visits.size() - 1);
        int allowed = 0;
        for (int i = 0; i < visits.size(); i++) {
            StageVisit visit = visits.get(i);
            if (i > 0) {
                StageVisit previous = visits.get(i - 1);
                Optional<DeviationKind> kind = moveDeviation(previous.stage(), visit.stage());
                if (kind.isEmpty()) {
                    allowed++;
                } else {
                    deviations.add(new Deviation(kind.get(), visit.enteredAt(), Optional.of(previous.stage()),
                            Optional.of(visit.stage()), Optional.empty(), Optional.empty()));
                }
            }
            Optional<Duration> stay = stayOf(visits, i);
            Optional<Duration> expected = map.stage(visit.stage()).flatMap(Stage::expectedTime);
            if (stay.isPresent() && expected.isPresent() && stay.get().compareTo(expected.get()) > 0) {
                deviations.add(new Deviation(DeviationKind.OVERDUE, visit.enteredAt(), Optional.of(visit.stage()),
                        Optional.empty(), Optional.empty(), stay));
            }
        }
        deviations.sort(java.util.Comparator.comparing(Deviation::at));
        OptionalDouble fitness = moves == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) allowed / moves);
        return new CustomerConformance(timeline.customer(), visits, moves, allowed, fitness, deviations);
    }

    /**
     * Returns how long stay {@code i} lasted: until the next stay, or for the last until {@code asOf} (when set
     * and not before the stay).
     */
    Optional<Duration> stayOf(List<StageVisit> visits, int i) {
        Instant start = visits.get(i).enteredAt();
        if (i + 1 < visits.size()) {
            return Optional.of(Duration.between(start, visits.get(i + 1).enteredAt()));
        }
        return asOf.filter(end -> !end.isBefore(start)).map(end -> Duration.between(start, end));
    }

    /**
     * Returns the kind of deviation a move is, or empty when the map allows it.
     *
     * @param from the stage left
     * @param to the stage entered
     * @return the deviation's kind, if it is one
     */
    public Optional<DeviationKind> moveDeviation(String from, String to) {
        if (map.allows(from, to)) {
            return Optional.empty();
        }
        int distance = map.positionOf(to) - map.positionOf(from);
        return Optional.of(distance < 0 ? DeviationKind.BACKWARD_MOVE
                : distance > 1 ? DeviationKind.SKIPPED_STAGE : DeviationKind.UNEXPECTED_MOVE);
    }

    /**
     * Returns a new, empty accumulator of customer timelines.
     *
     * @return the accumulator
     */
    public ConformanceAccumulator accumulator() {
        return new ConformanceAccumulator(this);
    }

    /**
     * Returns an accumulator that continues from a state.
     *
     * @param state a state of an accumulator of this check
     * @return the accumulator
     */
    public ConformanceAccumulator accumulator(ConformanceState state) {
        return new ConformanceAccumulator(this, Checks.present("state", state));
    }

    /**
     * Returns a collector of customer timelines into the result.
     *
     * @return the collector
     */
    public Collector<CustomerTimeline, ConformanceAccumulator, ConformanceResult> collector() {
        return Accumulators.collector(this::accumulator);
    }

    /**
     * Checks every customer of a store, one timeline at a time.
     *
     * @param store the store
     * @return the result
     */
    public ConformanceResult compute(EventStore store) {
        return compute(store, EventQuery.all());
    }

    /**
     * Checks the customers of a store's events that match a query, one timeline at a time.
     *
     * @param store the store
     * @param query the events to read
     * @return the result
     */
    public ConformanceResult compute(EventStore store, EventQuery query) {
        Checks.present("store", store);
        Checks.present("query", query);
        ConformanceAccumulator counts = accumulator();
        try (Stream<CustomerTimeline> timelines = store.timelines(query)) {
            timelines.forEach(counts::add);
        }
        return counts.result();
    }

    /** Builds a {@link ConformanceCheck}. */
    public static final class Builder {
        private final JourneyMap map;
        private Optional<Instant> asOf;

        private Builder(ConformanceCheck base) {
            this.map = base.map;
            this.asOf = base.asOf;
        }

        /**
         * Measures each customer's last stay up to this instant (a stay that began later is not measured).
         *
         * @param value the instant, such as now
         * @return this builder
         */
        public Builder asOf(Instant value) {
            this.asOf = Optional.of(Checks.present("asOf", value));
            return this;
        }

        /**
         * Builds the check.
         *
         * @return the check
         */
        public ConformanceCheck build() {
            return new ConformanceCheck(map, asOf);
        }
    }
}
