package dev.cxm.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cxm.journey.funnel.FunnelStepResult;
import dev.cxm.metrics.clv.ClvPrediction;
import dev.cxm.metrics.clv.CustomerPrediction;
import dev.cxm.metrics.clv.CustomerPredictions;
import dev.cxm.metrics.feedback.GroupResult;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.PeriodResult;
import dev.cxm.metrics.survival.SurvivalCurve;

/**
 * The analysis on the hand-made world against recounts in the test. Where the expected numbers come from: the
 * rows of {@code events.csv} and {@code subjects.csv} read by Jackson (not by cxm's importers) and counted here:
 * NPS as 100 x (promoters - detractors) / n with Rocks' (2016) adjusted-Wald interval in closed form, CSAT as the
 * share of 4 and 5, CES as the mean, the funnel by a brute force over each customer's events, cohorts by the month
 * of each customer's first event, Kaplan-Meier S(90) by the product-limit formula, segment sizes from each
 * customer's latest answer and channels; the value at risk as the sum of CLV x (1 - P(alive)) over the library's
 * own per-customer predictions, added up here.
 */
class CxAnalysisTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static CxReport report;
    private static List<Map<String, String>> rows;

    @BeforeAll
    static void analyse() {
        report = CxAnalysis.custom().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().analyse(HandMadeWorld.input());
        rows = HandMadeWorld.eventRows();
        rows.sort(Comparator.comparing((Map<String, String> row) -> Instant.parse(row.get("occurred_at"))));
    }

    @Test
    void theOverviewCountsTheEventsAndStandsJustAfterTheLastOne() {
        assertThat(report.overview().events()).isEqualTo(rows.size());
        assertThat(report.overview().customers()).isEqualTo(rows.stream().map(r -> r.get("customer_id")).distinct()
                .count());
        assertThat(report.overview().purchases()).isEqualTo(count("type", "purchase"));
        assertThat(report.overview().responses()).isEqualTo(count("type", "feedback"));
        Instant last = Instant.parse(rows.get(rows.size() - 1).get("occurred_at"));
        assertThat(report.overview().asOf()).isAfter(last).isBefore(last.plusMillis(1));
        assertThat(report.overview().generatedAt()).isEqualTo(NOW);
        assertThat(report.overview().notes()).isEmpty();
    }

    @Test
    void npsOverallPerChannelAndPerMonthAreTheRecountedScoresWithRocksIntervals() {
        List<Map<String, String>> nps = rows.stream().filter(r -> r.get("scale").equals("nps")).toList();
        assertNps(report.feedback().nps().overall(), nps);
        Map<String, List<Map<String, String>>> byChannel = nps.stream().collect(Collectors.groupingBy(
                r -> r.get("channel").isEmpty() ? "(none)" : r.get("channel"), TreeMap::new, Collectors.toList()));
        assertThat(report.feedback().nps().groups()).extracting(GroupResult::group)
                .containsExactlyElementsOf(byChannel.keySet());
        for (GroupResult<NpsResult> group : report.feedback().nps().groups()) {
            assertNps(group.result(), byChannel.get(group.group()));
        }
        Map<String, List<Map<String, String>>> byMonth = nps.stream().collect(Collectors.groupingBy(
                r -> r.get("occurred_at").substring(0, 7)));
        for (PeriodResult<NpsResult> month : report.feedback().nps().periods()) {
            List<Map<String, String>> answers = byMonth.getOrDefault(month.period().start().toString().substring(0, 7),
                    List.of());
            assertThat(month.result().n()).isEqualTo(answers.size());
            if (!answers.isEmpty()) {
                assertNps(month.result(), answers);
            }
        }
    }

    private static void assertNps(NpsResult result, List<Map<String, String>> answers) {
        int n = answers.size();
        long promoters = answers.stream().filter(r -> Integer.parseInt(r.get("score")) >= 9).count();
        long detractors = answers.stream().filter(r -> Integer.parseInt(r.get("score")) <= 6).count();
        assertThat(result.n()).isEqualTo(n);
        assertThat(result.score().getAsDouble()).isCloseTo(100.0 * (promoters - detractors) / n, within(1e-9));
        // Rocks (2016): add 3 to n and 3/4 to the promoters and detractors.
        double plus = (promoters + 0.75) / (n + 3.0);
        double minus = (detractors + 0.75) / (n + 3.0);
        double centre = plus - minus;
        double half = 1.959963984540054 * Math.sqrt((plus + minus - centre * centre) / (n + 3.0));
        assertThat(result.interval().orElseThrow().lower()).isCloseTo(100 * Math.max(-1, centre - half), within(1e-6));
        assertThat(result.interval().orElseThrow().upper()).isCloseTo(100 * Math.min(1, centre + half), within(1e-6));
    }

    @Test
    void csatIsTheShareOfFourAndFiveAndCesTheMeanEffort() {
        List<Integer> csat = scores("csat");
        assertThat(report.feedback().csat().overall().n()).isEqualTo(csat.size());
        assertThat(report.feedback().csat().overall().score().getAsDouble())
                .isCloseTo(100.0 * csat.stream().filter(s -> s >= 4).count() / csat.size(), within(1e-9));
        List<Integer> ces = scores("ces");
        assertThat(report.feedback().ces().overall().score().getAsDouble())
                .isCloseTo(ces.stream().mapToInt(Integer::intValue).average().orElseThrow(), within(1e-9));
    }

    @Test
    void theFunnelOverTheMapsStagesCountsWhatABruteForceOverEachCustomersEventsFinds() {
        // The map of the world: touchpoints per stage, purchases in purchase; 30-day window from the first step.
        Map<String, Integer> stageOfTouchpoint = Map.of("home", 0, "ad", 0, "product", 1, "pricing", 1,
                "checkout", 2, "hotline", 3, "chat", 3, "newsletter", 4);
        Map<String, List<Map<String, String>>> byCustomer = rows.stream()
                .collect(Collectors.groupingBy(r -> r.get("customer_id")));
        long[] reached = new long[5];
        for (List<Map<String, String>> events : byCustomer.values()) {
            int best = 0;
            for (int start = 0; start < events.size(); start++) {
                if (stage(events.get(start), stageOfTouchpoint) != 0) {
                    continue;
                }
                Instant first = Instant.parse(events.get(start).get("occurred_at"));
                int step = 1;
                for (int i = start + 1; i < events.size() && step < 5; i++) {
                    Instant at = Instant.parse(events.get(i).get("occurred_at"));
                    if (Duration.between(first, at).compareTo(Duration.ofDays(30)) > 0) {
                        break;
                    }
                    if (stage(events.get(i), stageOfTouchpoint) == step) {
                        step++;
                    }
                }
                best = Math.max(best, step);
            }
            for (int k = 0; k < best; k++) {
                reached[k]++;
            }
        }
        assertThat(report.journeys().funnel().orElseThrow().steps()).extracting(FunnelStepResult::count)
                .containsExactly(reached[0], reached[1], reached[2], reached[3], reached[4]);
    }

    private static int stage(Map<String, String> row, Map<String, Integer> stageOfTouchpoint) {
        if (row.get("type").equals("purchase")) {
            return 2;
        }
        return stageOfTouchpoint.getOrDefault(row.get("touchpoint_id"), -1);
    }

    @Test
    void cohortsAreTheCustomersOfEachMonthOfFirstActivity() {
        Map<String, String> firstMonth = new HashMap<>();
        for (Map<String, String> row : rows) {
            firstMonth.putIfAbsent(row.get("customer_id"), row.get("occurred_at").substring(0, 7));
        }
        Map<String, Long> sizes = firstMonth.values().stream().collect(Collectors.groupingBy(m -> m, TreeMap::new,
                Collectors.counting()));
        Map<String, Long> reported = new TreeMap<>();
        report.retention().cohorts().rows().forEach(row -> reported.put(row.cohort().toString().substring(0, 7),
                row.size()));
        assertThat(reported).isEqualTo(sizes);
    }

    @Test
    void survivalAtNinetyDaysIsTheProductLimitEstimateOfEachPlan() {
        List<Map<String, String>> subjects = HandMadeWorld.rows(HandMadeWorld.FOLDER.resolve("subjects.csv"));
        Map<String, SurvivalCurve> curves = report.retention().survival().orElseThrow().curves();
        assertThat(curves.keySet()).containsExactlyInAnyOrder("basic", "premium");
        for (String plan : curves.keySet()) {
            List<Map<String, String>> group = subjects.stream().filter(s -> s.get("plan").equals(plan)).toList();
            double survival = 1;
            Set<Double> times = new java.util.TreeSet<>();
            group.stream().filter(s -> s.get("churned").equals("1")).forEach(s -> times.add(Double.parseDouble(
                    s.get("tenure_days"))));
            for (double t : times) {
                if (t > 90) {
                    break;
                }
                long atRisk = group.stream().filter(s -> Double.parseDouble(s.get("tenure_days")) >= t).count();
                long churned = group.stream().filter(s -> Double.parseDouble(s.get("tenure_days")) == t
                        && s.get("churned").equals("1")).count();
                survival *= 1 - (double) churned / atRisk;
            }
            assertThat(curves.get(plan).at(90).survival()).as(plan).isCloseTo(survival, within(1e-12));
        }
    }

    @Test
    void theValueAtRiskIsTheSumOfEachCustomersValueTimesTheChanceThatTheyAreGone() {
        CxReport.Outlook outlook = report.value().outlook().orElseThrow();
        // The library called directly, on the summary the fits were made on; the sums are the test's own.
        var summary = dev.cxm.metrics.clv.rfm.RfmSummary.of(HandMadeWorld.input().events(),
                dev.cxm.metrics.clv.rfm.RfmSummaryOptions.ofDefaults(report.value().calibrationEnd(),
                        java.time.temporal.ChronoUnit.WEEKS));
        var cells = summary.cells();
        var purchases = dev.cxm.metrics.clv.BgNbd.ofDefaults().fit(cells).requireModel();
        var spend = dev.cxm.metrics.clv.GammaGamma.ofDefaults().fit(cells).requireModel();
        CustomerPredictions predictions = ClvPrediction.custom(Duration.ofDays(364)).period(Duration.ofDays(28))
                .discountRate(0.01).build().predict(purchases, spend, cells);
        double total = 0;
        double atRisk = 0;
        long below = 0;
        for (int row = 0; row < predictions.size(); row++) {
            CustomerPrediction p = predictions.get(row);
            total += p.value().orElseThrow();
            atRisk += p.value().orElseThrow() * (1 - p.probabilityAlive().orElseThrow());
            below += p.probabilityAlive().orElseThrow() < 0.5 ? 1 : 0;
        }
        assertThat(outlook.totalValue()).isCloseTo(total, within(1e-6 * total));
        assertThat(outlook.valueAtRisk()).isCloseTo(atRisk, within(1e-6 * atRisk));
        assertThat(outlook.customersAtRisk()).isEqualTo(below);
        assertThat(outlook.distribution().stream().mapToLong(CxReport.Bin::count).sum()).isEqualTo(predictions.size());
        assertThat(outlook.top().get(0).customer().value()).isEqualTo(HandMadeWorld.QUOTED_ID);
    }

    @Test
    void segmentSizesFollowEachCustomersLatestAnswerAndChannels() {
        Map<String, Integer> latest = new HashMap<>();
        Set<String> phone = new HashSet<>();
        for (Map<String, String> row : rows) {
            if (row.get("scale").equals("nps")) {
                latest.put(row.get("customer_id"), Integer.parseInt(row.get("score")));
            }
            if (row.get("channel").equals("phone")) {
                phone.add(row.get("customer_id"));
            }
        }
        Map<String, Long> sizes = report.engagement().segments().orElseThrow().sizes();
        assertThat(sizes.get("detractors")).isEqualTo(latest.values().stream().filter(s -> s <= 6).count());
        assertThat(sizes.get("phone-users")).isEqualTo(phone.size());
        CxReport.Actions actions = report.engagement().actions().orElseThrow();
        assertThat(actions.chosen().values().stream().mapToLong(Long::longValue).sum() + actions.noAction())
                .isEqualTo(actions.decided()).isEqualTo(report.engagement().profiles());
        // c-002 and c-120 share an e-mail address: one customer under two ids.
        assertThat(report.engagement().linkedGroups()).isEqualTo(1);
        assertThat(report.engagement().linkedRecords()).isEqualTo(2);
    }

    @Test
    void theDetractorsMostNegativeCommentComesFirstInTheirOwnWords() {
        CxReport.Quote first = report.voice().detractorQuotes().get(0);
        assertThat(first.text()).isEqualTo(HandMadeWorld.SCRIPT_COMMENT);
        assertThat(report.voice().detractorQuotes()).extracting(CxReport.Quote::compound).isSorted();
        List<String> terms = new ArrayList<>();
        report.voice().detractorThemes().orElseThrow().focus().forEach(theme -> terms.add(theme.term()));
        assertThat(terms).contains("long wait", "not helpful");
    }

    @Test
    void aBadSettingIsRefusedAtOnceNamingIt() {
        CxAnalysis.Builder builder = CxAnalysis.custom();
        assertThatThrownBy(() -> builder.top(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("top: 0");
        assertThatThrownBy(() -> builder.driverResamples(50)).hasMessageStartingWith("driverResamples: 50");
        assertThat(builder.build()).isEqualTo(CxAnalysis.from(CxAnalysis.ofDefaults()).build());
    }

    private static long count(String column, String value) {
        return rows.stream().filter(r -> r.get(column).equals(value)).count();
    }

    private static List<Integer> scores(String scale) {
        return rows.stream().filter(r -> r.get("scale").equals(scale)).map(r -> Integer.parseInt(r.get("score")))
                .toList();
    }
}
