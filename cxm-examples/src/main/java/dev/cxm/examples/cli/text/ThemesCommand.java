package dev.cxm.examples.cli.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.examples.cli.common.JsonOutput;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.metrics.text.Theme;
import dev.cxm.metrics.text.ThemeComparison;
import dev.cxm.metrics.text.Themes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cxm themes}: the words, phrases and negated words that distinguish the texts of the rows with one value
 * in a column (detractors, this month) from the other rows, ranked by the z-score of their log-odds ratio with an
 * informative Dirichlet prior. The texts are held in memory.
 */
@Command(name = "themes", mixinStandardHelpOptions = true,
        description = "Find the words and two-word phrases that distinguish the texts of the rows whose --split-column"
                + " is --split-value from the other rows (log-odds ratio with an informative Dirichlet prior, z-score).")
public final class ThemesCommand extends ReportCommand {

    @Mixin
    TextInputOptions input;

    @Option(names = "--split-column", required = true, paramLabel = "C", description = "The column that splits the rows.")
    String splitColumn;

    @Option(names = "--split-value", required = true, paramLabel = "V",
            description = "The value of --split-column of the focus group; every other row is the rest.")
    String splitValue;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "How many terms to list for each side (default: ${DEFAULT-VALUE}).")
    int top;

    /**
     * The JSON result of {@code cxm themes --json}: the input and split, then the comparison's fields
     * ({@code focusTexts}, {@code restTexts}, {@code focusTerms}, {@code restTerms}, {@code priorStrength},
     * {@code focus} and {@code rest}, each a list of terms with {@code term}, {@code focusCount},
     * {@code restCount}, {@code logOddsRatio}, {@code standardError} and {@code z}).
     */
    @Override
    protected Report<ObjectNode> report() throws Exception {
        Usage.require(spec, top >= 1, "--top: " + top + " is below 1; list at least one term");
        List<String> focus = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        input.read(Optional.empty(), Optional.of(new TextInputOptions.Column(splitColumn, "--split-column")),
                row -> (row.group().orElseThrow().equals(splitValue) ? focus : rest).add(row.text()));
        ThemeComparison comparison = Themes.custom().top(top).build().compare(focus, rest);
        ObjectNode json = JsonOutput.objectNode();
        json.put("input", input.input.toString());
        json.put("textColumn", input.textColumn);
        json.put("splitColumn", splitColumn);
        json.put("splitValue", splitValue);
        json.setAll(JsonOutput.tree(comparison));
        Report<ObjectNode> report = Report.of(json, (ignored, out) -> printText(out, comparison));
        if (focus.isEmpty() || rest.isEmpty()) {
            return report.failing("nothing to compare: " + (focus.isEmpty() ? "no row" : "every row") + " of "
                    + input.input + " has " + splitColumn + " = " + splitValue);
        }
        return report;
    }

    private void printText(TextOut out, ThemeComparison comparison) {
        out.printf("Themes of %s (column %s): %,d texts with %s = %s against %,d others%n", input.input,
                input.textColumn, comparison.focusTexts(), splitColumn, splitValue, comparison.restTexts());
        printTerms(out, "More in " + splitColumn + " = " + splitValue, comparison.focus());
        printTerms(out, "More in the others", comparison.rest());
    }

    private static void printTerms(TextOut out, String title, List<Theme> themes) {
        out.printf("%s:%n", title);
        if (themes.isEmpty()) {
            out.println("  (none)");
            return;
        }
        out.printf("  %-30s %7s %7s %9s %7s%n", "term", "here", "there", "log-odds", "z");
        for (Theme theme : themes) {
            out.printf(Locale.ROOT, "  %-30s %7d %7d %9.3f %7.2f%n", theme.term(), theme.focusCount(),
                    theme.restCount(), theme.logOddsRatio(), theme.z());
        }
    }
}
