package dev.cxm.journey.track;

/**
 * Hears what a {@link StageTracker} sees as it happens: every stage change and every stall, so that a host can
 * act at once (send a message, open a task). Called on the thread that tracked the event or checked the
 * stalls, after the state is stored; a listener that throws does not stop the tracker or the other listeners.
 */
public interface JourneyListener {

    /**
     * Hears a customer's move into a stage.
     *
     * @param change the move
     */
    default void stageChanged(StageChange change) {}

    /**
     * Hears a customer who stays in a stage longer than expected.
     *
     * @param stall the stall
     */
    default void stalled(Stall stall) {}
}
