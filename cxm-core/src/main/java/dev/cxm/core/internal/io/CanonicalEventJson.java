package dev.cxm.core.internal.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;

/**
 * Reads an event from Jackson's tokens when it is in the form {@code CxmJson} writes (keys in any order):
 * every property of the event's type once, each value of the JSON type cxm writes, ISO-8601 instants and
 * durations in {@code toString} form, and values the model accepts. For anything else (an unknown or repeated
 * key, a {@code null}, a number where a string belongs, a value the model refuses) it answers {@code null}
 * and reads no further, and {@link StrictEventJson} decides what the line is: so this reader only ever accepts
 * what data binding accepts, and makes the same event of it, which the tests check on random events.
 *
 * <p>One instance reads one input, on one thread: it keeps the few distinct currencies, scales and texts it
 * has parsed, and the touchpoints it has made (an event at a touchpoint made before gets that instance).
 */
final class CanonicalEventJson {

    // One bit per property, to find a repeated key without a set.
    static final int TYPE = 1;
    static final int EVENT_ID = 1 << 1;
    static final int CUSTOMER_ID = 1 << 2;
    static final int OCCURRED_AT = 1 << 3;
    static final int ATTRIBUTES = 1 << 4;
    static final int TOUCHPOINT = 1 << 5;
    static final int OUTCOME = 1 << 6;
    static final int DURATION = 1 << 7;
    static final int ORDER_ID = 1 << 8;
    static final int AMOUNT = 1 << 9;
    static final int ITEM_COUNT = 1 << 10;
    static final int SURVEY_ID = 1 << 11;
    static final int SCALE = 1 << 12;
    static final int SCORE = 1 << 13;
    static final int COMMENT = 1 << 14;

    private static final int COMMON = TYPE | EVENT_ID | CUSTOMER_ID | OCCURRED_AT;
    private static final int INTERACTION_REQUIRED = COMMON | TOUCHPOINT | OUTCOME | DURATION;
    private static final int INTERACTION_ALLOWED = INTERACTION_REQUIRED | ATTRIBUTES;
    private static final int PURCHASE_REQUIRED = COMMON | ORDER_ID | AMOUNT | ITEM_COUNT;
    private static final int PURCHASE_ALLOWED = PURCHASE_REQUIRED | ATTRIBUTES | TOUCHPOINT;
    private static final int FEEDBACK_REQUIRED = COMMON | SURVEY_ID | SCALE | SCORE;
    private static final int FEEDBACK_ALLOWED = FEEDBACK_REQUIRED | ATTRIBUTES | TOUCHPOINT | COMMENT;

    private static final Channel[] CHANNELS = Channel.values();
    /** Slots of the table of touchpoints made before: a power of two. */
    private static final int TOUCHPOINTS = 64;

    // The keys, for Jackson to match where they are expected: cxm writes them in this order.
    private static final SerializedString[] NAMES = new SerializedString[15];
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString CHANNEL = new SerializedString("channel");
    private static final SerializedString STAGE = new SerializedString("stage");
    private static final SerializedString AMOUNT_VALUE = new SerializedString("amount");
    private static final SerializedString CURRENCY = new SerializedString("currency");
    private static final SerializedString MIN = new SerializedString("min");
    private static final SerializedString MAX = new SerializedString("max");

    static {
        String[] names = {"type", "eventId", "customerId", "occurredAt", "attributes", "touchpoint", "outcome",
                "duration", "orderId", "amount", "itemCount", "surveyId", "scale", "score", "comment"};
        for (int i = 0; i < names.length; i++) {
            NAMES[i] = new SerializedString(names[i]);
        }
    }

    final ParsedTexts<Currency> currencies = new ParsedTexts<>(Currency::getInstance);
    final ParsedTexts<Channel> channels = new ParsedTexts<>(CanonicalEventJson::channel);
    /** Texts that repeat from event to event (types, outcomes, survey ids, touchpoints), each made once. */
    final ParsedTexts<String> typeTexts = new ParsedTexts<>(Function.identity());
    final ParsedTexts<String> outcomes = new ParsedTexts<>(Function.identity());
    final ParsedTexts<String> surveyIds = new ParsedTexts<>(Function.identity());
    final ParsedTexts<String> touchpointTexts = new ParsedTexts<>(Function.identity());
    final ParsedTexts<String> scaleNames = new ParsedTexts<>(Function.identity());
    final EventProperties properties = new EventProperties();
    /** The touchpoints made last, by a hash of their id and name, with the strings they were made of. */
    private final @Nullable Touchpoint[] touchpoints = new Touchpoint[TOUCHPOINTS];
    private final @Nullable String[] touchpointIds = new String[TOUCHPOINTS];
    private final @Nullable String[] touchpointNames = new String[TOUCHPOINTS];
    private final @Nullable String[] touchpointStages = new String[TOUCHPOINTS];

