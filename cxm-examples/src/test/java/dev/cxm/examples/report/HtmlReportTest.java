package dev.cxm.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTML report of the hand-made world, parsed by jsoup as a browser would. Where the expected values come
 * from: the chart containers are the twelve the page promises; the headline numbers are recounted from the rows
 * of {@code events.csv} (read by Jackson) as {@link CxAnalysisTest} does and written as the report writes numbers;
 * the CSP's script hash is the SHA-256 of the script the page holds, computed here; the injected comment and
 * customer id are the world's own ({@code make-world.py}).
 */
class HtmlReportTest {

    private static String html;
    private static Document page;
    private static CxReport report;

    @BeforeAll
    static void render() {
        report = CxAnalysis.custom().clock(Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC))
                .build().analyse(HandMadeWorld.input());
        html = HtmlReport.create().render(report);
        page = Jsoup.parse(html);
    }

    @Test
    void everyChartHasItsContainer() {
        for (String id : List.of("chart-nps-trend", "chart-nps-channel", "chart-nps-stage", "chart-drivers",
                "chart-sentiment", "chart-funnel", "chart-sankey", "chart-journey-discovered",
                "chart-journey-designed", "chart-cohorts", "chart-survival", "chart-clv")) {
            assertThat(page.getElementById(id)).as(id).isNotNull();
            assertThat(page.getElementById(id).hasClass("chart")).as(id).isTrue();
        }
        assertThat(page.select("div.chart")).hasSize(HtmlView.CHART_IDS.size());
    }

    @Test
    void theHeadlineNumbersAreTheRecountedOnes() {
        List<Map<String, String>> rows = HandMadeWorld.eventRows();
        List<Integer> nps = rows.stream().filter(r -> r.get("scale").equals("nps"))
                .map(r -> Integer.parseInt(r.get("score"))).toList();
        double score = 100.0 * (nps.stream().filter(s -> s >= 9).count() - nps.stream().filter(s -> s <= 6).count())
                / nps.size();
        assertThat(kpi("nps")).isEqualTo(String.format(java.util.Locale.ROOT, "%+.1f", score));
        List<Integer> csat = rows.stream().filter(r -> r.get("scale").equals("csat"))
                .map(r -> Integer.parseInt(r.get("score"))).toList();
        assertThat(kpi("csat")).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%",
                100.0 * csat.stream().filter(s -> s >= 4).count() / csat.size()));
        double ces = rows.stream().filter(r -> r.get("scale").equals("ces"))
                .mapToInt(r -> Integer.parseInt(r.get("score"))).average().orElseThrow();
        assertThat(kpi("ces")).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", ces));
        assertThat(kpi("customers")).isEqualTo(String.valueOf(rows.stream().map(r -> r.get("customer_id"))
                .distinct().count()));
        CxReport.Outlook outlook = report.value().outlook().orElseThrow();
        assertThat(kpi("clv")).isEqualTo(String.format(java.util.Locale.ROOT, "%,.0f EUR", outlook.totalValue()));
        assertThat(kpi("value-at-risk")).isEqualTo(String.format(java.util.Locale.ROOT, "%,.0f EUR",
                outlook.valueAtRisk()));
        var conformance = report.journeys().conformance().orElseThrow();
        assertThat(kpi("fitness")).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%",
                100.0 * conformance.allowedMoves() / conformance.moves()));
        assertThat(kpi("top-driver")).isEqualTo(report.voice().drivers().orElseThrow().drivers().get(0).name());
        assertThat(page.select("[data-kpi]")).hasSize(HtmlView.kpis(report).size());
    }

    private static String kpi(String key) {
        Elements kpi = page.select("[data-kpi=" + key + "] .value");
        assertThat(kpi).as(key).hasSize(1);
        return kpi.text();
    }

    @Test
    void thePageReferencesNoUrl() {
        for (Element element : page.getAllElements()) {
            for (String attribute : List.of("src", "href", "action", "poster", "data", "srcset")) {
                String value = element.attr(attribute);
                assertThat(value).as(element.tagName() + " " + attribute).doesNotContain("//")
                        .doesNotStartWith("http").doesNotStartWith("data:text");
                if (attribute.equals("href") && !value.isEmpty()) {
                    assertThat(value).as("a link within the page").startsWith("#");
                }
            }
        }
        assertThat(page.select("link, img, iframe, object, embed, base, form, script[src]")).isEmpty();
        assertThat(page.select("script")).hasSize(2);
    }

    @Test
    void theContentSecurityPolicyAllowsOnlyThePagesOwnScriptAndStyleByTheirHashes() throws Exception {
        Element meta = page.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertThat(meta).isNotNull();
        String policy = meta.attr("content");
        assertThat(policy).startsWith("default-src 'none';").contains("base-uri 'none'").doesNotContain("unsafe")
                .doesNotContain("http");
        Element script = page.select("script").stream().filter(s -> !s.hasAttr("type")).findFirst().orElseThrow();
        assertThat(policy).contains("script-src '" + sha256(script.data()) + "'");
        assertThat(policy).contains("style-src '" + sha256(page.selectFirst("style").data()) + "'");
        assertThat(page.select("[style], [onload], [onclick], [onerror]")).isEmpty();
    }

    @Test
    void aCommentWithAScriptAndAnIdWithQuotesAndMarkupAppearAsText() throws Exception {
        assertThat(page.select("td").eachText()).contains(HandMadeWorld.SCRIPT_COMMENT, HandMadeWorld.QUOTED_ID);
        assertThat(html).contains("Awful and terrible wait &lt;script&gt;alert(1)&lt;/script&gt; never again")
                .doesNotContain("<script>alert(1)</script>").doesNotContain("<b>x</b>");
        assertThat(page.select("b")).isEmpty();
        // The chart data is JSON that no text of the data can end early: no '<' at all.
        Element data = page.getElementById("cx-data");
        assertThat(data.attr("type")).isEqualTo("application/json");
        assertThat(data.data()).doesNotContain("<").doesNotContain(">");
        JsonNode json = new ObjectMapper().readTree(data.data());
        assertThat(json.get("npsTrend").get("months").size()).isEqualTo(report.feedback().nps().periods().size());
    }

    @Test
    void scriptSafeJsonEscapesWhatCouldCloseTheElementOrOpenAComment() throws Exception {
        String hostile = "{\"a\":\"</script><!-- & \u2028\u2029\"}";
        String safe = ChartData.scriptSafe(hostile);
        assertThat(safe).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        assertThat(new ObjectMapper().readTree(safe)).isEqualTo(new ObjectMapper().readTree(hostile));
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
