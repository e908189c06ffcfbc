package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

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
 * An NDJSON line that the reader's 64 Ki buffer ends inside, at every one of its characters and at its line
 * break, means what it means on its own. The reader's buffer holds exactly the first 65,536 characters of the
 * input after its first fill, so the line reader is first handed the line cut at that point, with no character
 * after the cut in the array (where a reader that looks one character too far fails). Oracle: the simple reading
 * of the same text ({@link BufferedReader#readLine()} for the lines, so {@code \n}, {@code \r} and
 * {@code \r\n} end them; blank lines skipped; every other line read on its own by data binding,
 * {@link StrictEventJson}), as in {@code NdjsonRowReaderTest}; lines written by {@code CxmJson} (the canonical
 * form: nested objects, attributes, escapes) and a malformed line after them, whose line number must be right.
 */
class NdjsonLinesAcrossTheBufferEndTest {

    private static final int BUFFER = 1 << 16;
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00.125Z");

    private static List<CustomerEvent> events() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("k", "v\"q\\\u00e9");
        attributes.put("e", "");
        return List.of(
                new Interaction(EventId.of("i-1"), CustomerId.of("c-1"), AT,
                        new Touchpoint(TouchpointId.of("t"), "The shop", Channel.WEB, Optional.of("checkout")),
                        "resolved", Duration.ofSeconds(90, 5), attributes),
                new Purchase(EventId.of("p-1"), CustomerId.of("c\t2"), AT, "o-1",
                        new Money(new BigDecimal("19.90"), Currency.getInstance("EUR")), 3,
                        Optional.of(Touchpoint.of("s", "S", Channel.STORE)), Map.of()),
                new FeedbackResponse(EventId.of("f-1"), CustomerId.of("c3"), AT, "survey",
                        FeedbackScale.custom("stars", -3, 12), -2, Optional.of("line one\nline \"two\""),
                        Optional.empty(), Map.of("a", "b")));
    }

    /** The oracle: every line on its own through data binding. */
    private static List<ParsedRow> lineByLine(String text) throws IOException {
        List<ParsedRow> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new StringReader(text));
        long line = 0;
        for (String content = reader.readLine(); content != null; content = reader.readLine()) {
            line++;
            if (!content.isBlank()) {
                rows.add(StrictEventJson.parse(line, content));
            }
        }
        return rows;
    }

    private static List<ParsedRow> read(String text) throws IOException {
        List<ParsedRow> rows = new ArrayList<>();
        try (NdjsonRowReader reader = new NdjsonRowReader(new StringReader(text))) {
            for (Optional<ParsedRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    @Test
    void aLineCutByTheBufferEndAtAnyCharacterIsReadWhole() throws IOException {
        List<String> lines = new ArrayList<>();
        for (CustomerEvent event : events()) {
            lines.add(NdjsonRowReaderTest.written(event));
        }
        String first = lines.get(1);
        for (String line : lines) {
            for (String lineEnd : List.of("\r\n", "\n", "\r")) {
                String cut = line + lineEnd;
                String after = lines.get(2) + lineEnd + "{\"type\":\n" + line + "\n";
                // The same lines wherever the buffer ends: line 3 is the one cut.
                List<ParsedRow> expected = lineByLine(first + "\n\n" + cut + after);
                assertThat(expected).hasSize(5);
                assertThat(expected.get(1)).isInstanceOf(ParsedRow.Accepted.class);
                // Every cut of the line with \r\n; with \n and \r, the cuts at the line break.
                int from = lineEnd.equals("\r\n") ? 0 : cut.length() - 2;
                for (int inside = from; inside <= cut.length(); inside++) {
                    // The line starts `inside` characters before the buffer's end: after a first event line and
                    // a blank line of spaces that make up the rest.
                    int start = BUFFER - inside;
                    String text = first + "\n" + " ".repeat(start - first.length() - 2) + "\n" + cut + after;

                    assertThat(read(text)).as("%d characters before the end, %s", inside,
                            lineEnd.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(expected);
                }
            }
        }
    }
}
