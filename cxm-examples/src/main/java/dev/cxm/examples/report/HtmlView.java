package dev.cxm.examples.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cxm.journey.conformance.ConformanceResult;
import dev.cxm.journey.conformance.DeviationKind;
import dev.cxm.journey.conformance.StageConformance;
import dev.cxm.journey.funnel.FunnelStepResult;
import dev.cxm.journey.path.PathCount;
import dev.cxm.metrics.churn.AtRiskCustomer;
import dev.cxm.metrics.churn.PeriodChurn;
import dev.cxm.metrics.drivers.DriverImportance;
import dev.cxm.metrics.feedback.Breakdown;
import dev.cxm.metrics.feedback.GroupResult;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.RatingResult;
import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.metrics.survival.CoxCoefficient;
import dev.cxm.metrics.survival.SurvivalCurve;
import dev.cxm.metrics.text.SentimentGroup;
import dev.cxm.metrics.text.Theme;

/**
 * What the HTML template shows, taken from a {@link CxReport}: the headline numbers, and per part its charts'
 * containers and its tables, every number already written as text by {@link Numbers} (so text and HTML agree).
 * The template escapes every value; this class computes nothing but layout.
 */
final class HtmlView {

    /** The chart containers' ids, as the tests and {@code report-charts.js} know them. */
    static final List<String> CHART_IDS = List.of("chart-nps-trend", "chart-nps-channel", "chart-nps-stage",
            "chart-drivers", "chart-sentiment", "chart-funnel", "chart-sankey", "chart-journey-discovered",
            "chart-journey-designed", "chart-cohorts", "chart-survival", "chart-clv");

    private HtmlView() {}

    /** A headline number. */
    record Kpi(String key, String label, String value, String detail) {
    }

    /** A chart's container: {@code size} is {@code wide} (the whole row) or {@code half}. */
    record Chart(String id, String title, String size) {
    }

    /** A table cell, aligned left ({@code text}) or right ({@code num}). */
    record Cell(String text, String align) {
    }

    /** A table row. */
    record Row(List<Cell> cells) {
    }

    /** A table with a title. */
    record Table(String title, List<Cell> header, List<Row> rows) {
    }

    /** One part of the report. */
    record Section(String id, String title, String lead, List<Chart> charts, List<Table> tables) {
    }

    /** The headline numbers, the parts and the notes. */
    record Page(List<Kpi> kpis, List<Section> sections, List<String> notes, String population) {

        /** Whether there are notes, for the template. */
        public boolean hasNotes() {
            return !notes.isEmpty();
        }
    }

    static Page of(CxReport report) {
        CxReport.Overview overview = report.overview();
        String population = Numbers.count(overview.customers()) + " customers, " + Numbers.count(overview.events())
                + " events (" + Numbers.count(overview.interactions()) + " interactions, "
                + Numbers.count(overview.purchases()) + " purchases, " + Numbers.count(overview.responses())
                + " feedback responses)" + overview.span().map(span -> ", " + Numbers.day(span.first()) + " to "
                        + Numbers.day(span.last())).orElse("");
        return new Page(kpis(report), List.of(feedback(report.feedback()), voice(report.voice()),
                journeys(report.journeys()), value(report.value()), retention(report.retention()),
                engagement(report.engagement())), overview.notes(), population);
    }

