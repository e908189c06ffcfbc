package dev.cxm.journey.track;

import java.time.Instant;

import dev.cxm.core.internal.Checks;

/**
 * An event the tracker still holds because an event arriving late (within the tolerance) may fall before
 * it: its instant, a 64-bit hash of its id (to spot a duplicate and to order events at one instant) and the
 * stage the map placed it in.
 *
 * @param at when the event happened
 * @param eventHash a 64-bit hash of the event's id
 * @param stage the stage the journey map placed the event in
 */
public record StagedEvent(Instant at, long eventHash, String stage) {

    /**
     * Validates the event.
     *
     * @param at when the event happened
     * @param eventHash a 64-bit hash of the event's id
     * @param stage the stage; non-blank
     * @throws IllegalArgumentException when the stage is blank
     */
    public StagedEvent {
        Checks.present("at", at);
        Checks.nonBlank("stage", stage);
    }
}
