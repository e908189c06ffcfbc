package dev.cxm.core.model;

import java.time.Instant;

import dev.cxm.core.internal.Checks;

/**
 * One recorded consent decision: for a purpose (such as {@code "marketing-email"}), a status, and when.
 *
 * @param purpose what the data would be processed for
 * @param status the customer's decision
 * @param at when it was recorded
 */
public record ConsentRecord(String purpose, ConsentStatus status, Instant at) {

    /**
     * Validates the record.
     *
     * @param purpose what the data would be processed for, a non-blank identifier of at most 256 characters
     * @param status the customer's decision
     * @param at when the decision was recorded
     * @throws IllegalArgumentException if {@code purpose} is blank or longer than 256 characters
     */
    public ConsentRecord {
        Checks.identifier("consent.purpose", purpose);
        Checks.present("consent.status", status);
        Checks.present("consent.at", at);
    }
}
