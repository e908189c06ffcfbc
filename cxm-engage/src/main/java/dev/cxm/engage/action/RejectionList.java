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

    private final Rejection[] notInSegment;
    private final Rejection[] noConsent;
    private final Rejection[] lower;
    private final long[] inSegment;
    private final long[] eligible;
    private final int best;
    private final int size;

    /**
     * Makes the list; it keeps the bit arrays, which the caller must not change afterwards.
     *
     * @param notInSegment per action, its rejection for segment
     * @param noConsent per action, its rejection for consent
     * @param lower per action, its rejection for lower value than the chosen one
     * @param inSegment the actions in segment, as bits
     * @param eligible the actions eligible, as bits
     * @param best the chosen action, left out
     */
    RejectionList(Rejection[] notInSegment, Rejection[] noConsent, Rejection[] lower, long[] inSegment,
            long[] eligible, int best) {
        this.notInSegment = notInSegment;
        this.noConsent = noConsent;
        this.lower = lower;
        this.inSegment = inSegment;
        this.eligible = eligible;
        this.best = best;
        this.size = notInSegment.length - 1;
    }

    @Override
    public Rejection get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size + " rejections");
        }
        int action = index < best ? index : index + 1;
        if (has(eligible, action)) {
            return lower[action];
        }
        return has(inSegment, action) ? noConsent[action] : notInSegment[action];
    }

    private static boolean has(long[] bits, int index) {
        return (bits[index >>> 6] & 1L << index) != 0;
    }

    @Override
    public int size() {
        return size;
    }
}
