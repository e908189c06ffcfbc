package dev.cxm.examples.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import dev.cxm.engage.segment.SegmentReport;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.journey.conformance.ConformanceResult;
import dev.cxm.journey.conformance.DeviationKind;
import dev.cxm.journey.conformance.StageConformance;
import dev.cxm.journey.discovery.DirectlyFollows;
import dev.cxm.journey.funnel.FunnelResult;
import dev.cxm.journey.funnel.FunnelStepResult;
import dev.cxm.journey.funnel.WilsonInterval;
import dev.cxm.journey.map.Transition;
import dev.cxm.journey.path.PathCount;
import dev.cxm.metrics.churn.AtRiskCustomer;
import dev.cxm.metrics.churn.PeriodChurn;
import dev.cxm.metrics.drivers.DriverImportance;
import dev.cxm.metrics.drivers.KeyDriverResult;
import dev.cxm.metrics.feedback.Breakdown;
import dev.cxm.metrics.feedback.GroupResult;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.PeriodResult;
import dev.cxm.metrics.feedback.RatingResult;
import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.metrics.survival.CoxCoefficient;
import dev.cxm.metrics.survival.CoxModel;
import dev.cxm.metrics.survival.SurvivalCurve;
import dev.cxm.metrics.survival.SurvivalEstimate;
import dev.cxm.metrics.survival.SurvivalQuantile;
import dev.cxm.metrics.text.SentimentGroup;
import dev.cxm.metrics.text.SentimentResult;
import dev.cxm.metrics.text.Theme;

/**
 * Lays a {@link CxReport} out for a terminal: a heading per part, numbers with their intervals, aligned tables.
 * Everything that comes from the data (names, ids, comments) has its control characters escaped, so that a
 * file cannot move the cursor or forge lines. It computes nothing: every number is the report's.
 */
public final class TextReport {

    /** The months of the NPS trend and of churn shown (the latest ones). */
    static final int RECENT_MONTHS = 12;
    /** The survival times shown per curve, in days. */
    static final List<Double> SURVIVAL_DAYS = List.of(90.0, 180.0, 365.0);

    private final StringBuilder text = new StringBuilder();

    private TextReport() {}

    /**
     * Returns the report as text.
     *
     * @param report the report
     * @return the text, lines ending in {@code '\n'}
     */
    public static String render(CxReport report) {
        TextReport out = new TextReport();
        out.overview(report.overview());
        out.feedback(report.feedback());
        out.voice(report.voice());
        out.journeys(report.journeys());
        out.value(report.value());
        out.retention(report.retention());
        out.engagement(report.engagement());
        return out.text.toString();
    }

    /**
     * Prints the report.
     *
     * @param report the report
     * @param out where it goes
     */
    public static void print(CxReport report, PrintWriter out) {
        out.print(render(report));
        out.flush();
    }

    private void heading(String title) {
        line("");
        line(title);
        line("=".repeat(title.length()));
    }

    private void subheading(String title) {
        line("");
        line(title);
    }

    /** Appends a line the report wrote itself, with any value from the data escaped by the caller. */
    private void line(String line) {
        text.append(line).append('\n');
    }

    private void table(TextTable table) {
        text.append(table.render("  "));
    }

    private static String safe(String fromData) {
        return TextOut.escape(fromData);
    }

    private void overview(CxReport.Overview overview) {
        line("CX report of " + safe(overview.source()));
        line("  as of " + Numbers.instant(overview.asOf()) + " (just after the last event); made "
                + Numbers.instant(overview.generatedAt()));
        line("  " + Numbers.count(overview.customers()) + " customers, " + Numbers.count(overview.events())
                + " events: " + Numbers.count(overview.interactions()) + " interactions, "
                + Numbers.count(overview.purchases()) + " purchases, " + Numbers.count(overview.responses())
                + " feedback responses" + overview.span().map(span -> ", " + Numbers.day(span.first()) + " to "
                        + Numbers.day(span.last())).orElse(""));
        for (String note : overview.notes()) {
            line("  note: " + safe(note));
        }
    }

