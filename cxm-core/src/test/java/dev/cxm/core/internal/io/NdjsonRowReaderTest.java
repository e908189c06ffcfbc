package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.cxm.core.io.Ndjson;
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
 * {@link NdjsonRowReader} reads the lines the form cxm writes without data binding, and must mean by every
 * line what reading it on its own through data binding means. The oracle is that simple reading, written out
 * here: {@link BufferedReader#readLine()} (so {@code \n}, {@code \r} and {@code \r\n} end lines), a byte-order
 * mark dropped from line 1, blank lines ({@link String#isBlank()}) skipped, every other line given to
 * {@link StrictEventJson}. Random files mix events as cxm writes them with lines that are mutated (a value of
 * another type, a repeated or unknown key, a line break inside the object, text after it, lines blank with odd
 * whitespace, a line longer than the reader's buffer), and are read through a reader of short reads. Both must
 * give the same rows: the same events on the same lines, the same rejections.
 */
class NdjsonRowReaderTest {

    private static final String TEXT = "abc XYZ019,:{}[]\"\\'\u00e9\u4e2d-_./";
    private static final List<Currency> CURRENCIES = Stream.of("EUR", "USD", "JPY", "BHD")
            .map(Currency::getInstance).toList();
    private static final List<FeedbackScale> SCALES = List.of(FeedbackScale.NPS, FeedbackScale.CSAT,
            FeedbackScale.CES, FeedbackScale.custom("stars", 1, 10), FeedbackScale.custom("delta", -3, 3));
    private static final List<String> LINE_ENDS = List.of("\n", "\n", "\r\n", "\r");
    private static final List<String> BLANK_LINES = List.of("", "  ", "\t", "\u000B", "\u2028", " \u00A0 ");

    private static String text(Random random) {
        StringBuilder text = new StringBuilder("a");
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            text.append(TEXT.charAt(random.nextInt(TEXT.length())));
        }
        return text.append('z').toString();
    }

    private static Optional<Touchpoint> touchpoint(Random random) {
        if (random.nextInt(3) == 0) {
            return Optional.empty();
        }
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        return Optional.of(new Touchpoint(TouchpointId.of(text(random)), text(random), channel,
                random.nextBoolean() ? Optional.of(text(random)) : Optional.empty()));
    }

    private static Map<String, String> attributes(Random random) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            attributes.put("k" + i + text(random), text(random));
        }
        return attributes;
    }

    /** A random valid event: any type, times to the nanosecond, amounts of every scale, custom scales. */
    static CustomerEvent event(Random random, int index) {
        EventId id = EventId.of("e" + index + text(random));
        CustomerId customer = CustomerId.of(text(random));
        Instant at = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(4) == 0 ? 0
                : random.nextInt(1_000_000_000));
        return switch (random.nextInt(3)) {
            case 0 -> new Interaction(id, customer, at, touchpoint(random).orElse(Touchpoint.of("t", "T", Channel.WEB)),
                    text(random), Duration.ofSeconds(random.nextInt(100_000), random.nextInt(3) == 0
                            ? random.nextInt(1_000_000_000) : 0), attributes(random));
            case 1 -> new Purchase(id, customer, at, text(random),
                    new Money(BigDecimal.valueOf(random.nextLong() & 0xFFFF_FFFFL, random.nextInt(8)),
                            CURRENCIES.get(random.nextInt(CURRENCIES.size()))),
                    random.nextInt(50), touchpoint(random), attributes(random));
            default -> {
                FeedbackScale scale = SCALES.get(random.nextInt(SCALES.size()));
                yield new FeedbackResponse(id, customer, at, text(random), scale,
                        scale.min() + random.nextInt(scale.points()),
                        random.nextBoolean() ? Optional.of(text(random)) : Optional.empty(), touchpoint(random),
                        attributes(random));
            }
        };
    }

    static String written(CustomerEvent event) throws IOException {
        StringWriter out = new StringWriter();
        Ndjson.writeEvents(Stream.of(event), out);
        return out.toString().strip();
    }

    /** Ways to spoil or vary a written line. */
    private static final List<UnaryOperator<String>> MUTATIONS = List.of(
            line -> line.replace(",\"", " , \"").replace("\":", "\" :"),
            line -> line + "  \t",
            line -> line + "\u000B",
            line -> line + " x",
            line -> line + line,
            line -> line.replaceFirst("\"score\":(-?\\d+)", "\"score\":$1.5"),
            line -> line.replaceFirst("\"score\":(-?\\d+)", "\"score\":\"$1\""),
            line -> line.replaceFirst("\"itemCount\":(\\d+)", "\"itemCount\":$1.0"),
            line -> line.replaceFirst("\"customerId\":", "\"customerId\":\"x\",\"customerId\":"),
            line -> line.replaceFirst("\\{", "{\"unknown\":1,"),
            line -> line.replaceFirst("\"comment\":\"[^\"]*\"", "\"comment\":null"),
            line -> line.replaceFirst("\"attributes\":\\{", "\"attributes\":{\"n\":1,"),
            line -> line.replaceFirst("\"attributes\":\\{\\}", "\"attributes\":null"),
            line -> line.replaceFirst("\"channel\":\"([A-Z_]+)\"", "\"channel\":\"web\""),
            line -> line.replaceFirst("\"duration\":\"PT", "\"duration\":\"-PT"),
            line -> line.replaceFirst("\"duration\":\"PT", "\"duration\":\"P0DT"),
            line -> line.replaceFirst("\"occurredAt\":\"(\\d{4})", "\"occurredAt\":\"+$1"),
            line -> line.replaceFirst("\"occurredAt\":\"(\\d{4}-\\d\\d-\\d\\d)T", "\"occurredAt\":\"$1t"),
            line -> line.replaceFirst("\"amount\":(\\d+)", "\"amount\":-$1"),
            line -> line.replaceFirst("\"amount\":([0-9.]+)", "\"amount\":$1e0"),
            line -> line.replaceFirst("\"type\":\"[a-z]+\"", "\"type\":\"Purchase\""),
            line -> line.replaceFirst(",\"type\":\"[a-z]+\"|\"type\":\"[a-z]+\",", ""),
            line -> line.replace("\"", ""),
            line -> "[" + line + "]");

    /**
     * Spoilers aimed at what {@link CanonicalEventLine} decides by itself, before any parser: numbers (leading
     * zeros, signs, fractions, exponents, ten digits and more), escapes (in keys, in texts read in place, in
     * ids; bad and unfinished ones, a lone surrogate, a raw control character), nested objects in another
     * order or with a repeated key, repeated attribute keys, stray commas, spaces and tabs, a missing brace.
     */
    private static final List<UnaryOperator<String>> EDGES = List.of(
            line -> line.replaceFirst("\"score\":(-?\\d+)", "\"score\":0$1"),
            line -> line.replaceFirst("\"score\":(-?\\d+)", "\"score\":-0"),
            line -> line.replaceFirst("\"score\":(-?\\d+)", "\"score\":$1e0"),
            line -> line.replaceFirst("\"score\":(-?\\d+)", "\"score\": $1 "),
            line -> line.replaceFirst("\"score\":(-?\\d+)", "\"score\":-"),
            line -> line.replaceFirst("\"score\":(-?\\d+)", "\"score\":00000000$1"),
            line -> line.replaceFirst("\"score\":(-?\\d+)", "\"score\":10000000000$1"),
            line -> line.replaceFirst("\"itemCount\":(\\d+)", "\"itemCount\":2147483647"),
            line -> line.replaceFirst("\"itemCount\":(\\d+)", "\"itemCount\":1000000000"),
            line -> line.replaceFirst("\"amount\":([0-9.]+)", "\"amount\":0$1"),
            line -> line.replaceFirst("\"amount\":([0-9.]+)", "\"amount\":$1."),
            line -> line.replaceFirst("\"amount\":([0-9.]+)", "\"amount\":-$1"),
            line -> line.replaceFirst("\"amount\":([0-9.]+)", "\"amount\":$1E2"),
            line -> line.replaceFirst("\"amount\":([0-9.]+)", "\"amount\":12345678901234567890.5"),
            line -> line.replaceFirst("\"amount\":\\{\"amount\":([^,]*),\"currency\":(\"[A-Z]+\")\\}",
                    "\"amount\":{\"currency\":$2,\"amount\":$1}"),
            line -> line.replaceFirst("\"currency\":\"([A-Z]+)\"", "\"currency\":\"$1\",\"currency\":\"$1\""),
            line -> line.replaceFirst("\\{\"id\":(\"(?:[^\"\\\\]|\\\\.)*\"),\"name\":(\"(?:[^\"\\\\]|\\\\.)*\")",
                    "{\"name\":$2,\"id\":$1"),
            line -> line.replaceFirst("\"channel\":(\"[A-Z_]+\")", "\"channel\":$1,\"channel\":$1"),
            line -> line.replaceFirst("\"scale\":\\{\"name\":(\"[^\"]*\"),\"min\":(-?\\d+),\"max\":(-?\\d+)\\}",
                    "\"scale\":{\"max\":$3,\"min\":$2,\"name\":$1}"),
            line -> line.replaceFirst("\"min\":(-?\\d+)", "\"min\":$1,\"min\":$1"),
            line -> line.replaceFirst("\"type\"", "\"\\\\u0074ype\""),
            line -> line.replaceFirst("\"type\":\"", "\"type\":\"\\\\u0070"),
            line -> line.replaceFirst("\"customerId\":\"a", "\"customerId\":\"\\\\u0041"),
            line -> line.replaceFirst("\"customerId\":\"a", "\"customerId\":\"\\\\u00"),
            line -> line.replaceFirst("\"customerId\":\"a", "\"customerId\":\"\\\\x"),
            line -> line.replaceFirst("\"customerId\":\"a", "\"customerId\":\"\\\\uD834a"),
            line -> line.replaceFirst("\"customerId\":\"a", "\"customerId\":\"\\\\u00E9\\\\U00e9"),
            line -> line.replaceFirst("\"customerId\":\"a", "\"customerId\":\"\ta"),
            line -> line.replaceFirst("\"eventId\":\"e", "\"eventId\":\"\\\\/\\\\b\\\\f\\\\n\\\\r\\\\t\\\\\\\\e"),
            line -> line.replaceFirst("\"outcome\":\"a", "\"outcome\":\"\\\\u0061"),
            line -> line.replaceFirst("\"channel\":\"", "\"channel\":\"\\\\u0057"),
            line -> line.replaceFirst("\"occurredAt\":\"(\\d)", "\"occurredAt\":\"\\\\u003$1"),
            line -> line.replaceFirst("\"comment\":\"", "\"comment\":\"\u0001"),
            line -> line.replaceFirst("\"comment\":\"", "\"comment\":\"\\\\u0000\\\\\""),
            line -> line.replaceFirst("\"attributes\":\\{\\}", "\"attributes\":{\"k\":\"v\",\"k\":\"w\"}"),
            line -> line.replaceFirst("\"attributes\":\\{\\}", "\"attributes\":{ \"k\" : \"v\" , \"\\\\u006b2\":\"w\" }"),
            line -> line.replaceFirst("\"attributes\":\\{\\}", "\"attributes\":{,}"),
            line -> line.replaceFirst("\"attributes\":\\{\\}", "\"attributes\":{\"k\":1}"),
            line -> line.replaceFirst("\\}$", ",}"),
            line -> line.replaceFirst("\\{", "{,"),
            line -> line.replaceFirst("\\}$", ""),
            line -> line.replace(":", "\t:\t").replace(",", " ,\t"),
            line -> " \t" + line + "\t ",
            line -> line + "\u0085");

    private static String mutate(Random random, String line) {
        if (random.nextInt(4) == 0) {
            // A line break anywhere in the object: in a string, between tokens, before the end.
            int at = 1 + random.nextInt(line.length() - 1);
            return line.substring(0, at) + LINE_ENDS.get(random.nextInt(LINE_ENDS.size())) + line.substring(at);
        }
        return MUTATIONS.get(random.nextInt(MUTATIONS.size())).apply(line);
    }

    /** The oracle: every line on its own through data binding, as the reader read them all before. */
    private static List<ParsedRow> lineByLine(String text) throws IOException {
        List<ParsedRow> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new StringReader(text));
        long line = 0;
        for (String content = reader.readLine(); content != null; content = reader.readLine()) {
            line++;
            if (line == 1 && content.startsWith("\uFEFF")) {
                content = content.substring(1);
            }
            if (!content.isBlank()) {
                rows.add(StrictEventJson.parse(line, content));
            }
        }
        return rows;
    }

    private static List<ParsedRow> read(String text, Random random) throws IOException {
        List<ParsedRow> rows = new ArrayList<>();
        try (NdjsonRowReader reader = new NdjsonRowReader(new TrickleReader(text, random, 400))) {
            for (Optional<ParsedRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    @Test
    void everyLineMeansWhatDataBindingSaysItMeans() throws IOException {
        for (long seed = 1; seed <= 400; seed++) {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "");
            int lines = random.nextInt(30);
            for (int i = 0; i < lines; i++) {
                String line = written(event(random, i));
                int kind = random.nextInt(10);
                if (kind == 0) {
                    line = BLANK_LINES.get(random.nextInt(BLANK_LINES.size()));
                } else if (kind < 4) {
                    line = mutate(random, line);
                }
                text.append(line).append(LINE_ENDS.get(random.nextInt(LINE_ENDS.size())));
            }
            if (random.nextBoolean() && text.length() > 0) {
                text.setLength(text.length() - 1);
            }
            String input = text.toString();
            assertThat(read(input, random)).as("seed %d:%n%s", seed, input).isEqualTo(lineByLine(input));
        }
    }

    @Test
    void linesSpoiledWhereNoParserLooksMeanWhatDataBindingSays() throws IOException {
        // The oracle as above: each line on its own through data binding. The spoilers aim at what the reader
        // decides without Jackson (EDGES); half the lines get one or two of them.
        for (long seed = 1; seed <= 400; seed++) {
            Random random = new Random(-seed);
            StringBuilder text = new StringBuilder();
            int lines = random.nextInt(30);
            for (int i = 0; i < lines; i++) {
                String line = written(event(random, i));
                for (int spoilers = random.nextInt(4) - 1; spoilers > 0; spoilers--) {
                    line = EDGES.get(random.nextInt(EDGES.size())).apply(line);
                }
                text.append(line).append(LINE_ENDS.get(random.nextInt(LINE_ENDS.size())));
            }
            String input = text.toString();
            assertThat(read(input, random)).as("seed %d:%n%s", -seed, input).isEqualTo(lineByLine(input));
        }
    }

    @Test
    void longStringsAndKeysMeanWhatDataBindingSays() throws IOException {
        // Jackson's read constraints refuse strings and keys beyond their limits; the hand-written reader leaves
        // strings beyond CanonicalEventLine.LONGEST_STRING to Jackson. Oracle: each line on its own through data
        // binding; comments and attribute keys and values at, just over and far over that length.
        Random random = new Random(3);
        StringBuilder input = new StringBuilder();
        for (int length : new int[] {CanonicalEventLine.LONGEST_STRING, CanonicalEventLine.LONGEST_STRING + 1,
                50_001}) {
            String line = written(new FeedbackResponse(EventId.of("e" + length), CustomerId.of("c"),
                    Instant.parse("2026-01-01T00:00:00Z"), "s", FeedbackScale.NPS, 9, Optional.of("x".repeat(length)),
                    Optional.empty(), Map.of("k", "v")));
            input.append(line).append('\n');
            input.append(line.replace("\"k\":", "\"" + "k".repeat(length) + "\":")).append('\n');
            input.append(line.replace(":\"v\"", ":\"" + "\\u0076".repeat(length / 6 + 1) + "\"")).append('\n');
        }

        List<ParsedRow> rows = read(input.toString(), random);

        assertThat(rows).hasSize(9).isEqualTo(lineByLine(input.toString()));
    }

    @Test
    void everySpoilerChangesSomeLine() throws IOException {
        // A spoiler that never matches a written line tests nothing; each must change at least one of 300
        // random written lines (the oracle: the line before the spoiler).
        for (int i = 0; i < EDGES.size(); i++) {
            boolean changed = false;
            for (int seed = 1; seed <= 300 && !changed; seed++) {
                String line = written(event(new Random(seed), seed));
                changed = !EDGES.get(i).apply(line).equals(line);
            }
            assertThat(changed).as("spoiler %d", i).isTrue();
        }
    }

    @Test
    void aLineLongerThanTheBufferIsReadWhole() throws IOException {
        // A comment of 200,000 characters, between ordinary lines; expected: the events written, on lines 1 to 3.
        Random random = new Random(7);
        FeedbackResponse longComment = new FeedbackResponse(EventId.of("long"), CustomerId.of("c"),
                Instant.parse("2026-01-01T00:00:00Z"), "s", FeedbackScale.NPS, 9, Optional.of("x".repeat(200_000)),
                Optional.empty(), Map.of());
        CustomerEvent before = event(random, 1);
        CustomerEvent after = event(random, 2);
        String input = written(before) + "\r\n" + written(longComment) + "\r\n" + written(after) + "\n";

        assertThat(read(input, random)).containsExactly(new ParsedRow.Accepted(1, before),
                new ParsedRow.Accepted(2, longComment), new ParsedRow.Accepted(3, after));
    }

    @Test
    void touchpointsMadeBeforeAreSharedAndOnlyWhenEqual() throws IOException {
        // The reader reuses a touchpoint it made from the same texts. Oracle: the events written, among them
        // touchpoints equal in id and name but not in channel or stage, and equal in all but the case of a
        // text; each line must come back as the event written, and a touchpoint equal to the one on the line
        // before as that instance.
        List<Touchpoint> touchpoints = List.of(
                new Touchpoint(TouchpointId.of("t"), "T", Channel.WEB, Optional.empty()),
                new Touchpoint(TouchpointId.of("t"), "T", Channel.EMAIL, Optional.empty()),
                new Touchpoint(TouchpointId.of("t"), "T", Channel.WEB, Optional.of("s")),
                new Touchpoint(TouchpointId.of("t"), "T", Channel.WEB, Optional.of("S")),
                new Touchpoint(TouchpointId.of("T"), "t", Channel.WEB, Optional.of("s")),
                new Touchpoint(TouchpointId.of("t"), "t", Channel.WEB, Optional.of("s")));
        Random random = new Random(11);
        StringBuilder input = new StringBuilder();
        List<ParsedRow> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            CustomerEvent event = new Interaction(EventId.of("e" + i), CustomerId.of("c"),
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), touchpoints.get(random.nextInt(6)), "ok",
                    Duration.ofSeconds(i), Map.of());
            input.append(written(event)).append('\n');
            expected.add(new ParsedRow.Accepted(i + 1, event));
        }

        List<ParsedRow> rows = read(input.toString(), random);

        assertThat(rows).isEqualTo(expected);
        int shared = 0;
        for (int i = 1; i < rows.size(); i++) {
            Touchpoint before = ((Interaction) ((ParsedRow.Accepted) rows.get(i - 1)).event()).touchpoint();
            Touchpoint read = ((Interaction) ((ParsedRow.Accepted) rows.get(i)).event()).touchpoint();
            if (read.equals(before)) {
                assertThat(read).as("line %d", i + 1).isSameAs(before);
                shared++;
            }
        }
        assertThat(shared).isPositive();
    }

    @Test
    void theCanonicalReaderReadsEveryEventCxmWritesAsDataBindingReadsIt() throws IOException {
        // The shortcut must take the lines cxm writes (else the reader above would be right but slow): each
        // random event, written, comes back from it equal to the event itself, the oracle.
        JsonFactory factory = new JsonFactory();
        CanonicalEventJson canonical = new CanonicalEventJson();
        for (long seed = 1; seed <= 3_000; seed++) {
            Random random = new Random(seed);
            CustomerEvent event = event(random, (int) seed);
            try (JsonParser parser = factory.createParser(written(event))) {
                assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                assertThat(canonical.read(parser)).as("seed %d", seed).isEqualTo(event);
                assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            }
        }
    }

    @Test
    void theLineReaderReadsEveryEventCxmWritesWithoutAParser() throws IOException {
        // The hand-written reader must take the lines cxm writes (else the reader would be right but slow):
        // each random event, written and followed by a line break and more text, comes back from it equal to
        // the event itself, the oracle, with the line's end at the line break.
        CanonicalEventLine lines = new CanonicalEventLine(new CanonicalEventJson());
        for (long seed = 1; seed <= 3_000; seed++) {
            Random random = new Random(seed);
            CustomerEvent event = event(random, (int) seed);
            String line = written(event);
            char[] chars = (" " + line + LINE_ENDS.get(random.nextInt(LINE_ENDS.size())) + "{}").toCharArray();
            assertThat(lines.read(chars, 1, chars.length)).as("seed %d", seed).isEqualTo(event);
            assertThat(lines.lineEnd()).isEqualTo(1 + line.length());
        }
    }
}
