package dev.cxm.engage.action;

/** What an action does. */
public enum ActionKind {
    /** A call to the customer, such as a follow-up of a complaint. */
    CALL,
    /** An offer, such as a discount. */
    OFFER,
    /** A message without an offer, such as a nudge. */
    MESSAGE,
    /** A survey invitation. */
    SURVEY
}