    /**
     * Reads the event whose {@code START_OBJECT} the parser has just read.
     *
     * @param parser the parser, at the start of an object
     * @return the event, with the parser at the object's {@code END_OBJECT}; or null when the object is not in
     *     the canonical form, with the parser anywhere inside it
     * @throws IOException when the JSON is malformed
     */
    @Nullable CustomerEvent read(JsonParser parser) throws IOException {
        EventProperties event = properties.clear();
        int expected = TYPE;
        for (int bit = nextKey(parser, expected); bit >= 0; bit = nextKey(parser, expected)) {
            JsonToken value = parser.nextToken();
            expected = successor(bit, event.type);
            if (bit == 0 || (event.seen & bit) != 0 || !readProperty(bit, parser, value, event)) {
                return null;
            }
            event.seen |= bit;
        }
        return parser.currentToken() == JsonToken.END_OBJECT ? event.build() : null;
    }

    /** Reads the value of the property {@code bit} into {@code event}; false when it is not in canonical form. */
    private boolean readProperty(int bit, JsonParser parser, JsonToken value, EventProperties event)
            throws IOException {
        switch (bit) {
            case ATTRIBUTES:
                return (event.attributes = attributes(parser, value)) != null;
            case TOUCHPOINT:
                return (event.touchpoint = touchpoint(parser, value)) != null;
            case AMOUNT:
                return (event.amount = money(parser, value)) != null;
            case SCALE:
                return (event.scale = scale(parser, value)) != null;
            case ITEM_COUNT:
            case SCORE:
                if (!isInt(parser, value)) {
                    return false;
                }
                if (bit == SCORE) {
                    event.score = parser.getIntValue();
                } else {
                    event.itemCount = parser.getIntValue();
                }
                return true;
            default:
                break;
        }
        if (value != JsonToken.VALUE_STRING) {
            return false;
        }
        switch (bit) {
            case OCCURRED_AT:
                return (event.occurredAt = IsoTimestamps.parseInstant(parser.getTextCharacters(),
                        parser.getTextOffset(), parser.getTextOffset() + parser.getTextLength())) != null;
            case DURATION:
                return (event.duration = CellNumbers.isoDuration(parser.getTextCharacters(), parser.getTextOffset(),
                        parser.getTextOffset() + parser.getTextLength())) != null;
            case TYPE:
                event.type = text(parser, typeTexts);
                return true;
            case EVENT_ID:
                event.eventId = parser.getText();
                return true;
            case CUSTOMER_ID:
                event.customerId = parser.getText();
                return true;
            case OUTCOME:
                event.outcome = text(parser, outcomes);
                return true;
            case ORDER_ID:
                event.orderId = parser.getText();
                return true;
            case SURVEY_ID:
                event.surveyId = text(parser, surveyIds);
                return true;
            case COMMENT:
                event.comment = parser.getText();
                return true;
            default:
                return false;
        }
    }

    /** The properties of the event being read, reused from event to event. */
    static final class EventProperties {
        int seen;
        @Nullable String type;
        @Nullable String eventId;
        @Nullable String customerId;
        @Nullable Instant occurredAt;
        @Nullable Map<String, String> attributes;
        @Nullable Touchpoint touchpoint;
        @Nullable String outcome;
        @Nullable Duration duration;
        @Nullable String orderId;
        @Nullable Money amount;
        int itemCount;
        @Nullable String surveyId;
        @Nullable FeedbackScale scale;
        int score;
        @Nullable String comment;

        EventProperties clear() {
            seen = 0;
            type = null;
            attributes = Map.of();
            touchpoint = null;
            comment = null;
            // The others are read before use only when seen.
            return this;
        }

        /** Returns the event, or null when the type's properties are not all there or the model refuses one. */
        @Nullable CustomerEvent build() {
            if (type == null) {
                return null;
            }
            try {
                return switch (type) {
                    case "interaction" -> has(INTERACTION_REQUIRED, INTERACTION_ALLOWED)
                            ? new Interaction(EventId.of(eventId), CustomerId.of(customerId), occurredAt, touchpoint,
                                    outcome, duration, attributes)
                            : null;
                    case "purchase" -> has(PURCHASE_REQUIRED, PURCHASE_ALLOWED)
                            ? new Purchase(EventId.of(eventId), CustomerId.of(customerId), occurredAt, orderId,
                                    amount, itemCount, Optional.ofNullable(touchpoint), attributes)
                            : null;
                    case "feedback" -> has(FEEDBACK_REQUIRED, FEEDBACK_ALLOWED)
                            ? new FeedbackResponse(EventId.of(eventId), CustomerId.of(customerId), occurredAt,
                                    surveyId, scale, score, Optional.ofNullable(comment),
                                    Optional.ofNullable(touchpoint), attributes)
                            : null;
                    default -> null;
                };
            } catch (IllegalArgumentException refused) {
                // The model's rules decide; data binding names the property and the rule.
                return null;
            }
        }

