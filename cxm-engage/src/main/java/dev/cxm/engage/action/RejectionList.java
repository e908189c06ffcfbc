package dev.cxm.engage.action;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The rejections of a decision that chose an action of fixed value among actions of fixed value, as an
 * immutable list read from what the decision shares with others (the actions' rejections for segment and
 * consent, the chosen action's {@code Choice}) and the decision's own bits of the actions in segment and
 * eligible, instead of an array filled and copied per decision. Equal to any list of the same rejections.
 */
final class RejectionList extends AbstractList<Rejection> implements RandomAccess {

    private final Ineligible ineligible;
    private final Rejection[] lower;
    private final long[] inSegment;
    private final long[] eligible;
    private final int best;
    private final int size;

    /**
     * Makes the list; it keeps the bit arrays, which the caller must not change afterwards.
     *
     * @param ineligible per action, its rejection for segment or consent
     * @param lower per action, its rejection for lower value than the chosen one
     * @param inSegment the actions in segment, as bits
     * @param eligible the actions eligible, as bits
     * @param best the chosen action, left out
     */
    RejectionList(Ineligible ineligible, Rejection[] lower, long[] inSegment, long[] eligible, int best) {
        this.ineligible = ineligible;
        this.lower = lower;
        this.inSegment = inSegment;
        this.eligible = eligible;
        this.best = best;
        this.size = ineligible.size() - 1;
    }

    @Override
    public Rejection get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size + " rejections");
        }
        int action = index < best ? index : index + 1;
        return ActionBits.has(eligible, action) ? lower[action] : ineligible.of(action, inSegment);
    }

    @Override
    public int size() {
        return size;
    }
}