    /** The headline numbers, keyed for the tests: {@code data-kpi} in the page. */
    static List<Kpi> kpis(CxReport report) {
        List<Kpi> kpis = new ArrayList<>();
        NpsResult nps = report.feedback().nps().overall();
        kpis.add(new Kpi("customers", "customers", Numbers.count(report.overview().customers()),
                Numbers.count(report.overview().events()) + " events"));
        kpis.add(new Kpi("nps", "NPS", Numbers.nps(nps.score()), Numbers.interval(nps.interval(), 1) + " at 95%, n = "
                + Numbers.count(nps.n())));
        RatingResult csat = report.feedback().csat().overall();
        kpis.add(new Kpi("csat", "CSAT (top 2 of 5)", ratingShare(csat), Numbers.interval(csat.interval(), 1)
                + ", n = " + Numbers.count(csat.n())));
        RatingResult ces = report.feedback().ces().overall();
        kpis.add(new Kpi("ces", "CES (mean of 7)", Numbers.fixed(ces.score(), 2), Numbers.interval(ces.interval(), 2)
                + ", n = " + Numbers.count(ces.n())));
        report.voice().drivers().flatMap(drivers -> drivers.drivers().stream().findFirst()).ifPresent(top ->
                kpis.add(new Kpi("top-driver", "top driver", top.name(), Numbers.percent(top.share()) + " of R\u00b2")));
        report.journeys().funnel().ifPresent(funnel -> {
            FunnelStepResult last = funnel.steps().get(funnel.steps().size() - 1);
            kpis.add(new Kpi("funnel", "reach " + last.name(), Numbers.percent(last.conversionFromStart()),
                    Numbers.count(last.count()) + " of " + Numbers.count(funnel.steps().get(0).count())));
        });
        report.journeys().conformance().ifPresent(conformance -> kpis.add(new Kpi("fitness", "fitness to the map",
                Numbers.percent(conformance.fitness()), Numbers.count(conformance.allowedMoves()) + " of "
                        + Numbers.count(conformance.moves()) + " moves allowed")));
        String currency = report.value().currency().map(code -> " " + code).orElse("");
        report.value().outlook().ifPresent(outlook -> {
            kpis.add(new Kpi("clv", "lifetime value, " + outlook.horizon().toDays() / 7 + " weeks",
                    Numbers.money(outlook.totalValue()) + currency, Numbers.count(outlook.customers()) + " customers"));
            kpis.add(new Kpi("value-at-risk", "value at risk", Numbers.money(outlook.valueAtRisk()) + currency,
                    Numbers.count(outlook.customersAtRisk()) + " customers with P(alive) < "
                            + Numbers.fixed(outlook.atRiskThreshold(), 2)));
        });
        return kpis;
    }

    private static String ratingShare(RatingResult result) {
        return result.score().isPresent() ? Numbers.fixed(result.score(), 1) + "%" : Numbers.NONE;
    }

    private static Section feedback(CxReport.Feedback feedback) {
        List<Chart> charts = new ArrayList<>(List.of(new Chart("chart-nps-trend",
                "NPS per month with its 95% interval", "wide"), new Chart("chart-nps-channel",
                "NPS by channel (bars) with 95% intervals (lines)", "half")));
        List<Table> tables = new ArrayList<>(List.of(npsTable("NPS by channel", "channel", feedback.nps())));
        feedback.npsByStage().ifPresent(byStage -> {
            charts.add(new Chart("chart-nps-stage", "NPS by the journey stage of the respondent", "half"));
            tables.add(npsTable("NPS by journey stage (where the respondent was when answering)", "stage", byStage));
        });
        tables.add(ratingTable("CSAT: share of 4 and 5 on 1..5", feedback.csat(), true));
        tables.add(ratingTable("CES: mean effort on 1..7 (higher is easier)", feedback.ces(), false));
        NpsResult all = feedback.nps().overall();
        return new Section("feedback", "Feedback", "NPS " + Numbers.nps(all.score()) + " "
                + Numbers.interval(all.interval(), 1) + " (adjusted Wald, 95%) from " + Numbers.count(all.n())
                + " responses; groups marked * have fewer than " + feedback.nps().minimumN() + " responses.", charts,
                tables);
    }

    private static Table npsTable(String title, String name, Breakdown<NpsResult> breakdown) {
        TableBuilder table = TableBuilder.of(title, name, ">NPS", ">95% interval", ">n", ">promoters", ">passives",
                ">detractors");
        for (GroupResult<NpsResult> group : breakdown.groups()) {
            NpsResult r = group.result();
            table.row(group.group() + (group.belowMinimumN() ? " *" : ""), Numbers.nps(r.score()),
                    Numbers.interval(r.interval(), 1), Numbers.count(r.n()), Numbers.percent(r.promoterShare()),
                    Numbers.percent(r.passiveShare()), Numbers.percent(r.detractorShare()));
        }
        return table.build();
    }

