package dev.cxm.core.io;

/**
 * The event fields a CSV column can fill. Each has a default column name, used when the mapping names no
 * other; a field whose column is absent from the header (and that has no fixed value) is simply not
 * given, which is an error only where the event type needs the field.
 */
public enum CsvField {
    /** The event id; without one, a deterministic id is derived from the row's line and cells. */
    EVENT_ID("event_id"),
    /** The event type: {@code interaction}, {@code purchase} or {@code feedback}. Needed. */
    TYPE("type"),
    /** The customer id. Needed. */
    CUSTOMER("customer_id"),
    /** When the event happened. Needed. */
    TIME("occurred_at"),
    /** The touchpoint id. Needed for interactions. */
    TOUCHPOINT("touchpoint_id"),
    /** The touchpoint's name; defaults to its id. */
    TOUCHPOINT_NAME("touchpoint_name"),
    /** The touchpoint's channel; defaults to {@code other}. */
    CHANNEL("channel"),
    /** The journey stage of the touchpoint. */
    STAGE("stage"),
    /** How an interaction ended; defaults to {@code unknown}. */
    OUTCOME("outcome"),
    /** How long an interaction lasted: ISO-8601 ({@code PT5M}) or a number in the mapping's duration unit. */
    DURATION("duration"),
    /** A purchase's order id; defaults to the event id. */
    ORDER("order_id"),
    /** A purchase's amount, a plain decimal. Needed for purchases. */
    AMOUNT("amount"),
    /** A purchase's ISO 4217 currency. Needed for purchases. */
    CURRENCY("currency"),
    /** A purchase's item count; defaults to 1. */
    ITEMS("items"),
    /** A feedback response's survey id; defaults to {@code default}. */
    SURVEY("survey_id"),
    /** A feedback response's scale: {@code nps}, {@code csat}, {@code ces} or {@code name:min..max}. Needed for feedback. */
    SCALE("scale"),
    /** A feedback response's score, an integer on its scale. Needed for feedback. */
    SCORE("score"),
    /** A feedback response's free-text comment. */
    COMMENT("comment");

    private final String defaultColumn;

    CsvField(String defaultColumn) {
        this.defaultColumn = defaultColumn;
    }

    /**
     * Returns the column name used when the mapping names no other.
     *
     * @return the header name, such as {@code "score"}
     */
    public String defaultColumn() {
        return defaultColumn;
    }
}
