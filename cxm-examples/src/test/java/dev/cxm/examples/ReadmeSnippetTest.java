package dev.cxm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.metrics.clv.BgNbd;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.stats.ModelFit;

/**
 * The README's "Using the library" snippet, run as written on the bundled sample file, so that the README
 * stays true. Oracle for the NPS: the file's NPS rows read with a plain split in this test (scores 9, 10, 4, 8,
 * 6, 9 are valid; the row with 12 is rejected), so 3 promoters and 2 detractors of 6: 100 x (3 - 2) / 6; for
 * the summary, the customers with a purchase row.
 */
class ReadmeSnippetTest {

    private static final Path SAMPLE = Path.of("samples/events.csv");

    @Test
    void theReadmeSnippetRunsAsWrittenOnTheSample() throws IOException {
        EventStore store = InMemoryEventStore.create();
        ImportReport report = CsvEventImporter.ofDefaults(CsvColumnMapping.ofDefaults(), ImportPolicy.SKIP_AND_REPORT)
                .importInto(store, SAMPLE);

        NpsResult nps;
        try (Stream<FeedbackResponse> feedback = store.query(EventQuery.ofTypes(EventType.FEEDBACK),
                FeedbackResponse.class)) {
            nps = feedback.filter(r -> r.scale().equals(FeedbackScale.NPS))
                    .collect(NetPromoterScore.ofDefaults().collector());
        }
        RfmSummary summary = RfmSummary.of(store,
                RfmSummaryOptions.ofDefaults(LocalDate.parse("2026-06-30"), ZoneOffset.UTC, ChronoUnit.WEEKS));
        ModelFit<BgNbdModel> fit = BgNbd.ofDefaults().fit(summary);

        List<Integer> npsScores = Files.readAllLines(SAMPLE).stream().skip(1).map(line -> line.split(",", -1))
                .filter(cells -> cells[15].equals("nps")).map(cells -> Integer.parseInt(cells[16]))
                .filter(score -> score <= 10).toList();
        long promoters = npsScores.stream().filter(score -> score >= 9).count();
        long detractors = npsScores.stream().filter(score -> score <= 6).count();
        assertThat(report.rejectedCount()).isEqualTo(2);
        assertThat(nps.n()).isEqualTo(npsScores.size());
        assertThat(nps.score().getAsDouble()).isCloseTo(100.0 * (promoters - detractors) / npsScores.size(),
                org.assertj.core.api.Assertions.within(1e-9));
        // Seven customers cannot identify four parameters well: the fit either converges or says why.
        assertThat(fit.converged()).isNotEqualTo(fit.problem().isPresent());
        long buyers = Files.readAllLines(SAMPLE).stream().skip(1).map(line -> line.split(",", -1))
                .filter(cells -> cells[1].equals("purchase")).map(cells -> cells[2]).distinct().count();
        assertThat(summary.customers()).hasSize((int) buyers);
    }
}
