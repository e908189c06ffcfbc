package dev.cxm.engage.segment;

/** Hears every entry into and exit from a segment of a {@link SegmentMembership}. */
@FunctionalInterface
public interface SegmentListener {

    /**
     * Called after a customer entered or left a segment, on the thread that updated the membership.
     *
     * @param change the entry or exit
     */
    void changed(SegmentChange change);
}
