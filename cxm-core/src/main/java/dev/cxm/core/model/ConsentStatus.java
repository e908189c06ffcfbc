package dev.cxm.core.model;

/** Where a customer stands on one purpose of data processing. */
public enum ConsentStatus {
    /** The customer agreed. */
    GRANTED,
    /** The customer was asked and declined. */
    DENIED,
    /** The customer had agreed and withdrew. */
    REVOKED
}
