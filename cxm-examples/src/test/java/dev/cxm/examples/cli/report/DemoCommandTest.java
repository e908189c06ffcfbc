package dev.cxm.examples.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.examples.cli.CliRun;
import dev.cxm.examples.simulate.WorldSimulator;
import dev.cxm.jdbc.JdbcStores;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelStepResult;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.metrics.clv.BgNbd;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.clv.ClvPrediction;
import dev.cxm.metrics.clv.CustomerPredictions;
import dev.cxm.metrics.clv.GammaGamma;
import dev.cxm.metrics.clv.GammaGammaModel;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.RatingResult;
import dev.cxm.metrics.feedback.RatingScore;
import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.metrics.survival.KaplanMeier;
import dev.cxm.metrics.survival.SurvivalCsv;
import dev.cxm.metrics.survival.SurvivalCurve;

/**
 * {@code cxm demo} with 400 customers, its numbers checked against the library called directly on the same data:
 * the test simulates the same world itself (same size and seed: the simulator is reproducible), reads its files
 * with cxm's importers into memory (not through the demo's H2 store) and computes NPS, CSAT, CES, the funnel over
 * the map's stages, the BG/NBD fit, the total lifetime value and the Kaplan-Meier medians with the library's own
 * calculators, configured here as the report documents them. The demo's store is a file of the test's
 * ({@code --store}), so the test can count what the demo stored in it.
 */
class DemoCommandTest {

    private static final int CUSTOMERS = 400;
    private static final long SEED = 7;

    @TempDir
    static Path folder;

    private static CliRun demo;
    private static Path world;
    private static InMemoryEventStore events;

    @BeforeAll
    static void runTheDemoAndSimulateTheSameWorld() throws Exception {
        demo = CliRun.of("demo", "--customers", String.valueOf(CUSTOMERS), "--seed", String.valueOf(SEED),
                "--store", "h2:" + folder.resolve("demo-store"), "--html", folder.resolve("demo.html").toString());
        world = folder.resolve("world");
        WorldSimulator.custom().customers(CUSTOMERS).seed(SEED).build().writeTo(world);
        events = InMemoryEventStore.create();
        CsvEventImporter.custom(CsvColumnMapping.custom().unmappedColumnsAsAttributes(true).build(),
                ImportPolicy.FAIL_ON_FIRST_ERROR).build().importInto(events, world.resolve("events.csv"));
    }

