package dev.cxm.engage.segment;

import java.time.Instant;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * A customer entering or leaving a segment.
 *
 * @param customer the customer
 * @param segment the segment's name
 * @param entered true when the customer entered, false when they left
 * @param at the instant the membership was evaluated at
 */
public record SegmentChange(CustomerId customer, String segment, boolean entered, Instant at) {

    /**
     * Validates the change.
     *
     * @param customer the customer
     * @param segment the segment's name
     * @param entered whether the customer entered
     * @param at the instant of the evaluation
     */
    public SegmentChange {
        Checks.present("customer", customer);
        Checks.nonBlank("segment", segment);
        Checks.present("at", at);
    }
}
