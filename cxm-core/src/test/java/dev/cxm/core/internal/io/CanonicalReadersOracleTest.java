package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.cxm.core.model.CustomerEvent;

/**
 * The two readers of the canonical event form, {@link CanonicalEventLine} (characters, no parser) and
 * {@link CanonicalEventJson} (Jackson's tokens), checked one line at a time against data binding, the oracle:
 * {@link StrictEventJson#parse} of the same line, which is what the import made of every line before the
 * shortcuts. The lines are written here by a writer of the test's own from a JSON tree of a random event (keys
 * of every object in random order, spaces and tabs between tokens, escapes in the texts that may have them, an
 * object repeated character for character from an earlier line), then spoiled in half the cases (a member
 * removed, repeated or added, a value replaced by one of another type or out of range, characters deleted,
 * inserted or replaced). Two invariants:
 * <ul>
 *   <li>a line in the form the readers document (the unspoiled ones) is read by both, into the event data
 *       binding reads, and {@link CanonicalEventLine#lineEnd()} is its line break;</li>
 *   <li>any line either reader takes is one data binding accepts, read into the same event (a reader may leave
 *       a line it does not know to data binding, never take one data binding refuses).</li>
 * </ul>
 */
class CanonicalReadersOracleTest {

    private static final ObjectMapper TREE = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonFactory FACTORY = new JsonFactory();
    /** The values the line reader reads in place only, so never with an escape. */
    private static final Set<String> IN_PLACE_ONLY = Set.of("occurredAt", "duration", "channel", "currency");
    private static final Comparator<JsonNode> SAME_NUMBER = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    private static final String RAW = "\u0000raw:";
    private static final List<String> SPACES = List.of("", "", "", "", " ", "\t", "  \t ");
    private static final List<String> LINE_ENDS = List.of("", "\n", "\r\n", "\r");
    /** Values put where another belongs: every JSON type, numbers at the readers' limits, texts near valid. */
    private static final List<String> REPLACEMENTS = List.of("null", "true", "false", "0", "-0", "1", "-1", "7",
            "10", "11", "-4", "01", "-01", "1.0", "1.5", "0.5", "-2.25", "1e2", "1E2", "1.5e1", "-", "2147483647",
            "2147483648", "-2147483648", "-2147483649", "999999999", "1000000000", "-999999999", "12345678901",
            "123456789012345678901234567890.5", "1.", ".5", "\"\"", "\" \"", "\"1\"", "\"x\"", "\"WEB\"", "\"web\"",
            "\"EMAIL\"", "\"EUR\"", "\"EUX\"", "\"eur\"", "\"JPY\"", "\"PT1S\"", "\"PT-1S\"", "\"-PT1S\"", "\"P1D\"",
            "\"PT0S\"", "\"2026-01-01T00:00:00Z\"", "\"2026-13-01T00:00:00Z\"", "\"2026-01-01T00:00:00\"",
            "\"2026-01-01T00:00:00.123456789Z\"", "\"interaction\"", "\"purchase\"", "\"feedback\"", "\"Purchase\"",
            "{}", "[]", "[1]", "{\"a\":\"b\"}", "{\"a\":1}", "{\"a\":\"b\",\"a\":\"c\"}",
            "{\"id\":\"t\",\"name\":\"T\",\"channel\":\"WEB\"}",
            "{\"id\":\"t\",\"name\":\"T\",\"channel\":\"WEB\",\"stage\":\"s\"}",
            "{\"id\":\"t\",\"name\":\"T\"}", "{\"id\":\"\",\"name\":\"T\",\"channel\":\"WEB\"}",
            "{\"name\":\"s\",\"min\":0,\"max\":10}", "{\"name\":\"s\",\"min\":10,\"max\":0}",
            "{\"name\":\"s\",\"min\":0}", "{\"name\":\"s\",\"min\":0,\"max\":10,\"x\":1}",
            "{\"amount\":1.5,\"currency\":\"EUR\"}", "{\"amount\":-1.5,\"currency\":\"EUR\"}",
            "{\"amount\":1.5}", "{\"amount\":\"1.5\",\"currency\":\"EUR\"}", "{\"amount\":1.5,\"currency\":1}",
            "", "}", ",", "\"", "\"a", "{", "{\"a\"", "{\"a\":", "\"\\u0041\"", "\"\\u\uFF10\uFF10\uFF14\uFF11\"", "\"\\u004G\"", "\"\\u00e9\\u00E9\"", "\"a\\\"b\"", "\"\\q\"", "\"\\u12\"", "\"\\ud834\"", "\"\\/\"");
    /** Characters after the end of the text, as a buffer holds from an earlier fill. */
    private static final List<String> STALE = List.of("", "}", "}}", "\"}", ",\"a\":\"b\"}", "0}", " }", "\"type\"");
    private static final String EDIT_ALPHABET = "{}[]:,\"\\ \t0123456789.-+eEulnx\n\r\u00e9";