    private static Table ratingTable(String title, Breakdown<RatingResult> breakdown, boolean share) {
        TableBuilder table = TableBuilder.of(title, "channel", ">score", ">95% interval", ">n");
        table.row("all", share ? ratingShare(breakdown.overall()) : Numbers.fixed(breakdown.overall().score(), 2),
                Numbers.interval(breakdown.overall().interval(), share ? 1 : 2), Numbers.count(breakdown.overall().n()));
        for (GroupResult<RatingResult> group : breakdown.groups()) {
            RatingResult r = group.result();
            table.row(group.group() + (group.belowMinimumN() ? " *" : ""), share ? ratingShare(r)
                    : Numbers.fixed(r.score(), 2), Numbers.interval(r.interval(), share ? 1 : 2), Numbers.count(r.n()));
        }
        return table.build();
    }

    private static Section voice(CxReport.Voice voice) {
        List<Chart> charts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        String lead = "No driver ratings.";
        if (voice.drivers().isPresent()) {
            var result = voice.drivers().get();
            charts.add(new Chart("chart-drivers", "Share of R\u00b2 of " + result.outcome()
                    + " per driver, with bootstrap intervals", "half"));
            lead = "The drivers explain R\u00b2 = " + Numbers.fixed(result.rSquared(), 3) + " of " + result.outcome()
                    + " (" + Numbers.count(result.n()) + " respondents, " + result.method().toString().toLowerCase()
                    .replace('_', ' ') + ", " + result.resamples() + " bootstrap resamples).";
            TableBuilder table = TableBuilder.of("Key drivers", ">rank", "driver", ">share of R\u00b2",
                    ">95% interval", ">correlation");
            for (DriverImportance driver : result.drivers()) {
                table.row(String.valueOf(driver.rank()), driver.name(), Numbers.percent(driver.share()),
                        Numbers.percentInterval(driver.interval()), Numbers.fixed(driver.correlation(), 2));
            }
            tables.add(table.build());
        }
        charts.add(new Chart("chart-sentiment", "Mean sentiment of the comments by NPS category", "half"));
        voice.detractorThemes().ifPresent(themes -> {
            TableBuilder table = TableBuilder.of("What detractors talk about (" + Numbers.count(themes.focusTexts())
                    + " detractor comments against " + Numbers.count(themes.restTexts()) + " others)", "term",
                    ">detractors", ">others", ">z");
            for (Theme theme : themes.focus()) {
                table.row(theme.term(), Numbers.count(theme.focusCount()), Numbers.count(theme.restCount()),
                        Numbers.fixed(theme.z(), 1));
            }
            tables.add(table.build());
        });
        TableBuilder sentiment = TableBuilder.of("Sentiment of the comments (VADER compound, -1 to 1)",
                "respondents", ">comments", ">mean [95%]", ">negative", ">strongly negative");
        sentimentRow(sentiment, "all", voice.sentiment().overall());
        for (SentimentGroup group : voice.sentiment().groups()) {
            sentimentRow(sentiment, group.group(), group.result());
        }
        tables.add(sentiment.build());
        if (!voice.detractorQuotes().isEmpty()) {
            TableBuilder quotes = TableBuilder.of("In their words: the most negative detractor comments", "customer",
                    ">score", "channel", ">compound", ">writers", "comment");
            for (CxReport.Quote quote : voice.detractorQuotes()) {
                quotes.row(quote.customer().value(), String.valueOf(quote.score()), quote.channel(),
                        Numbers.fixed(quote.compound(), 2), Numbers.count(quote.writers()), quote.text());
            }
            tables.add(quotes.build());
        }
        return new Section("voice", "Voice of the customer", lead, charts, tables);
    }

    private static void sentimentRow(TableBuilder table, String group, dev.cxm.metrics.text.SentimentResult result) {
        table.row(group, Numbers.count(result.n()), Numbers.estimate(result.meanCompound(), 2),
                result.negativeShare().map(e -> Numbers.percent(e.value())).orElse(Numbers.NONE),
                result.strongNegativeShare().map(e -> Numbers.percent(e.value())).orElse(Numbers.NONE));
    }

