package dev.cxm.examples.cli.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.examples.cli.CxmCommand;

class ClvCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    /** The outcome of one in-process run of the tool. */
    private record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CxmCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path data(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/data/" + name)) {
            if (in == null) {
                throw new AssertionError("test data file src/test/resources/data/" + name + " is missing");
            }
            Path file = directory.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    /** The CDNOW summary with spend, its BTYD-style header renamed to the summary CSV's columns. */
    private Path cdnowWithSpend() throws IOException {
        List<String> lines = Files.readAllLines(data("cdnow_customers_summary_with_transactions.csv"));
        Path file = directory.resolve("cdnow_with_spend.csv");
        List<String> renamed = new java.util.ArrayList<>(lines);
        renamed.set(0, "ID,frequency,recency,T,monetary_value");
        Files.write(file, renamed, StandardCharsets.UTF_8);
        return file;
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(directory.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    void fitPrintsThePublishedBgNbdEstimatesUnderTheContractedKeys() throws IOException {
        // Oracle: Fader, Hardie & Lee (2005) on cdnow_customers_summary.csv: r = 0.2426, alpha = 4.4135,
        // a = 0.7929, b = 2.4258, log-likelihood -9582.43.
        Run run = run("clv", "fit", "--input", data("cdnow_customers_summary.csv").toString(), "--unit", "weeks",
                "--model", "bg-nbd", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("model").asText()).isEqualTo("bg-nbd");
        assertThat(json.get("parameters").get("r").asDouble()).isCloseTo(0.2426, within(0.00005));
        assertThat(json.get("parameters").get("alpha").asDouble()).isCloseTo(4.4135, within(0.00005));
        assertThat(json.get("parameters").get("a").asDouble()).isCloseTo(0.7929, within(0.00005));
        assertThat(json.get("parameters").get("b").asDouble()).isCloseTo(2.4258, within(0.00005));
        assertThat(json.get("standardErrors").size()).isEqualTo(4);
        assertThat(json.get("logLikelihood").asDouble()).isCloseTo(-9582.43, within(0.005));
        assertThat(json.get("converged").asBoolean()).isTrue();
        assertThat(json.get("iterations").asInt()).isPositive();
        assertThat(json.get("unit").asText()).isEqualTo("weeks");
    }

    @Test
    void fitsTheOtherModelsToTheirPublishedEstimates() throws IOException {
        // Oracles: Pareto/NBD on CDNOW (0.553, 10.578, 0.606, 11.668; -9594.97), BG/BB on the donations
        // (Fader, Hardie & Shang 2010: 1.204, 0.750, 0.657, 2.783) and Gamma-Gamma on the CDNOW repeat buyers
        // (Fader & Hardie 2013: 6.25, 3.74, 15.44).
        JsonNode pareto = run("clv", "fit", "--input", data("cdnow_customers_summary.csv").toString(), "--unit",
                "weeks",
                "--model", "pareto-nbd", "--json").json();
        assertThat(pareto.get("parameters").get("s").asDouble()).isCloseTo(0.606, within(0.0005));
        assertThat(pareto.get("parameters").get("beta").asDouble()).isCloseTo(11.668, within(0.0005));
        assertThat(pareto.get("logLikelihood").asDouble()).isCloseTo(-9594.97, within(0.005));
        JsonNode bgBb = run("clv", "fit", "--input", data("donations.csv").toString(), "--unit", "years",
                "--model", "bg-bb", "--json").json();
        assertThat(bgBb.get("parameters").get("gamma").asDouble()).isCloseTo(0.657, within(0.0005));
        assertThat(bgBb.get("parameters").get("delta").asDouble()).isCloseTo(2.783, within(0.0005));
        assertThat(bgBb.get("customers").isIntegralNumber()).isTrue();
        assertThat(bgBb.get("customers").asLong()).isEqualTo(11104);
        JsonNode spend = run("clv", "fit", "--input", cdnowWithSpend().toString(), "--unit", "weeks",
                "--model", "gamma-gamma", "--json").json();
        assertThat(spend.get("parameters").get("p").asDouble()).isCloseTo(6.25, within(0.01));
        assertThat(spend.get("parameters").get("q").asDouble()).isCloseTo(3.74, within(0.01));
        assertThat(spend.get("parameters").get("v").asDouble()).isCloseTo(15.44, within(0.01));
        assertThat(spend.get("diagnostics").get("frequencySpendCorrelation").asDouble()).isBetween(-0.3, 0.3);
    }

    @Test
    void summarisesATransactionCsvWithAmounts() throws IOException {
        // Oracle: hand computation. Customer a buys on Jan 1 (10), twice on Jan 8 (5 + 15) and on Jan 15 (30):
        // frequency 2, recency 2 weeks, T from Jan 1 to Jan 31 = 30 days, mean repeat spend (20 + 30) / 2 = 25.
        // Customer b buys once, on Jan 29; customer c's first purchase is after the calibration end.
        Path file = write("tx.csv", "customer_id,occurred_at,amount", "a,2026-01-01,10", "a,2026-01-08T09:00:00Z,5",
                "a,2026-01-08 17:30:00,15", "a,2026-01-15,30", "b,2026-01-29,7.5", "c,2026-02-03,1");
        Path output = directory.resolve("summary.csv");
        Run run = run("clv", "summary", "--input", file.toString(), "--unit", "weeks", "--calibration-end",
                "2026-01-31",
                "--output", output.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("customers").asDouble()).isEqualTo(2.0);
        assertThat(json.get("repeatCustomers").asDouble()).isEqualTo(1.0);
        assertThat(json.get("repeatPurchases").asDouble()).isEqualTo(2.0);
        assertThat(json.get("calibrationEnd").asText()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(json.get("meanMonetaryValue").asDouble()).isEqualTo(25.0);
        assertThat(json.get("unit").asText()).isEqualTo("weeks");
        List<String> lines = Files.readAllLines(output);
        assertThat(lines.get(0)).isEqualTo("ID,frequency,recency,T,monetary_value");
        String[] a = lines.get(1).split(",");
        assertThat(a[0]).isEqualTo("a");
        assertThat(Integer.parseInt(a[1])).isEqualTo(2);
        assertThat(Double.parseDouble(a[2])).isEqualTo(2.0);
        assertThat(Double.parseDouble(a[3])).isCloseTo(30 / 7.0, within(1e-12));
        assertThat(Double.parseDouble(a[4])).isEqualTo(25.0);
        assertThat(lines.get(2)).startsWith("b,0,0.0,");
    }

    @Test
    void readsOnlyThePurchaseRowsOfAnEventFile() throws IOException {
        // Oracle: hand computation over the purchase rows alone. Customer a buys on Jan 1 (10) and Jan 8 (20);
        // its interaction and feedback rows (without amounts) and customer b, who only gave feedback, are
        // passed over: one customer, frequency 1, recency 1 week, mean repeat spend 20. The file is read as
        // events, as cxm import reads it, so its interactions have a touchpoint and its responses a scale.
        Path file = write("events.csv", "type,customer_id,occurred_at,amount,score,touchpoint_id,scale",
                "interaction,a,2025-12-30,,,web,", "purchase,a,2026-01-01,10,,,", "feedback,a,2026-01-02,,9,,nps",
                "Purchase,a,2026-01-08,20,,,", "feedback,b,2026-01-09,,3,,nps");
        Run run = run("clv", "summary", "--input", file.toString(), "--unit", "weeks", "--calibration-end",
                "2026-01-31", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("customers").asInt()).isEqualTo(1);
        assertThat(json.get("repeatPurchases").asInt()).isEqualTo(1);
        assertThat(json.get("meanMonetaryValue").asDouble()).isEqualTo(20.0);

        Path renamed = write("kinds.csv", "kind,customer_id,occurred_at,amount,channel",
                "interaction,a,2026-01-01,,web", "purchase,a,2026-01-01,4,", "purchase,a,2026-01-15,6,");
        Run named = run("clv", "summary", "--input", renamed.toString(), "--type-column", "kind", "--unit", "weeks",
                "--calibration-end", "2026-01-31", "--json");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(named.json().get("meanMonetaryValue").asDouble()).isEqualTo(6.0);
        assertThat(named.json().get("repeatPurchases").asInt()).isEqualTo(1);

        // A type column with other values (a product type, say) is refused, naming the line; --type purchase
        // reads every row as a purchase and the column not at all.
        Path productTypes = write("products.csv", "customer_id,occurred_at,amount,type", "a,2026-01-01,5,online",
                "a,2026-01-08,7,store");
        Run refused = run("clv", "summary", "--input", productTypes.toString(), "--unit", "weeks");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("products.csv line 2, column type: the value is not an event type")
                .doesNotContain("online");
        Run every = run("clv", "summary", "--input", productTypes.toString(), "--unit", "weeks", "--type", "purchase",
                "--calibration-end", "2026-01-31", "--json");
        assertThat(every.exitCode()).as(every.err()).isZero();
        assertThat(every.json().get("meanMonetaryValue").asDouble()).isEqualTo(7.0);
    }

    @Test
    void summarisesTransactionsWithoutAmountsInTheirOwnColumns() throws IOException {
        // Oracle: hand computation; dates as yyyyMMdd in a customer column named "id"; the calibration end
        // defaults to the day of the last purchase (Mar 10): customer 1 repeats on Mar 3 and Mar 10 (recency
        // 9 days, T 9 days), customer 2 buys once on Mar 5 (T 5 days).
        Path file = write("daily.csv", "date,id", "20260301,1", "20260303,1", "20260305,2", "20260310,1", "20260310,1");
        Run run = run("clv", "summary", "--input", file.toString(), "--customer-column", "id", "--time-column", "date",
                "--time-format", "yyyyMMdd", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("unit").asText()).isEqualTo("days");
        assertThat(json.get("repeatPurchases").asDouble()).isEqualTo(2.0);
        assertThat(json.get("meanRecency").asDouble()).isEqualTo(4.5);
        assertThat(json.get("meanT").asDouble()).isEqualTo(7.0);
        assertThat(json.get("meanMonetaryValue").isNull()).as("absent values are explicit nulls").isTrue();
        assertThat(json.get("holdoutEnd").isNull()).isTrue();
        assertThat(json.get("lastCalibrationDay").asText()).isEqualTo("2026-03-10");
    }

    @Test
    void csvOutputsGuardIdsThatASpreadsheetWouldRunAndRawCsvKeepsThem() throws IOException {
        // Issue 9: ids such as =HYPERLINK(..), +cmd|.., @SUM(1) and -2+3 were written as they are, and a
        // spreadsheet ran them. Oracle: OWASP's rule, a leading ' before =, +, -, @, tab and carriage return;
        // the numbers cxm writes are never changed.
        Path file = write("ids.csv", "ID,frequency,recency,T", "\"=HYPERLINK(\"\"http://x\"\")\",1,2,10",
                "+cmd|' /C calc'!A0,0,0,10", "@SUM(1),2,5,10", "-2+3,0,0,10", "plain,1,1,10");
        Path guarded = directory.resolve("guarded.csv");
        Path raw = directory.resolve("raw.csv");

        Run summary = run("clv", "summary", "--input", file.toString(), "--unit", "days", "--output",
                guarded.toString());
        Run rawSummary = run("clv", "summary", "--input", file.toString(), "--unit", "days", "--output",
                raw.toString(), "--raw-csv");

        assertThat(summary.exitCode()).as(summary.err()).isZero();
        assertThat(rawSummary.exitCode()).as(rawSummary.err()).isZero();
        assertThat(Files.readAllLines(guarded)).containsExactly("ID,frequency,recency,T,monetary_value",
                "\"'=HYPERLINK(\"\"http://x\"\")\",1,2.0,10.0,", "'+cmd|' /C calc'!A0,0,0.0,10.0,",
                "'@SUM(1),2,5.0,10.0,", "'-2+3,0,0.0,10.0,", "plain,1,1.0,10.0,");
        assertThat(Files.readAllLines(raw)).containsExactly("ID,frequency,recency,T,monetary_value",
                "\"=HYPERLINK(\"\"http://x\"\")\",1,2.0,10.0,", "+cmd|' /C calc'!A0,0,0.0,10.0,",
                "@SUM(1),2,5.0,10.0,", "-2+3,0,0.0,10.0,", "plain,1,1.0,10.0,");

        // The same in the predictions, on CDNOW (whose fit converges) with two ids made hostile.
        List<String> cdnow = new java.util.ArrayList<>(Files.readAllLines(cdnowWithSpend()));
        cdnow.set(1, "=1+1" + cdnow.get(1).substring(cdnow.get(1).indexOf(',')));
        cdnow.set(2, "-2+3" + cdnow.get(2).substring(cdnow.get(2).indexOf(',')));
        Path hostile = Files.write(directory.resolve("hostile.csv"), cdnow, StandardCharsets.UTF_8);
        Path predictions = directory.resolve("predictions.csv");
        Run predict = run("clv", "predict", "--input", hostile.toString(), "--unit", "weeks", "--output",
                predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(1)).startsWith("'=1+1,");
        assertThat(lines.get(2)).startsWith("'-2+3,");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line.charAt(0))
                .isNotIn('=', '+', '-', '@'));
        Run usage = run("clv", "summary", "--input", file.toString(), "--unit", "days", "--raw-csv");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("cxm: --raw-csv applies to the CSV file of --output");
    }

    @Test
    void anOutputThatIsTheInputIsRefusedUnderAnyName() throws IOException {
        // Issue 9: --output naming the input overwrote it. Oracle: the input's bytes are unchanged after each
        // refusal, whether the output names it as given, through ./ or through a symbolic link.
        Path file = write("tx.csv", "customer_id,occurred_at,amount", "a,2026-01-01,10", "a,2026-01-08,5");
        byte[] before = Files.readAllBytes(file);
        Path link = directory.resolve("link.csv");
        Files.createSymbolicLink(link, file);

        for (String output : List.of(file.toString(), directory.resolve(".").resolve("tx.csv").toString(),
                link.toString())) {
            for (String command : List.of("summary", "predict")) {
                Run run = run("clv", command, "--input", file.toString(), "--output", output);
                assertThat(run.exitCode()).as(command + " " + output).isEqualTo(1);
                assertThat(run.err().strip()).hasLineCount(1).startsWith("cxm: cannot write " + output
                        + ": it is the input ");
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void theMeanOfTimesNearTheLargestDoubleIsFinite() throws IOException {
        // Issue 9: the summary's mean T overflowed to Infinity (JSON null). Oracle: the closed form
        // 1e308 / 2 + 1.5e308 / 2 = 1.25e308.
        Path file = write("huge.csv", "ID,frequency,recency,T", "a,1,1e308,1e308", "b,0,0,1.5e308");

        Run json = run("clv", "summary", "--input", file.toString(), "--unit", "days", "--json");
        Run text = run("clv", "summary", "--input", file.toString(), "--unit", "days");

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.json().get("meanT").asDouble()).isCloseTo(1.25e308, within(1e294));
        assertThat(json.json().get("meanRecency").asDouble()).isCloseTo(0.5e308, within(1e294));
        assertThat(json.out()).doesNotContain("Infinity").doesNotContain("NaN");
        assertThat(text.out()).doesNotContain("Infinity");
    }

    @Test
    void aFileOfEventsIsReadAsCxmImportReadsIt() throws IOException {
        // A file with a type column is a file of events: a row that is no valid event (an interaction without a
        // touchpoint or channel) stops the command at its line, as cxm import would, though it is no purchase.
        Path file = write("events.csv", "type,customer_id,occurred_at,amount", "purchase,a,2026-01-01,10",
                "interaction,a,2026-01-02,");

        Run run = run("clv", "summary", "--input", file.toString(), "--unit", "weeks");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).hasLineCount(1).startsWith("cxm: " + file + " line 3");
    }

    @Test
    void predictGivesHardiesConditionalExpectationAndSpend() throws IOException {
        // Oracles: Hardie's BG/NBD spreadsheet, 1.226 expected purchases in 39 weeks for CDNOW customer 1
        // (x = 2, t_x = 30.43, T = 38.86), and his Gamma-Gamma spreadsheet, 24.65 expected spend per purchase;
        // without discounting the value is their product (the per-period increments telescope).
        Path output = directory.resolve("predictions.csv");
        Run run = run("clv", "predict", "--input", cdnowWithSpend().toString(), "--unit", "weeks", "--model", "bg-nbd",
                "--horizon", "39w", "--discount-period", "13w", "--output", output.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("horizonInUnits").asDouble()).isEqualTo(39.0);
        assertThat(json.get("discountRate").asDouble()).isZero();
        assertThat(json.get("top").size()).isEqualTo(10);
        Map<String, String[]> rows = Files.readAllLines(output).stream().skip(1).map(line -> line.split(","))
                .collect(Collectors.toMap(cells -> cells[0], cells -> cells));
        assertThat(Files.readAllLines(output).get(0))
                .isEqualTo("ID,frequency,recency,T,monetary_value,p_alive,expected_purchases,expected_spend,clv");
        String[] first = rows.get("1");
        double purchases = Double.parseDouble(first[6]);
        double spend = Double.parseDouble(first[7]);
        assertThat(purchases).isCloseTo(1.226, within(0.001));
        assertThat(spend).isCloseTo(24.65, within(0.01));
        assertThat(Double.parseDouble(first[8])).isCloseTo(purchases * spend, within(1e-9 * purchases * spend));
        assertThat(rows).hasSize(2357);
    }

    @Test
    void rejectsAFrequencyThatIsNotAnInteger() throws IOException {
        Path file = write("bad.csv", "ID,frequency,recency,T", "1,2,3.5,10", "2,2.5,3,10");
        Run run = run("clv", "fit", "--input", file.toString(), "--unit", "weeks", "--model", "bg-nbd");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("line 3, column frequency: not a whole number").doesNotContain("Exception")
                .doesNotContain("2.5");
    }

    @Test
    void rejectsARecencyAboveTOrBelowZero() throws IOException {
        // Oracle: the definitions (0 <= recency <= T); the message names line, column and rule, never the cells.
        Path above = write("above.csv", "ID,frequency,recency,T", "1,2,40,39");
        Run run = run("clv", "fit", "--input", above.toString(), "--unit", "weeks", "--model", "bg-nbd");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("above.csv line 2, column recency: greater than T");
        assertThat(run.err().substring(run.err().indexOf("above.csv"))).doesNotContain("40").doesNotContain("39");
        Path negative = write("negative.csv", "ID,frequency,recency,T", "1,2,-1,39");
        assertThat(run("clv", "summary", "--input", negative.toString(), "--unit", "weeks").err())
                .contains("line 2, column recency: negative; it must be 0 or more");
    }

    @Test
    void summaryFilesAreReadStrictly() throws IOException {
        // Oracle: issue 9's rules for every CSV reader: a row with more cells than the header is refused (an
        // amount written 1,000.50 would otherwise be read as 1), numbers are ASCII digits only, and the
        // message names line and column, never the cell.
        Path extra = write("extra.csv", "ID,frequency,recency,T,monetary_value", "1,2,30,38,12.5",
                "2,1,20,38,1,000.50");
        Run extraCells = run("clv", "fit", "--input", extra.toString(), "--unit", "weeks", "--model", "gamma-gamma");
        assertThat(extraCells.exitCode()).isEqualTo(1);
        assertThat(extraCells.err()).contains("extra.csv line 3: 6 cells but the header has 5 columns");
        assertThat(extraCells.err().substring(extraCells.err().indexOf("extra.csv"))).doesNotContain("000");
        Path unicode = write("unicode.csv", "ID,frequency,recency,T", "1,\u0969,30,38".translateEscapes());
        Run unicodeDigit = run("clv", "fit", "--input", unicode.toString(), "--unit", "weeks", "--model", "bg-nbd");
        assertThat(unicodeDigit.exitCode()).isEqualTo(1);
        assertThat(unicodeDigit.err()).contains("line 2, column frequency: not a finite number");
        // lifetimes' and Hardie's header names (x, t_x, T) are a summary too: the published BG/NBD fit.
        Path hardie = data("cdnow_customers_summary_with_transactions.csv");
        JsonNode fit = run("clv", "fit", "--input", hardie.toString(), "--unit", "weeks", "--model", "bg-nbd", "--json")
                .json();
        assertThat(fit.get("parameters").get("r").asDouble()).isCloseTo(0.2426, within(0.00005));
        assertThat(fit.get("customers").asLong()).isEqualTo(2357);
    }

    @Test
    void reportsDataWhereNobodyRepeatsAndEmptyFiles() throws IOException {
        Path nobody = write("nobody.csv", "ID,frequency,recency,T", "1,0,0,39", "2,0,0,20");
        Run run = run("clv", "fit", "--input", nobody.toString(), "--unit", "weeks", "--model", "pareto-nbd");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no customer made a repeat purchase").contains("not identified");
        Run empty = run("clv", "summary", "--input", write("empty.csv").toString());
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("is empty");
        Run headerOnly = run("clv", "fit", "--input", write("header.csv", "ID,frequency,recency,T").toString(),
                "--unit", "weeks", "--model", "bg-nbd");
        assertThat(headerOnly.err()).contains("has no customers");
        Run noColumn = run("clv", "summary", "--input", write("tx.csv", "who,when", "a,2026-01-01").toString());
        assertThat(noColumn.err()).contains("the header has no column 'customer_id' (name it with --customer-column)");
    }

    @Test
    void saysSoWhenAFitDoesNotConverge() throws IOException {
        Run run = run("clv", "fit", "--input", data("cdnow_customers_summary.csv").toString(), "--unit", "weeks",
                "--model", "bg-nbd", "--max-iterations", "1", "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json().get("converged").asBoolean()).isFalse();
        assertThat(run.json().get("problem").asText()).contains("no convergence after 1 iterations");
        assertThat(run.err()).contains("bg-nbd did not converge");
    }

    @Test
    void rejectsAnUnknownModelAsAUsageMistakeAndPrintsHelp() {
        Run unknown = run("clv", "fit", "--input", "x.csv", "--model", "bg-nb");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("'bg-nb' is not a model; use one of bg-nbd, pareto-nbd, mbg-nbd, bg-bb, gamma-gamma");
        for (String command : new String[] {"summary", "fit", "predict"}) {
            Run help = run("clv", command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("--input").contains("--unit").contains("--calibration-end")
                    .contains("--json");
        }
        assertThat(run("clv", "predict", "--help").out()).contains("--horizon").contains("--discount-rate")
                .contains("--model");
        assertThat(run("clv").exitCode()).isEqualTo(2);
    }

    @Test
    void optionMistakesAreUsageErrorsThatExitTwo() throws IOException {
        // Oracle: the house rule: a command-line mistake (a bad value, an option that does not apply or
        // contradicts another) exits 2 with one line and a pointer to the help, before any work.
        String summary = data("cdnow_customers_summary.csv").toString();
        String withSpend = cdnowWithSpend().toString();
        String transactions = write("tx.csv", "customer_id,occurred_at", "a,2026-01-01", "a,2026-01-08").toString();
        String[][] mistakes = {
                {"fit", "--input", summary, "--model", "bg-nbd"},
                {"fit", "--input", summary, "--unit", "forever", "--model", "bg-nbd"},
                {"fit", "--input", summary, "--unit", "nanos", "--model", "bg-nbd"},
                {"summary", "--input", transactions, "--unit", "eras"},
                {"summary", "--input", transactions, "--purchase-period", "fortnights"},
                {"summary", "--input", transactions, "--unit", "months"},
                {"summary", "--input", transactions, "--purchase-period", "weeks", "--calibration-end", "2026-01-31"},
                {"summary", "--input", transactions, "--calibration-end", "2026-01-31", "--holdout-end", "2026-01-30"},
                {"summary", "--input", transactions, "--zone", "Mars/Olympus"},
                {"summary", "--input", transactions, "--time-format", "yyyy-MM-dd{"},
                {"summary", "--input", transactions, "--type", "feedback"},
                {"fit", "--input", summary, "--unit", "weeks", "--model", "bg-nbd", "--type", "purchase"},
                {"fit", "--input", summary, "--unit", "weeks", "--model", "bg-nbd", "--penalty", "-1"},
                {"fit", "--input", summary, "--unit", "weeks", "--model", "bg-nbd", "--max-iterations", "0"},
                {"fit", "--input", summary, "--unit", "weeks", "--model", "bg-nbd", "--calibration-end", "1997-09-30"},
                {"fit", "--input", summary, "--unit", "weeks", "--model", "bg-nbd", "--zone", "UTC"},
                {"fit", "--input", summary, "--unit", "weeks", "--model", "bg-nbd", "--purchase-period", "weeks"},
                {"fit", "--input", summary, "--unit", "weeks", "--model", "bg-nbd", "--customer-column", "who"},
                {"predict", "--input", summary, "--unit", "weeks", "--horizon", "5 fortnights"},
                {"predict", "--input", summary, "--unit", "weeks", "--horizon", "0w"},
                {"predict", "--input", summary, "--unit", "weeks", "--discount-rate", "0.1"},
                {"predict", "--input", withSpend, "--unit", "weeks", "--discount-rate", "-0.1"},
                {"predict", "--input", withSpend, "--unit", "weeks", "--discount-period", "4x"},
                {"predict", "--input", withSpend, "--unit", "weeks", "--model", "gamma-gamma", "--discount-rate",
                        "0.01"},
                {"predict", "--input", data("donations.csv").toString(), "--unit", "years", "--model", "bg-bb",
                        "--horizon", "P400D"}};
        for (String[] mistake : mistakes) {
            String[] args = new String[mistake.length + 1];
            args[0] = "clv";
            System.arraycopy(mistake, 0, args, 1, mistake.length);
            Run run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", mistake) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().lines().toList()).as(String.join(" ", mistake)).hasSize(2);
            assertThat(run.err()).as(String.join(" ", mistake)).startsWith("cxm: ").contains("Try 'cxm clv ");
            assertThat(run.out()).as(String.join(" ", mistake)).isEmpty();
        }
        assertThat(run("clv", "fit", "--input", summary, "--model", "bg-nbd").err())
                .contains("--unit: cdnow_customers_summary.csv is a summary CSV");
        assertThat(run("clv", "summary", "--input", transactions, "--purchase-period", "weeks", "--calibration-end",
                "2026-01-31").err()).contains("with --purchase-period weeks, --calibration-end must be a Sunday");
    }

    @Test
    void weeklyPeriodsDefaultToTheLastCompleteWeek() throws IOException {
        // Oracle: the calendar: the last purchase, Wednesday 2026-01-14, is in the week of Monday 12 January,
        // not over yet, so calibration runs to Sunday 11 January and the Jan 14 purchase is left out; customer a
        // bought in the weeks of Dec 29 and Jan 5: one repeat purchase, recency 1 week, T 1 week.
        Path file = write("weekly.csv", "customer_id,occurred_at", "a,2026-01-01", "a,2026-01-06", "b,2026-01-14");
        Run run = run("clv", "summary", "--input", file.toString(), "--unit", "weeks", "--purchase-period", "weeks",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("lastCalibrationDay").asText()).isEqualTo("2026-01-11");
        assertThat(json.get("calibrationEnd").asText()).isEqualTo("2026-01-12T00:00:00Z");
        assertThat(json.get("customers").asDouble()).isEqualTo(1.0);
        assertThat(json.get("meanRecency").asDouble()).isEqualTo(1.0);
        assertThat(json.get("meanT").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aModelsRefusalOfARowNamesTheCustomer() throws IOException {
        // A BG/BB history with more repeat transactions than opportunities is found by the model, which names
        // the row's customer id from the file, and not the values.
        Path bgBb = write("bb.csv", "ID,frequency,recency,T", "d1,2,3,6", "d2,7,6,6", "d3,0,0,6");
        Run impossible = run("clv", "fit", "--input", bgBb.toString(), "--unit", "years", "--model", "bg-bb");
        assertThat(impossible.exitCode()).isEqualTo(1);
        assertThat(impossible.err()).contains("bb.csv: frequency: above the recency (customer d2)");
        assertThat(impossible.err().substring(impossible.err().indexOf("bb.csv"))).doesNotContain("7");
    }

    @Test
    void gammaGammaLeavesOutRepeatBuyersWithoutSpendAndSaysHowMany() throws IOException {
        // Oracle: Fader & Hardie's Gamma-Gamma estimates on the 946 CDNOW repeat buyers (p 6.25, q 3.74,
        // v 15.44); one more repeat buyer with a spend of 0 is left out (the default policy), so the fit and
        // its count of 946 customers are unchanged, and the output says one customer was left out.
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(cdnowWithSpend()));
        lines.add("zero,2,10,38.86,0");
        Path file = Files.write(directory.resolve("with-zero.csv"), lines, StandardCharsets.UTF_8);
        Run run = run("clv", "fit", "--input", file.toString(), "--unit", "weeks", "--model", "gamma-gamma", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("parameters").get("p").asDouble()).isCloseTo(6.25, within(0.01));
        assertThat(json.get("customers").asLong()).isEqualTo(946);
        assertThat(json.get("diagnostics").get("zeroSpendSkipped").asDouble()).isEqualTo(1.0);
        assertThat(json.get("warnings").toString())
                .contains("1 repeat buyer with a mean spend of 0 left out of the fit");
    }

    @Test
    void errorsNameRowAndColumnButNeverRepeatACell() throws IOException {
        // Oracle: the privacy rule: a message may carry an id, never a cell's text.
        Path amount = write("amount.csv", "customer_id,occurred_at,amount", "c1,2026-01-01,10",
                "c1,2026-01-02,bob@example.com");
        Run badAmount = run("clv", "summary", "--input", amount.toString());
        assertThat(badAmount.exitCode()).isEqualTo(1);
        assertThat(badAmount.err()).contains("line 3, column amount: the value is not a plain decimal number")
                .doesNotContain("bob");
        Path empty = write("empty.csv", "customer_id,occurred_at,amount", "c1,2026-01-01,10", "c1,2026-01-02,");
        assertThat(run("clv", "summary", "--input", empty.toString()).err())
                .contains("line 3, column amount: the cell is empty; a purchase needs a value for amount");
        Path time = write("time.csv", "customer_id,occurred_at", "c1,2026-01-01", "c1,Alice Smith 1970-01-01");
        Run badTime = run("clv", "summary", "--input", time.toString());
        assertThat(badTime.exitCode()).isEqualTo(1);
        assertThat(badTime.err()).contains("line 3, column occurred_at: the value is not an ISO-8601")
                .doesNotContain("Alice");
        Path frequency = write("frequency.csv", "ID,frequency,recency,T", "1,carol@example.com,3,10");
        Run badFrequency = run("clv", "fit", "--input", frequency.toString(), "--unit", "weeks", "--model", "bg-nbd");
        assertThat(badFrequency.exitCode()).isEqualTo(1);
        assertThat(badFrequency.err()).contains("line 2, column frequency: not a finite number")
                .doesNotContain("carol");
    }

    @Test
    void jsonWritesAbsentValuesAsNullAndCountsFittedCustomers() throws IOException {
        // Oracles: the JSON convention (absent values are explicit nulls) and the CDNOW file itself: 946 of
        // its 2,357 customers repeat, and Gamma-Gamma is fitted to those.
        String cdnow = data("cdnow_customers_summary.csv").toString();
        Run failed = run("clv", "fit", "--input", cdnow, "--unit", "weeks", "--model", "bg-nbd", "--max-iterations",
                "1",
                "--json");
        assertThat(failed.json().has("problem")).isTrue();
        Run fitted = run("clv", "fit", "--input", cdnow, "--unit", "weeks", "--model", "bg-nbd", "--json");
        assertThat(fitted.json().get("problem").isNull()).isTrue();
        assertThat(fitted.json().has("logLikelihood")).isTrue();
        String withSpend = cdnowWithSpend().toString();
        Run spend = run("clv", "fit", "--input", withSpend, "--unit", "weeks", "--model", "gamma-gamma");
        assertThat(spend.out()).contains("gamma-gamma fitted to 946 repeat buyers");
        JsonNode spendJson = run("clv", "fit", "--input", withSpend, "--unit", "weeks", "--model", "gamma-gamma",
                "--json")
                .json();
        assertThat(spendJson.get("customers").isIntegralNumber()).isTrue();
        assertThat(spendJson.get("customers").asLong()).isEqualTo(946);
        JsonNode predicted = run("clv", "predict", "--input", cdnow, "--unit", "weeks", "--top", "1", "--json").json();
        assertThat(predicted.get("spendParameters").isNull()).isTrue();
        assertThat(predicted.get("expectedValue").isNull()).isTrue();
        assertThat(predicted.get("top").get(0).get("monetaryValue").isNull()).isTrue();
        assertThat(predicted.get("top").get(0).get("value").isNull()).isTrue();
    }

    @Test
    void bgBbPredictsTheNextOpportunityInItsOwnUnitByDefault() throws IOException {
        // Oracle: the units: with yearly opportunities the default horizon is one opportunity (one year), not
        // 52 weeks, which is not a whole number of years.
        Run run = run("clv", "predict", "--input", data("donations.csv").toString(), "--unit", "years", "--model",
                "bg-bb",
                "--top", "1", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("horizonInUnits").asDouble()).isEqualTo(1.0);
        assertThat(run.json().get("expectedValue").isNull()).isTrue();
    }

    @Test
    void predictGivesThePurchaseModelWhenTheSpendModelCannotBeFitted() throws IOException {
        // Oracle: the published BG/NBD fit on CDNOW (r 0.243, alpha 4.414, a 0.793, b 2.426); every repeat
        // buyer spends exactly 25, so Gamma-Gamma's spend variation is not identified and its fit cannot
        // converge: the predictions come without spend or value, with a warning.
        List<String> lines = Files.readAllLines(data("cdnow_customers_summary.csv"));
        List<String> rows = new java.util.ArrayList<>(List.of("ID,frequency,recency,T,monetary_value"));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            rows.add(String.join(",", cells[0], cells[1], cells[2], cells[3], cells[1].equals("0") ? "" : "25"));
        }
        Path file = Files.write(directory.resolve("same-spend.csv"), rows, StandardCharsets.UTF_8);
        Run run = run("clv", "predict", "--input", file.toString(), "--unit", "weeks", "--top", "1", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("parameters").get("r").asDouble()).isCloseTo(0.243, within(5e-4));
        assertThat(json.get("parameters").get("b").asDouble()).isCloseTo(2.426, within(5e-4));
        assertThat(json.get("warnings").toString()).contains("gamma-gamma did not converge");
        assertThat(json.get("spendParameters").isNull()).isTrue();
        assertThat(json.get("expectedValue").isNull()).isTrue();
        assertThat(json.get("top").get(0).get("expectedSpend").isNull()).isTrue();
        assertThat(json.get("top").get(0).get("probabilityAlive").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void predictOnASummaryInSecondsDiscountsPerDayAndRefusesTooManyPeriods() throws IOException {
        // Oracle: the calendar: the default horizon of 52 weeks holds 31,449,600 seconds, more than the 10,000
        // periods discounted one by one, so the default discounting period is a day (364 of them); 36 hours
        // are 36 periods of an hour; one-second periods over 52 weeks are refused as a usage error.
        Path file = cdnowWithSpend();
        Run run = run("clv", "predict", "--input", file.toString(), "--unit", "seconds", "--top", "1", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("discountPeriod").asText()).isEqualTo("PT24H");
        Run hours = run("clv", "predict", "--input", file.toString(), "--unit", "hours", "--horizon", "36h", "--json");
        assertThat(hours.exitCode()).as(hours.err()).isZero();
        assertThat(hours.json().get("discountPeriod").asText()).isEqualTo("PT1H");
        Run tooMany = run("clv", "predict", "--input", file.toString(), "--unit", "seconds", "--discount-period", "1");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("at most 10000 periods");
        assertThat(run("clv", "predict", "--input", file.toString(), "--unit", "weeks", "--top", "-1").exitCode())
                .isEqualTo(2);
        // A summary in whole months looks a year ahead by default: 12 months (52 weeks are no whole number).
        Run months = run("clv", "predict", "--input", file.toString(), "--unit", "months", "--top", "0", "--json");
        assertThat(months.exitCode()).as(months.err()).isZero();
        assertThat(months.json().get("horizonInUnits").asDouble()).isEqualTo(12.0);
    }

    @Test
    void predictWithoutAFiniteMeanSpendGivesNoLifetimeValueAndSaysWhy() throws IOException {
        // Oracle: the Gamma-Gamma algebra: with q <= 1 the population mean spend p v / (q - 1) is infinite, so
        // no lifetime value exists; spends simulated (seeded) from q = 0.7 on CDNOW's repeat histories.
        List<String> lines = Files.readAllLines(data("cdnow_customers_summary.csv"));
        List<String> rows = new java.util.ArrayList<>(List.of("ID,frequency,recency,T,monetary_value"));
        dev.cxm.metrics.clv.GammaGammaModel heavy = dev.cxm.metrics.clv.GammaGammaModel.of(6, 0.7, 15);
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            int x = (int) Double.parseDouble(cells[1]);
            String spend = x == 0 ? "" : Double.toString(heavy.simulateMeanSpend(new int[] {x}, i)[0]);
            rows.add(String.join(",", cells[0], cells[1], cells[2], cells[3], spend));
        }
        Path file = Files.write(directory.resolve("heavy.csv"), rows, StandardCharsets.UTF_8);
        Run run = run("clv", "predict", "--input", file.toString(), "--unit", "weeks", "--top", "1", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("spendParameters").get("q").asDouble()).isLessThan(1);
        assertThat(json.get("warnings").toString()).contains("is at most 1");
        assertThat(json.get("expectedValue").isNull()).isTrue();
        assertThat(json.get("top").get(0).get("value").isNull()).isTrue();
        assertThat(json.get("top").get(0).get("probabilityAlive").asDouble()).isBetween(0.0, 1.0);
    }
}