    /** Writes a JSON tree as text in a random one of the forms that mean the same. */
    private static final class Writer {
        private final Random random;
        private final boolean escapes;
        private final Map<JsonNode, String> written;
        private final StringBuilder out = new StringBuilder();

        Writer(Random random, boolean escapes, Map<JsonNode, String> written) {
            this.random = random;
            this.escapes = escapes;
            this.written = written;
        }

        String line(JsonNode event) {
            space();
            value("", event);
            space();
            return out.toString();
        }

        private void space() {
            out.append(SPACES.get(random.nextInt(SPACES.size())));
        }

        private void value(String key, JsonNode node) {
            if (node.isTextual() && node.textValue().startsWith(RAW)) {
                out.append(node.textValue(), RAW.length(), node.textValue().length());
            } else if (node.isObject()) {
                String before = written.get(node);
                if (before != null && random.nextBoolean()) {
                    // The same object as on an earlier line, character for character.
                    out.append(before);
                    return;
                }
                int start = out.length();
                object((ObjectNode) node);
                written.put(node, out.substring(start));
            } else if (node.isArray()) {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    value("", node.get(i));
                }
                out.append(']');
            } else if (node.isTextual()) {
                string(node.textValue(), escapes && !IN_PLACE_ONLY.contains(key));
            } else if (node.isBigDecimal()) {
                out.append(node.decimalValue().toPlainString());
            } else {
                out.append(node.toString());
            }
        }

