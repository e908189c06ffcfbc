package dev.cxm.core.model;

/** The kinds of identity a customer can be known by on other channels. */
public enum IdentityType {
    /** The SHA-256 of a normalised e-mail address; the address itself is never stored. */
    EMAIL_HASH,
    /** The SHA-256 of a normalised phone number; the number itself is never stored. */
    PHONE_HASH,
    /** A device or advertising id. */
    DEVICE_ID,
    /** Any other key a host system uses for the customer. */
    EXTERNAL_ID
}
