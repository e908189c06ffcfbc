package dev.cxm.examples.simulate.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes one event of an {@link EventBuffer} as a row of {@code events.csv} (cxm's default columns plus three
 * attribute columns) and as a line of {@code events.ndjson} (exactly as {@code CxmJson.mapper()} writes the
 * event; the tests compare them byte for byte).
 */
public final class EventRows {

    /** The columns of {@code events.csv}: cxm's default event columns, then the attribute columns. */
    public static final List<String> CSV_COLUMNS = List.of("event_id", "type", "customer_id", "occurred_at",
            "touchpoint_id", "touchpoint_name", "channel", "stage", "outcome", "duration", "order_id", "amount",
            "currency", "items", "survey_id", "scale", "score", "comment", "wait_seconds", "plan", "campaign");

    /** The columns copied into the events' attributes, in the order the NDJSON writes them. */
    public static final List<String> ATTRIBUTE_COLUMNS = List.of("wait_seconds", "plan", "campaign");

    private static final byte[] INTERACTION_JSON = bytes("{\"type\":\"interaction\",\"eventId\":\"");
    private static final byte[] PURCHASE_JSON = bytes("{\"type\":\"purchase\",\"eventId\":\"");
    private static final byte[] FEEDBACK_JSON = bytes("{\"type\":\"feedback\",\"eventId\":\"");
    private static final byte[] CUSTOMER_JSON = bytes("\",\"customerId\":\"");
    private static final byte[] TIME_JSON = bytes("\",\"occurredAt\":\"");
    private static final byte[] INTERACTION_CSV = bytes(",interaction,");
    private static final byte[] PURCHASE_CSV = bytes(",purchase,");
    private static final byte[] FEEDBACK_CSV = bytes(",feedback,");
    private static final byte[] QUOTE_COMMA = bytes("\",");
    private static final byte[] OUTCOME_JSON = bytes(",\"outcome\":\"");
    private static final byte[] DURATION_JSON = bytes("\",\"duration\":\"");
    private static final byte[] ORDER_JSON = bytes("\"orderId\":\"");
    private static final byte[] AMOUNT_JSON = bytes("\",\"amount\":{\"amount\":");
    private static final byte[] CURRENCY_JSON = bytes(",\"currency\":\"EUR\"},\"itemCount\":");
    private static final byte[] SCORE_JSON = bytes(",\"score\":");
    private static final byte[] COMMENT_JSON = bytes("\"comment\":");
    private static final byte[] ATTRIBUTES_JSON = bytes("\"attributes\":{");
    private static final byte[] END_JSON = bytes("}}\n");
    private static final byte[] EUR_CSV = bytes(",EUR,");
    private static final byte[] NINE_COMMAS = bytes(",,,,,,,,,");

    private EventRows() {}

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Appends {@code <customer>.<seq>}, the event's id. */
    private static void appendEventId(Ascii out, byte[] customerId, int seq) {
        out.append(customerId).append('.').append(seq);
    }

    /**
     * Appends row {@code i} of {@code events} as one CSV row.
     *
     * @param out where the row goes
     * @param events the buffer
     * @param i the event's row in the buffer
     * @param customerId the event's customer id
     * @param orderPrefix the customer id with {@code o} for its first letter, for order ids
     * @param seq the event's number within its customer, for its id
     */
    static void csv(Ascii out, EventBuffer events, int i, byte[] customerId, byte[] orderPrefix, int seq) {
        appendEventId(out, customerId, seq);
        byte type = events.type[i];
        out.append(type == EventBuffer.INTERACTION ? INTERACTION_CSV : type == EventBuffer.PURCHASE ? PURCHASE_CSV
                : FEEDBACK_CSV);
        out.append(customerId).append(',');
        Times.appendInstant(out, events.time[i]);
        out.append(',');
        Place place = events.place[i];
        if (place != null) {
            out.append(place.csvCells());
        } else {
            out.append(",,,");
        }
        out.append(',');
        switch (type) {
            case EventBuffer.INTERACTION -> {
                // outcome,duration then eight empty cells to the comment
                out.append(events.outcome[i]).append(',').append(events.duration[i]).append(NINE_COMMAS);
            }
            case EventBuffer.PURCHASE -> {
                out.append(",,");
                appendEventId(out, orderPrefix, seq);
                out.append(',').appendFixed(events.cents[i], 2).append(EUR_CSV).append(events.items[i]).append(",,,,,");
            }
            default -> {
                out.append(",,,,,,");
                out.append(events.survey[i].csvCells()).append(',').append(events.score[i]).append(',');
                String comment = events.comment[i];
                if (comment != null) {
                    out.appendCsvCell(comment);
                }
                out.append(',');
            }
        }
        // wait_seconds,plan,campaign
        if (events.wait[i] != EventBuffer.NONE) {
            out.append(events.wait[i]);
        }
        out.append(',');
        if (events.plan[i] != null) {
            out.append(events.plan[i]);
        }
        out.append(',');
        if (events.campaign[i] != null) {
            out.append(events.campaign[i]);
        }
        out.append('\n');
    }

    /**
     * Appends row {@code i} of {@code events} as one NDJSON line, as {@code CxmJson.mapper()} writes the event.
     *
     * @param out where the line goes
     * @param events the buffer
     * @param i the event's row in the buffer
     * @param customerId the event's customer id
     * @param orderPrefix the customer id with {@code o} for its first letter, for order ids
     * @param seq the event's number within its customer, for its id
     */
    static void ndjson(Ascii out, EventBuffer events, int i, byte[] customerId, byte[] orderPrefix, int seq) {
        byte type = events.type[i];
        out.append(type == EventBuffer.INTERACTION ? INTERACTION_JSON : type == EventBuffer.PURCHASE ? PURCHASE_JSON
                : FEEDBACK_JSON);
        appendEventId(out, customerId, seq);
        out.append(CUSTOMER_JSON).append(customerId).append(TIME_JSON);
        Times.appendInstant(out, events.time[i]);
        out.append(QUOTE_COMMA);
        Place place = events.place[i];
        switch (type) {
            case EventBuffer.INTERACTION -> {
                out.append(place.jsonMember()).append(OUTCOME_JSON).append(events.outcome[i])
                        .append(DURATION_JSON);
                Times.appendDuration(out, events.duration[i]);
                out.append(QUOTE_COMMA);
            }
            case EventBuffer.PURCHASE -> {
                out.append(ORDER_JSON);
                appendEventId(out, orderPrefix, seq);
                out.append(AMOUNT_JSON).appendFixed(events.cents[i], 2)
                        .append(CURRENCY_JSON).append(events.items[i]).append(',')
                        .append(place.jsonMember()).append(',');
            }
            default -> {
                out.append(events.survey[i].jsonMembers()).append(SCORE_JSON).append(events.score[i]).append(',');
                String comment = events.comment[i];
                if (comment != null) {
                    out.append(COMMENT_JSON).appendJsonString(comment).append(',');
                }
                if (place != null) {
                    out.append(place.jsonMember()).append(',');
                }
            }
        }
        out.append(ATTRIBUTES_JSON);
        boolean first = true;
        if (events.wait[i] != EventBuffer.NONE) {
            out.append("\"wait_seconds\":\"").append(events.wait[i]).append('"');
            first = false;
        }
        if (events.plan[i] != null) {
            out.append(first ? "" : ",").append("\"plan\":\"").append(events.plan[i]).append('"');
            first = false;
        }
        if (events.campaign[i] != null) {
            out.append(first ? "" : ",").append("\"campaign\":\"").append(events.campaign[i]).append('"');
        }
        out.append(END_JSON);
    }
}
