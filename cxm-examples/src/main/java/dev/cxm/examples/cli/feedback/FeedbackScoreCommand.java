package dev.cxm.examples.cli.feedback;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.JsonOutput;
import dev.cxm.examples.cli.common.PeriodZoneOption;
import dev.cxm.examples.cli.common.RejectedRows;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.examples.cli.journey.JourneyMapFile;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.metrics.feedback.Breakdown;
import dev.cxm.metrics.feedback.BreakdownAccumulator;
import dev.cxm.metrics.feedback.FeedbackBreakdown;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.FeedbackResult;
import dev.cxm.metrics.feedback.GroupResult;
import dev.cxm.metrics.feedback.PeriodResult;
import dev.cxm.metrics.time.CalendarPeriod;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What {@code cxm nps}, {@code cxm csat} and {@code cxm ces} share: stream a file of feedback through the
 * library's {@link BreakdownAccumulator} (in constant memory, whatever the file's size), compute the metric
 * overall and optionally per group ({@code --group-by}) and period ({@code --period}), and print it as a
 * table or one JSON object.
 *
 * <p>Every accepted row is counted: the file goes to the accumulator, not into a store, so an event id the
 * file repeats is counted each time ({@code cxm import} keeps it once).
 *
 * <p>{@code --group-by journey-stage --map FILE.json} groups each response by the stage its respondent was in
 * when answering: the file is read twice, first into cxm-journey's {@link StageTracker} (every event the map
 * places, whatever its type), then streamed into the accumulator with a group key that asks the tracker. The
 * file may be in any order, so the tracker keeps every placed event of every customer (about 24 bytes each,
 * plus about 200 bytes per customer): that pass is not constant memory; the responses still stream.
 *
 * @param <R> the metric's result type
 */
abstract class FeedbackScoreCommand<R extends FeedbackResult> extends ReportCommand {

    /** The names {@code --group-by} reads from the parsed event rather than from a column or attribute. */
    static final List<String> FIELDS = List.of("channel", "touchpoint", "touchpoint_name", "stage", "survey");

    /** The {@code --group-by} name of the stage of {@code --map} a respondent was in. */
    static final String JOURNEY_STAGE = "journey-stage";

    @Mixin
    EventInputOptions input;

    @Mixin
    PeriodZoneOption periodZone;

    @Option(names = "--group-by", paramLabel = "NAME",
            description = "Compute the score per value of NAME too: channel, touchpoint, touchpoint_name, stage or"
                    + " survey (the event's own field, in any format), journey-stage (the stage of --map the"
                    + " respondent was in), else a CSV column or NDJSON attribute of that name.")
    String groupBy;

    @Option(names = "--map", paramLabel = "FILE.json",
            description = "A journey map, for --group-by journey-stage: the stage each respondent was in when"
                    + " answering, tracked over every event of the file the map places (memory grows with those"
                    + " events: about 24 bytes each).")
    Path map;

