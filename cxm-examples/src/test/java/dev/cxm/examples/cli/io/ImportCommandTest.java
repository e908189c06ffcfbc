package dev.cxm.examples.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.examples.cli.CliRun;

/**
 * {@code cxm import} on the bundled sample and on small files written here; expected counts are read off
 * the sample (30 rows: 13 interactions, 7 purchases, 10 feedback; row 26 has an NPS score of 12 and row 28
 * a negative amount).
 */
class ImportCommandTest {

    private static final String SAMPLE = "samples/events.csv";

    @Test
    void reportsCountsAndEachRejectedRowWhenSkipping() {
        CliRun run = CliRun.of("import", "--input", SAMPLE, "--on-error", "skip");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .containsPattern("rows read\\s+30")
                .containsPattern("stored\\s+28\\s+\\(13 interaction, 6 purchase, 9 feedback\\)")
                .containsPattern("rejected\\s+2")
                .containsPattern("customers\\s+7")
                .contains("line 26, column score: the value is outside the NPS scale 0..10")
                .contains("line 28, column amount: the value is negative; an amount must be 0 or more");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonOutputIsOneObjectWithTheCounts() throws IOException {
        CliRun run = CliRun.of("import", "--input", SAMPLE, "--on-error", "SKIP", "--json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(json.get("rowsRead").asLong()).isEqualTo(30);
        assertThat(json.get("stored").asLong()).isEqualTo(28);
        assertThat(json.get("byType").get("feedback").asLong()).isEqualTo(9);
        assertThat(json.get("rejected")).hasSize(2);
        assertThat(json.get("rejected").get(0).get("line").asLong()).isEqualTo(26);
        assertThat(json.get("rejected").get(0).get("column").asText()).isEqualTo("score");
    }

    @Test
    void failPolicyStopsWithOneLineAndExitCodeOne() {
        CliRun run = CliRun.of("import", "--input", SAMPLE);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).hasLineCount(1)
                .startsWith("cxm: import of samples/events.csv stopped at line 26, column score")
                .endsWith("nothing was kept (use --on-error skip to keep the good rows)");
    }

    @Test
    void writesAcceptedEventsAsNdjsonThatImportsBackClean(@TempDir Path dir) {
        Path ndjson = dir.resolve("events.ndjson");
        CliRun export = CliRun.of("import", "--input", SAMPLE, "--on-error", "skip", "--output", ndjson.toString());
        CliRun reimport = CliRun.of("import", "--input", ndjson.toString(), "--json");

        assertThat(export.exitCode()).isZero();
        assertThat(reimport.exitCode()).isZero();
        assertThat(reimport.out()).contains("\"rowsRead\" : 28").contains("\"rejectedCount\" : 0");
    }

    @Test
    void anOutputThatIsTheInputIsRefusedAndTheInputKept(@TempDir Path dir) throws IOException {
        // Issue 9: --output naming the input overwrote it (an NDJSON import read, then replaced, its own file).
        // Oracle: the file's bytes are unchanged after the refusal, under its own name and through a link.
        Path ndjson = dir.resolve("events.ndjson");
        assertThat(CliRun.of("import", "--input", SAMPLE, "--on-error", "skip", "--output", ndjson.toString())
                .exitCode()).isZero();
        byte[] before = Files.readAllBytes(ndjson);
        Path link = Files.createSymbolicLink(dir.resolve("same.ndjson"), ndjson);

        for (Path output : List.of(ndjson, link)) {
            CliRun run = CliRun.of("import", "--input", ndjson.toString(), "--output", output.toString());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip()).hasLineCount(1).isEqualTo("cxm: cannot write " + output + ": it is the"
                    + " input " + ndjson + ", which would be overwritten; name another file");
        }
        assertThat(Files.readAllBytes(ndjson)).isEqualTo(before);
    }

    @Test
    void anOutputIsReplacedWholeAndOnlyOnSuccess(@TempDir Path dir) throws IOException {
        // The output replaces the old file through a temporary one beside it (issue 9; a write failing half way
        // is OutputFileTest's, as no command fails there). Oracle: after a failed run (a bad row) the old
        // content is intact; after a successful one it is gone and no temporary file is left beside it.
        Path output = dir.resolve("out.ndjson");
        Files.writeString(output, "old content\n");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "customer_id,occurred_at,score,type,scale\nc1,2026-01-01,12,feedback,nps\n");

