package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Counts the io package returns. Oracle: the Javadoc applied by hand: an import report's accepted rows are
 * {@code appended + duplicates}; {@code Ndjson.write} returns how many values it wrote, one line each, and flushes
 * the writer (so a buffered writer's lines reach its target without closing it).
 */
class ReportAndNdjsonCountsTest {

    @Test
    void acceptedRowsAreAppendedPlusDuplicates() {
        ImportReport report = new ImportReport(ImportPolicy.SKIP_AND_REPORT, 9, 5, 3, 1, List.of(), 0, true, true);

        assertThat(report.accepted()).isEqualTo(8);
    }

    @Test
    void writingValuesCountsAndFlushesTheirLines() throws IOException {
        StringWriter target = new StringWriter();
        BufferedWriter buffered = new BufferedWriter(target);

        long written = Ndjson.write(Stream.of(Map.of("a", 1), List.of(2, 3), "x"), buffered);

        assertThat(written).isEqualTo(3);
        assertThat(target.toString()).isEqualTo("{\"a\":1}\n[2,3]\n\"x\"\n");
    }
}