    private void feedback(CxReport.Feedback feedback) {
        heading("1. Feedback: NPS, CSAT, CES");
        NpsResult all = feedback.nps().overall();
        line("NPS " + Numbers.nps(all.score()) + " " + Numbers.interval(all.interval(), 1) + " at 95%, n = "
                + Numbers.count(all.n()) + " (promoters " + Numbers.percent(all.promoterShare()) + ", passives "
                + Numbers.percent(all.passiveShare()) + ", detractors " + Numbers.percent(all.detractorShare())
                + ")");
        subheading("NPS by channel");
        table(npsTable("channel", feedback.nps().groups()));
        feedback.npsByStage().ifPresent(byStage -> {
            subheading("NPS by journey stage (the stage each respondent was in when answering)");
            table(npsTable("stage", byStage.groups()));
        });
        subheading("NPS per month (the trend; * fewer than " + feedback.nps().minimumN() + " responses)");
        TextTable trend = TextTable.of("month", ">NPS", ">95% interval", ">n");
        List<PeriodResult<NpsResult>> periods = feedback.nps().periods();
        for (PeriodResult<NpsResult> period : periods.subList(Math.max(0, periods.size() - RECENT_MONTHS),
                periods.size())) {
            trend.row(period.period().start().toString().substring(0, 7) + (period.belowMinimumN() ? " *" : ""),
                    Numbers.nps(period.result().score()), Numbers.interval(period.result().interval(), 1),
                    Numbers.count(period.result().n()));
        }
        table(trend);
        rating("CSAT (share of 4 and 5 on 1..5)", feedback.csat(), true);
        rating("CES (mean effort on 1..7, higher is easier)", feedback.ces(), false);
    }

    private static TextTable npsTable(String name, List<GroupResult<NpsResult>> groups) {
        TextTable table = TextTable.of(name, ">NPS", ">95% interval", ">n", ">promoters", ">passives", ">detractors");
        for (GroupResult<NpsResult> group : groups) {
            NpsResult r = group.result();
            table.row(group.group() + (group.belowMinimumN() ? " *" : ""), Numbers.nps(r.score()),
                    Numbers.interval(r.interval(), 1), Numbers.count(r.n()), Numbers.percent(r.promoterShare()),
                    Numbers.percent(r.passiveShare()), Numbers.percent(r.detractorShare()));
        }
        return table;
    }

    private void rating(String title, Breakdown<RatingResult> breakdown, boolean share) {
        subheading(title);
        TextTable table = TextTable.of("channel", ">score", ">95% interval", ">n");
        RatingResult all = breakdown.overall();
        table.row("all", score(all, share), interval(all, share), Numbers.count(all.n()));
        for (GroupResult<RatingResult> group : breakdown.groups()) {
            table.row(group.group() + (group.belowMinimumN() ? " *" : ""), score(group.result(), share),
                    interval(group.result(), share), Numbers.count(group.result().n()));
        }
        table(table);
    }

    private static String score(RatingResult result, boolean share) {
        return share ? result.score().isPresent() ? Numbers.fixed(result.score(), 1) + "%" : Numbers.NONE
                : Numbers.fixed(result.score(), 2);
    }

    private static String interval(RatingResult result, boolean share) {
        return Numbers.interval(result.interval(), share ? 1 : 2);
    }

    private void voice(CxReport.Voice voice) {
        heading("2. Voice of the customer");
        voice.drivers().ifPresent(this::drivers);
        voice.detractorThemes().ifPresent(themes -> {
            subheading("What detractors talk about (" + Numbers.count(themes.focusTexts()) + " detractor comments"
                    + " against " + Numbers.count(themes.restTexts()) + " others; log-odds z)");
            TextTable table = TextTable.of("term", ">detractors", ">others", ">z");
            for (Theme theme : themes.focus()) {
                table.row(theme.term(), Numbers.count(theme.focusCount()), Numbers.count(theme.restCount()),
                        Numbers.fixed(theme.z(), 1));
            }
            table(table);
        });
        subheading("Sentiment of the comments (VADER compound, -1 to 1)");
        TextTable sentiment = TextTable.of("respondents", ">comments", ">mean [95%]", ">negative",
                ">strongly negative");
        sentimentRow(sentiment, "all", voice.sentiment().overall());
        for (SentimentGroup group : voice.sentiment().groups()) {
            sentimentRow(sentiment, group.group(), group.result());
        }
        table(sentiment);
        if (!voice.detractorQuotes().isEmpty()) {
            subheading("In their words: the most negative detractor comments");
            TextTable quotes = TextTable.of("customer", ">score", "channel", ">compound", ">writers", "comment");
            for (CxReport.Quote quote : voice.detractorQuotes()) {
                quotes.row(quote.customer().value(), quote.score(), quote.channel(), Numbers.fixed(quote.compound(), 2),
                        Numbers.count(quote.writers()), quote.text());
            }
            table(quotes);
        }
    }

