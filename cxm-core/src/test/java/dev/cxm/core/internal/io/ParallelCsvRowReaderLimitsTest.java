package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.CsvColumnMapping;

/**
 * The parallel reader where its batches are large and where its input fails. The oracle, as in
 * {@code ParallelCsvRowReaderTest}, is {@link CsvRowReader} reading the same text on the caller's thread: the
 * class's Javadoc promises the same rows, lines and rejections, and the same end of the reading. Here: batches of
 * thousands of cells and long quoted cells (more than the first batch's room for 256 cells and 8,192 characters);
 * an input whose {@code read} throws an {@link IOException}, a {@link RuntimeException} or an {@link Error} part way:
 * the rows before it, then the same throwable from {@code next()}.
 */
class ParallelCsvRowReaderLimitsTest {

    private static final String HEADER = "type,customer_id,occurred_at,touchpoint_id,channel,score,scale,amount,"
            + "currency,comment\n";

    private static String file(int rows, int longEvery) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            String comment = i % longEvery == 0 ? "\"" + "long, \"\"quoted\"\"\n".repeat(700) + "\"" : "c" + i;
            csv.append(i % 7 == 0 ? "feedback,c" + i + ",2026-01-05T10:00:00Z,,,11,nps,,," + comment
                    : "feedback,c" + i + ",2026-01-05T10:00:00Z,hotline,phone," + i % 11 + ",nps,,," + comment)
                    .append('\n');
        }
        return csv.toString();
    }

    /** The rows a reader gives, then what it threw (or null). */
    private record Reading(List<ParsedRow> rows, Throwable thrown) {}

    private static Reading readAll(RowReader reader) {
        List<ParsedRow> rows = new ArrayList<>();
        Throwable thrown = null;
        try (reader) {
            for (Optional<ParsedRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get());
            }
        } catch (IOException | RuntimeException | Error e) {
            thrown = e;
        }
        return new Reading(rows, thrown);
    }

    /** A reader of the text that throws {@code failure} once {@code after} characters have been read. */
    private static Reader failingAfter(String text, int after, Throwable failure) {
        return new Reader() {
            private int position;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                if (position >= after) {
                    if (failure instanceof IOException io) {
                        throw io;
                    }
                    if (failure instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw (Error) failure;
                }
                int count = Math.min(Math.min(length, 1_000), after - position);
                text.getChars(position, position + count, buffer, offset);
                position += count;
                return count;
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void largeBatchesGiveTheRowsOfTheSequentialReader() throws IOException {
        // 5,000 rows of 10 cells (a batch of 2,048 rows holds 20,480 cells) and every 50th comment of 14,000
        // characters with doubled quotes and line breaks.
        String csv = file(5_000, 50);
        List<ParsedRow> expected = readAll(CsvRowReader.open(new StringReader(csv), CsvColumnMapping.ofDefaults())).rows();

        for (int mappers : new int[] {1, 3}) {
            Reading parallel = readAll(ParallelCsvRowReader.open(new StringReader(csv), CsvColumnMapping.ofDefaults(),
                    mappers));

            assertThat(parallel.thrown()).isNull();
            assertThat(parallel.rows()).hasSize(5_000).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aFailingInputEndsTheReadingWhereTheSequentialReaderEndsIt() throws IOException {
        // The failure comes after the first fill of the tokenizer's 64 Ki buffer, part way through the rows.
        String csv = file(3_000, 1_000_000);
        int after = 100_000;
        assertThat(csv.length()).isGreaterThan(after + 10_000);
        for (Throwable failure : List.<Throwable>of(new IOException("disk gone"), new IllegalStateException("broken"),
                new AssertionError("fatal"))) {
            Reading expected = readAll(CsvRowReader.open(failingAfter(csv, after, failure),
                    CsvColumnMapping.ofDefaults()));
            assertThat(expected.thrown()).isSameAs(failure);

            for (int batchRows : new int[] {1, 7, ParallelCsvRowReader.BATCH_ROWS}) {
                Reading parallel = readAll(ParallelCsvRowReader.open(failingAfter(csv, after, failure),
                        CsvColumnMapping.ofDefaults(), 2, batchRows));

                assertThat(parallel.rows()).as("%s, batches of %d", failure, batchRows)
                        .containsExactlyElementsOf(expected.rows());
                assertThat(parallel.thrown()).as("%s, batches of %d", failure, batchRows).isSameAs(failure);
            }
        }
    }

    @Test
    void manyMappersGiveTheRowsOfTheSequentialReader() throws IOException {
        // More mappers than batches read ahead per mapper (3), each with batches of 2 rows.
        String csv = file(200, 40);
        List<ParsedRow> expected = readAll(CsvRowReader.open(new StringReader(csv), CsvColumnMapping.ofDefaults())).rows();
        for (int mappers : new int[] {4, 8}) {
            Reading parallel = readAll(ParallelCsvRowReader.open(new StringReader(csv), CsvColumnMapping.ofDefaults(),
                    mappers, 2));

            assertThat(parallel.thrown()).isNull();
            assertThat(parallel.rows()).hasSize(200).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void mapperCountAndBatchRowsMustBePositive() {
        for (int[] bad : new int[][] {{0, 1}, {1, 0}, {-1, 5}}) {
            assertThatThrownBy(() -> ParallelCsvRowReader.open(new StringReader(HEADER), CsvColumnMapping.ofDefaults(),
                    bad[0], bad[1])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("mapperCount and batchRows: must be 1 or more");
        }
    }
}