    private static Section journeys(CxReport.Journeys journeys) {
        List<Chart> charts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        journeys.funnel().ifPresent(funnel -> {
            charts.add(new Chart("chart-funnel", "Funnel over the map's stages", "half"));
            TableBuilder table = TableBuilder.of("Funnel over the map's stages", "stage", ">customers",
                    ">from start", ">from previous", ">median time");
            for (FunnelStepResult step : funnel.steps()) {
                table.row(step.name(), Numbers.count(step.count()), Numbers.percent(step.conversionFromStart()),
                        Numbers.percent(step.conversionFromPrevious()), Numbers.duration(step.medianTimeToConvert()));
            }
            tables.add(table.build());
        });
        charts.add(new Chart("chart-sankey", "Top paths (Sankey of the first " + JourneyPart.PATH_STEPS + " steps)",
                journeys.funnel().isPresent() ? "half" : "wide"));
        charts.add(new Chart("chart-journey-discovered", "Discovered journey: moves customers made (red: not in"
                + " the design)", journeys.map().isPresent() ? "half" : "wide"));
        journeys.map().ifPresent(map -> charts.add(new Chart("chart-journey-designed",
                "Designed journey: the moves the map allows", "half")));
        TableBuilder paths = TableBuilder.of("Top paths", ">customers", ">share", "path");
        for (PathCount path : journeys.paths().paths()) {
            paths.row(Numbers.count(path.count()), Numbers.percent(path.share()), String.join(" > ", path.steps()));
        }
        tables.add(paths.build());
        String lead = Numbers.count(journeys.discovery().cases()) + " customers took "
                + Numbers.count(journeys.discovery().distinctVariants()) + " distinct journeys.";
        if (journeys.conformance().isPresent()) {
            ConformanceResult conformance = journeys.conformance().get();
            lead += " Fitness to the map " + Numbers.percent(conformance.fitness()) + ": "
                    + Numbers.count(conformance.allowedMoves()) + " of " + Numbers.count(conformance.moves())
                    + " moves allowed; " + Numbers.count(conformance.conformingCustomers()) + " of "
                    + Numbers.count(conformance.customers()) + " customers without any deviation.";
            TableBuilder deviations = TableBuilder.of("Deviations from the map", "kind", ">count");
            for (Map.Entry<DeviationKind, Long> kind : conformance.deviations().entrySet()) {
                deviations.row(kind.getKey().name().toLowerCase().replace('_', ' '), Numbers.count(kind.getValue()));
            }
            tables.add(deviations.build());
            TableBuilder stages = TableBuilder.of("Stages: visits and stays", "stage", ">visits", ">customers",
                    ">overdue", ">median stay", ">expected");
            for (StageConformance stage : conformance.stages()) {
                stages.row(stage.stage(), Numbers.count(stage.visits()), Numbers.count(stage.customers()),
                        Numbers.count(stage.overdueVisits()), Numbers.duration(stage.medianTimeInStage()),
                        Numbers.duration(stage.expectedTime()));
            }
            tables.add(stages.build());
        }
        return new Section("journeys", "Journeys", lead, charts, tables);
    }

