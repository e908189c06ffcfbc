package dev.cxm.examples.cli.journey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.examples.cli.common.CsvMappingOptions;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.JsonOutput;
import dev.cxm.examples.cli.common.RejectedRows;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.funnel.Attribution;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelCounting;
import dev.cxm.journey.funnel.FunnelGroupResult;
import dev.cxm.journey.funnel.FunnelOrder;
import dev.cxm.journey.funnel.FunnelResult;
import dev.cxm.journey.funnel.FunnelStep;
import dev.cxm.journey.funnel.FunnelStepResult;
import dev.cxm.journey.funnel.WilsonInterval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code cxm journey funnel}: how many customers take a sequence of touchpoints, step by step. */
@Command(name = "funnel", mixinStandardHelpOptions = true,
        description = "A conversion funnel over touchpoints: customers per step, conversion with Wilson intervals,"
                + " time to convert, drop-offs; optionally broken down by a field or column.")
final class FunnelCommand extends ReportCommand {

    private static final Pattern EXCLUSION = Pattern.compile("(.+?)(?::(\\d+)-(\\d+))?");

    @Mixin
    EventInputOptions input;

    @Option(names = "--steps", required = true, split = ",", paramLabel = "TOUCHPOINT",
            description = "The steps, as touchpoint ids in order, comma-separated: home,product,checkout.")
    List<String> steps;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "P14D",
            description = "Conversion window from the first step to the last, ISO-8601 (P7D, PT2H) (default: P14D).")
    Duration window;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "ordered",
            description = "ordered (other events may come between steps), strict (none may) or unordered (any"
                    + " order) (default: ${DEFAULT-VALUE}).")
    String order;

    @Option(names = "--counting", paramLabel = "COUNTING", defaultValue = "first-completion",
            description = "first-completion (each customer once, by the path that got furthest first) or every-attempt"
                    + " (each try counts; counts are attempts) (default: ${DEFAULT-VALUE}).")
    String counting;

    @Option(names = "--exclude", paramLabel = "TOUCHPOINT[:FROM-TO]",
            description = "A touchpoint that interrupts the funnel between two steps (default: between the first"
                    + " and the last); repeatable: --exclude hotline:2-3.")
    List<String> exclusions = new ArrayList<>();

    @Option(names = "--breakdown", paramLabel = "NAME",
            description = "Break the funnel down by a field (channel, touchpoint, stage, ...) or a CSV column /"
                    + " NDJSON attribute.")
    String breakdown;

    @Option(names = "--attribution", paramLabel = "WHICH", defaultValue = "first",
            description = "Which event gives a customer's group: first (the first step), last (the last step"
                    + " reached) or step:N (default: ${DEFAULT-VALUE}).")
    String attribution;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the Wilson intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--drop-off-sample", paramLabel = "N", defaultValue = "10",
            description = "Name up to N customers who dropped off after each step (default: ${DEFAULT-VALUE}).")
    int dropOffSample;

    @Override
    protected Report<?> report() throws Exception {
        Usage.require(spec, confidence > 0 && confidence < 1, "--confidence: " + confidence + " is outside (0, 1);"
                + " a confidence level is a probability such as 0.95");
        List<FunnelStep> funnelSteps = new ArrayList<>();
        for (String step : steps) {
            Usage.require(spec, !step.isBlank(), "--steps: a step is blank; name each step by its touchpoint id");
            option("--steps", () -> funnelSteps.add(FunnelStep.touchpoint(step.strip())));
        }
        Funnel.Builder builder = Funnel.custom(funnelSteps);
        option("--window", () -> builder.window(window));
        option("--order", () -> builder.order(FunnelOrder.parse(order)));
        option("--counting", () -> builder.counting(FunnelCounting.parse(counting)));
        option("--confidence", () -> builder.level(confidence));
        option("--drop-off-sample", () -> builder.dropOffSample(dropOffSample));
        for (String exclusion : exclusions) {
            Matcher parts = EXCLUSION.matcher(exclusion.strip());
            Usage.require(spec, parts.matches(), "--exclude: \"" + exclusion + "\" is not TOUCHPOINT or"
                    + " TOUCHPOINT:FROM-TO");
            int from = parts.group(2) == null ? 1 : Integer.parseInt(parts.group(2));
            int to = parts.group(3) == null ? funnelSteps.size() : Integer.parseInt(parts.group(3));
            Usage.require(spec, to > from || parts.group(2) != null, "--exclude: a funnel of one step has no"
                    + " steps to exclude between");
            option("--exclude", () -> builder.exclude(EventMatcher.touchpoint(parts.group(1)), from, to));
        }
        if (breakdown != null) {
            GroupKey key = JourneyInput.groupKey(spec, input, "--breakdown", breakdown);
            Attribution by = attribution();
            option("--attribution", () -> builder.breakdown(key, by));
        }
        Funnel funnel = buildFunnel(builder);
        InMemoryEventStore store = InMemoryEventStore.create();
        ImportReport imported = JourneyInput.read(input, store);
        FunnelResult result = funnel.compute(store);
        return Report.of(toJson(result, imported), (json, out) -> print(out, result, imported));
    }

    private Funnel buildFunnel(Funnel.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException refused) {
            String rule = refused.getMessage().replaceFirst("^exclusions: ", "");
            throw new ParameterException(spec.commandLine(), "--exclude: " + rule);
        }
    }

    private void option(String name, Runnable apply) {
        CsvMappingOptions.option(spec.commandLine(), name, apply);
    }

    private Attribution attribution() {
        String text = attribution.strip().toLowerCase(Locale.ROOT);
        if (text.equals("first")) {
            return Attribution.firstTouch();
        }
        if (text.equals("last")) {
            return Attribution.lastTouch();
        }
        if (text.matches("step:\\d{1,2}")) {
            int step = Integer.parseInt(text.substring(5));
            Usage.require(spec, step >= 1 && step <= steps.size(), "--attribution: step " + step + " is not one of the"
                    + " funnel's " + steps.size() + " steps");
            return Attribution.atStep(step);
        }
        throw new ParameterException(spec.commandLine(), "--attribution: \"" + attribution + "\" is not first, last"
                + " or step:N");
    }

    private ObjectNode toJson(FunnelResult result, ImportReport imported) {
        ObjectNode root = JsonOutput.objectNode();
        root.put("input", input.input().toString());
        root.put("window", window.toString());
        root.setAll(JsonOutput.tree(result));
        root.put("order", result.order().cliName());
        root.put("counting", result.counting().cliName());
        root.put("rowsRead", imported.rowsRead());
        root.put("rejectedRows", imported.rejectedCount());
        return root;
    }

    private void print(TextOut out, FunnelResult result, ImportReport imported) {
        out.printf("Funnel of %s (%s, window %s, %s%% confidence): %d customers read%n", input.input(),
                result.order().cliName(), window, trimmed(100 * confidence), result.customers());
        if (result.counting() == FunnelCounting.EVERY_ATTEMPT) {
            out.printf("Counting every attempt: the counts are attempts, several per customer%n");
        }
        printSteps(out, result.steps(), "  ");
        result.breakdown().ifPresent(name -> {
            out.printf("By %s (%s):%n", name, attribution.strip().toLowerCase(Locale.ROOT));
            for (FunnelGroupResult group : result.groups()) {
                out.printf("  %s%n", group.group());
                printSteps(out, group.steps(), "    ");
            }
        });
        result.warnings().forEach(warning -> out.printf("Warning: %s%n", warning));
        if (imported.rejectedCount() > 0) {
            out.printf("Not counted: %d rejected rows%n", imported.rejectedCount());
            RejectedRows.print(out, imported);
        }
    }

    private static void printSteps(TextOut out, List<FunnelStepResult> steps, String indent) {
        out.printf("%s%-4s %-20s %10s  %-26s %-26s %s%n", indent, "step", "name", "customers", "from start",
                "from previous", "median time (25th-75th)");
        for (FunnelStepResult step : steps) {
            String time = step.medianTimeToConvert().map(TextOut::duration)
                    .map(median -> median + " (" + TextOut.duration(step.lowerQuartileTimeToConvert().orElseThrow())
                            + " - " + TextOut.duration(step.upperQuartileTimeToConvert().orElseThrow()) + ")")
                    .orElse("-");
            out.printf("%s%-4d %-20s %10d  %-26s %-26s %s%n", indent, step.step(), step.name(), step.count(),
                    rate(step.conversionFromStart(), step.conversionFromStartInterval()),
                    rate(step.conversionFromPrevious(), step.conversionFromPreviousInterval()), time);
        }
        for (FunnelStepResult step : steps) {
            if (step.droppedOffCount() > 0) {
                out.printf("%sdropped off after %s: %d (%s%s)%n", indent, step.name(), step.droppedOffCount(),
                        String.join(", ", step.droppedOff().stream().map(CustomerId::value).toList()),
                        step.droppedOffCount() > step.droppedOff().size() ? ", ..." : "");
            }
        }
    }

    private static String rate(java.util.OptionalDouble value, Optional<WilsonInterval> interval) {
        if (value.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * value.getAsDouble(),
                100 * interval.orElseThrow().lower(), 100 * interval.orElseThrow().upper());
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
