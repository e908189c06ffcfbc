package dev.cxm.journey.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * One place where a customer's journey leaves the map.
 *
 * @param kind what kind of deviation
 * @param at when: the move's instant, the outside event's instant, or the start of the overdue stay
 * @param fromStage the stage left (moves) or stayed in (overdue)
 * @param toStage the stage entered (moves)
 * @param outsideActivity the touchpoint (else the type) of an event outside the map
 * @param timeInStage how long the overdue stay lasted
 */
public record Deviation(DeviationKind kind, Instant at, Optional<String> fromStage, Optional<String> toStage,
        Optional<String> outsideActivity, Optional<Duration> timeInStage) {

    /**
     * Validates the deviation.
     *
     * @param kind the kind
     * @param at when
     * @param fromStage the stage left or stayed in
     * @param toStage the stage entered
     * @param outsideActivity the activity outside the map
     * @param timeInStage the overdue stay's length
     */
    public Deviation {
        Checks.present("kind", kind);
        Checks.present("at", at);
        Checks.present("fromStage", fromStage);
        Checks.present("toStage", toStage);
        Checks.present("outsideActivity", outsideActivity);
        Checks.present("timeInStage", timeInStage);
    }
}