    private static Section value(CxReport.Value value) {
        String currency = value.currency().map(code -> " " + code).orElse("");
        List<Chart> charts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        TableBuilder fits = TableBuilder.of("Model fits", "model", "parameters", ">log-likelihood", "converged");
        fitRow(fits, "BG/NBD (purchases)", value.purchases());
        value.spend().ifPresent(spend -> fitRow(fits, "Gamma-Gamma (spend)", spend));
        tables.add(fits.build());
        String lead = Numbers.count(Math.round(value.totals().customers())) + " buyers, "
                + Numbers.count(Math.round(value.totals().repeatCustomers())) + " of them repeat buyers, spent "
                + Numbers.money(value.totalSpend()) + currency + " up to " + Numbers.day(value.calibrationEnd()
                        .minusSeconds(1)) + ".";
        if (value.outlook().isPresent()) {
            CxReport.Outlook outlook = value.outlook().get();
            lead += " Over " + outlook.horizon().toDays() / 7 + " weeks, discounted " + Numbers.percent(
                    outlook.discountRate()) + " per 4 weeks, they are worth " + Numbers.money(outlook.totalValue())
                    + currency + "; " + Numbers.money(outlook.valueAtRisk()) + currency + " of it is at risk (CLV x (1 -"
                    + " P(alive))), mean P(alive) " + Numbers.fixed(outlook.meanProbabilityAlive(), 2) + ".";
            charts.add(new Chart("chart-clv", "Distribution of the lifetime values (the last bar also holds the top 1%)",
                    "wide"));
            TableBuilder top = TableBuilder.of("Top customers by lifetime value", "customer", ">repeat purchases",
                    ">P(alive)", ">expected purchases", ">CLV");
            for (CxReport.ValuedCustomer customer : outlook.top()) {
                top.row(customer.customer().value(), String.valueOf(customer.frequency()),
                        Numbers.fixed(customer.probabilityAlive(), 2), Numbers.fixed(customer.expectedPurchases(), 2),
                        Numbers.money(customer.value()));
            }
            tables.add(top.build());
            TableBuilder risk = TableBuilder.of("Most value at risk (P(alive) below " + Numbers.fixed(
                    outlook.atRiskThreshold(), 2) + ")", "customer", ">P(alive)", ">CLV", ">value at risk");
            for (AtRiskCustomer customer : outlook.atRisk()) {
                risk.row(customer.outlook().customer().value(), Numbers.fixed(customer.outlook().probabilityAlive(), 2),
                        Numbers.money(customer.outlook().value()), Numbers.money(customer.valueAtRisk()));
            }
            tables.add(risk.build());
        }
        return new Section("value", "Customer lifetime value", lead, charts, tables);
    }

    private static void fitRow(TableBuilder table, String name, ModelFit<?> fit) {
        StringBuilder parameters = new StringBuilder();
        fit.parameters().forEach((parameter, estimate) -> parameters.append(parameters.length() == 0 ? "" : ", ")
                .append(parameter).append(" = ").append(Numbers.fixed(estimate, 3)));
        table.row(name, parameters.toString(), fit.converged() ? Numbers.fixed(fit.logLikelihood(), 1) : Numbers.NONE,
                fit.converged() ? "yes" : "no: " + fit.problem().orElseThrow());
    }

    private static Section retention(CxReport.Retention retention) {
        List<Chart> charts = new ArrayList<>(List.of(new Chart("chart-cohorts",
                "Cohort retention: % of each month's new customers active k months later", "wide")));
        List<Table> tables = new ArrayList<>();
        TableBuilder churn = TableBuilder.of("Churn per month (gone after " + retention.inactivity().toDays()
                + " days without an event)", "month", ">active at start", ">churned", ">churn rate", ">new",
                ">reactivated");
        List<PeriodChurn> rows = retention.churn().rows();
        for (PeriodChurn row : rows.subList(Math.max(0, rows.size() - TextReport.RECENT_MONTHS), rows.size())) {
            churn.row(row.start().toString().substring(0, 7), Numbers.count(row.atStart()),
                    Numbers.count(row.churned()), Numbers.percent(row.churnRate()), Numbers.count(row.newCustomers()),
                    Numbers.count(row.reactivated()));
        }
        tables.add(churn.build());
        String lead = Numbers.count(retention.cohorts().rows().size()) + " monthly cohorts.";
        if (retention.survival().isPresent()) {
            CxReport.Survival survival = retention.survival().get();
            charts.add(new Chart("chart-survival", "Survival by " + survival.groupColumn()
                    + " (Kaplan-Meier with 95% log-log bands)", "wide"));
            TableBuilder table = TableBuilder.of("Survival by " + survival.groupColumn() + " (days)",
                    survival.groupColumn(), ">subjects", ">churned", ">median [95%]", ">S(90)", ">S(180)", ">S(365)");
            for (Map.Entry<String, SurvivalCurve> entry : survival.curves().entrySet()) {
                SurvivalCurve curve = entry.getValue();
                table.row(entry.getKey(), Numbers.count(curve.subjects()), Numbers.count(curve.events()),
                        median(curve), Numbers.fixed(curve.at(90).survival(), 2),
                        Numbers.fixed(curve.at(180).survival(), 2), Numbers.fixed(curve.at(365).survival(), 2));
            }
            tables.add(table.build());
            survival.logRank().ifPresent(test -> tables.add(TableBuilder.of("Log-rank test of equal churn hazards",
                    ">chi\u00b2", ">df", ">p").row(Numbers.fixed(test.statistic(), 2),
                            String.valueOf(test.degreesOfFreedom()), pValue(test.pValue())).build()));
            survival.cox().flatMap(ModelFit::model).ifPresent(model -> {
                TableBuilder cox = TableBuilder.of("Cox proportional hazards (concordance "
                        + Numbers.fixed(model.concordance(), 3) + ")", "covariate", ">hazard ratio", ">95% interval",
                        ">p");
                for (CoxCoefficient coefficient : model.coefficients()) {
                    cox.row(coefficient.name(), Numbers.fixed(coefficient.hazardRatio(), 3),
                            Numbers.interval(Optional.of(coefficient.hazardRatioInterval()), 3),
                            pValue(coefficient.pValue()));
                }
                tables.add(cox.build());
            });
        }
        return new Section("retention", "Churn and retention", lead, charts, tables);
    }

