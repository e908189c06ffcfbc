package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;

/**
 * Issue 9, item 11: random valid events written as CSV (random column order, separator, quoting, line endings,
 * blank lines, byte-order mark) and as NDJSON (random key order and blanks) read back equal through both event
 * readers; and the same files with random cells made invalid are rejected at exactly the mutated lines, never
 * with a crash, never with another row changed, never repeating the invalid text. The oracle is the generated
 * events themselves and the list of lines the test mutated. Seeded, so a failure names the seed that repeats it.
 */
class ImportFuzzTest {

    private static final int RUNS = 40;
    private static final int EVENTS_PER_RUN = 30;
    /** Text every invalid value carries, so that a test can see it is not repeated in a reason. */
    private static final String MARK = "Zq";
    private static final List<String> COLUMNS = List.of("event_id", "type", "customer_id", "occurred_at",
            "touchpoint_id", "touchpoint_name", "channel", "stage", "outcome", "duration", "order_id", "amount",
            "currency", "items", "survey_id", "scale", "score", "comment", "region", "plan");
    private static final String TRICKY = "abcXYZ019 ,;|\t\"'\n\u00e9\u4e2d-_./";
    private static final List<Currency> CURRENCIES = Stream.of("EUR", "USD", "JPY", "BHD")
            .map(Currency::getInstance).toList();
    private static final List<FeedbackScale> SCALES = List.of(FeedbackScale.NPS, FeedbackScale.CSAT,
            FeedbackScale.CES, FeedbackScale.custom("stars", 1, 10), FeedbackScale.custom("delta", -3, 3));
    /** Invalid cell values by column; each rejects any row, whatever its type. */
    private static final Map<String, List<String>> INVALID = Map.ofEntries(
            Map.entry("event_id", List.of(MARK + "x".repeat(300))),
            Map.entry("type", List.of(MARK + "refund")),
            Map.entry("customer_id", List.of("", MARK + "c".repeat(300))),
            Map.entry("occurred_at", List.of("2026-02-30", "2025-02-29T10:00:00Z", "2026-01-01T24:00", MARK,
                    "\u0662\u0660\u0662\u0666-01-01")),
            Map.entry("touchpoint_id", List.of(MARK + "t".repeat(300))),
            Map.entry("channel", List.of(MARK + "fax")),
            Map.entry("duration", List.of("-PT5S", "-5", "1e999999999", "\u096f", MARK)),
            Map.entry("order_id", List.of(MARK + "o".repeat(300))),
            Map.entry("amount", List.of("-4111111111111111", "1e999999999", "1000000000000000000", "1e-19",
                    "\u0661\u0660", MARK)),
            Map.entry("currency", List.of(MARK + "X")),
            Map.entry("items", List.of("-1", "1.5", "99999999999", "\u0663", MARK)),
            Map.entry("survey_id", List.of(MARK + "s".repeat(300))),
            Map.entry("scale", List.of(MARK + "likert", "stars:1..\u0661\u0660", "flat:3..3")),
            Map.entry("score", List.of("170123456", "10.5", "-11", "\u096f", MARK)));

    private static String random(Random random, String alphabet, int minLength, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** A non-blank text without surrounding blanks (cells are stripped), possibly holding separators and quotes. */
    private static String text(Random random) {
        String core = random(random, TRICKY, 0, 8);
        return "a" + core + "z";
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Map<String, String> attributes(Random random) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            attributes.put("region", text(random));
        }
        if (random.nextBoolean()) {
            attributes.put("plan", text(random));
        }
        return attributes;
    }

    private static Optional<Touchpoint> touchpoint(Random random, boolean needed) {
        int kind = random.nextInt(needed ? 2 : 3);
        Channel channel = pick(random, List.of(Channel.values()));
        Optional<String> stage = random.nextBoolean() ? Optional.of(text(random)) : Optional.empty();
        return switch (kind) {
            case 0 -> Optional.of(new Touchpoint(TouchpointId.of(text(random)), text(random), channel, stage));
            // The touchpoint a row with a channel but no touchpoint id gets.
            case 1 -> Optional.of(new Touchpoint(TouchpointId.of(channel.name().toLowerCase(Locale.ROOT)),
                    channel.name().toLowerCase(Locale.ROOT), channel, stage));
            default -> Optional.empty();
        };
    }

