package dev.cxm.examples.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.metrics.feedback.Breakdown;
import dev.cxm.metrics.feedback.FeedbackBreakdown;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.FeedbackResult;
import dev.cxm.metrics.feedback.Granularity;
import dev.cxm.metrics.feedback.GroupResult;
import dev.cxm.metrics.feedback.PeriodResult;
import dev.cxm.metrics.stats.ConfidenceInterval;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code cxm nps}, {@code cxm csat} and {@code cxm ces} share: read a file of feedback, compute the
 * metric overall and optionally per group ({@code --group-by}) and period ({@code --period}), and print
 * it as a table or one JSON object.
 *
 * @param <R> the metric's result type
 */
abstract class FeedbackScoreCommand<R extends FeedbackResult> implements Callable<Integer> {

    /** The group of responses that have no value in the group-by column. */
    static final String NO_VALUE = "(none)";

    @Mixin
    EventInputOptions input;

    @Option(names = "--group-by", paramLabel = "COL",
            description = "Compute the score per value of this column too: any CSV column (it is read as an"
                    + " attribute), or for NDJSON an attribute key or one of channel, touchpoint, stage, survey.")
    String groupBy;

    @Option(names = "--period", paramLabel = "PERIOD",
            description = "Compute the score per day, week, month or quarter too, cut in --zone (default UTC).")
    String period;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the intervals, strictly between 0 and 1 (default: 0.95).")
    double confidence;

    @Option(names = "--min-n", paramLabel = "N", defaultValue = "30",
            description = "Flag groups and periods with fewer responses than N (default: 30).")
    long minimumN;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** Returns the command's name, such as {@code nps}. */
    abstract String metricName();

    /** Returns the scale responses are on when the file does not say. */
    abstract FeedbackScale defaultScale();

    /** Returns the metric on {@code scale} at the level {@code --confidence} gives. */
    abstract FeedbackMetric<R> metric(FeedbackScale scale, double level);

    /** Returns the headline score as text, such as {@code +16.7} or {@code 80.0%}. */
    abstract String formatScore(double score);

    /** Returns what the table shows after the interval, such as the promoter counts. */
    abstract String details(R result);

    /** Adds the metric's own fields to a JSON object of a result, where they need more than Jackson's defaults. */
    void adjustJson(ObjectNode node, R result) {}

