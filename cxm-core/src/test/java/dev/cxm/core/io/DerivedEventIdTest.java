package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackScale;

/**
 * A CSV row without an event id gets the id derived from its line and raw cells, which the importer now hashes
 * from UTF-8 bytes it writes itself instead of from a string. Oracle: {@link EventId#derivedFrom(String)} of
 * the text the importer built before, {@code line + U+001F + cell + U+001F + cell ...}, on random cells of
 * ASCII, accented and CJK letters, emoji (surrogate pairs), lone surrogates, quotes and separators.
 */
class DerivedEventIdTest {

    private static final String ALPHABET = "ab ,\"\u00e9\u00df\u4e2d\u0800\u07ff\ud83d\ude00\ud800\udc00x";

    @Test
    void derivedFromUtf8IsDerivedFromOfTheString() {
        qt().withExamples(5_000).forAll(longs().all()).checkAssert(seed -> {
            String source = randomText(new Random(seed), 40);
            byte[] utf8 = ("..." + source).getBytes(StandardCharsets.UTF_8);
            assertThat(EventId.derivedFromUtf8(utf8, 3, utf8.length - 3)).isEqualTo(EventId.derivedFrom(source));
        });
    }

    @Test
    void aRowsDerivedIdIsTheHashOfItsLineAndRawCells() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            StringBuilder csv = new StringBuilder("customer_id,occurred_at,score,comment,extra\n");
            List<List<String>> rows = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                List<String> cells = List.of("c" + random.nextInt(100), "2026-01-0" + (1 + random.nextInt(9))
                        + "T10:00:00Z", Integer.toString(random.nextInt(11)), randomText(random, 12),
                        randomText(random, 6));
                rows.add(cells);
                for (int j = 0; j < cells.size(); j++) {
                    csv.append(j == 0 ? "" : ",").append('"').append(cells.get(j).replace("\"", "\"\"")).append('"');
                }
                csv.append('\n');
            }
            List<CustomerEvent> events = new ArrayList<>();
            try {
                CsvEventImporter.ofDefaults(CsvColumnMapping.custom().type(EventType.FEEDBACK)
                        .scale(FeedbackScale.NPS).build(), ImportPolicy.FAIL_ON_FIRST_ERROR)
                        .importInto(events::add, () -> new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(events).hasSize(count);
            for (int i = 0; i < count; i++) {
                String source = (i + 2) + "\u001f" + String.join("\u001f", rows.get(i));
                assertThat(events.get(i).eventId()).as(csv.toString()).isEqualTo(EventId.derivedFrom(source));
            }
        });
    }

    @Test
    void longCellsAndLinesOfManyDigitsDeriveTheIdOfTheirText() throws IOException {
        // Oracle as above: EventId.derivedFrom of "line U+001F cell U+001F cell ...". Cells of up to 3,000
        // characters of one to four UTF-8 bytes each outgrow the importer's 256-byte id buffer (once, or many
        // times over in one cell), and 1,050 rows give lines of one to four digits (9 to 10, 99 to 100, 999 to 1000).
        Random random = new Random(17);
        StringBuilder csv = new StringBuilder("customer_id,occurred_at,score,comment\n");
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 1_050; i++) {
            int length = i % 50 == 0 ? 1 + random.nextInt(3_000) : random.nextInt(20);
            String comment = randomText(random, length);
            List<String> cells = List.of("c" + i, "2026-01-01T10:00:00Z", Integer.toString(i % 11), comment);
            for (int j = 0; j < cells.size(); j++) {
                csv.append(j == 0 ? "" : ",").append('"').append(cells.get(j).replace("\"", "\"\"")).append('"');
            }
            csv.append('\n');
            sources.add((i + 2) + "\u001f" + String.join("\u001f", cells));
        }
        List<CustomerEvent> events = new ArrayList<>();
        CsvEventImporter.ofDefaults(CsvColumnMapping.custom().type(EventType.FEEDBACK).scale(FeedbackScale.NPS)
                .build(), ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(events::add, () -> new StringReader(csv.toString()));

        assertThat(events).hasSize(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            assertThat(events.get(i).eventId()).as("row %d", i + 2).isEqualTo(EventId.derivedFrom(sources.get(i)));
        }
    }

    @Test
    void charactersAtTheEdgesOfEachUtf8LengthDeriveTheIdOfTheirText() throws IOException {
        // Oracle as above. U+007F/U+0080 and U+07FF/U+0800 end and start the one-, two- and three-byte forms;
        // U+10000, U+3FFFF, U+40000 and U+10FFFF are four bytes whose first byte carries bits 18 to 20 of the
        // code point (0, 0, 1 and 4).
        String[] comments = {"\u007f\u0080", "\u07ff\u0800\uffff", new String(Character.toChars(0x10000)),
            new String(Character.toChars(0x3FFFF)), new String(Character.toChars(0x40000)),
            new String(Character.toChars(0xE0041)), new String(Character.toChars(0x10FFFF)) + "a"};
        StringBuilder csv = new StringBuilder("customer_id,occurred_at,score,comment\n");
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < comments.length; i++) {
            csv.append("c,2026-01-01T10:00:00Z,9,").append(comments[i]).append('\n');
            sources.add((i + 2) + "\u001fc\u001f2026-01-01T10:00:00Z\u001f9\u001f" + comments[i]);
        }

        List<CustomerEvent> events = importFeedback(csv.toString());

        assertThat(events).extracting(CustomerEvent::eventId)
                .containsExactlyElementsOf(sources.stream().map(EventId::derivedFrom).toList());
    }

    @Test
    void cellsOfThreeByteCharactersAtEveryFillOfTheIdBufferDeriveTheIdOfTheirText() throws IOException {
        // Oracle as above. Each import starts with a 256-byte id buffer; a comment of n characters of three UTF-8
        // bytes each (U+4E2D), after customer ids of one to three characters, ends the row's id text at every
        // length from 31 to 632 bytes: exactly at the buffer's end, one byte before and after it, and past twice
        // its size (where one growth must reach the whole need at once).
        for (int idLength = 1; idLength <= 3; idLength++) {
            for (int n = 0; n <= 200; n++) {
                String customer = "c".repeat(idLength);
                String comment = "\u4e2d".repeat(n);
                List<CustomerEvent> events = importFeedback("customer_id,occurred_at,score,comment\n" + customer
                        + ",2026-01-01T10:00:00Z,9," + comment + "\n");
                String source = "2\u001f" + customer + "\u001f2026-01-01T10:00:00Z\u001f9\u001f" + comment;
                assertThat(events).extracting(CustomerEvent::eventId).as("id of %d, comment of %d", idLength, n)
                        .containsExactly(EventId.derivedFrom(source));
            }
        }
    }

    @Test
    void aLoneHighSurrogateEndingTheInputIsNotPairedWithTheStaleCharacterAfterIt() throws IOException {
        // Oracle as above: String.getBytes writes a lone surrogate as '?'. The input is longer than the reader's
        // first 64 Ki buffer and its first rows are comments of low surrogates, so after the last row is moved to
        // the buffer's front the character just past the input's end is a stale low surrogate; the last cell,
        // unquoted and without a line end, ends in a lone high surrogate. Tried for last rows of 1 to 40 characters.
        for (int tail = 1; tail <= 40; tail++) {
            StringBuilder csv = new StringBuilder("customer_id,occurred_at,score,comment\n");
            List<String> sources = new ArrayList<>();
            String filler = "\udc00".repeat(300);
            int line = 2;
            while (csv.length() < 70_000) {
                csv.append("c,2026-01-01T10:00:00Z,9,").append(filler).append('\n');
                sources.add(line++ + "\u001fc\u001f2026-01-01T10:00:00Z\u001f9\u001f" + filler);
            }
            String last = "x".repeat(tail - 1) + "\ud83d";
            csv.append("c,2026-01-01T10:00:00Z,9,").append(last);
            sources.add(line + "\u001fc\u001f2026-01-01T10:00:00Z\u001f9\u001f" + last);

            List<CustomerEvent> events = importFeedback(csv.toString());

            assertThat(events).extracting(CustomerEvent::eventId).as("last row of %d characters", tail)
                    .containsExactlyElementsOf(sources.stream().map(EventId::derivedFrom).toList());
        }
    }

    private static List<CustomerEvent> importFeedback(String csv) throws IOException {
        List<CustomerEvent> events = new ArrayList<>();
        CsvEventImporter.ofDefaults(CsvColumnMapping.custom().type(EventType.FEEDBACK).scale(FeedbackScale.NPS)
                .build(), ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(events::add, () -> new StringReader(csv));
        return events;
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