        /** Returns whether every required property was read and no other than allowed. */
        private boolean has(int required, int allowed) {
            return (seen & required) == required && (seen & ~allowed) == 0;
        }
    }

    /**
     * Returns the bit of the next key of the event: Jackson compares the input with the key of {@code expected}
     * in place, and only a key that is another is looked up.
     *
     * @return the key's bit (0 for an unknown key), or -1 at the end of the object
     */
    private static int nextKey(JsonParser parser, int expected) throws IOException {
        if (parser.nextFieldName(NAMES[Integer.numberOfTrailingZeros(expected)])) {
            return expected;
        }
        return parser.currentToken() == JsonToken.FIELD_NAME ? bit(parser.currentName()) : -1;
    }

    /**
     * Returns the next key of the object: Jackson compares the input with {@code expected} in place, and only
     * looks a key up when it is another.
     *
     * @return the key, or null at the end of the object
     */
    private static @Nullable String nextName(JsonParser parser, SerializedString expected) throws IOException {
        if (parser.nextFieldName(expected)) {
            return expected.getValue();
        }
        return parser.currentToken() == JsonToken.FIELD_NAME ? parser.currentName() : null;
    }

    /** Returns the key cxm writes after {@code bit} in an event of {@code type} (null when not yet read). */
    static int successor(int bit, @Nullable String type) {
        return switch (bit) {
            case TYPE -> EVENT_ID;
            case EVENT_ID -> CUSTOMER_ID;
            case CUSTOMER_ID -> OCCURRED_AT;
            case OCCURRED_AT -> "purchase".equals(type) ? ORDER_ID : "feedback".equals(type) ? SURVEY_ID : TOUCHPOINT;
            case TOUCHPOINT -> "interaction".equals(type) ? OUTCOME : ATTRIBUTES;
            case OUTCOME -> DURATION;
            case DURATION, COMMENT -> ATTRIBUTES;
            case ORDER_ID -> AMOUNT;
            case AMOUNT -> ITEM_COUNT;
            case SURVEY_ID -> SCALE;
            case SCALE -> SCORE;
            case ITEM_COUNT, SCORE -> TOUCHPOINT;
            default -> TYPE;
        };
    }

    private static int bit(String name) {
        return switch (name) {
            case "type" -> TYPE;
            case "eventId" -> EVENT_ID;
            case "customerId" -> CUSTOMER_ID;
            case "occurredAt" -> OCCURRED_AT;
            case "attributes" -> ATTRIBUTES;
            case "touchpoint" -> TOUCHPOINT;
            case "outcome" -> OUTCOME;
            case "duration" -> DURATION;
            case "orderId" -> ORDER_ID;
            case "amount" -> AMOUNT;
            case "itemCount" -> ITEM_COUNT;
            case "surveyId" -> SURVEY_ID;
            case "scale" -> SCALE;
            case "score" -> SCORE;
            case "comment" -> COMMENT;
            default -> 0;
        };
    }

    /** Returns the current string value, the same string each time the text repeats. */
    private static String text(JsonParser parser, ParsedTexts<String> texts) throws IOException {
        int from = parser.getTextOffset();
        return texts.parse(parser.getTextCharacters(), from, from + parser.getTextLength());
    }

    /** Returns whether the value is a JSON integer that fits an {@code int}, as data binding reads an int. */
    private static boolean isInt(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT;
    }

    /** Reads an object of string values; null when it is anything else or repeats a key. */
    private static @Nullable Map<String, String> attributes(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            return null;
        }
        String key = parser.nextFieldName();
        if (key == null) {
            return parser.currentToken() == JsonToken.END_OBJECT ? Map.of() : null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (; key != null; key = parser.nextFieldName()) {
            if (parser.nextToken() != JsonToken.VALUE_STRING || attributes.put(key, parser.getText()) != null) {
                return null;
            }
        }
        return parser.currentToken() == JsonToken.END_OBJECT ? attributes : null;
    }

