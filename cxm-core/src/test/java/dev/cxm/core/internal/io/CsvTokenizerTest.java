package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * {@link CsvTokenizer} splits CSV as Jackson's {@code CsvParser} does with the settings cxm's import used (an
 * empty schema with the separator, empty lines skipped). The oracle is Jackson itself, read as the import read
 * it before: each row's line (of its first cell, or where the row starts when it cannot be read), its cells
 * as strings, and for text that cannot be read the row where that starts and whether Jackson's message is
 * about a quote. Random texts are drawn from an alphabet of separators, quotes, spaces, tabs and every kind of
 * line break, and the tokenizer reads them through a reader that hands out a few characters at a time, so that
 * every row and every quote falls across the ends of its buffer.
 */
class CsvTokenizerTest {

    private static final String ALPHABET = "ab,,;;\t  \"\"\"\r\n\n\u00e9\u4e2d|";

    /** A row as both read it, or the failure that stopped the reading. */
    private record Row(long line, List<String> cells, String failure) {

        static Row of(long line, List<String> cells) {
            return new Row(line, List.copyOf(cells), "");
        }

        static Row failed(long line, boolean quote) {
            return new Row(line, List.of(), quote ? "quote" : "malformed");
        }
    }

    /** Reads {@code text} with Jackson as the import did: the oracle. */
    private static List<Row> jackson(String text, char separator) throws IOException {
        List<Row> rows = new ArrayList<>();
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CsvFactory factory = new CsvFactory().configure(CsvParser.Feature.SKIP_EMPTY_LINES, true);
        try (CsvParser parser = factory.createParser(new StringReader(input))) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            while (true) {
                long line = parser.currentLocation().getLineNr();
                try {
                    if (parser.nextToken() == null) {
                        return rows;
                    }
                    line = parser.currentLocation().getLineNr();
                    List<String> cells = new ArrayList<>();
                    long first = -1;
                    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                        if (first < 0) {
                            first = parser.currentTokenLocation().getLineNr();
                        }
                        cells.add(parser.getText());
                    }
                    rows.add(Row.of(Math.max(1, first), cells));
                } catch (JsonProcessingException unreadable) {
                    String message = String.valueOf(unreadable.getOriginalMessage()).toLowerCase(Locale.ROOT);
                    rows.add(Row.failed(Math.max(1, line), message.contains("quote")));
                    return rows;
                }
            }
        }
    }

    /** Reads {@code text} with the tokenizer, through a reader of random short reads. */
    private static List<Row> tokenizer(String text, char separator, Random random) throws IOException {
        List<Row> rows = new ArrayList<>();
        CsvTokenizer tokenizer = new CsvTokenizer(new TrickleReader(text, random, 7), separator);
        try {
            while (tokenizer.next()) {
                CsvRow row = tokenizer.row();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.count(); i++) {
                    cells.add(row.raw(i));
                }
                rows.add(Row.of(tokenizer.rowLine(), cells));
            }
        } catch (CsvTokenizer.UnreadableCsv unreadable) {
            rows.add(Row.failed(unreadable.line(), unreadable.problem().contains("quote")));
        } finally {
            tokenizer.close();
        }
        return rows;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(5) == 0) {
            text.append('\uFEFF');
        }
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    @Test
    void randomTextsSplitIntoTheRowsAndLinesJacksonGives() throws IOException {
        for (long seed = 1; seed <= 20_000; seed++) {
            Random random = new Random(seed);
            String text = randomText(random);
            char separator = ",;\t| ".charAt(random.nextInt(5));
            assertThat(tokenizer(text, separator, random)).as("seed %d, separator '%s': %s", seed, separator,
                    text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")).isEqualTo(jackson(text, separator));
        }
    }

    @Test
    void wellFormedRowsOfQuotedAndPlainCellsSplitAsJacksonSplitsThem() throws IOException {
        // Closer to real files than the random texts: rows of plain and quoted cells (with separators, doubled
        // quotes and line breaks inside), blank lines and every kind of line ending.
        for (long seed = 1; seed <= 2_000; seed++) {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder();
            int rows = random.nextInt(8);
            for (int r = 0; r < rows; r++) {
                int cells = 1 + random.nextInt(5);
                for (int c = 0; c < cells; c++) {
                    text.append(c == 0 ? "" : ",");
                    switch (random.nextInt(4)) {
                        case 0 -> text.append("plain").append(c);
                        case 1 -> text.append("\"q, \"\"x\"\"\r\ny\"");
                        case 2 -> text.append(' ').append("sp ");
                        default -> { }
                    }
                }
                text.append(List.of("\n", "\r\n", "\r", "\n\n", " \n").get(random.nextInt(5)));
            }
            String csv = text.toString();
            assertThat(tokenizer(csv, ',', random)).as("seed %d", seed).isEqualTo(jackson(csv, ','));
        }
    }

    @Test
    void aCellLongerThanJacksonAllowsMakesTheTextUnreadableAsJacksonSays() throws IOException {
        // Oracle: Jackson refuses a string longer than StreamReadConstraints' limit; both stop at that row.
        String header = "a,b\n";
        String longCell = "x".repeat(CsvTokenizer.MAX_CELL_LENGTH + 1);
        String text = header + "1," + longCell + "\n";

        assertThat(tokenizer(text, ',', new Random(1))).isEqualTo(jackson(text, ','))
                .last().isEqualTo(Row.failed(2, false));
    }

    @Test
    void randomTextsAcrossTheEndOfTheBufferSplitAsJacksonSplitsThem() throws IOException {
        // The tokenizer reads 64 Ki characters at a time, so a short text never meets the end of its buffer: here
        // rows of filler put the random text's start 1 to 80 characters before that end, so that every kind of
        // row, quote, doubled quote and line break (a \r just before the end, its \n after it) falls across it.
        // Oracle: Jackson, as above.
        int window = 1 << 16;
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            int before = 1 + random.nextInt(80);
            StringBuilder text = new StringBuilder();
            char separator = ",;\t| ".charAt(random.nextInt(5));
            // Filler rows of quoted cells and separators, so that the characters a refill leaves after the end of
            // the text are often separators or quotes, which must not be read as part of the last row.
            while (text.length() < window - before - 1_003) {
                text.append(("\"x\"" + separator).repeat(249)).append("x\n");
            }
            text.append("y".repeat(window - before - 1 - text.length())).append('\n');
            String tail = randomText(random).replace("\uFEFF", "");
            text.append(tail);
            String input = text.toString();
            List<Row> expected = jackson(input, separator);
            assertThat(tokenizer(input, separator, random)).as("seed %d, separator '%s': %s", seed, separator,
                    tail.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")).isEqualTo(expected);
        }
    }

    @Test
    void closingTheTokenizerClosesItsInput() throws IOException, CsvTokenizer.UnreadableCsv {
        // The constructor's contract: the input is closed with the tokenizer. Oracle: the reader records its close.
        boolean[] closed = {false};
        Reader input = new StringReader("a,b\n") {
            @Override
            public void close() {
                closed[0] = true;
                super.close();
            }
        };
        CsvTokenizer tokenizer = new CsvTokenizer(input, ',');
        assertThat(tokenizer.next()).isTrue();
        assertThat(closed[0]).isFalse();

        tokenizer.close();

        assertThat(closed[0]).isTrue();
    }

    @Test
    void cellsOfExactlyTheLongestLengthAreReadAndOneMoreIsNot() throws IOException {
        // Oracle: Jackson, whose StreamReadConstraints limit a cell's decoded length. A quoted cell counts its
        // doubled quotes once: decoded length MAX_CELL_LENGTH with 10 doubled quotes (raw length 10 more) is read,
        // one character more is not; an unquoted cell of exactly MAX_CELL_LENGTH is read.
        int max = CsvTokenizer.MAX_CELL_LENGTH;
        String quoted = "\"" + "\"\"".repeat(10) + "q".repeat(max - 10) + "\"";
        String quotedTooLong = "\"" + "\"\"".repeat(10) + "q".repeat(max - 9) + "\"";
        String plain = "p".repeat(max);
        for (String text : List.of("a,b\n1," + quoted + "\n2,c\n", "a,b\n1," + quotedTooLong + "\n2,c\n",
                "a,b\n1," + plain + "\n2,c\n")) {
            List<Row> expected = jackson(text, ',');
            assertThat(tokenizer(text, ',', new Random(2))).isEqualTo(expected);
        }
        assertThat(jackson("a," + quoted + "\n", ',')).hasSize(1).first()
                .satisfies(row -> assertThat(row.cells().get(1)).hasSize(max).startsWith("\"".repeat(10)));
        assertThat(jackson("a," + quotedTooLong + "\n", ',')).containsExactly(Row.failed(1, false));
        assertThat(jackson("a," + plain + "\n", ',')).hasSize(1).first()
                .satisfies(row -> assertThat(row.cells().get(1)).hasSize(max));
    }

    @Test
    void everySplitOfQuotesAndLineBreaksAtTheBufferEndReadsAsJacksonReadsIt() throws IOException {
        // Deterministic companion of the random test above: each pattern (a doubled quote and a \r\n inside
        // quotes, a closing quote before a separator or a line break, \r\n between rows) starts k characters
        // before the end of the 64 Ki buffer, for every k, so that the buffer ends between every two of its
        // characters. Oracle: Jackson.
        int window = 1 << 16;
        List<String> patterns = List.of("\"a\"\"b\",c\n", "\"a\r\nb\",c\n", "\"a\rb\"\r\nd\n", "\"a\",\"\"\"\"\n",
                "a\r\nb\r\n", "\"a\"  ,b\r\n", "\"\"\"\"", "a,\"b\"\"\"\r", "\r\n\r\n a,b");
        for (String pattern : patterns) {
            for (int k = 0; k <= pattern.length(); k++) {
                StringBuilder text = new StringBuilder();
                while (text.length() < window - k - 1_003) {
                    text.append("x".repeat(999)).append('\n');
                }
                text.append("y".repeat(window - k - 1 - text.length())).append('\n').append(pattern);
                String input = text.toString();
                assertThat(tokenizer(input, ',', new Random(k))).as("%s split %d", pattern, k)
                        .isEqualTo(jackson(input, ','));
            }
        }
    }
}
