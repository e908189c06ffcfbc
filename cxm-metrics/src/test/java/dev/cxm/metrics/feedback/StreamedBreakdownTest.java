package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.io.ReaderSource;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;

/**
 * A breakdown counted straight from a file, through an import into an {@code EventSink}, as
 * {@code cxm nps} does in constant memory. Oracle: hand count of the five rows: promoters 10 and 9,
 * passive 7, detractors 3 and 0; NPS = 100 (2 - 2) / 5 = 0.
 */
class StreamedBreakdownTest {

    @Test
    void aBreakdownCountsAFileThroughAnEventSink() throws IOException {
        String csv = "customer_id,occurred_at,score\n"
                + "c1,2026-03-02T10:00:00Z,10\nc2,2026-03-02T11:00:00Z,9\nc3,2026-03-03T10:00:00Z,7\n"
                + "c4,2026-03-04T10:00:00Z,3\nc5,2026-03-05T10:00:00Z,0\n";
        ReaderSource file = () -> new StringReader(csv);
        CsvColumnMapping mapping = CsvColumnMapping.custom().type(EventType.FEEDBACK).scale(FeedbackScale.NPS).build();

        BreakdownAccumulator<NpsResult> nps = FeedbackBreakdown.ofDefaults(NetPromoterScore.ofDefaults()).accumulator();
        ImportReport report = CsvEventImporter.ofDefaults(mapping, ImportPolicy.FAIL_ON_FIRST_ERROR)
                .importInto(event -> {
                    if (event instanceof FeedbackResponse response) {
                        nps.add(response);
                    }
                }, file);
        Breakdown<NpsResult> result = nps.result();

        assertThat(report.appended()).isEqualTo(5);
        assertThat(result.overall().n()).isEqualTo(5);
        assertThat(result.overall().promoters()).isEqualTo(2);
        assertThat(result.overall().detractors()).isEqualTo(2);
        assertThat(result.overall().score().getAsDouble()).isCloseTo(0.0, within(1e-12));
    }
}
