package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.model.CustomerEvent;

/**
 * The parallel reader splits rows on one thread and maps them on others; its oracle is {@link CsvRowReader},
 * which does both on the caller's thread: on random files of good and bad rows (bad values, too many cells,
 * blank lines, quoted cells over several lines, an unclosed quote or text after a closing quote that ends the
 * reading), read in batches of one to five rows by one to three mappers, it gives the same rows in the same
 * order (each event, line, daylight-saving mark and rejection), and an import through it the same report and
 * the same events as the sequential import.
 */
class ParallelCsvRowReaderTest {

    private static final String HEADER = "type,customer_id,occurred_at,touchpoint_id,channel,score,scale,amount,"
            + "currency,comment\n";

    /** 50,000 rows: far more than the batches in flight, so the splitter is still at work after a few rows. */
    private static final String LONG_FILE = longFile();

    private static String longFile() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 50_000; i++) {
            csv.append("feedback,c").append(i).append(",2026-01-05T10:00:00Z,,,9,nps,,,\n");
        }
        return csv.toString();
    }

    @Test
    void givesTheRowsOfTheSequentialReaderInOrder() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            String csv = randomFile(random);
            int mappers = 1 + random.nextInt(3);
            int batchRows = 1 + random.nextInt(5);
            try {
                List<ParsedRow> expected = readAll(CsvRowReader.open(new StringReader(csv),
                        CsvColumnMapping.ofDefaults()));
                List<ParsedRow> actual = readAll(ParallelCsvRowReader.open(new StringReader(csv),
                        CsvColumnMapping.ofDefaults(), mappers, batchRows));
                assertThat(actual).as(csv).containsExactlyElementsOf(expected);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void anImportThroughMappingThreadsReportsAndHandsOverTheSame() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            String csv = randomFile(new Random(seed));
            for (ImportPolicy policy : ImportPolicy.values()) {
                try {
                    List<CustomerEvent> sequential = new ArrayList<>();
                    ImportReport expected = CsvEventImporter.ofDefaults(CsvColumnMapping.ofDefaults(), policy)
                            .importInto(sequential::add, () -> new StringReader(csv));
                    List<CustomerEvent> parallel = new ArrayList<>();
                    ImportReport actual = CsvEventImporter.custom(CsvColumnMapping.ofDefaults(), policy)
                            .mappingThreads(2).build().importInto(parallel::add, () -> new StringReader(csv));
                    assertThat(actual).as(csv).isEqualTo(expected);
                    assertThat(parallel).as(csv).containsExactlyElementsOf(sequential);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        });
    }

    @Test
    void closingBeforeTheEndStopsTheThreadsAndClosesTheInput() throws IOException {
        // A long file read for three rows only: close() must return, having closed the input.
        boolean[] closed = {false};
        Reader input = new StringReader(LONG_FILE) {
            @Override
            public void close() {
                closed[0] = true;
                super.close();
            }
        };
        ParallelCsvRowReader reader = ParallelCsvRowReader.open(input, CsvColumnMapping.ofDefaults(), 2, 16);
        for (int i = 0; i < 3; i++) {
            assertThat(reader.next()).isPresent();
        }
        reader.close();
        assertThat(closed[0]).isTrue();
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void itsThreadsAreDaemonsSoThatAReaderLeftOpenDoesNotKeepTheJvmAlive() throws IOException {
        // The splitter and the mappers are daemon threads (the class's own rule, checked on the live threads by
        // their names): a host that forgets to close a reader must still be able to exit.
        try (ParallelCsvRowReader reader = ParallelCsvRowReader.open(new StringReader(LONG_FILE),
                CsvColumnMapping.ofDefaults(), 2, 16)) {
            assertThat(reader.next()).isPresent();
            List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("cxm-csv-")).toList();
            assertThat(threads).extracting(Thread::getName)
                    .anyMatch(name -> name.startsWith("cxm-csv-splitter-"))
                    .anyMatch(name -> name.startsWith("cxm-csv-mapper-"));
            assertThat(threads).allMatch(Thread::isDaemon);
        }
    }

    @Test
    void anInterruptedCallerGetsAnInterruptedIoExceptionAndKeepsItsInterruptStatus() throws IOException {
        // The convention for code that catches InterruptedException (the oracle): next() interrupted while it
        // waits for a batch throws InterruptedIOException, close() interrupted while it waits for the splitter
        // returns; both leave the caller's thread interrupted, so that the caller still sees the interrupt.
        ParallelCsvRowReader reader = ParallelCsvRowReader.open(new StringReader(LONG_FILE),
                CsvColumnMapping.ofDefaults(), 2, 16);
        try {
            Thread.currentThread().interrupt();
            assertThatThrownBy(reader::next).isInstanceOf(java.io.InterruptedIOException.class);
            assertThat(Thread.interrupted()).isTrue();
        } finally {
            Thread.currentThread().interrupt();
            reader.close();
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    private static List<ParsedRow> readAll(RowReader reader) throws IOException {
        List<ParsedRow> rows = new ArrayList<>();
        try (reader) {
            for (Optional<ParsedRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    private static String randomFile(Random random) {
        StringBuilder csv = new StringBuilder(HEADER);
        int rows = random.nextInt(25);
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(10) == 0) {
                csv.append(random.nextBoolean() ? "\n" : "   \r\n");
            }
            String customer = "c" + random.nextInt(5);
            String time = random.nextInt(20) == 0 ? "2026-02-30T10:00:00Z" : "2026-01-0" + (1 + random.nextInt(9))
                    + "T1" + random.nextInt(10) + ":00:00Z";
            String comment = switch (random.nextInt(5)) {
                case 0 -> "\"line one\nline two, with \"\"quotes\"\"\"";
                case 1 -> "fine";
                default -> "";
            };
            csv.append(switch (random.nextInt(4)) {
                case 0 -> "feedback," + customer + "," + time + ",hotline,phone," + (random.nextInt(13) - 1)
                        + ",nps,,," + comment;
                case 1 -> "purchase," + customer + "," + time + ",,,,," + (random.nextInt(8) == 0 ? "-1" : "19.90")
                        + ",EUR,";
                case 2 -> "interaction," + customer + "," + time + ",checkout,web,,,,," + comment;
                default -> random.nextBoolean() ? "bogus," + customer + "," + time + ",,,,,,,"
                        : "feedback," + customer + "," + time + ",hotline,phone,7,nps,,,,extra";
            });
            csv.append(random.nextInt(6) == 0 ? "\r\n" : "\n");
        }
        if (random.nextInt(8) == 0) {
            csv.append(random.nextBoolean() ? "feedback,c1,\"2026-01-05T10:00:00Z\"x,,,9,nps,,,\n"
                    : "feedback,c1,2026-01-05T10:00:00Z,,,9,nps,,,\"unclosed\n");
            csv.append("feedback,c2,2026-01-06T10:00:00Z,,,9,nps,,,\n");
        }
        return csv.toString();
    }
}