    private static CustomerEvent event(Random random, int index) {
        EventId id = EventId.of("e" + index + text(random));
        CustomerId customer = CustomerId.of(text(random));
        Instant at = Instant.ofEpochMilli(1_600_000_000_000L + (long) (random.nextDouble() * 200_000_000_000L));
        return switch (random.nextInt(3)) {
            case 0 -> new Interaction(id, customer, at, touchpoint(random, true).orElseThrow(),
                    random.nextBoolean() ? text(random) : Interaction.UNKNOWN_OUTCOME,
                    Duration.ofMillis(1 + random.nextInt(10_000_000)), attributes(random));
            case 1 -> {
                int scale = random.nextInt(Money.MAX_SCALE + 1);
                BigDecimal amount = new BigDecimal(random.nextLong() & Long.MAX_VALUE).movePointLeft(scale)
                        .remainder(BigDecimal.TEN.pow(Money.MAX_INTEGER_DIGITS));
                yield new Purchase(id, customer, at, text(random), new Money(amount, pick(random, CURRENCIES)),
                        random.nextInt(100), touchpoint(random, false), attributes(random));
            }
            default -> {
                FeedbackScale scale = pick(random, SCALES);
                yield new FeedbackResponse(id, customer, at, text(random), scale,
                        scale.min() + random.nextInt(scale.points()),
                        random.nextBoolean() ? Optional.of(text(random)) : Optional.empty(),
                        touchpoint(random, false), attributes(random));
            }
        };
    }

    /** The cells of {@code event} by column, in the text forms the CSV reader takes (picked at random). */
    private static Map<String, String> cells(Random random, CustomerEvent event) {
        Map<String, String> cells = new HashMap<>();
        COLUMNS.forEach(column -> cells.put(column, ""));
        cells.put("event_id", event.eventId().value());
        cells.put("type", event.eventType().wireName());
        cells.put("customer_id", event.customerId().value());
        cells.put("occurred_at", event.occurredAt().toString());
        event.atTouchpoint().ifPresent(touchpoint -> {
            String channel = touchpoint.channel().name().toLowerCase(Locale.ROOT);
            boolean derived = touchpoint.id().value().equals(channel) && touchpoint.name().equals(channel);
            if (!derived || random.nextBoolean()) {
                cells.put("touchpoint_id", touchpoint.id().value());
                cells.put("touchpoint_name", touchpoint.name());
            }
            cells.put("channel", random.nextBoolean() ? channel : channel.toUpperCase(Locale.ROOT).replace('_', '-'));
            touchpoint.stage().ifPresent(stage -> cells.put("stage", stage));
        });
        event.attributes().forEach(cells::put);
        if (event instanceof Interaction interaction) {
            cells.put("outcome", interaction.outcome());
            cells.put("duration", random.nextBoolean() ? interaction.duration().toString()
                    : BigDecimal.valueOf(interaction.duration().toMillis(), 3).toPlainString());
        } else if (event instanceof Purchase purchase) {
            cells.put("order_id", purchase.orderId());
            cells.put("amount", purchase.amount().amount().toPlainString());
            cells.put("currency", purchase.amount().currency().getCurrencyCode());
            cells.put("items", Integer.toString(purchase.itemCount()));
        } else if (event instanceof FeedbackResponse response) {
            cells.put("survey_id", response.surveyId());
            cells.put("scale", response.scale().toString());
            cells.put("score", Integer.toString(response.score()));
            response.comment().ifPresent(comment -> cells.put("comment", comment));
        }
        return cells;
    }

    /** A CSV file of rows, written at random, that knows the line each row starts on. */
    private static final class CsvFile {
        final StringBuilder text = new StringBuilder();
        final List<Long> rowLines = new ArrayList<>();
        final char separator;
        final String newline;
        final List<String> columns;
        long line = 1;

        CsvFile(Random random) {
            separator = pick(random, List.of(',', ';', '\t', '|'));
            newline = random.nextBoolean() ? "\n" : "\r\n";
            columns = new ArrayList<>(COLUMNS);
            Collections.shuffle(columns, random);
            if (random.nextBoolean()) {
                text.append('\uFEFF');
            }
            write(random, columns, List.of());
        }

        void row(Random random, Map<String, String> cells, List<String> extra) {
            while (random.nextInt(8) == 0) {
                text.append(newline);
                line++;
            }
            rowLines.add(line);
            write(random, columns.stream().map(cells::get).toList(), extra);
        }

        private void write(Random random, List<String> cells, List<String> extra) {
            List<String> all = new ArrayList<>(cells);
            all.addAll(extra);
            for (int i = 0; i < all.size(); i++) {
                String cell = all.get(i);
                boolean mustQuote = cell.indexOf(separator) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                        || cell.indexOf('\r') >= 0;
                text.append(i == 0 ? "" : String.valueOf(separator));
                if (mustQuote || random.nextInt(4) == 0) {
                    text.append('"').append(cell.replace("\"", "\"\"")).append('"');
                } else {
                    text.append(cell);
                }
                line += cell.chars().filter(c -> c == '\n').count();
            }
            text.append(newline);
            line++;
        }