    @Option(names = "--period", paramLabel = "PERIOD",
            description = "Compute the score per day, week (ISO, from Monday), month or quarter too, cut in"
                    + " --period-zone.")
    CalendarPeriod period;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the intervals, strictly between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--min-n", paramLabel = "N", defaultValue = "30",
            description = "Flag the overall score, groups and periods whose effective sample size (the number of"
                    + " responses, without weights) is below N (default: ${DEFAULT-VALUE}).")
    long minimumN;

    /** Returns the command's name, such as {@code nps}. */
    abstract String metricName();

    /** Returns the scale responses are on when neither the file nor {@code --scale} says. */
    abstract FeedbackScale defaultScale();

    /** Returns whether the metric is defined on {@link #defaultScale()} alone, so {@code --scale} may name no other. */
    boolean onlyOwnScale() {
        return false;
    }

    /**
     * Returns the metric on {@code scale} at the level {@code --confidence} gives.
     *
     * @throws ParameterException when an option of the metric is invalid
     */
    abstract FeedbackMetric<R> metric(FeedbackScale scale, double level);

    /** Returns the headline score as text, such as {@code +16.7} or {@code 80.0%}. */
    abstract String formatScore(double score);

    /** Returns what the table shows after the interval, such as the promoter counts. */
    abstract String details(R result);

    @Override
    protected Report<?> report() throws Exception {
        // Every option is checked before the file is read: a mistake is a usage error.
        Usage.require(spec, confidence > 0 && confidence < 1, "--confidence: " + confidence + " is outside (0, 1);"
                + " a confidence level is a probability such as 0.95");
        Usage.require(spec, minimumN >= 0, "--min-n: " + minimumN + " is negative; it must be 0 or more");
        Usage.require(spec, groupBy == null || !groupBy.isBlank(), "--group-by: the name is blank");
        boolean byJourneyStage = groupBy != null && groupBy.strip().equals(JOURNEY_STAGE);
        Usage.require(spec, !byJourneyStage || map != null, "--group-by journey-stage: needs --map FILE.json, the"
                + " journey map whose stages the respondents are placed in");
        Usage.require(spec, map == null || byJourneyStage, "--map: is used with --group-by journey-stage only");
        FeedbackScale scale = scale();
        FeedbackBreakdown.Builder<R> breakdown = FeedbackBreakdown.custom(metric(scale, confidence)).minimumN(minimumN);
        ZoneId zone = periodZone.zone(input);
        Optional<GroupKey> field = byJourneyStage ? Optional.of(journeyStages(scale))
                : Optional.ofNullable(groupBy).flatMap(FeedbackScoreCommand::field);
        boolean csv = input.format() == EventInputOptions.Format.CSV;
        // A name that is no field must be a CSV column (checked in the header, before reading) or the attribute
        // of at least one NDJSON response (checked while streaming, decided at the end).
        boolean attributeToFind = groupBy != null && field.isEmpty() && !csv;
        if (groupBy != null && field.isEmpty() && csv) {
            requireColumn(input.csvColumns());
            input.mapping().copyIntoAttributes(groupBy);
        }
        if (groupBy != null) {
            breakdown.groupBy(field.orElseGet(() -> GroupKeys.attribute(groupBy)));
        }
        if (period != null) {
            breakdown.per(period, zone);
        }
        BreakdownAccumulator<R> counts = breakdown.build().accumulator();
        boolean[] attributeSeen = {false};
        ImportReport report = input.importInto(event -> {
            if (event instanceof FeedbackResponse response) {
                counts.add(response);
                attributeSeen[0] |= attributeToFind && response.attributes().containsKey(groupBy);
            }
        }, Optional.of(EventType.FEEDBACK), Optional.of(scale));
        if (attributeToFind) {
            Usage.require(spec, attributeSeen[0], "--group-by: \"" + groupBy + "\" is neither one of "
                    + String.join(", ", FIELDS) + " nor an attribute of any response in " + input.input());
        }
        Breakdown<R> result = counts.result();
        return Report.of(toJson(result, report, scale, zone), (json, out) -> printTable(out, result, report, scale,
                zone));
    }

    /**
     * Tracks every event of the file the map places, and returns the key that groups a response by the stage
     * its respondent was in when answering: the tracker's, so that cxm-metrics never sees cxm-journey.
     */
    private GroupKey journeyStages(FeedbackScale scale) throws java.io.IOException {
        JourneyMap journeyMap = JourneyMapFile.read(map);
        StageTracker tracker = StageTracking.custom(journeyMap).tolerance(ChronoUnit.FOREVER.getDuration()).build()
                .tracker();
        input.importInto(tracker::track, Optional.of(EventType.FEEDBACK), Optional.of(scale));
        return tracker.stageKey();
    }

    /**
     * Returns the scale the metric counts: the one {@code --scale} names, else the command's own. Rows of a
     * file without a scale column are on it; rows of a scale column on another scale are not counted.
     */
    private FeedbackScale scale() {
        Optional<String> text = input.mapping().scale();
        if (text.isEmpty()) {
            return defaultScale();
        }
        FeedbackScale scale;
        try {
            scale = FeedbackScale.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--scale: " + e.getMessage());
        }
        Usage.require(spec, !onlyOwnScale() || scale.equals(defaultScale()), "--scale " + scale + " is not the "
                + metricName().toUpperCase(Locale.ROOT) + " scale; " + metricName() + " counts responses on "
                + defaultScale() + " (use csat --scale for another rating scale)");
        return scale;
    }

    /**
     * Returns the library's key for the event field {@code name} stands for, when it is one of {@link #FIELDS}
     * (or an id column's name, {@code touchpoint_id} or {@code survey_id}); any other name is a column or
     * attribute, even one {@link GroupKeys#builtIn} knows for other events (such as {@code outcome}).
     */
    static Optional<GroupKey> field(String name) {
        return GroupKeys.builtIn(name).filter(key -> FIELDS.contains(key.name()));
    }

    private void requireColumn(List<String> columns) {
        Usage.require(spec, columns.contains(groupBy), "--group-by: \"" + groupBy + "\" is neither one of "
                + String.join(", ", FIELDS) + " nor a column of " + input.input() + ", whose columns are "
                + String.join(", ", columns));
    }

    private ObjectNode toJson(Breakdown<R> breakdown, ImportReport report, FeedbackScale scale, ZoneId zone) {
        ObjectNode root = JsonOutput.objectNode();
        root.put("metric", metricName());
        root.put("input", input.input().toString());
        root.put("scale", scale.toString());
        root.setAll(resultJson(breakdown.overall()));
        root.put("belowMinimumN", breakdown.overallBelowMinimumN());
        root.put("rowsRead", report.rowsRead());
        root.put("rejectedRows", report.rejectedCount());
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
        breakdown.calendarPeriod().ifPresent(p -> {
            root.put("period", p.name().toLowerCase(Locale.ROOT));
            root.put("zone", zone.getId());
            root.set("periods", periodsJson(breakdown.periods()));
        });
        return root;
    }

    private ArrayNode periodsJson(List<PeriodResult<R>> periods) {
        ArrayNode array = JsonOutput.objectNode().arrayNode();
        for (PeriodResult<R> result : periods) {
            ObjectNode node = array.addObject();
            node.put("start", result.period().start().toString());
            node.put("end", result.period().end().toString());
            node.put("belowMinimumN", result.belowMinimumN());
            node.setAll(resultJson(result.result()));
        }
        return array;
    }

    /** Returns the result's fields, an absent value as an explicit {@code null}. */
    private ObjectNode resultJson(R result) {
        ObjectNode node = JsonOutput.tree(result);
        node.remove("scale");
        return node;
    }

    private void printTable(TextOut out, Breakdown<R> breakdown, ImportReport report, FeedbackScale scale,
            ZoneId zone) {
        out.printf("%s of %s (scale %s, %s%% confidence)%n", metricName().toUpperCase(Locale.ROOT), input.input(),
                scale, trimmed(100 * confidence));
        printRow(out, "overall", breakdown.overall(), breakdown.overallBelowMinimumN());
        if (groupBy != null) {
            out.printf("By %s:%n", groupBy);
            breakdown.groups().forEach(group -> printRow(out, group.group(), group.result(), group.belowMinimumN()));
        }
        breakdown.calendarPeriod().ifPresent(p -> {
            out.printf("By %s (%s):%n", p.name().toLowerCase(Locale.ROOT), zone.getId());
            breakdown.periods().forEach(r -> printRow(out, r.period().start().toString(), r.result(), r.belowMinimumN()));
        });
        boolean anyFlagged = breakdown.overallBelowMinimumN()
                || breakdown.groups().stream().anyMatch(GroupResult::belowMinimumN)
                || breakdown.periods().stream().anyMatch(PeriodResult::belowMinimumN);
        if (anyFlagged) {
            out.printf("* effective sample size below %d: too few responses to rely on%n", breakdown.minimumN());
        }
        if (breakdown.otherScales() > 0 || report.rejectedCount() > 0) {
            out.printf("Not counted: %d responses on other scales, %d rejected rows%n", breakdown.otherScales(),
                    report.rejectedCount());
            RejectedRows.print(out, report);
        }
    }

    private void printRow(TextOut out, String label, R result, boolean flagged) {
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
