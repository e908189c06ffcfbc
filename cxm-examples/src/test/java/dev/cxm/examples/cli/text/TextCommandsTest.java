package dev.cxm.examples.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.io.CxmJson;
import dev.cxm.examples.cli.CliRun;
import dev.cxm.metrics.text.SentimentAccumulator;
import dev.cxm.metrics.text.SentimentScore;
import dev.cxm.metrics.text.SentimentSummary;
import dev.cxm.metrics.text.Themes;
import dev.cxm.metrics.text.VaderSentiment;

/**
 * {@code cxm sentiment} and {@code cxm themes} on small files written by each test. The oracle of every number is
 * the library itself called by the test on the same texts (the CLI computes nothing of its own), with the
 * directions and counts worked by hand in comments; then the output rules (the exact CSV header, the formula
 * guard and {@code --raw-csv}, an output that is the input) and the one-line errors, which never repeat a cell.
 */
class TextCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final VaderSentiment VADER = VaderSentiment.ofDefaults();

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return path;
    }

    private static final String COMMENTS = "id,segment,comment\n"
            + "a,gold,\"Great service, very friendly!\"\n"
            + "b,gold,The agent was not helpful at all.\n"
            + "=cmd,silver,TERRIBLE wait times\n"
            + "d,,\n";

    @Test
    void sentimentJsonIsTheLibrarysSummaryOverallAndPerGroup() throws IOException {
        Path input = file("comments.csv", COMMENTS);
        CliRun run = CliRun.of("sentiment", "--input", input.toString(), "--text-column", "comment", "--group-by",
                "segment", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());

        List<String> texts = List.of("Great service, very friendly!", "The agent was not helpful at all.",
                "TERRIBLE wait times", "");
        SentimentAccumulator all = SentimentSummary.ofDefaults().accumulator();
        texts.stream().map(VADER::score).forEach(all::add);
        JsonNode expected = tree(all.result());
        expected.fields().forEachRemaining(field -> assertThat(json.get(field.getKey())).as(field.getKey())
                .isEqualTo(field.getValue()));
        assertThat(json.get("rows").asLong()).isEqualTo(4);
        assertThat(json.get("n").asLong()).isEqualTo(4);
        assertThat(json.get("blank").asLong()).as("row d's empty text").isEqualTo(1);
        // Groups by name: "(none)" (d's empty cell), gold (a positive, b negative), silver (negative).
        JsonNode groups = json.get("groups");
        assertThat(groups).extracting(g -> g.get("group").asText()).containsExactly("(none)", "gold", "silver");
        SentimentAccumulator gold = SentimentSummary.ofDefaults().accumulator().add(VADER.score(texts.get(0)))
                .add(VADER.score(texts.get(1)));
        JsonNode goldJson = groups.get(1);
        tree(gold.result()).fields().forEachRemaining(field ->
                assertThat(goldJson.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue()));
        assertThat(goldJson.get("positiveShare").get("value").asDouble()).isEqualTo(0.5);
        assertThat(goldJson.get("negativeShare").get("value").asDouble()).isEqualTo(0.5);
        assertThat(groups.get(2).get("meanCompound").get("value").asDouble()).isNegative();
        assertThat(json.get("groupBy").asText()).isEqualTo("segment");
        assertThat(json.get("output").isNull()).isTrue();
    }

    @Test
    void sentimentOutputHasExactlyTheFiveColumnsAndGuardsIdsAgainstFormulas() throws IOException {
        Path input = file("comments.csv", COMMENTS);
        Path output = dir.resolve("scores.csv");
        CliRun run = CliRun.of("sentiment", "--input", input.toString(), "--text-column", "comment", "--id-column",
                "id", "--output", output.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines.get(0)).isEqualTo("id,compound,positive,neutral,negative");
        SentimentScore a = VADER.score("Great service, very friendly!");
        assertThat(lines.get(1)).isEqualTo("a," + a.compound() + "," + a.positive() + "," + a.neutral() + ","
                + a.negative());
        assertThat(lines.get(3)).startsWith("'=cmd,");
        assertThat(lines.get(4)).isEqualTo("d,0.0,0.0,1.0,0.0");
        assertThat(run.out()).contains("4 texts, 1 blank, 0 truncated").contains("Wrote each text's scores to");

        CliRun raw = CliRun.of("sentiment", "--input", input.toString(), "--text-column", "comment", "--id-column",
                "id", "--output", output.toString(), "--raw-csv");
        assertThat(raw.exitCode()).isZero();
        assertThat(Files.readAllLines(output).get(3)).startsWith("=cmd,");

        // Without --id-column, the id is the row number.
        CliRun numbered = CliRun.of("sentiment", "--input", input.toString(), "--text-column", "comment", "--output",
                output.toString());
        assertThat(numbered.exitCode()).isZero();
        assertThat(Files.readAllLines(output).get(2)).startsWith("2,");
    }

    @Test
    void sentimentRefusesAnOutputThatIsTheInputAndRawCsvWithoutAnOutput() throws IOException {
        Path input = file("comments.csv", COMMENTS);
        CliRun same = CliRun.of("sentiment", "--input", input.toString(), "--text-column", "comment", "--output",
                input.toString());
        assertThat(same.exitCode()).isEqualTo(1);
        assertThat(same.err()).contains("it is the input");
        assertThat(Files.readString(input)).isEqualTo(COMMENTS);
        CliRun raw = CliRun.of("sentiment", "--input", input.toString(), "--text-column", "comment", "--raw-csv");
        assertThat(raw.exitCode()).isEqualTo(2);
        assertThat(raw.err()).startsWith("cxm: --raw-csv applies to the CSV file of --output");
    }

    @Test
    void badFilesAreOneLineThatNamesTheRowOrColumnButNoCell() throws IOException {
        Path ragged = file("ragged.csv", "id,comment\na,fine\nb,my secret complaint,extra\n");
        CliRun run = CliRun.of("sentiment", "--input", ragged.toString(), "--text-column", "comment");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("cxm: " + ragged + ": row 2: 3 columns, the header has 2; every row must have"
                + " exactly the header's columns" + System.lineSeparator()).doesNotContain("secret");

        Path input = file("comments.csv", COMMENTS);
        CliRun missing = CliRun.of("sentiment", "--input", input.toString(), "--text-column", "text");
        assertThat(missing.err()).isEqualTo("cxm: column \"text\" (--text-column) is not in the header of " + input
                + System.lineSeparator());
        CliRun group = CliRun.of("sentiment", "--input", input.toString(), "--text-column", "comment", "--group-by",
                "plan");
        assertThat(group.err()).contains("column \"plan\" (--group-by) is not in the header");
        CliRun absent = CliRun.of("sentiment", "--input", dir.resolve("nope.csv").toString(), "--text-column", "c");
        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.err()).startsWith("cxm: file not found");

        Path unclosed = file("unclosed.csv", "id,comment\na,\"never closed\n");
        CliRun broken = CliRun.of("themes", "--input", unclosed.toString(), "--text-column", "comment",
                "--split-column", "id", "--split-value", "a");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).startsWith("cxm: " + unclosed + " is not readable CSV").doesNotContain("never");
    }

    @Test
    void groupNamesFromTheFileAreEscapedInText() throws IOException {
        Path input = file("evil.csv", "segment,comment\n\"bad\u001b[2Jname\",good\n");
        CliRun run = CliRun.of("sentiment", "--input", input.toString(), "--text-column", "comment", "--group-by",
                "segment");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("bad\\u001B[2Jname").doesNotContain("\u001b");
    }

    private static final String SURVEY = "segment,comment\n"
            + "detractor,slow delivery\n"
            + "detractor,\"slow refund, not helpful\"\n"
            + "promoter,fast delivery\n"
            + "promoter,helpful staff\n";

    @Test
    void themesJsonIsTheLibrarysComparisonOfTheSplit() throws IOException {
        Path input = file("survey.csv", SURVEY);
        CliRun run = CliRun.of("themes", "--input", input.toString(), "--text-column", "comment", "--split-column",
                "segment", "--split-value", "detractor", "--top", "2", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        JsonNode expected = tree(Themes.custom().top(2).build().compare(
                List.of("slow delivery", "slow refund, not helpful"), List.of("fast delivery", "helpful staff")));
        expected.fields().forEachRemaining(field -> assertThat(json.get(field.getKey())).as(field.getKey())
                .isEqualTo(field.getValue()));
        // By hand (ThemesTest): no term reaches 3 occurrences in this file, so nothing is listed; 7 and 6 terms.
        assertThat(json.get("focusTerms").asLong()).isEqualTo(7);
        assertThat(json.get("restTerms").asLong()).isEqualTo(6);
        assertThat(json.get("focusTexts").asLong()).isEqualTo(2);
        assertThat(json.get("splitValue").asText()).isEqualTo("detractor");
    }

    @Test
    void themesTextListsEachSideAndAnEmptySplitFails() throws IOException {
        Path input = file("survey.csv", SURVEY + "detractor,slow app\n");
        CliRun run = CliRun.of("themes", "--input", input.toString(), "--text-column", "comment", "--split-column",
                "segment", "--split-value", "detractor");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // slow: 3 among the detractors, 0 among the promoters: the one term listed.
        assertThat(run.out()).contains("3 texts with segment = detractor against 2 others")
                .containsPattern("slow\\s+3\\s+0").contains("More in the others:\n  (none)");

        CliRun none = CliRun.of("themes", "--input", input.toString(), "--text-column", "comment", "--split-column",
                "segment", "--split-value", "passive");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("nothing to compare: no row of " + input + " has segment = passive");
        CliRun top = CliRun.of("themes", "--input", input.toString(), "--text-column", "comment", "--split-column",
                "segment", "--split-value", "detractor", "--top", "0");
        assertThat(top.exitCode()).isEqualTo(2);
        assertThat(top.err()).startsWith("cxm: --top: 0 is below 1");
    }

    @Test
    void theBundledSampleShowsDetractorsNegativeAndPromotersPositive() {
        // samples/comments.csv: 20 synthetic comments, 8 detractors, 8 promoters, 4 passives (one blank).
        CliRun run = CliRun.of("sentiment", "--input", "samples/comments.csv", "--text-column", "comment",
                "--group-by", "segment", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode groups = readTree(run.out()).get("groups");
        assertThat(groups.get(0).get("group").asText()).isEqualTo("detractor");
        assertThat(groups.get(0).get("meanCompound").get("value").asDouble()).isNegative();
        assertThat(groups.get(2).get("group").asText()).isEqualTo("promoter");
        assertThat(groups.get(2).get("positiveShare").get("value").asDouble()).isEqualTo(1.0);
        CliRun themes = CliRun.of("themes", "--input", "samples/comments.csv", "--text-column", "comment",
                "--split-column", "segment", "--split-value", "detractor", "--json");
        assertThat(readTree(themes.out()).get("focus")).extracting(t -> t.get("term").asText())
                .contains("not helpful", "wait times");
    }

    /** Returns the library's JSON of {@code result}, as the command line writes it, read back as a tree. */
    private static JsonNode tree(Object result) throws IOException {
        return JSON.readTree(CxmJson.resultMapper().writeValueAsString(result));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
