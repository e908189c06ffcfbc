package dev.cxm.examples.cli.text;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.examples.cli.common.CsvCells;
import dev.cxm.examples.cli.common.JsonOutput;
import dev.cxm.examples.cli.common.OutputFile;
import dev.cxm.examples.cli.common.RawCsvOption;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.Estimate;
import dev.cxm.metrics.text.SentimentAccumulator;
import dev.cxm.metrics.text.SentimentAnalyzer;
import dev.cxm.metrics.text.SentimentResult;
import dev.cxm.metrics.text.SentimentScore;
import dev.cxm.metrics.text.SentimentSummary;
import dev.cxm.metrics.text.TextRow;
import dev.cxm.metrics.text.VaderSentiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cxm sentiment}: the sentiment of every text of a CSV file (VADER's rules on its published lexicon), its
 * summary overall and per group, and optionally each text's scores as CSV. The file streams: rows are scored and
 * written one by one.
 */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Score the sentiment of each text of a CSV file and summarise it overall and per group:"
                + " mean compound score, positive and negative shares, intensity, strongly negative share.")
public final class SentimentCommand extends ReportCommand {

    @Mixin
    TextInputOptions input;

    @Option(names = "--id-column", paramLabel = "C",
            description = "The column of each row's id, for --output (default: the row number).")
    String idColumn;

    @Option(names = "--group-by", paramLabel = "NAME", description = "A column to summarise per value of.")
    String groupBy;

    @Option(names = "--output", paramLabel = "FILE", description = "Write each text's scores as CSV:"
            + " id,compound,positive,neutral,negative.")
    Path output;

    @Mixin
    RawCsvOption rawCsv;

    /**
     * The JSON result of {@code cxm sentiment --json}: the overall summary's fields at the top level, and with
     * {@code --group-by} one object per group (its {@code group} name and the same fields) under {@code groups}.
     */
    @Override
    protected Report<ObjectNode> report() throws Exception {
        Optional<OutputFile> file = Optional.ofNullable(output).map(path -> OutputFile.checked(path, input.input));
        CsvCells csv = rawCsv.cells(spec, file.isPresent());
        SentimentAnalyzer analyzer = VaderSentiment.ofDefaults();
        SentimentSummary summary = SentimentSummary.ofDefaults();
        SentimentAccumulator overall = summary.accumulator();
        Map<String, SentimentAccumulator> groups = new TreeMap<>();
        Optional<TextInputOptions.Column> id = Optional.ofNullable(idColumn)
                .map(name -> new TextInputOptions.Column(name, "--id-column"));
        Optional<TextInputOptions.Column> group = Optional.ofNullable(groupBy)
                .map(name -> new TextInputOptions.Column(name, "--group-by"));
        long[] rows = new long[1];
        Scorer scorer = (row, output) -> {
            SentimentScore score = analyzer.score(row.text());
            overall.add(score);
            row.group().ifPresent(name -> groups.computeIfAbsent(name.isEmpty() ? GroupKeys.NO_VALUE : name,
                    k -> summary.accumulator()).add(score));
            if (output.isPresent()) {
                output.get().write((row.id().isPresent() ? csv.text(row.id().get()) : CsvCells.number(row.row())) + ","
                        + CsvCells.number(score.compound()) + "," + CsvCells.number(score.positive()) + ","
                        + CsvCells.number(score.neutral()) + "," + CsvCells.number(score.negative()) + "\n");
            }
        };
        if (file.isPresent()) {
            file.get().write(writer -> {
                writer.write("id,compound,positive,neutral,negative\n");
                rows[0] = input.read(id, group, row -> scorer.score(row, Optional.of(writer)));
            });
        } else {
            rows[0] = input.read(id, group, row -> scorer.score(row, Optional.empty()));
        }
        ObjectNode json = JsonOutput.objectNode();
        json.put("input", input.input.toString());
        json.put("textColumn", input.textColumn);
        json.put("rows", rows[0]);
        json.setAll(JsonOutput.tree(overall.result()));
        json.put("groupBy", groupBy);
        List<ObjectNode> groupNodes = new ArrayList<>();
        groups.forEach((name, accumulator) -> {
            ObjectNode node = JsonOutput.objectNode().put("group", name);
            node.setAll(JsonOutput.tree(accumulator.result()));
            groupNodes.add(node);
        });
        json.putArray("groups").addAll(groupNodes);
        json.put("output", output == null ? null : output.toString());
        Map<String, SentimentResult> groupResults = new TreeMap<>();
        groups.forEach((name, accumulator) -> groupResults.put(name, accumulator.result()));
        SentimentResult overallResult = overall.result();
        return Report.of(json, (ignored, out) -> printText(out, overallResult, groupResults));
    }

    /** Scores one row, and writes its line when there is an output. */
    @FunctionalInterface
    private interface Scorer {
        void score(TextRow row, Optional<Writer> output) throws IOException;
    }

    private void printText(TextOut out, SentimentResult overall, Map<String, SentimentResult> groups) {
        out.printf("Sentiment of %s (column %s): %,d texts, %d blank, %d truncated%n", input.input, input.textColumn,
                overall.n(), overall.blank(), overall.truncated());
        line(out, "mean compound", estimate(overall.meanCompound(), false));
        line(out, "positive (>= " + number(overall.neutralBand()) + ")", estimate(overall.positiveShare(), true));
        line(out, "negative (<= -" + number(overall.neutralBand()) + ")", estimate(overall.negativeShare(), true));
        line(out, "intensity (mean |compound|)", estimate(overall.intensity(), false));
        line(out, "strongly negative (<= " + number(overall.strongNegativeThreshold()) + ")",
                estimate(overall.strongNegativeShare(), true));
        if (groupBy != null) {
            out.printf("By %s (rows without a value: %s):%n", groupBy, GroupKeys.NO_VALUE);
            out.printf("  %-20s %8s %8s %9s %9s %9s %11s%n", "group", "n", "mean", "positive", "negative", "intensity",
                    "strong neg.");
            groups.forEach((name, result) -> out.printf(Locale.ROOT, "  %-20s %8d %8s %9s %9s %9s %11s%n", name,
                    result.n(), value(result.meanCompound(), false), value(result.positiveShare(), true),
                    value(result.negativeShare(), true), value(result.intensity(), false),
                    value(result.strongNegativeShare(), true)));
        }
        if (output != null) {
            out.printf("Wrote each text's scores to %s%n", output);
        }
    }

    private static void line(TextOut out, String label, String value) {
        out.printf("  %-29s %s%n", label, value);
    }

    private static String estimate(Optional<Estimate> estimate, boolean share) {
        if (estimate.isEmpty()) {
            return "-";
        }
        String value = value(estimate, share);
        return estimate.get().interval().map(i -> value + "  (" + percentOr(i.lower(), share) + " .. "
                + percentOr(i.upper(), share) + ", " + level(i) + " " + i.method() + ")").orElse(value);
    }

    private static String value(Optional<Estimate> estimate, boolean share) {
        return estimate.map(e -> percentOr(e.value(), share)).orElse("-");
    }

    private static String percentOr(double value, boolean share) {
        return share ? String.format(Locale.ROOT, "%.1f%%", 100 * value) : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String level(ConfidenceInterval interval) {
        return number(100 * interval.level()) + "%";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
