package dev.cxm.journey.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.internal.Micros;
import dev.cxm.journey.track.internal.RecentEvents;

/**
 * What a {@link StageTracker} knows of one customer: the stage visits that are settled (older than the
 * tracker's tolerance before the customer's latest event, so that no late event can change them any more)
 * and the recent staged events, which a late event may still fall between. The customer's history, current
 * stage and stage at any instant follow from both. Immutable; this is what a {@link TrackingStore} keeps.
 *
 * <p>A journey is a versioned value of its own, so that a store outside the JVM (a database row, a stream
 * engine's state store keyed by customer) can keep one per customer: as JSON through
 * {@code CxmJson.mapper()}, {@code {"formatVersion":1,"customer":..,"settled":[{"stage":..,"enteredAt":..}],
 * "recent":[{"at":..,"eventHash":..,"stage":..}]}}; format version {@value #FORMAT_VERSION}, read back by any
 * later version of cxm. The event hashes are the 64-bit FNV-1a hashes of the event ids
 * ({@link dev.cxm.core.model.EventId#fnv1a64()}), the same on every JVM.
 *
 * @param customer the customer
 * @param settled the settled visits in time order, each in another stage than the one before
 * @param recent the recent staged events, ordered by instant and then id hash; never empty
 */
@JsonPropertyOrder({"formatVersion", "customer", "settled", "recent"})
public record CustomerJourney(CustomerId customer, List<StageVisit> settled, List<StagedEvent> recent)
        implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Validates the journey.
     *
     * @param customer the customer
     * @param settled the settled visits in time order, each in another stage than the one before
     * @param recent the recent staged events in order; never empty, none before the last settled visit
     * @throws IllegalArgumentException naming the field when the lists are out of order or {@code recent} is
     *     empty
     */
    public CustomerJourney {
        Checks.present("customer", customer);
        Checks.present("recent", recent);
        // A tracker builds journeys from its own, already checked, parts: then nothing is copied or checked.
        boolean trusted = recent instanceof RecentEvents;
        if (!trusted) {
            Checks.noNullElements("settled", settled);
            Checks.noNullElements("recent", recent);
        }
        settled = List.copyOf(Checks.present("settled", settled));
        recent = RecentEvents.copyOf(recent);
        if (recent.isEmpty()) {
            throw new IllegalArgumentException("recent: the journey of customer " + customer + " holds no event;"
                    + " a tracked customer has at least one");
        }
        if (!trusted) {
            requireOrder(customer, settled, (RecentEvents) recent);
        }
    }

    /**
     * Reads a journey of any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version of the JSON form
     * @param customer the customer
     * @param settled the settled visits
     * @param recent the recent staged events
     * @return the journey
     */
    @JsonCreator
    static CustomerJourney fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("customer") CustomerId customer, @JsonProperty("settled") List<StageVisit> settled,
            @JsonProperty("recent") List<StagedEvent> recent) {
        AccumulatorState.requireReadable("CustomerJourney", formatVersion, FORMAT_VERSION);
        return new CustomerJourney(customer, settled, recent);
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    private static void requireOrder(CustomerId customer, List<StageVisit> settled, RecentEvents recent) {
        for (int i = 1; i < settled.size(); i++) {
            if (!settled.get(i).enteredAt().isAfter(settled.get(i - 1).enteredAt())
                    || settled.get(i).stage().equals(settled.get(i - 1).stage())) {
                throw new IllegalArgumentException("settled: visit " + (i + 1) + " of customer " + customer
                        + " does not follow the one before in time and stage; settled visits are in time order,"
                        + " each in another stage");
            }
        }
        for (int i = 1; i < recent.size(); i++) {
            if (recent.time(i) < recent.time(i - 1) || (recent.time(i) == recent.time(i - 1)
                    && recent.hash(i) <= recent.hash(i - 1))) {
                throw new IllegalArgumentException("recent: event " + (i + 1) + " of customer " + customer
                        + " is out of order; recent events are ordered by instant and then hash, without repeats");
            }
        }
        if (!settled.isEmpty()
                && Micros.of(settled.get(settled.size() - 1).enteredAt()) > recent.time(0)) {
            throw new IllegalArgumentException("recent: the first recent event of customer " + customer
                    + " comes before the last settled visit");
        }
    }

    /**
     * Returns the instant of the customer's latest tracked event.
     *
     * @return the instant
     */
    @JsonIgnore
    public Instant latest() {
        RecentEvents events = (RecentEvents) recent;
        return Micros.toInstant(events.time(events.size() - 1));
    }

    /**
     * Returns the customer's stage history: every visit, in time order.
     *
     * @return the visits
     */
    @JsonIgnore
    public List<StageVisit> history() {
        List<StageVisit> visits = new ArrayList<>(settled);
        RecentEvents events = (RecentEvents) recent;
        String last = settled.isEmpty() ? null : settled.get(settled.size() - 1).stage();
        for (int i = 0; i < events.size(); i++) {
            String stage = events.stage(i);
            if (!stage.equals(last)) {
                visits.add(new StageVisit(stage, Micros.toInstant(events.time(i))));
                last = stage;
            }
        }
        return List.copyOf(visits);
    }

    /**
     * Returns the visit the customer is in now: the last of the history.
     *
     * @return the current visit
     */
    @JsonIgnore
    public StageVisit currentVisit() {
        RecentEvents events = (RecentEvents) recent;
        int i = events.size() - 1;
        String stage = events.stage(i);
        while (i > 0 && events.stage(i - 1).equals(stage)) {
            i--;
        }
        if (i == 0 && !settled.isEmpty() && settled.get(settled.size() - 1).stage().equals(stage)) {
            return settled.get(settled.size() - 1);
        }
        return new StageVisit(stage, Micros.toInstant(events.time(i)));
    }

    /**
     * Returns the stage the customer was in at an instant: that of the last visit entered at or before it.
     *
     * @param instant the instant
     * @return the stage, or empty before the customer's first staged event
     */
    public Optional<String> stageAt(Instant instant) {
        Checks.present("instant", instant);
        RecentEvents events = (RecentEvents) recent;
        long at = Micros.saturated(instant);
        // The stage at an instant is that of the latest staged event at or before it; the recent events are
        // those of the tracker's tolerance, few, so they are read from the end.
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.time(i) <= at) {
                return Optional.of(events.stage(i));
            }
        }
        int low = 0;
        int high = settled.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (!settled.get(mid).enteredAt().isAfter(instant)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low == 0 ? Optional.empty() : Optional.of(settled.get(low - 1).stage());
    }
}