        private void object(ObjectNode node) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Collections.shuffle(keys, random);
            out.append('{');
            space();
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    space();
                    out.append(',');
                    space();
                }
                string(keys.get(i), false);
                space();
                out.append(':');
                space();
                value(keys.get(i), node.get(keys.get(i)));
            }
            space();
            out.append('}');
        }

        private void string(String text, boolean mayEscape) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean must = c == '"' || c == '\\' || c < ' ';
                if (!must && !(mayEscape && random.nextInt(6) == 0)) {
                    out.append(c);
                } else if (random.nextBoolean() && "\"\\/\b\f\n\r\t".indexOf(c) >= 0) {
                    out.append('\\').append("\"\\/bfnrt".charAt("\"\\/\b\f\n\r\t".indexOf(c)));
                } else {
                    String hex = String.format("%04x", (int) c);
                    out.append("\\u").append(random.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT));
                }
            }
            out.append('"');
        }
    }

    /** Every object of the tree (the event and the objects in it), to pick one to spoil. */
    private static List<ObjectNode> objects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        if (node instanceof ContainerNode<?>) {
            node.elements().forEachRemaining(child -> objects(child, into));
        }
        return into;
    }

    private static JsonNode raw(String text) {
        return TextNode.valueOf(RAW + text);
    }

    /** Spoils the tree: a member removed, repeated or added, or a value replaced. */
    private static void spoilTree(JsonNode event, Random random) {
        List<ObjectNode> objects = objects(event, new ArrayList<>());
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        String replacement = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
        if (keys.isEmpty()) {
            object.set("k", raw(replacement));
            return;
        }
        String key = keys.get(random.nextInt(keys.size()));
        switch (random.nextInt(5)) {
            case 0 -> object.remove(key);
            case 1 -> {
                // Repeated: the writer writes the member twice, the second time with this value.
                JsonNode value = object.get(key);
                object.set(key, raw(textOf(value) + ",\"" + key + "\":"
                        + (random.nextBoolean() ? textOf(value) : replacement)));
            }
            case 2 -> object.set(random.nextBoolean() ? "unknown" : "comment", raw(replacement));
            default -> object.set(key, raw(replacement));
        }
    }

    private static String textOf(JsonNode value) {
        if (value.isTextual() && value.textValue().startsWith(RAW)) {
            return value.textValue().substring(RAW.length());
        }
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.toString();
    }

    /** Deletes, inserts or replaces one character, or cuts the line short. */
    private static String spoilCharacters(String line, Random random) {
        if (line.isEmpty()) {
            return "{";
        }
        int at = random.nextInt(line.length());
        char c = EDIT_ALPHABET.charAt(random.nextInt(EDIT_ALPHABET.length()));
        return switch (random.nextInt(4)) {
            case 3 -> line.substring(0, at);
            case 0 -> line.substring(0, at) + line.substring(at + 1);
            case 1 -> line.substring(0, at) + c + line.substring(at);
            default -> line.substring(0, at) + c + line.substring(at + 1);
        };
    }

    /** The oracle: data binding's event of the line, or null when it refuses the line. */
    static @Nullable CustomerEvent dataBinding(String line) {
        return StrictEventJson.parse(1, line) instanceof ParsedRow.Accepted accepted ? accepted.event() : null;
    }

    /** The token reader's event of a line that holds one object and nothing after it; null when it leaves it. */
    private static @Nullable CustomerEvent tokens(CanonicalEventJson reader, String line) throws IOException {
        try (JsonParser parser = FACTORY.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            CustomerEvent event = reader.read(parser);
            return event != null && parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null
                    ? event : null;
        } catch (JsonProcessingException malformed) {
            return null;
        }
    }

    private static int lineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return i;
            }
        }
        return text.length();
    }

    /** Reads 20 random lines, spoiled or not, with one pair of readers (so objects seen before are reused). */
    private static void checkLines(long seed, boolean spoil) throws IOException {
        Random random = new Random(seed);
        CanonicalEventJson parts = new CanonicalEventJson();
        CanonicalEventLine lines = new CanonicalEventLine(parts);
        CanonicalEventJson tokens = new CanonicalEventJson();
        Map<JsonNode, String> written = new HashMap<>();
        List<JsonNode> touchpoints = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ObjectNode event = (ObjectNode) TREE.readTree(NdjsonRowReaderTest.written(
                    NdjsonRowReaderTest.event(random, i)));
            if (event.has("touchpoint")) {
                // A few touchpoints per file, as in real input, so that the readers meet them again.
                touchpoints.add(event.get("touchpoint"));
                event.set("touchpoint", touchpoints.get(random.nextInt(Math.min(touchpoints.size(), 3))));
            }
            boolean spoiled = spoil && random.nextBoolean();
            if (spoiled && random.nextInt(3) > 0) {
                event = event.deepCopy();
                spoilTree(event, random);
            }
            String line = new Writer(random, random.nextBoolean(), written).line(event);
            if (spoiled && random.nextInt(3) == 0) {
                for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                    line = spoilCharacters(line, random);
                }
            }
            String lineBreak = LINE_ENDS.get(random.nextInt(LINE_ENDS.size()));
            String text = line + lineBreak + (!lineBreak.isEmpty() && random.nextBoolean() ? "{}" : "");
            int lineEnd = lineBreak(text);
            String ownLine = text.substring(0, lineEnd);
            CustomerEvent expected = dataBinding(ownLine);
            // The characters given end at the text; those after it, stale in a real buffer, must not be read.
            char[] chars = ("x" + text + STALE.get(random.nextInt(STALE.size()))).toCharArray();

            CustomerEvent fast = lines.read(chars, 1, 1 + text.length());
            CustomerEvent parsed = tokens(tokens, ownLine);

            String as = "seed " + seed + ", line " + i + ": " + ownLine;
            if (!spoiled) {
                assertThat(expected).as(as).isNotNull();
                assertThat(fast).as(as).isNotNull();
                assertThat(parsed).as(as).isNotNull();
            }
            if (fast != null) {
                assertThat(fast).as(as).isEqualTo(expected);
                assertThat(lines.lineEnd()).as(as).isEqualTo(1 + lineEnd);
            }
            if (parsed != null) {
                assertThat(parsed).as(as).isEqualTo(expected);
            }
        }
    }

    @Test
    void linesInTheCanonicalFormAreReadByBothAsDataBindingReadsThem() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            try {
                checkLines(seed, false);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void neitherReaderTakesALineDataBindingRefusesOrReadsOtherwise() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            try {
                checkLines(seed, true);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void stringsUpToTheLongestLengthAreReadInPlaceAndLongerOnesAreLeft() throws IOException {
        // LONGEST_STRING's contract: a string of up to that many characters (escapes counted as written) is read
        // by the line reader, a longer one is left to Jackson (null). Oracle: the event data binding reads from the
        // same line; lengths worked by hand at the limit and one over, for a text read in place (the outcome), a
        // text with an escape (an attribute value, its escape two characters) and an attribute value without one.
        int longest = CanonicalEventLine.LONGEST_STRING;
        String base = "{\"type\":\"interaction\",\"eventId\":\"e\",\"customerId\":\"c\","
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"touchpoint\":{\"id\":\"t\",\"name\":\"T\","
                + "\"channel\":\"WEB\"},\"outcome\":\"S\",\"duration\":\"PT1S\",\"attributes\":{\"k\":\"V\","
                + "\"j\":\"C\"}}";
        for (int length : new int[] {longest - 1, longest, longest + 1}) {
            for (String line : List.of(base.replace("\"S\"", "\"" + "s".repeat(length) + "\""),
                    base.replace("\"C\"", "\"\\n" + "c".repeat(length - 2) + "\""),
                    base.replace("\"V\"", "\"" + "v".repeat(length) + "\""))) {
                CustomerEvent expected = dataBinding(line);
                assertThat(expected).isNotNull();
                CustomerEvent fast = lineRead(line);
                if (length <= longest) {
                    assertThat(fast).as("length %d", length).isEqualTo(expected);
                } else {
                    assertThat(fast).as("length %d", length).isNull();
                }
            }
        }
    }

    @Test
    void integersOfAtMostNineDigitsAreReadInPlaceAndLongerOnesAreLeft() {
        // The documented number form: integers of at most 9 digits (INT_DIGITS) are read here, any longer number
        // is left to Jackson (null). Oracle: data binding's event of the same line; the digits worked by hand.
        String base = "{\"type\":\"purchase\",\"eventId\":\"e\",\"customerId\":\"c\","
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"orderId\":\"o\","
                + "\"amount\":{\"amount\":AMOUNT,\"currency\":\"EUR\"},\"itemCount\":ITEMS}";
        for (String items : List.of("0", "7", "99999999", "999999999", "100000000")) {
            String line = base.replace("AMOUNT", "123456789.5").replace("ITEMS", items);
            CustomerEvent expected = dataBinding(line);
            assertThat(expected).as(line).isNotNull();
            assertThat(lineRead(line)).as(line).isEqualTo(expected);
        }
        for (String items : List.of("1000000000", "2147483647")) {
            String line = base.replace("AMOUNT", "1").replace("ITEMS", items);
            assertThat(dataBinding(line)).as(line).isNotNull();
            assertThat(lineRead(line)).as(line).isNull();
        }
    }

    @Test
    void aMemberWithoutAKeyIsRefusedWhateverTheTextBeforeIt() {
        // A nested member whose key is no string is malformed JSON, which data binding refuses (the oracle): the
        // line reader must not take the text read before it (here a value that spells the key expected next) for
        // its key.
        for (String scale : List.of("{\"name\":\"min\",7,\"max\":9}", "{\"name\":\"min\",-1,\"max\":9}")) {
            String line = "{\"type\":\"feedback\",\"eventId\":\"e\",\"customerId\":\"c\","
                    + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"surveyId\":\"s\",\"scale\":" + scale
                    + ",\"score\":8}";
            bothRefuse(line);
        }
    }

    /** A well-formed line of each event kind, every string member and nested object present. */
    private static final List<String> ONE_OF_EACH_KIND = List.of(
            "{\"type\":\"interaction\",\"eventId\":\"e\",\"customerId\":\"c\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
                    + "\"touchpoint\":{\"id\":\"t\",\"name\":\"T\",\"channel\":\"WEB\"},"
                    + "\"outcome\":\"S\",\"duration\":\"PT1S\"}",
            "{\"type\":\"purchase\",\"eventId\":\"e\",\"customerId\":\"c\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
                    + "\"orderId\":\"o\",\"amount\":{\"amount\":12.5,\"currency\":\"EUR\"},\"itemCount\":1}",
            "{\"type\":\"feedback\",\"eventId\":\"e\",\"customerId\":\"c\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
                    + "\"surveyId\":\"s\",\"scale\":{\"name\":\"NPS\",\"min\":0,\"max\":10},\"score\":8,"
                    + "\"comment\":\"ok\"}");

    /** Reads {@code line}, the whole of a character array, with a new line reader; null when it refuses it. */
    static @Nullable CustomerEvent lineRead(String line) {
        char[] chars = line.toCharArray();
        return new CanonicalEventLine(new CanonicalEventJson()).read(chars, 0, chars.length);
    }

    /** Asserts that data binding (the oracle) and the line reader both refuse {@code line}. */
    static void bothRefuse(String line) {
        assertThat(dataBinding(line)).as(line).isNull();
        assertThat(lineRead(line)).as(line).isNull();
    }

    @Test
    void aNestedMemberWithoutItsColonIsRefused() {
        // A member whose key is not followed by a colon is malformed JSON, which data binding refuses (the
        // oracle): the line reader must not read the value after the key as if the colon were there. Each
        // nested object the reader takes apart (touchpoint, amount, scale), the colon dropped or a space.
        for (String line : ONE_OF_EACH_KIND) {
            // The well-formed line, so that the refusals below are the colon's doing.
            assertThat(lineRead(line)).as(line).isEqualTo(dataBinding(line)).isNotNull();
        }
        String interaction = ONE_OF_EACH_KIND.get(0);
        String purchase = ONE_OF_EACH_KIND.get(1);
        String feedback = ONE_OF_EACH_KIND.get(2);
        for (String line : List.of(interaction.replace("\"id\":\"t\"", "\"id\"\"t\""),
                interaction.replace("\"name\":\"T\"", "\"name\" \"T\""),
                purchase.replace("\"amount\":12.5", "\"amount\" 12.5"),
                purchase.replace("\"currency\":\"EUR\"", "\"currency\"\"EUR\""),
                feedback.replace("\"name\":\"NPS\"", "\"name\"\"NPS\""),
                feedback.replace("\"min\":0", "\"min\" 0"))) {
            bothRefuse(line);
        }
    }

    @Test
    void aMemberWithoutAValueIsRefused() {
        // A key, its colon and then at once the next member or the object's end is malformed JSON, which data
        // binding refuses (the oracle): the line reader must not read it as the member being absent. Each string
        // member of each event kind in turn.
        for (String line : ONE_OF_EACH_KIND) {
            for (String key : List.of("type", "eventId", "customerId", "outcome", "orderId", "surveyId", "comment")) {
                java.util.regex.Matcher member = java.util.regex.Pattern.compile("\"" + key + "\":\"[^\"]*\"")
                        .matcher(line);
                if (member.find()) {
                    bothRefuse(line.substring(0, member.start()) + "\"" + key + "\":" + line.substring(member.end()));
                }
            }
        }
    }

    @Test
    void aUnicodeEscapeCutByTheEndOfTheCharactersIsRefusedWithoutReadingPastThem() {
        // The characters given end inside a \\u escape (0 to 3 of its digits there): the line reader refuses
        // the line (data binding refuses it too: the oracle) and reads nothing past the end, here the end of the
        // array itself.
        for (String digits : List.of("", "0", "00", "004")) {
            bothRefuse("{\"type\":\"interaction\",\"eventId\":\"e\\u" + digits);
        }
    }

    @Test
    void theWritersFormsAreValidJsonOfTheSameTree() throws IOException {
        // The test's writer must mean what it is given: every form it writes of a random event parses back to the
        // tree it wrote from (the oracle: Jackson's tree equality, numbers equal in value whatever the node type
        // the parser chose for them: cxm writes an amount with trailing zeros in exponent form, this writer plainly).
        Random random = new Random(5);
        for (int i = 0; i < 300; i++) {
            JsonNode event = TREE.readTree(NdjsonRowReaderTest.written(NdjsonRowReaderTest.event(random, i)));
            String line = new Writer(random, true, new HashMap<>()).line(event);
            assertThat(TREE.readTree(line).equals(SAME_NUMBER, event)).as(line).isTrue();
        }
    }
}