    /** Reads {@code {"id":..,"name":..,"channel":..[,"stage":..]}}; null for any other form. */
    private @Nullable Touchpoint touchpoint(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            return null;
        }
        String id = null;
        String name = null;
        Channel channel = null;
        String stage = null;
        SerializedString expected = ID;
        for (String key = nextName(parser, expected); key != null; key = nextName(parser, expected)) {
            expected = key.equals("id") ? NAME : key.equals("name") ? CHANNEL : STAGE;
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            switch (key) {
                case "id" -> {
                    if (id != null) {
                        return null;
                    }
                    id = text(parser, touchpointTexts);
                }
                case "name" -> {
                    if (name != null) {
                        return null;
                    }
                    name = text(parser, touchpointTexts);
                }
                case "channel" -> {
                    if (channel != null) {
                        return null;
                    }
                    try {
                        int from = parser.getTextOffset();
                        channel = channels.parse(parser.getTextCharacters(), from, from + parser.getTextLength());
                    } catch (IllegalArgumentException notAChannel) {
                        return null;
                    }
                }
                case "stage" -> {
                    if (stage != null) {
                        return null;
                    }
                    stage = text(parser, touchpointTexts);
                }
                default -> {
                    return null;
                }
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || id == null || name == null || channel == null) {
            return null;
        }
        return touchpoint(id, name, channel, stage);
    }

    /**
     * Returns the touchpoint of these parts: the instance made before when the same strings (from
     * {@link #touchpointTexts}, the same string each time a text repeats) and channel made it, an equal value
     * that the store shares too; null when the model refuses them.
     */
    @Nullable Touchpoint touchpoint(String id, String name, Channel channel, @Nullable String stage) {
        int slot = (id.hashCode() * 31 + name.hashCode()) & (TOUCHPOINTS - 1);
        Touchpoint seen = touchpoints[slot];
        if (seen != null && touchpointIds[slot] == id && touchpointNames[slot] == name
                && touchpointStages[slot] == stage && seen.channel() == channel) {
            return seen;
        }
        try {
            Touchpoint touchpoint = new Touchpoint(TouchpointId.of(id), name, channel, Optional.ofNullable(stage));
            touchpoints[slot] = touchpoint;
            touchpointIds[slot] = id;
            touchpointNames[slot] = name;
            touchpointStages[slot] = stage;
            return touchpoint;
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }

    /**
     * Returns the channel of an enum constant's exact name, as data binding reads it.
     *
     * @throws IllegalArgumentException for another text
     */
    private static Channel channel(String name) {
        for (Channel channel : CHANNELS) {
            if (channel.name().equals(name)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("not a channel's name");
    }

    /** Reads {@code {"amount":<number>,"currency":"EUR"}}; null for any other form or an amount out of bounds. */
    private @Nullable Money money(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            return null;
        }
        BigDecimal amount = null;
        Currency currency = null;
        SerializedString expected = AMOUNT_VALUE;
        for (String key = nextName(parser, expected); key != null; key = nextName(parser, expected)) {
            expected = CURRENCY;
            JsonToken token = parser.nextToken();
            if (key.equals("amount") && amount == null
                    && (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT)) {
                amount = CellNumbers.plainDecimal(parser.getTextCharacters(), parser.getTextOffset(),
                        parser.getTextOffset() + parser.getTextLength());
                if (amount == null) {
                    // Another form of number (an exponent, a sign): data binding reads it.
                    return null;
                }
            } else if (key.equals("currency") && currency == null && token == JsonToken.VALUE_STRING) {
                try {
                    int from = parser.getTextOffset();
                    currency = currencies.parse(parser.getTextCharacters(), from, from + parser.getTextLength());
                } catch (IllegalArgumentException unknown) {
                    return null;
                }
            } else {
                return null;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || amount == null || currency == null) {
            return null;
        }
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }

    /** Reads {@code {"name":..,"min":..,"max":..}}; null for any other form or an invalid range. */
    private @Nullable FeedbackScale scale(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            return null;
        }
        String name = null;
        int min = 0;
        int max = 0;
        int seen = 0;
        SerializedString expected = NAME;
        for (String key = nextName(parser, expected); key != null; key = nextName(parser, expected)) {
            expected = key.equals("name") ? MIN : MAX;
            JsonToken token = parser.nextToken();
            int bit = switch (key) {
                case "name" -> 1;
                case "min" -> 2;
                case "max" -> 4;
                default -> 0;
            };
            if (bit == 0 || (seen & bit) != 0 || (bit == 1 ? token != JsonToken.VALUE_STRING : !isInt(parser, token))) {
                return null;
            }
            seen |= bit;
            switch (bit) {
                case 1 -> name = text(parser, scaleNames);
                case 2 -> min = parser.getIntValue();
                default -> max = parser.getIntValue();
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || seen != 7) {
            return null;
        }
        try {
            return new FeedbackScale(name, min, max);
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }
}