        CsvColumnMapping mapping() {
            return CsvColumnMapping.custom().separator(separator).attributeColumns(List.of("region", "plan")).build();
        }
    }

    /** Writes the events as NDJSON with keys in random order, blanks between tokens and blank lines. */
    private static List<String> ndjsonLines(Random random, List<CustomerEvent> events) throws IOException {
        List<String> lines = new ArrayList<>();
        for (CustomerEvent event : events) {
            // Exact decimals: a tree reads a fraction as a double by default, which would change long amounts.
            ObjectNode node = (ObjectNode) CxmJson.mapper().reader()
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(written(event));
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            Collections.shuffle(fields, random);
            ObjectNode shuffled = CxmJson.mapper().createObjectNode();
            fields.forEach(field -> shuffled.set(field.getKey(), field.getValue()));
            String line = CxmJson.mapper().writeValueAsString(shuffled);
            lines.add(random.nextBoolean() ? line : line.replace(",\"", ", \"").replace("\":", "\" : "));
        }
        return lines;
    }

    private static String written(CustomerEvent event) throws IOException {
        StringWriter out = new StringWriter();
        Ndjson.writeEvents(Stream.of(event), out);
        return out.toString().strip();
    }

    private static Map<EventId, CustomerEvent> stored(EventStore store) {
        try (Stream<CustomerEvent> events = store.scan()) {
            return events.collect(Collectors.toMap(CustomerEvent::eventId, Function.identity()));
        }
    }

    private static Map<EventId, CustomerEvent> byId(List<CustomerEvent> events) {
        return events.stream().collect(Collectors.toMap(CustomerEvent::eventId, Function.identity()));
    }

    /** Asserts that the store holds exactly {@code expected}, naming only the first event that differs. */
    private static void assertHolds(EventStore store, List<CustomerEvent> expected, String context) {
        Map<EventId, CustomerEvent> actual = stored(store);
        assertThat(actual.keySet()).as(context).containsExactlyInAnyOrderElementsOf(byId(expected).keySet());
        for (CustomerEvent event : expected) {
            assertThat(actual.get(event.eventId())).as(context).isEqualTo(event);
        }
    }

    @Test
    void randomValidEventsReadBackEqualThroughCsvAndNdjson() throws IOException {
        for (long seed = 1; seed <= RUNS; seed++) {
            Random random = new Random(seed);
            List<CustomerEvent> events = new ArrayList<>();
            for (int i = 0; i < EVENTS_PER_RUN; i++) {
                events.add(event(random, i));
            }
            CsvFile csv = new CsvFile(random);
            events.forEach(event -> csv.row(random, cells(random, event), List.of()));
            String ndjson = String.join(random.nextBoolean() ? "\n" : "\n\n", ndjsonLines(random, events)) + "\n";

            for (ImportPolicy policy : ImportPolicy.values()) {
                EventStore fromCsv = InMemoryEventStore.create();
                ImportReport csvReport = CsvEventImporter.ofDefaults(csv.mapping(), policy)
                        .importInto(fromCsv, () -> new StringReader(csv.text.toString()));
                EventStore fromNdjson = InMemoryEventStore.create();
                ImportReport ndjsonReport = NdjsonEventImporter.ofDefaults(policy)
                        .importInto(fromNdjson, () -> new StringReader(ndjson));

                assertThat(csvReport.rejected()).as("seed %d, %s, CSV", seed, policy).isEmpty();
                assertThat(csvReport.clean()).isTrue();
                assertHolds(fromCsv, events, "seed " + seed + ", " + policy + ", CSV");
                assertThat(ndjsonReport.rejected()).as("seed %d, %s, NDJSON", seed, policy).isEmpty();
                assertHolds(fromNdjson, events, "seed " + seed + ", " + policy + ", NDJSON");
            }
        }
    }

