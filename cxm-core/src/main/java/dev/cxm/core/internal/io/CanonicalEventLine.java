package dev.cxm.core.internal.io;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Touchpoint;

/**
 * Reads an event from the characters of one line, without a JSON parser, when the line is one JSON object in
 * the form {@code CxmJson} writes (keys in any order, spaces and tabs between tokens allowed): the common case
 * of an NDJSON import, which this reads in about half the time Jackson's streaming parser takes to tokenize it.
 *
 * <p>It reads a strict subset of JSON: keys, instants, durations, channels and currencies without escapes (other
 * strings may have the escapes JSON defines), numbers without an exponent (integers of at most 9 digits),
 * and the values {@link CanonicalEventJson} accepts, read by the same rules into the same parts (the same
 * text tables and touchpoints). For anything else it answers {@code null} and reads no further, and the
 * caller reads the line with Jackson as before ({@link CanonicalEventJson}, then {@link StrictEventJson}),
 * which decides what it is. So a line means what it meant; {@code NdjsonRowReaderTest} checks that on random
 * files of valid and spoiled lines.
 *
 * <p>One instance reads one input, on one thread, with the {@link CanonicalEventJson} of that input.
 */
final class CanonicalEventLine {

    /** The keys of an event, by the index of their bit in {@link CanonicalEventJson}. */
    private static final char[][] KEYS = chars("type", "eventId", "customerId", "occurredAt", "attributes",
            "touchpoint", "outcome", "duration", "orderId", "amount", "itemCount", "surveyId", "scale", "score",
            "comment");
    private static final char[] ID = "id".toCharArray();
    private static final char[] NAME = "name".toCharArray();
    private static final char[] CHANNEL = "channel".toCharArray();
    private static final char[] STAGE = "stage".toCharArray();
    private static final char[] AMOUNT = "amount".toCharArray();
    private static final char[] CURRENCY = "currency".toCharArray();
    private static final char[] MIN = "min".toCharArray();
    private static final char[] MAX = "max".toCharArray();
    /** The most digits of an integer read here: any such number fits an {@code int}. */
    private static final int INT_DIGITS = 9;
    /**
     * The longest string read here, in characters (escapes counted as written): a longer one is left to
     * Jackson, whose {@code StreamReadConstraints} refuse strings and keys beyond their limits (20,000,000 and
     * 50,000 characters), so that such a line is still refused as before.
     */
    static final int LONGEST_STRING = 10_000;

    private final CanonicalEventJson parts;
    private final StringBuilder unescaped = new StringBuilder();
    private char[] chars = new char[0];
    /** Where reading is: the next character to look at. */
    private int at;
    /** The end of the line. */
    private int end;
    /** The characters of the last string (without its quotes) or number read in place. */
    private int textFrom;
    private int textTo;
    /** The touchpoints and scales read before, by their objects' texts: the same text gives the same instance. */
    private final SeenTexts<Touchpoint> touchpoints = new SeenTexts<>();
    private final SeenTexts<FeedbackScale> scales = new SeenTexts<>();
    private final Supplier<@Nullable Touchpoint> readTouchpoint = this::touchpointParts;
    private final Supplier<@Nullable FeedbackScale> readScale = this::scaleParts;

    /**
     * Reads with the tables and touchpoints of {@code parts}, which reads the lines this one leaves.
     *
     * @param parts the Jackson reader of the same input
     */
    CanonicalEventLine(CanonicalEventJson parts) {
        this.parts = parts;
    }

    /**
     * Reads the line at {@code chars[from]}, which ends at the first line break ({@code \n} or {@code \r})
     * or at {@code to}.
     *
     * @param chars the characters
     * @param from where the line starts
     * @param to where the characters end: the line's end, or any point after it
     * @return the event, with {@link #lineEnd()} where its line ends; or null when the line is not one object
     *     in the form read here (or does not end before {@code to})
     */
    @Nullable CustomerEvent read(char[] chars, int from, int to) {
        this.chars = chars;
        this.at = from;
        this.end = to;
        try {
            return readLine();
        } catch (IllegalArgumentException refused) {
            // A currency, channel or part the model refuses: the Jackson reader says so.
            return null;
        }
    }

    /**
     * Returns where the line of the event {@link #read} returned ends: the index of its line break, or the end
     * of the characters it was given.
     *
     * @return the line's end
     */
    int lineEnd() {
        return at;
    }