    private void drivers(KeyDriverResult result) {
        subheading("Key drivers of " + safe(result.outcome()) + " (" + result.method().toString().toLowerCase()
                .replace('_', ' ') + ", R\u00b2 " + Numbers.fixed(result.rSquared(), 3) + ", n = "
                + Numbers.count(result.n()) + ", " + result.resamples() + " bootstrap resamples)");
        TextTable table = TextTable.of(">rank", "driver", ">share of R\u00b2", ">95% interval", ">correlation");
        for (DriverImportance driver : result.drivers()) {
            table.row(driver.rank(), driver.name(), Numbers.percent(driver.share()),
                    Numbers.percentInterval(driver.interval()), Numbers.fixed(driver.correlation(), 2));
        }
        table(table);
        result.warnings().forEach(warning -> line("  warning: " + safe(warning)));
    }

    private static void sentimentRow(TextTable table, String group, SentimentResult result) {
        table.row(group, Numbers.count(result.n()), Numbers.estimate(result.meanCompound(), 2),
                result.negativeShare().map(e -> Numbers.percent(e.value())).orElse(Numbers.NONE),
                result.strongNegativeShare().map(e -> Numbers.percent(e.value())).orElse(Numbers.NONE));
    }

    private void journeys(CxReport.Journeys journeys) {
        heading("3. Journeys");
        journeys.funnel().ifPresent(this::funnel);
        subheading("Top paths (" + Numbers.count(journeys.paths().casesWithPath()) + " customers, "
                + Numbers.count(journeys.paths().distinctPaths()) + " distinct paths of up to "
                + JourneyPart.PATH_STEPS + " steps)");
        TextTable paths = TextTable.of(">customers", ">share", "path");
        for (PathCount path : journeys.paths().paths()) {
            paths.row(Numbers.count(path.count()), Numbers.percent(path.share()), String.join(" > ", path.steps()));
        }
        table(paths);
        subheading("Discovered journey: directly-follows graph (" + Numbers.count(journeys.discovery().cases())
                + " customers, " + Numbers.count(journeys.discovery().distinctVariants()) + " variants)");
        TextTable edges = TextTable.of("from", "to", ">count", ">median time", "designed?");
        for (DirectlyFollows edge : journeys.discovery().edges()) {
            edges.row(edge.from(), edge.to(), Numbers.count(edge.count()), Numbers.duration(edge.medianTime()),
                    designed(journeys.map(), edge.from(), edge.to()));
        }
        table(edges);
        journeys.map().ifPresent(map -> {
            subheading("Designed map: " + String.join(" > ", map.stages()) + "; allowed moves "
                    + String.join(", ", map.transitions().stream().map(t -> t.from() + ">" + t.to()).toList()));
        });
        journeys.conformance().ifPresent(this::conformance);
    }

    private static String designed(java.util.Optional<CxReport.DesignedMap> map, String from, String to) {
        if (map.isEmpty()) {
            return Numbers.NONE;
        }
        if (from.equals(to)) {
            return "stay";
        }
        return map.get().transitions().contains(Transition.of(from, to)) ? "yes" : "no";
    }

    private void funnel(FunnelResult funnel) {
        subheading("Funnel over the map's stages (" + Numbers.count(funnel.customers()) + " customers)");
        TextTable table = TextTable.of("stage", ">customers", ">from start", ">from previous", ">median time");
        for (FunnelStepResult step : funnel.steps()) {
            table.row(step.name(), Numbers.count(step.count()), rate(step.conversionFromStart(),
                    step.conversionFromStartInterval()), rate(step.conversionFromPrevious(),
                    step.conversionFromPreviousInterval()), Numbers.duration(step.medianTimeToConvert()));
        }
        table(table);
    }

    private static String rate(java.util.OptionalDouble value, java.util.Optional<WilsonInterval> interval) {
        if (value.isEmpty()) {
            return Numbers.NONE;
        }
        return Numbers.percent(value) + interval.map(i -> " [" + Numbers.fixed(100 * i.lower(), 1) + ", "
                + Numbers.fixed(100 * i.upper(), 1) + "]").orElse("");
    }

