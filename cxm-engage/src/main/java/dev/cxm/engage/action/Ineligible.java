package dev.cxm.engage.action;

/**
 * Per action of a catalogue, its rejection for segment and for consent, made once with the decider: the
 * rejection of an action that is not eligible, for {@link NextBestAction} and the {@link RejectionList}s it
 * makes alike. Immutable.
 */
final class Ineligible {

    private final Rejection[] notInSegment;
    private final Rejection[] noConsent;

    /**
     * Keeps the arrays, which the caller must not change afterwards.
     *
     * @param notInSegment per action, its rejection for segment
     * @param noConsent per action, its rejection for consent
     */
    Ineligible(Rejection[] notInSegment, Rejection[] noConsent) {
        this.notInSegment = notInSegment;
        this.noConsent = noConsent;
    }

    /**
     * Returns the rejection of an action that is not eligible: for consent when it is in segment, else for
     * segment.
     *
     * @param action the action's index
     * @param inSegment the actions in segment, as bits
     * @return its rejection
     */
    Rejection of(int action, long[] inSegment) {
        return ActionBits.has(inSegment, action) ? noConsent[action] : notInSegment[action];
    }

    /** Returns the number of actions. */
    int size() {
        return notInSegment.length;
    }
}
