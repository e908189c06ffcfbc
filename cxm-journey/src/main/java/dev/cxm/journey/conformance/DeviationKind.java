package dev.cxm.journey.conformance;

/** The ways a customer's journey leaves the designed map. */
public enum DeviationKind {
    /** A move forward past at least one stage of the designed order that the map does not allow. */
    SKIPPED_STAGE,
    /** A move back to an earlier stage of the designed order that the map does not allow. */
    BACKWARD_MOVE,
    /** A move to the next stage of the designed order that the map does not allow. */
    UNEXPECTED_MOVE,
    /** An event the map places in no stage: its touchpoint (or type) is outside the map. */
    OUTSIDE_MAP,
    /** A stay in a stage longer than the stage's expected time. */
    OVERDUE
}