    private void conformance(ConformanceResult result) {
        subheading("Conformance to the map: fitness " + Numbers.percent(result.fitness()) + " ("
                + Numbers.count(result.allowedMoves()) + " of " + Numbers.count(result.moves()) + " moves allowed); "
                + Numbers.count(result.conformingCustomers()) + " of " + Numbers.count(result.customers())
                + " customers without a deviation");
        StringBuilder kinds = new StringBuilder("  deviations:");
        for (Map.Entry<DeviationKind, Long> kind : result.deviations().entrySet()) {
            kinds.append(' ').append(kind.getKey().name().toLowerCase().replace('_', ' ')).append(' ')
                    .append(Numbers.count(kind.getValue())).append(',');
        }
        line(kinds.substring(0, kinds.length() - 1));
        TextTable stages = TextTable.of("stage", ">visits", ">customers", ">overdue", ">median stay", ">expected");
        for (StageConformance stage : result.stages()) {
            stages.row(stage.stage(), Numbers.count(stage.visits()), Numbers.count(stage.customers()),
                    Numbers.count(stage.overdueVisits()), Numbers.duration(stage.medianTimeInStage()),
                    Numbers.duration(stage.expectedTime()));
        }
        table(stages);
    }

    private void value(CxReport.Value value) {
        heading("4. Customer lifetime value");
        String currency = value.currency().map(code -> " " + code).orElse("");
        line("Purchases to " + Numbers.day(value.calibrationEnd().minusSeconds(1)) + ": " + Numbers.count(Math.round(
                value.totals().customers())) + " buyers, " + Numbers.count(Math.round(value.totals()
                        .repeatCustomers())) + " of them repeat buyers, " + Numbers.money(value.totalSpend())
                + currency + " spent");
        fit("BG/NBD (purchases)", value.purchases());
        value.spend().ifPresent(spend -> fit("Gamma-Gamma (spend)", spend));
        value.outlook().ifPresent(outlook -> {
            line("Over " + outlook.horizon().toDays() / 7 + " weeks, discounted " + Numbers.percent(
                    outlook.discountRate()) + " per 4 weeks: total CLV " + Numbers.money(outlook.totalValue())
                    + currency + " of " + Numbers.count(outlook.customers()) + " customers; value at risk (CLV x"
                    + " (1 - P(alive))) " + Numbers.money(outlook.valueAtRisk()) + currency + "; "
                    + Numbers.count(outlook.customersAtRisk()) + " customers with P(alive) below "
                    + Numbers.fixed(outlook.atRiskThreshold(), 2) + "; mean P(alive) "
                    + Numbers.fixed(outlook.meanProbabilityAlive(), 2));
            subheading("Top customers by lifetime value");
            TextTable top = TextTable.of("customer", ">repeat purchases", ">P(alive)", ">expected purchases",
                    ">CLV");
            for (CxReport.ValuedCustomer customer : outlook.top()) {
                top.row(customer.customer().value(), customer.frequency(), Numbers.fixed(customer.probabilityAlive(),
                        2), Numbers.fixed(customer.expectedPurchases(), 2), Numbers.money(customer.value()));
            }
            table(top);
            if (!outlook.atRisk().isEmpty()) {
                subheading("Most value at risk (P(alive) below " + Numbers.fixed(outlook.atRiskThreshold(), 2) + ")");
                TextTable risk = TextTable.of("customer", ">P(alive)", ">CLV", ">value at risk");
                for (AtRiskCustomer customer : outlook.atRisk()) {
                    risk.row(customer.outlook().customer().value(), Numbers.fixed(customer.outlook()
                            .probabilityAlive(), 2), Numbers.money(customer.outlook().value()),
                            Numbers.money(customer.valueAtRisk()));
                }
                table(risk);
            }
        });
    }

    private void fit(String name, ModelFit<?> fit) {
        StringBuilder parameters = new StringBuilder();
        fit.parameters().forEach((parameter, estimate) -> parameters.append(parameters.length() == 0 ? "" : ", ")
                .append(parameter).append(" = ").append(Numbers.fixed(estimate, 3)));
        line(name + ": " + parameters + (fit.converged() ? " (log-likelihood " + Numbers.fixed(fit.logLikelihood(),
                1) + ")" : " (did not converge: " + safe(fit.problem().orElseThrow()) + ")"));
        fit.warnings().forEach(warning -> line("  warning: " + safe(warning)));
    }

