package dev.cxm.examples.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.examples.cli.CliRun;

/**
 * {@code cxm report} on the hand-made world of {@code src/test/resources/report/world}. Where the expected values
 * come from: the world's own files (121 customers, 998 events; an NPS of +33.0 recounted from its rows by
 * {@code CxAnalysisTest}), the exit codes and messages of the command line's rules (1 for a failure, 2 for a
 * usage mistake), and the same world read three ways (folder, file, store) giving the same headline.
 */
class ReportCommandTest {

    private static final String WORLD = "src/test/resources/report/world";

    @TempDir
    Path folder;

    @Test
    void aWorldFolderBecomesOneHtmlFileWithCharts() throws Exception {
        Path html = folder.resolve("report.html");
        CliRun run = CliRun.of("report", "--input", WORLD, "--out", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Wrote " + html).contains("121 customers and 998 events");
        assertThat(run.err()).contains("Storing events: done in", "Analysing: done in").doesNotContain("\r");
        Document page = Jsoup.parse(Files.readString(html));
        assertThat(page.select("[data-kpi=nps] .value").text()).isEqualTo("+33.0");
        assertThat(page.select("div.chart")).hasSize(12);
    }

    @Test
    void aFileOfEventsIsReportedAsTextWithANoteForEachMissingFile() {
        CliRun run = CliRun.of("report", "--input", WORLD + "/events.csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("NPS +33.0 [", "note: no journey-map.json", "note: no drivers.csv",
                "note: no subjects.csv", "note: no segments.json", "1. Feedback", "4. Customer lifetime value");
        assertThat(run.out()).doesNotContain("Funnel over the map's stages");
    }

    @Test
    void filesNamedOneByOneAddTheirParts() {
        CliRun run = CliRun.of("report", "--input", WORLD + "/events.ndjson", "--map", WORLD + "/journey-map.json",
                "--drivers", WORLD + "/drivers.csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("NPS +33.0 [", "Funnel over the map's stages", "Key drivers of recommend")
                .doesNotContain("note: no journey-map.json");
    }

    @Test
    void eventsInAStoreAreReportedFromTheStore() {
        String store = "h2:" + folder.resolve("cx");
        assertThat(CliRun.of("import", "--store", store, "--input", WORLD + "/events.csv",
                "--attribute-columns", "campaign").exitCode()).isZero();
        CliRun run = CliRun.of("report", "--store", store, "--segments", WORLD + "/segments.json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("CX report of " + store).contains("NPS +33.0 [", "Segments (of 121");
    }

    @Test
    void mappingOptionsOnAWorldFolderAreAUsageError() {
        CliRun run = CliRun.of("report", "--input", WORLD, "--customer-column", "id");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--customer-column: ").contains("is a world folder");
    }

    @Test
    void aFolderWithoutEventsFailsInOneLine() {
        CliRun run = CliRun.of("report", "--input", folder.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("cxm: ").contains("holds neither events.csv nor events.ndjson");
        assertThat(run.err().lines()).hasSize(1);
    }
}