    private static String median(SurvivalCurve curve) {
        var median = curve.median();
        return median.estimate().isEmpty() ? "not reached" : Numbers.fixed(median.estimate(), 0) + " ["
                + Numbers.fixed(median.lower(), 0) + ", " + Numbers.fixed(median.upper(), 0) + "]";
    }

    private static String pValue(double p) {
        return p < 0.0001 ? "< 0.0001" : Numbers.fixed(p, 4);
    }

    private static Section engagement(CxReport.Engagement engagement) {
        List<Table> tables = new ArrayList<>();
        engagement.segments().ifPresent(report -> {
            TableBuilder table = TableBuilder.of("Segments (of " + Numbers.count(report.profiles()) + " profiles)",
                    "segment", ">customers", ">share");
            report.sizes().forEach((name, size) -> table.row(name, Numbers.count(size), report.profiles() == 0
                    ? Numbers.NONE : Numbers.percent((double) size / report.profiles())));
            tables.add(table.build());
        });
        engagement.actions().ifPresent(actions -> {
            TableBuilder table = TableBuilder.of("Next-best actions chosen today (" + Numbers.instant(actions.at())
                    + ")", "action", ">customers", ">mean value");
            actions.chosen().forEach((name, count) -> table.row(name, Numbers.count(count),
                    Numbers.fixed(actions.meanValue().get(name), 2)));
            table.row("(none eligible)", Numbers.count(actions.noAction()), Numbers.NONE);
            tables.add(table.build());
        });
        String lead = Numbers.count(engagement.profiles()) + " customer profiles; "
                + Numbers.count(engagement.linkedGroups()) + " customers known under several ids ("
                + Numbers.count(engagement.linkedRecords()) + " records linked by a shared identity).";
        return new Section("engagement", "Acting on it", lead, List.of(), tables);
    }

    /** Builds a table: a column whose name starts with {@code >} holds numbers, aligned right. */
    static final class TableBuilder {
        private final String title;
        private final List<Cell> header = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();

        private TableBuilder(String title, String... columns) {
            this.title = title;
            for (String column : columns) {
                boolean number = column.startsWith(">");
                header.add(new Cell(number ? column.substring(1) : column, number ? "num" : "text"));
            }
        }

        static TableBuilder of(String title, String... columns) {
            return new TableBuilder(title, columns);
        }

        TableBuilder row(String... cells) {
            if (cells.length != header.size()) {
                throw new IllegalArgumentException("cells: " + cells.length + " for " + header.size() + " columns");
            }
            List<Cell> row = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                row.add(new Cell(cells[i], header.get(i).align()));
            }
            rows.add(new Row(row));
            return this;
        }

        Table build() {
            return new Table(title, List.copyOf(header), List.copyOf(rows));
        }
    }
}