    private void retention(CxReport.Retention retention) {
        heading("5. Churn and retention");
        subheading("Churn per month (gone after " + retention.inactivity().toDays() + " days without an event)");
        TextTable churn = TextTable.of("month", ">active at start", ">churned", ">churn rate", ">new",
                ">reactivated");
        List<PeriodChurn> rows = retention.churn().rows();
        for (PeriodChurn row : rows.subList(Math.max(0, rows.size() - RECENT_MONTHS), rows.size())) {
            churn.row(row.start().toString().substring(0, 7), Numbers.count(row.atStart()),
                    Numbers.count(row.churned()), Numbers.percent(row.churnRate()), Numbers.count(row.newCustomers()),
                    Numbers.count(row.reactivated()));
        }
        table(churn);
        subheading("Cohort retention (monthly cohorts of first activity; share active k months later)");
        for (String tableLine : retention.cohorts().render().split("\n")) {
            line("  " + tableLine);
        }
        retention.survival().ifPresent(this::survival);
    }

    private void survival(CxReport.Survival survival) {
        subheading("Survival by " + safe(survival.groupColumn()) + " (Kaplan-Meier, days, 95% log-log band)");
        TextTable table = TextTable.of(safe(survival.groupColumn()), ">subjects", ">churned", ">median [95%]",
                ">S(90)", ">S(180)", ">S(365)");
        for (Map.Entry<String, SurvivalCurve> entry : survival.curves().entrySet()) {
            SurvivalCurve curve = entry.getValue();
            Object[] cells = new Object[7];
            cells[0] = entry.getKey();
            cells[1] = Numbers.count(curve.subjects());
            cells[2] = Numbers.count(curve.events());
            cells[3] = median(curve.median());
            for (int i = 0; i < SURVIVAL_DAYS.size(); i++) {
                SurvivalEstimate at = curve.at(SURVIVAL_DAYS.get(i));
                cells[4 + i] = Numbers.fixed(at.survival(), 2);
            }
            table.row(cells);
        }
        table(table);
        survival.logRank().ifPresent(test -> line("  log-rank test of equal hazards: chi\u00b2 = " + Numbers.fixed(
                test.statistic(), 2) + " on " + test.degreesOfFreedom() + " df, p " + (test.pValue() < 0.0001 ? "" : "= ") + pValue(test.pValue())));
        survival.cox().flatMap(ModelFit::model).ifPresent(this::cox);
    }

    private void cox(CoxModel model) {
        TextTable table = TextTable.of("covariate", ">hazard ratio", ">95% interval", ">p");
        for (CoxCoefficient coefficient : model.coefficients()) {
            table.row(coefficient.name(), Numbers.fixed(coefficient.hazardRatio(), 3),
                    Numbers.interval(java.util.Optional.of(coefficient.hazardRatioInterval()), 3),
                    pValue(coefficient.pValue()));
        }
        line("  Cox proportional hazards (concordance " + Numbers.fixed(model.concordance(), 3) + "):");
        table(table);
    }

    private static String pValue(double p) {
        return p < 0.0001 ? "< 0.0001" : Numbers.fixed(p, 4);
    }

    private static String median(SurvivalQuantile median) {
        if (median.estimate().isEmpty()) {
            return "not reached";
        }
        return Numbers.fixed(median.estimate(), 0) + " [" + Numbers.fixed(median.lower(), 0) + ", "
                + Numbers.fixed(median.upper(), 0) + "]";
    }

    private void engagement(CxReport.Engagement engagement) {
        heading("6. Acting on it: profiles, segments, next-best actions");
        line(Numbers.count(engagement.profiles()) + " customer profiles; " + Numbers.count(engagement.linkedGroups())
                + " customers known under several ids (" + Numbers.count(engagement.linkedRecords())
                + " records linked by a shared identity)");
        engagement.segments().ifPresent(this::segments);
        engagement.actions().ifPresent(actions -> {
            subheading("Next-best actions chosen today (" + Numbers.instant(actions.at()) + ", for "
                    + Numbers.count(actions.decided()) + " customers)");
            TextTable table = TextTable.of("action", ">customers", ">mean value");
            actions.chosen().forEach((name, count) -> table.row(name, Numbers.count(count),
                    Numbers.fixed(actions.meanValue().get(name), 2)));
            table.row("(none eligible)", Numbers.count(actions.noAction()), Numbers.NONE);
            table(table);
        });
    }

    private void segments(SegmentReport report) {
        subheading("Segments (of " + Numbers.count(report.profiles()) + " profiles)");
        TextTable table = TextTable.of("segment", ">customers", ">share");
        report.sizes().forEach((name, size) -> table.row(name, Numbers.count(size),
                report.profiles() == 0 ? Numbers.NONE : Numbers.percent((double) size / report.profiles())));
        table(table);
    }
}