    @Test
    void randomInvalidCellsAreRejectedAtTheirLinesAndEveryOtherRowIsKeptUnchanged() throws IOException {
        for (long seed = 1; seed <= RUNS; seed++) {
            Random random = new Random(seed);
            List<CustomerEvent> valid = new ArrayList<>();
            CsvFile csv = new CsvFile(random);
            List<Long> mutatedLines = new ArrayList<>();
            List<String> mutations = new ArrayList<>(INVALID.keySet());
            Collections.sort(mutations);
            for (int i = 0; i < EVENTS_PER_RUN; i++) {
                CustomerEvent event = event(random, i);
                Map<String, String> cells = cells(random, event);
                int choice = random.nextInt(mutations.size() + 4);
                if (choice < mutations.size()) {
                    String column = mutations.get(choice);
                    cells.put(column, pick(random, INVALID.get(column)));
                    csv.row(random, cells, List.of());
                    mutatedLines.add(csv.rowLines.get(csv.rowLines.size() - 1));
                } else if (choice == mutations.size()) {
                    csv.row(random, cells, List.of("1"));
                    mutatedLines.add(csv.rowLines.get(csv.rowLines.size() - 1));
                } else {
                    csv.row(random, cells, List.of());
                    valid.add(event);
                }
            }

            EventStore store = InMemoryEventStore.create();
            ImportReport report = CsvEventImporter.ofDefaults(csv.mapping(), ImportPolicy.SKIP_AND_REPORT)
                    .importInto(store, () -> new StringReader(csv.text.toString()));

            assertThat(report.rejected()).as("seed %d: %s", seed, report.rejected()).extracting(RejectedRow::line)
                    .containsExactlyElementsOf(mutatedLines);
            assertThat(report.rejected()).allSatisfy(row -> assertThat(row.reason())
                    .doesNotContain(MARK).doesNotContain("170123456").doesNotContain("4111111111111111"));
            assertThat(report.readToEnd()).isTrue();
            assertHolds(store, valid, "seed " + seed);
        }
    }

    /** Invalid NDJSON values, each as a replacement of one property of a written event. */
    private static String mutateJson(Random random, CustomerEvent event, String line) {
        List<Function<String, String>> always = new ArrayList<>(List.of(
                text -> text.replaceFirst("\"occurredAt\":\"\\d{4}-\\d\\d-\\d\\d", "\"occurredAt\":\"2026-02-30"),
                text -> text.replaceFirst("\"customerId\":", "\"customerId\":\"\",\"customerId\":"),
                text -> text.replaceFirst("\"type\":\"[a-z]+\"", "\"type\":\"" + MARK + "\""),
                text -> text.replaceFirst("\\{", "{\"" + MARK + "\":1,")));
        if (event instanceof FeedbackResponse) {
            always.add(text -> text.replaceFirst("\"score\":(-?\\d+)", "\"score\":$1.5"));
            always.add(text -> text.replaceFirst("\"score\":(-?\\d+)", "\"score\":\"$1\""));
            always.add(text -> text.replaceFirst("\"score\":(-?\\d+)", "\"score\":170123456"));
        } else if (event instanceof Purchase) {
            always.add(text -> text.replaceFirst("\"amount\":\\{\"amount\":[0-9.]+", "\"amount\":{\"amount\":1e999999999"));
            always.add(text -> text.replaceFirst("\"amount\":\\{\"amount\":[0-9.]+",
                    "\"amount\":{\"amount\":-4111111111111111"));
            always.add(text -> text.replaceFirst("\"itemCount\":(\\d+)", "\"itemCount\":$1.5"));
        } else {
            always.add(text -> text.replaceFirst("\"duration\":\"", "\"duration\":\"-"));
        }
        return pick(random, always).apply(line);
    }

    @Test
    void randomInvalidNdjsonValuesAreRejectedAtTheirLines() throws IOException {
        for (long seed = 1; seed <= RUNS; seed++) {
            Random random = new Random(seed);
            StringBuilder ndjson = new StringBuilder();
            List<Long> mutatedLines = new ArrayList<>();
            List<CustomerEvent> valid = new ArrayList<>();
            long line = 0;
            for (int i = 0; i < EVENTS_PER_RUN; i++) {
                CustomerEvent event = event(random, i);
                String text = written(event);
                line++;
                if (random.nextInt(3) == 0) {
                    String mutated = mutateJson(random, event, text);
                    assertThat(mutated).as("seed %d: the mutation applies", seed).isNotEqualTo(text);
                    ndjson.append(mutated).append('\n');
                    mutatedLines.add(line);
                } else {
                    ndjson.append(text).append('\n');
                    valid.add(event);
                }
            }

            EventStore store = InMemoryEventStore.create();
            ImportReport report = NdjsonEventImporter.ofDefaults(ImportPolicy.SKIP_AND_REPORT)
                    .importInto(store, () -> new StringReader(ndjson.toString()));

            assertThat(report.rejected()).as("seed %d:%n%s", seed, ndjson).extracting(RejectedRow::line)
                    .containsExactlyElementsOf(mutatedLines);
            assertThat(report.rejected()).allSatisfy(row -> assertThat(row.toString())
                    .doesNotContain(MARK).doesNotContain("170123456").doesNotContain("4111111111111111"));
            assertHolds(store, valid, "seed " + seed);
        }
    }
}
