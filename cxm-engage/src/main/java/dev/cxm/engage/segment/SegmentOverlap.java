package dev.cxm.engage.segment;

import dev.cxm.core.internal.Checks;

/**
 * How many customers two segments share.
 *
 * @param first one segment's name
 * @param second the other's, later in the list of segments
 * @param customers the number of customers in both
 */
public record SegmentOverlap(String first, String second, long customers) {

    /**
     * Validates the overlap.
     *
     * @param first one segment's name
     * @param second the other's
     * @param customers the number in both, 0 or more
     */
    public SegmentOverlap {
        Checks.nonBlank("first", first);
        Checks.nonBlank("second", second);
        if (customers < 0) {
            throw new IllegalArgumentException("customers: " + customers + " is negative");
        }
    }
}