    @Override
    public Integer call() throws Exception {
        double level = ConfidenceInterval.requireLevel(confidence);
        Optional<Granularity> granularity = Optional.ofNullable(period).map(Granularity::parse);
        if (groupBy != null) {
            readGroupColumnAsAttribute();
        }
        // Every option is checked before the file is read.
        FeedbackScale scale = scale();
        FeedbackBreakdown.Builder<R> breakdown = FeedbackBreakdown.of(metric(scale, level)).minimumN(minimumN);
        ZoneId zone = input.mapping != null && input.mapping.zone != null ? ZoneId.of(input.mapping.zone) : ZoneId.of("UTC");
        EventStore store = InMemoryEventStore.create();
        ImportReport report = input.importInto(store, Optional.of(EventType.FEEDBACK), Optional.of(scale));
        if (groupBy != null) {
            breakdown.groupBy(groupKey(groupBy));
        }
        granularity.ifPresent(g -> breakdown.per(g, zone));
        Breakdown<R> result = breakdown.build().compute(store, EventQuery.ofTypes(EventType.FEEDBACK));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson(result, report, scale, zone));
        } else {
            printTable(out, result, report, scale, zone);
        }
        return 0;
    }

    /** Returns the scale: the one {@code --scale} names, else the command's own. */
    FeedbackScale scale() {
        return input.mapping != null && input.mapping.scale != null ? FeedbackScale.parse(input.mapping.scale)
                : defaultScale();
    }

    private void readGroupColumnAsAttribute() {
        if (input.mapping == null) {
            input.mapping = new CsvMappingOptions();
        }
        if (!input.mapping.attributeColumns.contains(groupBy)) {
            input.mapping.attributeColumns.add(groupBy);
        }
    }

    /**
     * Returns the group of a response: the attribute named {@code column} (every CSV column given to
     * {@code --group-by} is read as one), else, for NDJSON events, the field that name stands for.
     */
    static Function<FeedbackResponse, String> groupKey(String column) {
        String field = column.strip().toLowerCase(Locale.ROOT);
        return response -> {
            String value = response.attributes().get(column);
            if (value != null) {
                return value;
            }
            Optional<Touchpoint> touchpoint = response.touchpoint();
            Optional<String> known = switch (field) {
                case "channel" -> touchpoint.map(t -> t.channel().name().toLowerCase(Locale.ROOT));
                case "touchpoint", "touchpoint_id" -> touchpoint.map(t -> t.id().value());
                case "touchpoint_name" -> touchpoint.map(Touchpoint::name);
                case "stage" -> touchpoint.flatMap(Touchpoint::stage);
                case "survey", "survey_id" -> Optional.of(response.surveyId());
                default -> Optional.empty();
            };
            return known.orElse(NO_VALUE);
        };
    }

    private ObjectNode toJson(Breakdown<R> breakdown, ImportReport report, FeedbackScale scale, ZoneId zone) {
        ObjectMapper mapper = CxmJson.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("metric", metricName());
        root.put("input", input.input.toString());
        root.put("scale", scale.toString());
        root.setAll(resultJson(breakdown.overall()));
        root.put("rowsRead", report.rowsRead());
        root.put("rejectedRows", report.rejected().size());
        root.put("otherScales", breakdown.otherScales());
        root.put("minimumN", breakdown.minimumN());
        if (groupBy != null) {
            root.put("groupBy", groupBy);
            ArrayNode groups = root.putArray("groups");
            for (GroupResult<R> group : breakdown.groups()) {
                ObjectNode node = groups.addObject();
                node.put("group", group.group());
                node.put("belowMinimumN", group.belowMinimumN());
                node.setAll(resultJson(group.result()));
                if (!group.periods().isEmpty()) {
                    node.set("periods", periodsJson(group.periods()));
                }
            }
        }
        breakdown.granularity().ifPresent(g -> {
            root.put("period", g.name().toLowerCase(Locale.ROOT));
            root.put("zone", zone.getId());
            root.set("periods", periodsJson(breakdown.periods()));
        });
        return root;
    }

    private ArrayNode periodsJson(List<PeriodResult<R>> periods) {
        ArrayNode array = CxmJson.mapper().createArrayNode();
        for (PeriodResult<R> period : periods) {
            ObjectNode node = array.addObject();
            node.put("start", period.period().start().toString());
            node.put("end", period.period().end().toString());
            node.put("belowMinimumN", period.belowMinimumN());
            node.setAll(resultJson(period.result()));
        }
        return array;
    }

    private ObjectNode resultJson(R result) {
        ObjectNode node = CxmJson.mapper().valueToTree(result);
        node.remove("scale");
        adjustJson(node, result);
        return node;
    }

    private void printTable(PrintWriter out, Breakdown<R> breakdown, ImportReport report, FeedbackScale scale,
            ZoneId zone) {
        out.printf("%s of %s (scale %s, %s%% confidence)%n", metricName().toUpperCase(Locale.ROOT), input.input, scale,
                trimmed(100 * confidence));
        printRow(out, "overall", breakdown.overall(), false);
        if (groupBy != null) {
            out.printf("By %s:%n", groupBy);
            breakdown.groups().forEach(group -> printRow(out, group.group(), group.result(), group.belowMinimumN()));
        }
        breakdown.granularity().ifPresent(g -> {
            out.printf("By %s (%s):%n", g.name().toLowerCase(Locale.ROOT), zone.getId());
            breakdown.periods().forEach(p -> printRow(out, p.period().start().toString(), p.result(), p.belowMinimumN()));
        });
        boolean anyFlagged = breakdown.groups().stream().anyMatch(GroupResult::belowMinimumN)
                || breakdown.periods().stream().anyMatch(PeriodResult::belowMinimumN);
        if (anyFlagged) {
            out.printf("* fewer than %d responses: too few to rely on%n", breakdown.minimumN());
        }
        if (breakdown.otherScales() > 0 || !report.rejected().isEmpty()) {
            out.printf("Not counted: %d responses on other scales, %d rejected rows%n", breakdown.otherScales(),
                    report.rejected().size());
            report.rejected().forEach(row -> out.println("  " + row));
        }
    }

    private void printRow(PrintWriter out, String label, R result, boolean flagged) {
        String n = result.n() + (flagged ? "*" : "");
        String score = result.score().isPresent() ? formatScore(result.score().getAsDouble()) : "-";
        String interval = result.interval()
                .map(i -> "[" + formatScore(i.lower()) + ", " + formatScore(i.upper()) + "] " + i.method())
                .orElse("");
        out.printf("  %-20s n=%-8s %9s  %-34s %s%n", label, n, score, interval, details(result));
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
