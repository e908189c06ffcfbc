package dev.cxm.jdbc.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;

/**
 * What both databases hold exactly, checked before anything is written, so that a value is refused with a
 * message (naming the event id and the field, never the value) instead of being changed or failing halfway:
 * <ul>
 *   <li>instants from {@value #FIRST_YEAR}-01-01 to {@value #LAST_YEAR}-12-31 (the range of SQL's
 *       timestamps that PostgreSQL and H2 share and JDBC drivers convert without calendar surprises);</li>
 *   <li>text without NUL characters (PostgreSQL's text cannot hold one) and without unpaired surrogates
 *       (not Unicode, so not UTF-8: a driver would replace them);</li>
 *   <li>durations of at most {@link Long#MAX_VALUE} nanoseconds (about 292 years), kept exactly as a count
 *       of nanoseconds;</li>
 *   <li>amounts less than 10<sup>{@value #AMOUNT_INTEGER_DIGITS}</sup> in magnitude with at most
 *       {@value #AMOUNT_SCALE} decimal places once trailing zeros are removed: what the column
 *       {@code NUMERIC(36, 18)} holds without rounding (every {@code Money} fits; the writers check again).</li>
 * </ul>
 */
public final class Storable {

    /** The first year a stored instant may fall in. */
    public static final int FIRST_YEAR = 1;
    /** The last year a stored instant may fall in. */
    public static final int LAST_YEAR = 9999;
    /** The first instant a store holds. */
    public static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    /** The first instant after the last one a store holds. */
    public static final Instant END_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

    /** The most digits a stored amount has before its decimal point: the column {@code NUMERIC(36, 18)}'s 36 - 18. */
    public static final int AMOUNT_INTEGER_DIGITS = 18;
    /** The most digits a stored amount has after its decimal point: the column {@code NUMERIC(36, 18)}'s scale. */
    public static final int AMOUNT_SCALE = 18;

    private Storable() {}

    /** Throws unless every field of {@code event} can be stored exactly. */
    public static void requireStorable(CustomerEvent event) {
        String id = event.eventId().value();
        text(id, "eventId", id);
        text(id, "customerId", event.customerId().value());
        instant(id, "occurredAt", event.occurredAt());
        event.atTouchpoint().ifPresent(touchpoint -> touchpoint(id, touchpoint));
        if (event instanceof Interaction interaction) {
            text(id, "outcome", interaction.outcome());
            duration(id, interaction.duration());
        } else if (event instanceof Purchase purchase) {
            text(id, "orderId", purchase.orderId());
            amount(id, "amount", purchase.amount().amount());
        } else if (event instanceof FeedbackResponse response) {
            text(id, "surveyId", response.surveyId());
            text(id, "scale", response.scale().name());
            response.comment().ifPresent(comment -> text(id, "comment", comment));
        }
        attributes(id, "attributes", event.attributes());
    }

    private static void touchpoint(String id, Touchpoint touchpoint) {
        text(id, "touchpoint.id", touchpoint.id().value());
        text(id, "touchpoint.name", touchpoint.name());
        touchpoint.stage().ifPresent(stage -> text(id, "touchpoint.stage", stage));
    }

    /** Throws unless every key and value of {@code map} can be stored. */
    public static void attributes(String owner, String field, Map<String, String> map) {
        map.forEach((key, value) -> {
            text(owner, field + " key", key);
            text(owner, field + " value", value);
        });
    }

    /** Throws unless {@code instant} lies in the stored range. */
    public static void instant(String owner, String field, Instant instant) {
        if (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END_INSTANT)) {
            throw new IllegalArgumentException(field + ": the instant of " + owner + " lies outside the years "
                    + FIRST_YEAR + " to " + LAST_YEAR + ", which the JDBC stores hold; nothing was stored");
        }
    }

    /**
     * Throws unless the column {@code NUMERIC(36, 18)} holds {@code amount} exactly: less than
     * 10<sup>{@value #AMOUNT_INTEGER_DIGITS}</sup> in magnitude, at most {@value #AMOUNT_SCALE} decimal places
     * once trailing zeros are removed (the database would round a further one away).
     *
     * @param owner the id of what holds the amount, for the message
     * @param field the field, for the message
     * @param amount the amount; the message names its bounds, not the amount
     * @throws IllegalArgumentException when the column cannot hold the amount exactly
     */
    public static void amount(String owner, String field, BigDecimal amount) {
        if (amount.signum() == 0) {
            return;
        }
        long integerDigits = (long) amount.precision() - amount.scale();
        boolean holds = integerDigits <= AMOUNT_INTEGER_DIGITS && (amount.scale() <= AMOUNT_SCALE
                // The first significant digit lies -integerDigits + 1 places after the point, the last no earlier:
                // past the scale, no stripping (which a huge exponent makes slow) can bring it back.
                || -integerDigits + 1 <= AMOUNT_SCALE && amount.stripTrailingZeros().scale() <= AMOUNT_SCALE);
        if (!holds) {
            throw new IllegalArgumentException(field + ": the amount of " + owner + " lies outside what the column"
                    + " NUMERIC(36, 18) holds (less than 10^" + AMOUNT_INTEGER_DIGITS + " in magnitude, at most "
                    + AMOUNT_SCALE + " decimal places); nothing was stored");
        }
    }

    private static void duration(String id, Duration duration) {
        if (duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("duration: the duration of " + id + " is longer than "
                    + Long.MAX_VALUE + " nanoseconds (about 292 years), which the JDBC stores hold; nothing was stored");
        }
    }

    /** Throws unless {@code text} has no NUL character and no unpaired surrogate. */
    public static void text(String owner, String field, String text) {
        int at = firstUnstorable(text);
        if (at < 0) {
            return;
        }
        if (text.charAt(at) == '\u0000') {
            throw new IllegalArgumentException(field + ": the text of " + owner + " holds a NUL character"
                    + " (at index " + at + "), which PostgreSQL cannot store; nothing was stored");
        }
        throw new IllegalArgumentException(field + ": the text of " + owner + " holds an unpaired"
                + " surrogate (at index " + at + "), which is not Unicode text; nothing was stored");
    }

    /**
     * Returns whether a store can hold {@code text}; text it cannot hold is in no stored row, so a query for it
     * matches nothing.
     */
    public static boolean holds(String text) {
        return firstUnstorable(text) < 0;
    }

    /** Returns the index of the first NUL character or unpaired surrogate of {@code text}, or -1. */
    private static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }
}