    private @Nullable CustomerEvent readLine() {
        if (!skipTo('{')) {
            return null;
        }
        CanonicalEventJson.EventProperties event = parts.properties.clear();
        int expected = CanonicalEventJson.TYPE;
        do {
            skipSpaces();
            int bit = key(expected);
            if (bit == 0 || (event.seen & bit) != 0 || !skipTo(':') || !value(bit, event)) {
                return null;
            }
            event.seen |= bit;
            expected = CanonicalEventJson.successor(bit, event.type);
        } while (nextMember());
        if (at > end) {
            return null;
        }
        skipSpaces();
        return at == end || chars[at] == '\n' || chars[at] == '\r' ? event.build() : null;
    }

    /**
     * Moves past the comma or closing brace after a member; true after a comma. A closing brace or anything
     * else ends the object; the caller checks which.
     */
    private boolean nextMember() {
        skipSpaces();
        if (at < end && chars[at] == ',') {
            at++;
            return true;
        }
        if (at < end && chars[at] == '}') {
            at++;
            return false;
        }
        at = end + 1;
        return false;
    }

    /** Skips spaces and tabs, then {@code c}; false when another character (or the end) comes first. */
    private boolean skipTo(char c) {
        skipSpaces();
        if (at < end && chars[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (at < end && (chars[at] == ' ' || chars[at] == '\t')) {
            at++;
        }
    }

    /**
     * Reads a key, comparing it in place with the key of {@code expected} first, the key cxm writes there.
     *
     * @return the key's bit, or 0 for an unknown key or anything else
     */
    private int key(int expected) {
        int guess = Integer.numberOfTrailingZeros(expected);
        if (guess < KEYS.length && isKey(KEYS[guess])) {
            return expected;
        }
        if (!inPlaceString()) {
            return 0;
        }
        for (int i = 0; i < KEYS.length; i++) {
            if (isText(KEYS[i])) {
                return 1 << i;
            }
        }
        return 0;
    }

    /** Reads {@code "key"} and returns true when it comes next; else reads nothing and returns false. */
    private boolean isKey(char[] key) {
        int close = at + 1 + key.length;
        if (close >= end || chars[at] != '"' || chars[close] != '"') {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (chars[at + 1 + i] != key[i]) {
                return false;
            }
        }
        textFrom = at + 1;
        textTo = close;
        at = close + 1;
        return true;
    }

    /**
     * Reads a member's key (comparing it in place with {@code expected} first) and its colon, up to its value;
     * false for a key with an escape or anything else.
     */
    private boolean member(char[] expected) {
        skipSpaces();
        if (!isKey(expected) && !inPlaceString()) {
            return false;
        }
        if (!skipTo(':')) {
            return false;
        }
        skipSpaces();
        return true;
    }

    /** Returns whether the text just read is {@code key}. */
    private boolean isText(char[] key) {
        if (textTo - textFrom != key.length) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (chars[textFrom + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the value of the property {@code bit} into {@code event}; false when it is not in the form read here. */
    private boolean value(int bit, CanonicalEventJson.EventProperties event) {
        skipSpaces();
        switch (bit) {
            case CanonicalEventJson.TYPE:
                return (event.type = inPlaceText(parts.typeTexts)) != null;
            case CanonicalEventJson.EVENT_ID:
                return (event.eventId = string()) != null;
            case CanonicalEventJson.CUSTOMER_ID:
                return (event.customerId = string()) != null;
            case CanonicalEventJson.OCCURRED_AT:
                return inPlaceString()
                        && (event.occurredAt = IsoTimestamps.parseInstant(chars, textFrom, textTo)) != null;
            case CanonicalEventJson.DURATION:
                return inPlaceString()
                        && (event.duration = CellNumbers.isoDuration(chars, textFrom, textTo)) != null;
            case CanonicalEventJson.OUTCOME:
                return (event.outcome = inPlaceText(parts.outcomes)) != null;
            case CanonicalEventJson.SURVEY_ID:
                return (event.surveyId = inPlaceText(parts.surveyIds)) != null;
            case CanonicalEventJson.ORDER_ID:
                return (event.orderId = string()) != null;
            case CanonicalEventJson.COMMENT:
                return (event.comment = string()) != null;
            case CanonicalEventJson.SCORE:
                if (number() != 1) {
                    return false;
                }
                event.score = intValue();
                return true;
            case CanonicalEventJson.ITEM_COUNT:
                if (number() != 1) {
                    return false;
                }
                event.itemCount = intValue();
                return true;
            case CanonicalEventJson.TOUCHPOINT:
                return (event.touchpoint = touchpoint()) != null;
            case CanonicalEventJson.AMOUNT:
                return (event.amount = money()) != null;
            case CanonicalEventJson.SCALE:
                return (event.scale = scale()) != null;
            case CanonicalEventJson.ATTRIBUTES:
                return (event.attributes = attributes()) != null;
            default:
                return false;
        }
    }

    /** Reads {@code {"id":..,"name":..,"channel":..[,"stage":..]}} (any order); null for any other form. */
    private @Nullable Touchpoint touchpoint() {
        return reused(touchpoints, readTouchpoint);
    }

    /**
     * Returns the value of the object at the cursor: the one read before from the same characters, or the one
     * {@code parts} reads, remembered; null when {@code parts} does not take the object.
     */
    private <T> @Nullable T reused(SeenTexts<T> seen, Supplier<@Nullable T> parts) {
        int found = seen.find(chars, at, end);
        if (found >= 0) {
            at += seen.length(found);
            return seen.value(found);
        }
        int start = at;
        T value = parts.get();
        if (value != null) {
            seen.remember(chars, start, at, value);
        }
        return value;
    }

    /** Reads a touchpoint's object part by part. */
    private @Nullable Touchpoint touchpointParts() {
        if (!skipTo('{')) {
            return null;
        }
        String id = null;
        String name = null;
        Channel channel = null;
        String stage = null;
        do {
            if (!member(id == null ? ID : name == null ? NAME : channel == null ? CHANNEL : STAGE)) {
                return null;
            }
            if (isText(ID) && id == null) {
                id = inPlaceText(parts.touchpointTexts);
                if (id == null) {
                    return null;
                }
            } else if (isText(NAME) && name == null) {
                name = inPlaceText(parts.touchpointTexts);
                if (name == null) {
                    return null;
                }
            } else if (isText(STAGE) && stage == null) {
                stage = inPlaceText(parts.touchpointTexts);
                if (stage == null) {
                    return null;
                }
            } else if (isText(CHANNEL) && channel == null) {
                channel = inPlaceString() ? parts.channels.parse(chars, textFrom, textTo) : null;
                if (channel == null) {
                    return null;
                }
            } else {
                return null;
            }
        } while (nextMember());
        if (at > end || id == null || name == null || channel == null) {
            return null;
        }
        return parts.touchpoint(id, name, channel, stage);
    }

    /** Reads {@code {"amount":<number>,"currency":"EUR"}} (any order); null for any other form. */
    private @Nullable Money money() {
        if (!skipTo('{')) {
            return null;
        }
        BigDecimal amount = null;
        Currency currency = null;
        do {
            if (!member(amount == null ? AMOUNT : CURRENCY)) {
                return null;
            }
            if (isText(AMOUNT) && amount == null) {
                amount = number() > 0 ? CellNumbers.plainDecimal(chars, textFrom, textTo) : null;
                if (amount == null) {
                    return null;
                }
            } else if (isText(CURRENCY) && currency == null) {
                currency = inPlaceString() ? parts.currencies.parse(chars, textFrom, textTo) : null;
                if (currency == null) {
                    return null;
                }
            } else {
                return null;
            }
        } while (nextMember());
        return at > end || amount == null || currency == null ? null : new Money(amount, currency);
    }

    /** Reads {@code {"name":..,"min":..,"max":..}} (any order); null for any other form. */
    private @Nullable FeedbackScale scale() {
        return reused(scales, readScale);
    }

    /** Reads a scale's object part by part. */
    private @Nullable FeedbackScale scaleParts() {
        if (!skipTo('{')) {
            return null;
        }
        String name = null;
        int min = 0;
        int max = 0;
        int seen = 0;
        do {
            if (!member((seen & 1) == 0 ? NAME : (seen & 2) == 0 ? MIN : MAX)) {
                return null;
            }
            if (isText(NAME) && (seen & 1) == 0) {
                name = inPlaceText(parts.scaleNames);
                if (name == null) {
                    return null;
                }
                seen |= 1;
            } else if (isText(MIN) && (seen & 2) == 0 && number() == 1) {
                min = intValue();
                seen |= 2;
            } else if (isText(MAX) && (seen & 4) == 0 && number() == 1) {
                max = intValue();
                seen |= 4;
            } else {
                return null;
            }
        } while (nextMember());
        if (at > end || seen != 7 || name == null) {
            return null;
        }
        return new FeedbackScale(name, min, max);
    }

    /** Reads an object of string values; null when it is anything else or repeats a key. */
    private @Nullable Map<String, String> attributes() {
        if (!skipTo('{')) {
            return null;
        }
        skipSpaces();
        if (at < end && chars[at] == '}') {
            at++;
            return Map.of();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        do {
            skipSpaces();
            String key = string();
            if (key == null || !skipTo(':')) {
                return null;
            }
            skipSpaces();
            String value = string();
            if (value == null || attributes.put(key, value) != null) {
                return null;
            }
        } while (nextMember());
        return at > end ? null : attributes;
    }

    /** Reads a string and returns it from {@code texts} (read in place when it has no escape); null for anything else. */
    private @Nullable String inPlaceText(ParsedTexts<String> texts) {
        if (inPlaceString()) {
            return texts.parse(chars, textFrom, textTo);
        }
        String text = string();
        return text == null ? null : texts.parse(text);
    }

    /**
     * Reads a string that has no escape, leaving its characters in {@link #textFrom} to {@link #textTo}; false
     * for anything else (an escape, a control character, no closing quote, not a string).
     */
    private boolean inPlaceString() {
        if (at >= end || chars[at] != '"') {
            return false;
        }
        int from = at + 1;
        for (int i = from, last = Math.min(end, from + LONGEST_STRING + 1); i < last; i++) {
            char c = chars[i];
            if (c > '\\') {
                // Most characters of a text; none ends it or needs a look.
                continue;
            }
            if (c == '"') {
                textFrom = from;
                textTo = i;
                at = i + 1;
                return true;
            }
            if (c == '\\' || c < ' ') {
                return false;
            }
        }
        return false;
    }

    /** Reads a string, decoding the escapes JSON defines; null for anything else. */
    private @Nullable String string() {
        if (at >= end || chars[at] != '"') {
            return null;
        }
        int from = at + 1;
        int last = Math.min(end, from + LONGEST_STRING + 1);
        for (int i = from; i < last; i++) {
            char c = chars[i];
            if (c > '\\') {
                continue;
            }
            if (c == '"') {
                at = i + 1;
                return new String(chars, from, i - from);
            }
            if (c == '\\') {
                unescaped.setLength(0);
                unescaped.append(chars, from, i - from);
                return unescapedFrom(i, last);
            }
            if (c < ' ') {
                return null;
            }
        }
        return null;
    }

    /**
     * Reads the rest of a string from the escape at {@code escape}, as Jackson decodes it, ending before
     * {@code last}; null for a bad escape or a string that does not end there.
     */
    private @Nullable String unescapedFrom(int escape, int last) {
        for (int i = escape; i < last; i++) {
            char c = chars[i];
            if (c == '"') {
                at = i + 1;
                return unescaped.toString();
            }
            if (c < ' ' || c == '\\' && ++i >= last) {
                return null;
            }
            if (c != '\\') {
                unescaped.append(c);
                continue;
            }
            switch (chars[i]) {
                case '"', '\\', '/' -> unescaped.append(chars[i]);
                case 'b' -> unescaped.append('\b');
                case 'f' -> unescaped.append('\f');
                case 'n' -> unescaped.append('\n');
                case 'r' -> unescaped.append('\r');
                case 't' -> unescaped.append('\t');
                case 'u' -> {
                    if (i + 4 >= last) {
                        return null;
                    }
                    int code = 0;
                    for (int k = 1; k <= 4; k++) {
                        int digit = Character.digit(chars[i + k], 16);
                        if (digit < 0 || chars[i + k] > 'f') {
                            return null;
                        }
                        code = code << 4 | digit;
                    }
                    unescaped.append((char) code);
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Reads a JSON number without an exponent ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?}), leaving its characters in
     * {@link #textFrom} to {@link #textTo}, followed by a space, a tab, a comma or a closing brace.
     *
     * @return 1 for an integer of at most {@value #INT_DIGITS} digits, 2 for any other such number, 0 for
     *     anything else
     */
    private int number() {
        int from = at;
        int i = from;
        if (i < end && chars[i] == '-') {
            i++;
        }
        int digitsFrom = i;
        while (i < end && chars[i] >= '0' && chars[i] <= '9') {
            i++;
        }
        int digits = i - digitsFrom;
        if (digits == 0 || digits > 1 && chars[digitsFrom] == '0') {
            return 0;
        }
        int kind = digits <= INT_DIGITS ? 1 : 2;
        if (i < end && chars[i] == '.') {
            int fractionFrom = ++i;
            while (i < end && chars[i] >= '0' && chars[i] <= '9') {
                i++;
            }
            if (i == fractionFrom) {
                return 0;
            }
            kind = 2;
        }
        if (i >= end || !(chars[i] == ',' || chars[i] == '}' || chars[i] == ' ' || chars[i] == '\t')) {
            return 0;
        }
        textFrom = from;
        textTo = i;
        at = i;
        return kind;
    }

    /** Returns the integer {@link #number()} just read (of at most {@value #INT_DIGITS} digits). */
    private int intValue() {
        boolean negative = chars[textFrom] == '-';
        int value = 0;
        for (int i = negative ? textFrom + 1 : textFrom; i < textTo; i++) {
            value = value * 10 + (chars[i] - '0');
        }
        return negative ? -value : value;
    }

    private static char[][] chars(String... texts) {
        char[][] chars = new char[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            chars[i] = texts[i].toCharArray();
        }
        return chars;
    }
}