        CliRun failed = CliRun.of("import", "--input", bad.toString(), "--output", output.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(Files.readString(output)).isEqualTo("old content\n");

        CliRun run = CliRun.of("import", "--input", SAMPLE, "--on-error", "skip", "--output", output.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllLines(output)).hasSize(28).allSatisfy(line -> assertThat(line).startsWith("{"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("out.ndjson",
                    "bad.csv");
        }
    }

    @Test
    void mappingOptionsReadAFileWithOtherColumnNames(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("orders.txt");
        Files.writeString(csv, "cust;day;value\n7;19970102;12.50\n7;19970115;3.00\n8;19970103;8.99\n");

        CliRun run = CliRun.of("import", "--input", csv.toString(), "--type", "purchase", "--separator", ";",
                "--customer-column", "cust", "--time-column", "day", "--time-format", "yyyyMMdd",
                "--amount-column", "value", "--currency", "USD", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"purchase\" : 3").contains("\"customers\" : 2");
    }

    @Test
    void errorsAreOneLineWithoutStackTraceUnlessVerbose(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "customer_id,occurred_at\nc1,2026-01-01\n");

        CliRun missing = CliRun.of("import", "--input", dir.resolve("absent.csv").toString());
        CliRun badMapping = CliRun.of("import", "--input", csv.toString(), "--score-column", "rating");
        CliRun verbose = CliRun.of("--verbose", "import", "--input", csv.toString(), "--score-column", "rating");
        CliRun unknownFormat = CliRun.of("import", "--input", dir.resolve("x.xlsx").toString());
        CliRun usage = CliRun.of("import", "--input", csv.toString(), "--on-error", "maybe");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().strip()).hasLineCount(1).startsWith("cxm: file not found: ");
        assertThat(badMapping.exitCode()).isEqualTo(1);
        assertThat(badMapping.err().strip()).hasLineCount(1)
                .isEqualTo("cxm: column: \"rating\" is not in the header; the header has customer_id, occurred_at");
        assertThat(verbose.err()).contains("at dev.cxm.core");
        assertThat(unknownFormat.err()).contains("file not found");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--on-error").contains("Try 'cxm import --help'");
    }

    @Test
    void mistakesInMappingOptionsAreUsageErrorsNamingTheOption(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("events.csv");
        Files.writeString(csv, "customer_id,occurred_at,score\nc1,2026-01-01,9\n");
        Path ndjson = dir.resolve("events.ndjson");
        Files.writeString(ndjson, "");
        String[][] mistakes = {
                {"--currency", "XYZ"}, {"--channel", "tv"}, {"--type", "refund"}, {"--scale", "likert"},
                {"--time-format", "yyyy-MM-dd{"}, {"--duration-unit", "months"}, {"--duration-unit", "fortnights"},
                {"--zone", "Mars/Olympus"}};
        for (String[] mistake : mistakes) {
            CliRun run = CliRun.of("import", "--input", csv.toString(), mistake[0], mistake[1]);
            assertThat(run.exitCode()).as(String.join(" ", mistake) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", mistake)).startsWith("cxm: ").contains(mistake[0])
                    .contains("Try 'cxm import --help'").doesNotContain("Exception");
        }
        CliRun csvOnly = CliRun.of("import", "--input", ndjson.toString(), "--score-column", "rating");
        assertThat(csvOnly.exitCode()).isEqualTo(2);
        assertThat(csvOnly.err()).startsWith("cxm: --score-column: events.ndjson is NDJSON, whose events name their"
                + " fields; --score-column applies to CSV files only");
        assertThat(CliRun.of("import", "--input", ndjson.toString(), "--zone", "Europe/Berlin").exitCode()).isZero();
    }

    @Test
    void unreadableInputIsOneLineThatQuotesNothingOfTheFile(@TempDir Path dir) throws IOException {
        Path ndjson = dir.resolve("events.ndjson");
        Files.writeString(ndjson, "{\"type\":\"feedback\",\"customerId\":\"jane@example.com\"}\n");
        CliRun wrongFormat = CliRun.of("import", "--input", ndjson.toString(), "--format", "csv");
        assertThat(wrongFormat.exitCode()).isEqualTo(1);
        assertThat(wrongFormat.err().strip()).hasLineCount(1)
                .isEqualTo("cxm: header: the header row at line 1 cannot be read as CSV (the text is not well-formed CSV)");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "customer_id,occurred_at,score\nJos\u00e9,2026-01-01,9\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRun notUtf8 = CliRun.of("nps", "--input", latin1.toString());
        assertThat(notUtf8.exitCode()).isEqualTo(1);
        assertThat(notUtf8.err().strip()).isEqualTo("cxm: the input is not UTF-8 text; save it as UTF-8 and try again");
        Path cutShort = dir.resolve("cut.csv");
        Files.writeString(cutShort, "customer_id,occurred_at,score\nc1,2026-01-01,9\nc2,\"2026-01-01,9\nc3,2026-01-02,10\n");
        CliRun skipped = CliRun.of("nps", "--input", cutShort.toString(), "--on-error", "skip");
        assertThat(skipped.exitCode()).isEqualTo(1);
        assertThat(skipped.err().strip()).hasLineCount(1).startsWith("cxm: import of ").contains("line 3")
                .contains("the rest of the file was not read");
        CliRun noCustomer = CliRun.of("nps", "--input", dir.resolve("events.ndjson").toString().replace(".ndjson",
                ".csv"));
        assertThat(noCustomer.err()).contains("file not found");
        CliRun folder = CliRun.of("import", "--input", dir.toString(), "--format", "csv");
        assertThat(folder.err().strip()).isEqualTo("cxm: not a file: " + dir + " is a folder");
        CliRun output = CliRun.of("import", "--input", ndjson.toString(), "--output",
                dir.resolve("absent").resolve("x.ndjson").toString());
        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains("cannot write").contains("does not exist");
    }

    @Test
    void aHeaderWithoutTheCustomerColumnFailsOnceNotForEveryRow(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("scores.csv");
        Files.writeString(csv, "occurred_at,score\n2026-01-01,9\n2026-01-02,7\n");
        CliRun run = CliRun.of("nps", "--input", csv.toString(), "--on-error", "skip");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).hasLineCount(1).isEqualTo("cxm: column: \"customer_id\" is not in the header and"
                + " no fixed value is set, but every event needs a value for customer; the header has occurred_at, score");
    }

    @Test
    void aSurveyExportWithoutATouchpointKeepsItsChannel(@TempDir Path dir) throws IOException {
        // Issue 9, item 1: every response of this export was grouped under "(none)". Expected groups read off the
        // file: one promoter on web, one detractor on phone.
        Path csv = dir.resolve("survey.csv");
        Files.writeString(csv, "customer_id,channel,score,responded_at\nc1,web,9,2026-01-01\nc2,phone,3,2026-01-02\n");

        CliRun run = CliRun.of("nps", "--input", csv.toString(), "--time-column", "responded_at", "--group-by",
                "channel", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode groups = new ObjectMapper().readTree(run.out()).get("groups");
        assertThat(groups.toString()).contains("\"web\"").contains("\"phone\"").doesNotContain("(none)");
    }

    @Test
    void importCountsLocalTimesPlacedByTheDaylightSavingRule(@TempDir Path dir) throws IOException {
        // Issue 9, item 6: Berlin skips 02:00-03:00 on 2026-03-29 and repeats 02:00-03:00 on 2026-10-25; two of
        // the three rows fall in those hours.
        Path csv = dir.resolve("scores.csv");
        Files.writeString(csv, "customer_id,occurred_at,score\nc1,2026-03-29 02:30,9\nc2,2026-10-25 02:30,9\n"
                + "c3,2026-10-25 12:00,9\n");

        CliRun text = CliRun.of("import", "--input", csv.toString(), "--type", "feedback", "--scale", "nps", "--zone",
                "Europe/Berlin");
        CliRun json = CliRun.of("import", "--input", csv.toString(), "--type", "feedback", "--scale", "nps", "--zone",
                "Europe/Berlin", "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("DST-placed\\s+2");
        assertThat(new ObjectMapper().readTree(json.out()).get("daylightSavingRows").asLong()).isEqualTo(2);
    }

    @Test
    void aHugeAmountIsOneRejectedRowInSkipMode(@TempDir Path dir) throws IOException {
        // Issue 9, item 7: 1e999999999 aborted the whole import with "BigInteger would overflow" and no line.
        Path csv = dir.resolve("orders.csv");
        Files.writeString(csv, "customer_id,occurred_at,amount\nc1,2026-01-01,1e999999999\nc2,2026-01-01,12.50\n");

        CliRun run = CliRun.of("import", "--input", csv.toString(), "--type", "purchase", "--currency", "EUR",
                "--on-error", "skip");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("stored\\s+1 ")
                .contains("line 2, column amount: the value is 10^18 or more; an amount must be less than 10^18");
    }

    @Test
    void everyCommandThatReadsEventsSaysTheSameAboutDevNull() {
        // Issue 9, item 9: /dev/null was "file not found" in some commands and "cannot tell the format" in others.
        List<String[]> commands = List.of(
                new String[] {"import", "--input", "/dev/null"},
                new String[] {"import", "--input", "/dev/null", "--format", "ndjson"},
                new String[] {"nps", "--input", "/dev/null"},
                new String[] {"csat", "--input", "/dev/null"},
                new String[] {"ces", "--input", "/dev/null"},
                new String[] {"churn", "rates", "--input", "/dev/null", "--kind", "non-contractual", "--inactivity",
                        "P15D"},
                new String[] {"churn", "cohorts", "--input", "/dev/null"});
        for (String[] args : commands) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.err().strip()).as(String.join(" ", args))
                    .isEqualTo("cxm: not a file: /dev/null is a device or a pipe; give a regular file");
        }
    }

    @Test
    void anEmptySeparatorIsOneUsageLine(@TempDir Path dir) throws IOException {
        // Issue 9, item 9: --separator '' leaked "StringIndexOutOfBoundsException".
        Path csv = dir.resolve("events.csv");
        Files.writeString(csv, "customer_id,occurred_at,score\nc1,2026-01-01,9\n");
        for (String command : List.of("import", "nps")) {
            CliRun run = CliRun.of(command, "--input", csv.toString(), "--separator", "");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("cxm: Invalid value for option '--separator': a separator is one"
                    + " character, such as ; or a tab; got none").doesNotContain("Exception");
        }
    }

    @Test
    void ndjsonWithAByteOrderMarkAndAnUnclosedQuoteInACsvHeader(@TempDir Path dir) throws IOException {
        // Issue 9, item 9: the BOM failed line 1 ("not a JSON object"); the header's unclosed quote was reported at
        // line 5, where the parser gave up, instead of line 1, where it opens.
        Path ndjson = dir.resolve("events.ndjson");
        Files.writeString(ndjson, "\uFEFF{\"type\":\"feedback\",\"eventId\":\"n1\",\"customerId\":\"c1\",\"occurredAt\":"
                + "\"2026-01-01T00:00:00Z\",\"surveyId\":\"s\",\"scale\":{\"name\":\"nps\",\"min\":0,\"max\":10},\"score\":9}\n");
        Path csv = dir.resolve("quoted.csv");
        Files.writeString(csv, "customer_id,\"occurred_at,score\nc1,2026-01-01,9\nc2,2026-01-01,9\nc3,2026-01-01,9\n");

        CliRun bom = CliRun.of("import", "--input", ndjson.toString(), "--json");
        CliRun quote = CliRun.of("import", "--input", csv.toString(), "--type", "feedback", "--scale", "nps");

        assertThat(bom.exitCode()).as(bom.err()).isZero();
        assertThat(new ObjectMapper().readTree(bom.out()).get("stored").asLong()).isEqualTo(1);
        assertThat(quote.err().strip()).isEqualTo("cxm: header: the header row at line 1 cannot be read as CSV (a quoted"
                + " value is not closed, or a quote stands inside an unquoted value)");
    }

    @Test
    void aSkipImportListsTheFirstThousandRejectedRowsAndCountsTheRest(@TempDir Path dir) throws IOException {
        // Issue 9, item 10: 1,200 bad rows; the importer's default limit lists 1,000 and counts 200 more.
        StringBuilder rows = new StringBuilder("customer_id,occurred_at,score\n");
        for (int i = 0; i < 1_200; i++) {
            rows.append("c").append(i).append(",2026-01-01,x\n");
        }
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, rows);

        CliRun text = CliRun.of("import", "--input", csv.toString(), "--type", "feedback", "--scale", "nps",
                "--on-error", "skip");
        JsonNode json = new ObjectMapper().readTree(CliRun.of("import", "--input", csv.toString(), "--type",
                "feedback", "--scale", "nps", "--on-error", "skip", "--json").out());

        assertThat(text.out()).containsPattern("rejected\\s+1,200")
                .contains("... and 200 more rejected rows, counted but not listed (the first 1,000 are)");
        assertThat(json.get("rejectedCount").asLong()).isEqualTo(1_200);
        assertThat(json.get("rejected")).hasSize(1_000);
        assertThat(json.get("rejectedNotListed").asLong()).isEqualTo(200);
    }

    @Test
    void versionAndHelpWork() {
        CliRun version = CliRun.of("--version");
        CliRun help = CliRun.of("--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("cxm 0.1.0");
        assertThat(help.out()).contains("import").contains("Usage: cxm");
    }
}