    @Test
    void theDemoRunsEndToEndAndStoresTheWorld() throws Exception {
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.err()).contains("Simulating " + CUSTOMERS + " customers: done in",
                "Storing events and customer records: done in", "Reading the store: done in", "Analysing: done in")
                .doesNotContain("INFO");
        try (JdbcStores stored = JdbcStores.h2File(folder.resolve("demo-store"))) {
            assertThat(stored.eventStore().count()).isEqualTo(events.count());
            assertThat(stored.customerStore().count()).isEqualTo(lines(world.resolve("customers.ndjson")));
        }
        assertThat(demo.out()).contains(String.format(Locale.ROOT, "%,d events", events.count()));
    }

    @Test
    void theSurveyScoresAreTheLibrarysOnTheSameResponses() {
        NpsResult nps;
        RatingResult csat;
        RatingResult ces;
        try (Stream<FeedbackResponse> all = events.query(EventQuery.ofTypes(EventType.FEEDBACK), FeedbackResponse.class)) {
            List<FeedbackResponse> responses = all.toList();
            nps = responses.stream().filter(r -> r.scale().equals(FeedbackScale.NPS))
                    .collect(NetPromoterScore.ofDefaults().collector());
            csat = responses.stream().filter(r -> r.scale().equals(FeedbackScale.CSAT))
                    .collect(RatingScore.csat().collector());
            ces = responses.stream().filter(r -> r.scale().equals(FeedbackScale.CES))
                    .collect(RatingScore.ces().collector());
        }
        assertThat(demo.out()).contains(String.format(Locale.ROOT, "NPS %+.1f [%.1f, %.1f] at 95%%, n = %,d",
                nps.score().getAsDouble(), nps.interval().orElseThrow().lower(), nps.interval().orElseThrow().upper(),
                nps.n()));
        assertThat(demo.out()).containsPattern(String.format(Locale.ROOT, "\\n  all +%.1f%% +\\[%.1f, %.1f\\] +%,d\\n",
                csat.score().getAsDouble(), csat.interval().orElseThrow().lower(), csat.interval().orElseThrow().upper(),
                csat.n()).replace("+\\[", " +\\["));
        assertThat(demo.out()).containsPattern(String.format(Locale.ROOT, "\\n  all +%.2f +\\[%.2f, %.2f\\] +%,d\\n",
                ces.score().getAsDouble(), ces.interval().orElseThrow().lower(), ces.interval().orElseThrow().upper(),
                ces.n()));
    }

    @Test
    void theFunnelOverTheMapsStagesIsTheLibrarysFunnel() throws Exception {
        JourneyMap map = JourneyMap.fromJson(Files.readString(world.resolve("journey-map.json")));
        List<dev.cxm.journey.funnel.FunnelStep> steps = map.stageNames().stream().map(stage ->
                new dev.cxm.journey.funnel.FunnelStep(stage, dev.cxm.journey.EventMatcher.of(stage,
                        e -> map.stageOf(e).equals(java.util.Optional.of(stage))))).toList();
        var funnel = Funnel.custom(steps).window(Duration.ofDays(30)).build().compute(events);
        for (FunnelStepResult step : funnel.steps()) {
            assertThat(demo.out()).containsPattern("\\n  " + step.name() + " +" + String.format(Locale.ROOT, "%,d",
                    step.count()) + " ");
        }
    }

    @Test
    void theLifetimeValuesAreThoseOfTheLibrarysFitsOnTheSamePurchases() {
        LocalDate lastDay = LocalDate.ofInstant(events.span(EventQuery.ofTypes(EventType.PURCHASE)).orElseThrow().last(),
                ZoneOffset.UTC);
        RfmSummary summary = RfmSummary.of(events, RfmSummaryOptions.ofDefaults(lastDay, ZoneOffset.UTC,
                ChronoUnit.WEEKS));
        RfmCells cells = summary.cells();
        ModelFit<BgNbdModel> fit = BgNbd.ofDefaults().fit(cells);
        Map<String, Double> p = fit.parameters();
        assertThat(demo.out()).contains(String.format(Locale.ROOT, "BG/NBD (purchases): r = %.3f, alpha = %.3f,"
                + " a = %.3f, b = %.3f", p.get("r"), p.get("alpha"), p.get("a"), p.get("b")));
        GammaGammaModel spend = GammaGamma.ofDefaults().fit(cells).requireModel();
        CustomerPredictions predictions = ClvPrediction.custom(Duration.ofDays(364)).period(Duration.ofDays(28))
                .discountRate(0.01).build().predict(fit.requireModel(), spend, cells);
        double total = 0;
        double atRisk = 0;
        for (int row = 0; row < predictions.size(); row++) {
            double value = predictions.get(row).value().orElseThrow();
            total += value;
            atRisk += value * (1 - predictions.get(row).probabilityAlive().orElseThrow());
        }
        assertThat(demo.out()).contains(String.format(Locale.ROOT, "total CLV %,.0f EUR", total))
                .contains(String.format(Locale.ROOT, "(CLV x (1 - P(alive))) %,.0f EUR", atRisk));
    }

    @Test
    void theSurvivalMediansAreTheLibrarysKaplanMeierCurves() throws Exception {
        Map<String, SurvivalCurve> curves = KaplanMeier.ofDefaults().fitByGroup(SurvivalCsv.custom(ChronoUnit.DAYS)
                .durationColumn("tenure_days").eventColumn("churned").groupColumn("plan").build()
                .read(world.resolve("subjects.csv")));
        for (Map.Entry<String, SurvivalCurve> curve : curves.entrySet()) {
            var median = curve.getValue().median();
            String expected = median.estimate().isEmpty() ? "not reached" : String.format(Locale.ROOT, "%.0f [%.0f,"
                    + " %.0f]", median.estimate().getAsDouble(), median.lower().getAsDouble(),
                    median.upper().getAsDouble());
            assertThat(demo.out()).containsPattern("\\n  " + curve.getKey() + " +" + String.format(Locale.ROOT, "%,d",
                    curve.getValue().subjects()) + " +[0-9,]+ +" + java.util.regex.Pattern.quote(expected) + " ");
        }
    }

    @Test
    void theHtmlHasEveryChartAndTheHeadline() throws Exception {
        Document page = Jsoup.parse(Files.readString(folder.resolve("demo.html")));
        assertThat(page.select("div.chart")).hasSize(12);
        String nps = page.select("[data-kpi=nps] .value").text();
        assertThat(demo.out()).contains("NPS " + nps + " [");
        assertThat(demo.out()).contains("Wrote " + folder.resolve("demo.html"));
    }

    private static long lines(Path file) throws Exception {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }
}
