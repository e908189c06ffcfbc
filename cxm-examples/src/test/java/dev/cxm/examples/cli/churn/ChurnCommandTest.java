package dev.cxm.examples.cli.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.examples.cli.CliRun;

/**
 * {@code cxm churn}: the survival commands on the published data sets of cxm-metrics' tests (expected numbers
 * from R's survival package, as in the data README), the rate and cohort commands on small event files
 * written here whose counts are worked out by hand in each test, and the one-line errors.
 */
class ChurnCommandTest {

    private static final String G3 = "../cxm-metrics/src/test/resources/data/lifelines_g3.csv";
    private static final String ROSSI = "../cxm-metrics/src/test/resources/data/lifelines_rossi.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anEmptySeparatorOfASubjectFileIsOneUsageLine() throws IOException {
        // Issue 9: churn km|logrank|cox declared their own char option, and --separator '' leaked picocli's
        // "String index out of range" exception text; the shared converter of every --separator now reads it.
        for (String command : List.of("km", "logrank", "cox")) {
            CliRun run = CliRun.of("churn", command, "--input", G3, "--separator", "", "--group-column", "group",
                    "--covariates", "time");
            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.err()).as(command).startsWith("cxm: Invalid value for option '--separator': a separator is"
                    + " one character, such as ; or a tab; got none").doesNotContain("Exception")
                    .doesNotContain("index");
        }
    }

    @Test
    void kmJsonPrintsEachGroupsTimelineAndMedian() throws IOException {
        // Expected: R on g3, Control: S(9) = 0.833 with log-log band 0.2731 .. 0.975; median 33 (S = 0.5 on
        // [32, 34)); RIT never falls to 0.5, so its median is null.
        CliRun run = CliRun.of("churn", "km", "--input", G3, "--duration-column", "time", "--group-column", "group",
                "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode control = JSON.readTree(run.out()).get("groups").get("Control");
        JsonNode first = control.get("timeline").get(0);
        assertThat(first.get("time").asDouble()).isEqualTo(9);
        assertThat(first.get("atRisk").asInt()).isEqualTo(6);
        assertThat(first.get("events").asInt()).isEqualTo(1);
        assertThat(first.get("survival").asDouble()).isCloseTo(0.833, within(0.0005));
        assertThat(first.get("lower").asDouble()).isCloseTo(0.2731, within(0.00005));
        assertThat(first.get("upper").asDouble()).isCloseTo(0.975, within(0.0005));
        assertThat(control.get("median").asDouble()).isEqualTo(33);
        assertThat(JSON.readTree(run.out()).get("groups").get("RIT").get("median").isNull()).isTrue();
    }

    @Test
    void kmTextShowsTheChurnTimesAndTheMedian() {
        CliRun run = CliRun.of("churn", "km", "--input", G3, "--duration-column", "time", "--group-column", "group",
                "--groups", "Control,RIT", "--at", "30");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Group Control: 6 subjects, 4 churned")
                .containsPattern("9\\s+6\\s+1\\s+0\\.8333\\s+0\\.1521\\s+0\\.2731\\s+0\\.9747")
                .contains("median 33 (95% CI 9 .. not reached)")
                .contains("S(30) = 0.6667");
        assertThat(run.out().indexOf("Group Control")).isLessThan(run.out().indexOf("Group RIT"));
    }

    @Test
    void kmReportsTheBandAsUndefinedWhereTheCurveReachesZero() throws IOException {
        // Expected: R's survfit(Surv(c(4, 6, 9), c(1, 1, 1)) ~ 1, conf.type = "log-log") (r-survival-oracles.R in
        // cxm-metrics): median 6, 0.95LCL 4, 0.95UCL NA; at 9 S = 0, std.err NaN, band NA.
        Path file = write("zero.csv", "duration,event\n4,1\n6,1\n9,1\n");
        CliRun text = CliRun.of("churn", "km", "--input", file.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("median 6 (95% CI 4 .. not reached)")
                .containsPattern("\\s9\\s+1\\s+1\\s+0\\.0000\\s+NA\\s+NA\\s+NA");
        CliRun json = CliRun.of("churn", "km", "--input", file.toString(), "--json", "--at", "10");
        JsonNode all = JSON.readTree(json.out()).get("groups").get("all");
        assertThat(all.get("medianUpper").isNull()).isTrue();
        assertThat(all.get("medianLower").asDouble()).isEqualTo(4);
        JsonNode last = all.get("timeline").get(2);
        assertThat(last.get("standardError").isNull()).isTrue();
        assertThat(last.get("lower").isNull()).isTrue();
        assertThat(last.get("upper").isNull()).isTrue();
        assertThat(all.get("at").get(0).get("lower").isNull()).isTrue();
    }

    @Test
    void theDurationUnitIsStatedAndPrinted() throws IOException {
        // Expected: by definition, --unit (default days) is the unit of every time printed, and is named.
        Path file = write("units.csv", "duration,event,x\n4,1,0\n6,1,1\n9,0,0\n12,1,1\n");
        assertThat(CliRun.of("churn", "km", "--input", file.toString()).out()).contains("times in days");
        CliRun weeks = CliRun.of("churn", "km", "--input", file.toString(), "--unit", "weeks", "--json");
        assertThat(JSON.readTree(weeks.out()).get("unit").asText()).isEqualTo("weeks");
        CliRun cox = CliRun.of("churn", "cox", "--input", file.toString(), "--covariates", "x", "--unit", "months");
        assertThat(cox.out()).as(cox.err()).contains("durations in months");
        assertThat(CliRun.of("churn", "km", "--input", file.toString(), "--unit", "fortnights").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("churn", "km", "--input", file.toString(), "--help").out()).contains("--unit")
                .contains("(default: days)");
    }

    @Test
    void logrankJsonPrintsStatisticDegreesOfFreedomAndPValue() throws IOException {
        // Expected: R's survdiff on g3, RIT vs Control: p = 0.0138 on 1 degree of freedom.
        CliRun run = CliRun.of("churn", "logrank", "--input", G3, "--duration-column", "time", "--group-column", "group",
                "--json");
        JsonNode json = JSON.readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(json.get("pValue").asDouble()).isCloseTo(0.0138, within(0.00005));
        assertThat(json.get("degreesOfFreedom").asInt()).isEqualTo(1);
        assertThat(json.get("statistic").asDouble()).isPositive();
    }

    @Test
    void coxJsonPrintsEachCovariateAndTheFit() throws IOException {
        // Expected: R's coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio) on Rossi, Efron
        // ties: fin -0.379422 (se 0.191379), prio 0.091497 (se 0.028649); log partial likelihood -658.75;
        // concordance 0.640.
        CliRun run = CliRun.of("churn", "cox", "--input", ROSSI, "--duration-column", "week", "--event-column", "arrest",
                "--covariates", "fin,age,race,wexp,mar,paro,prio", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = JSON.readTree(run.out());
        JsonNode fin = json.get("covariates").get("fin");
        assertThat(fin.get("coef").asDouble()).isCloseTo(-0.379422, within(0.5e-6));
        assertThat(fin.get("se").asDouble()).isCloseTo(0.191379, within(0.5e-6));
        assertThat(fin.get("hazardRatio").asDouble()).isCloseTo(Math.exp(-0.379422), within(1e-6));
        assertThat(fin.get("p").asDouble()).isCloseTo(0.0474161, within(0.5e-7));
        assertThat(json.get("covariates").get("prio").get("coef").asDouble()).isCloseTo(0.091497, within(0.5e-6));
        assertThat(json.get("covariates")).hasSize(7);
        assertThat(json.get("logPartialLikelihood").asDouble()).isCloseTo(-658.75, within(0.005));
        assertThat(json.get("concordance").asDouble()).isCloseTo(0.640, within(0.0005));
    }

    @Test
    void coxTakesTheCovariatesNamedAndNamesAConstantOne() throws IOException {
        Path file = write("subjects.csv", "duration,event,plan,seats\n3,1,1,5\n5,0,0,5\n7,1,1,5\n9,1,0,5\n");
        CliRun run = CliRun.of("churn", "cox", "--input", file.toString(), "--covariates", "plan,seats");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).hasLineCount(1)
                .isEqualTo("cxm: covariate seats: every subject has the value 5.0; a constant covariate cannot be"
                        + " estimated, drop it");
    }

    @Test
    void coxReportsAFitThatCannotConvergeAsOneLine() throws IOException {
        // Expected: closed form (CoxProportionalHazardsTest): every plan-1 subject churns before any plan-0 one,
        // so the partial likelihood rises without a maximum in plan's coefficient; the fit says so and the
        // command prints that problem as one line with exit code 1.
        Path file = write("separated.csv", "duration,event,plan\n1,1,1\n2,1,1\n3,1,1\n4,1,0\n5,0,0\n6,1,0\n");
        CliRun run = CliRun.of("churn", "cox", "--input", file.toString(), "--covariates", "plan");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).hasLineCount(1).startsWith("cxm: ").contains("plan")
                .doesNotContain("Exception");
    }

    @Test
    void badRowsAreRejectedByRowNumber() throws IOException {
        Path flag = write("flag.csv", "duration,event\n3,1\n4,maybe\n");
        assertThat(CliRun.of("churn", "km", "--input", flag.toString()).err().strip())
                .isEqualTo("cxm: row 2: event: the value is not an event flag; expected 0, 1, true or false");
        Path negative = write("negative.csv", "duration,event\n3,1\n-4,0\n");
        assertThat(CliRun.of("churn", "km", "--input", negative.toString()).err().strip())
                .isEqualTo("cxm: row 2: the duration is negative; a duration must be a finite number, zero or more");
        Path group = write("group.csv", "duration,event,plan\n3,1,a\n4,0,b\n5,1,c\n");
        assertThat(CliRun.of("churn", "logrank", "--input", group.toString(), "--group-column", "plan", "--groups", "a,b")
                .err().strip()).isEqualTo("cxm: row 3: the group is not one of the declared groups [a, b]");
        Path nan = write("nan.csv", "duration,event,x\n3,1,1\n4,0,NaN\n");
        CliRun run = CliRun.of("churn", "cox", "--input", nan.toString(), "--covariates", "x");
        assertThat(run.exitCode()).isEqualTo(1);
        // NaN is no plain decimal number (issue 9: only ASCII digits with a sign, point and exponent are read).
        assertThat(run.err().strip()).isEqualTo("cxm: row 2: column x is not a number");
        // Rows with more (or fewer) cells than the header, and a header naming a column twice, are refused.
        Path extra = write("extra.csv", "duration,event\n3,1\n4,0,7\n");
        assertThat(CliRun.of("churn", "km", "--input", extra.toString()).err().strip())
                .isEqualTo("cxm: row 2: 3 columns, the header has 2; every row must have exactly the header's columns");
        Path twice = write("twice.csv", "duration,event,duration\n3,1,4\n");
        assertThat(CliRun.of("churn", "km", "--input", twice.toString()).err().strip())
                .endsWith(": columns 1 and 3 have the same name; column names must be distinct");
        // No message repeats a cell's text, which may be personal data: only the row, the column and the rule.
        Path secret = write("secret.csv", "duration,event,x\n3,1,1\n4,jane@example.com,1\n5,1,Jane Doe\n");
        CliRun leak = CliRun.of("churn", "km", "--input", secret.toString());
        assertThat(leak.err().strip()).isEqualTo("cxm: row 2: event: the value is not an event flag; expected 0, 1,"
                + " true or false");
        Path secretNumber = write("secret2.csv", "duration,event,x\n3,1,1\nJane Doe,1,2\n");
        assertThat(CliRun.of("churn", "km", "--input", secretNumber.toString()).err().strip())
                .isEqualTo("cxm: row 2: column duration is not a number");
        Path secretGroup = write("secret3.csv", "duration,event,plan\n3,1,a\n4,0,Jane Doe\n");
        assertThat(CliRun.of("churn", "km", "--input", secretGroup.toString(), "--group-column", "plan",
                "--groups", "a").err()).doesNotContain("Jane");
        assertThat(CliRun.of("churn", "km", "--input", flag.toString(), "--duration-column", "days").err().strip())
                .startsWith("cxm: column \"days\" (--duration-column) is not in the header of");
    }

    @Test
    void ratesJsonCountsAHandMadeSubscriptionLog() throws IOException {
        // By hand: a and b subscribe in January, c in February; b cancels in February; a cancels in March and
        // subscribes again in March. February: at start {a, b}, b churned, c new, at end {a, c}. March: at start
        // {a, c}, a churned (and reactivated), at end {a, c}.
        Path file = write("subs.csv", """
                customer_id,type,occurred_at,touchpoint_id,touchpoint_name,channel,outcome
                a,interaction,2025-01-05T10:00:00Z,signup,Sign-up,web,subscribed
                b,interaction,2025-01-06T10:00:00Z,signup,Sign-up,web,subscribed
                b,interaction,2025-02-10T10:00:00Z,account,Account,web,Cancelled
                c,interaction,2025-02-11T10:00:00Z,signup,Sign-up,web,subscribed
                a,interaction,2025-03-01T10:00:00Z,account,Account,web,cancelled
                a,interaction,2025-03-20T10:00:00Z,signup,Sign-up,web,subscribed
                """);
        CliRun run = CliRun.of("churn", "rates", "--input", file.toString(), "--kind", "contractual",
                "--cancellation-outcome", "cancelled", "--to", "2025-04-01", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = JSON.readTree(run.out()).get("rows");
        assertThat(rows).hasSize(3);
        // Nobody was active when January started: its rates are undefined, printed as null (not left out), the
        // convention of every churn and survival command's JSON.
        assertThat(rows.get(0).get("atStart").asLong()).isZero();
        assertThat(rows.get(0).has("churnRate")).isTrue();
        assertThat(rows.get(0).get("churnRate").isNull()).isTrue();
        assertThat(rows.get(0).get("retentionRate").isNull()).isTrue();
        JsonNode february = rows.get(1);
        assertThat(february.get("start").asText()).isEqualTo("2025-02-01");
        assertThat(february.get("atStart").asLong()).isEqualTo(2);
        assertThat(february.get("churned").asLong()).isEqualTo(1);
        assertThat(february.get("retained").asLong()).isEqualTo(1);
        assertThat(february.get("newCustomers").asLong()).isEqualTo(1);
        assertThat(february.get("atEnd").asLong()).isEqualTo(2);
        assertThat(february.get("churnRate").asDouble()).isEqualTo(0.5);
        JsonNode march = rows.get(2);
        assertThat(march.get("churned").asLong()).isEqualTo(1);
        assertThat(march.get("reactivated").asLong()).isEqualTo(1);
        assertThat(march.get("atEnd").asLong()).isEqualTo(2);
    }

    @Test
    void ratesAndCohortsLeaveOutThePeriodTheFileEndsInByDefault() throws IOException {
        // Expected: by hand, the reviewer's case: 15 days of inactivity, a 2025-05-25, b 05-28, c 06-02. June is
        // unfinished when the file ends (a and b would churn on 06-09 and 06-12), so only May is reported: a and
        // b new, none churned. Reporting June would invent 2 churns of 2 (100%). With --to 2025-07-01, June is
        // over and a and b did churn in it.
        Path file = write("late.csv", """
                customer_id,type,occurred_at,touchpoint_id,touchpoint_name,channel
                a,interaction,2025-05-25T10:00:00Z,app,App,mobile_app
                b,interaction,2025-05-28T10:00:00Z,app,App,mobile_app
                c,interaction,2025-06-02T10:00:00Z,app,App,mobile_app
                """);
        CliRun run = CliRun.of("churn", "rates", "--input", file.toString(), "--kind", "non-contractual",
                "--inactivity", "P15D", "--period", "month", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = JSON.readTree(run.out()).get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("start").asText()).isEqualTo("2025-05-01");
        assertThat(rows.get(0).get("newCustomers").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("churned").asLong()).isZero();
        JsonNode explicit = JSON.readTree(CliRun.of("churn", "rates", "--input", file.toString(), "--kind",
                "non-contractual", "--inactivity", "P15D", "--to", "2025-07-01", "--json").out()).get("rows");
        assertThat(explicit).hasSize(2);
        assertThat(explicit.get(1).get("churned").asLong()).isEqualTo(2);
        // Cohorts: June is likewise left out by default, so the May cohort has one column, not a June one that
        // would look complete.
        JsonNode cohorts = JSON.readTree(CliRun.of("churn", "cohorts", "--input", file.toString(), "--json").out())
                .get("rows");
        assertThat(cohorts).hasSize(1);
        assertThat(cohorts.get(0).get("active").toString()).isEqualTo("[2]");
    }

    @Test
    void ratesPerGroupAttributeAndNonContractual() throws IOException {
        // By hand, 10-day inactivity: x (plan p) active Jan 1 and Jan 5, gone from Jan 15; y (plan q) Jan 2
        // and Jan 30. Daily periods would be long; monthly: January has x, y new, nobody at start; February:
        // x was gone by Jan 15, y at start (last seen Jan 30) and churned Feb 9.
        Path file = write("visits.csv", """
                customer_id,type,occurred_at,touchpoint_id,touchpoint_name,channel,plan
                x,interaction,2025-01-01T10:00:00Z,app,App,mobile_app,p
                x,interaction,2025-01-05T10:00:00Z,app,App,mobile_app,p
                y,interaction,2025-01-02T10:00:00Z,app,App,mobile_app,q
                y,interaction,2025-01-30T10:00:00Z,app,App,mobile_app,q
                """);
        CliRun run = CliRun.of("churn", "rates", "--input", file.toString(), "--kind", "non-contractual",
                "--inactivity", "P10D", "--to", "2025-03-01", "--attribute-columns", "plan", "--group-attribute", "plan");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Group p").contains("Group q")
                .containsPattern("2025-02-01\\s+1\\s+0\\s+1\\s+0\\s+0\\s+0\\s+100\\.0%\\s+0\\.0%");
    }

    @Test
    void cohortsJsonAndTextCountAHandMadeLog() throws IOException {
        // By hand: a and b first active in January, a again in February; c first active in February.
        Path file = write("log.csv", """
                customer_id,type,occurred_at,touchpoint_id,touchpoint_name,channel
                a,interaction,2025-01-05T10:00:00Z,app,App,mobile_app
                b,interaction,2025-01-06T10:00:00Z,app,App,mobile_app
                a,interaction,2025-02-10T10:00:00Z,app,App,mobile_app
                c,interaction,2025-02-11T10:00:00Z,app,App,mobile_app
                """);
        CliRun json = CliRun.of("churn", "cohorts", "--input", file.toString(), "--until", "2025-03-01", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode rows = JSON.readTree(json.out()).get("rows");
        assertThat(rows.get(0).get("size").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("active").toString()).isEqualTo("[2,1]");
        assertThat(rows.get(0).get("retention").toString()).isEqualTo("[1.0,0.5]");
        assertThat(rows.get(1).get("cohort").asText()).isEqualTo("2025-02-01");
        CliRun text = CliRun.of("churn", "cohorts", "--input", file.toString(), "--basis", "recurring", "--until",
                "2025-03-01");
        assertThat(text.out()).containsPattern("2025-02-01\\s+2\\s+100\\.0%");
    }

    @Test
    void missingOptionsAreUsageOrOneLineErrors() {
        assertThat(CliRun.of("churn").exitCode()).isEqualTo(2);
        CliRun noKind = CliRun.of("churn", "rates", "--input", "samples/subscriptions.csv");
        assertThat(noKind.exitCode()).isEqualTo(2);
        assertThat(noKind.err()).contains("--kind");
        CliRun noOutcome = CliRun.of("churn", "rates", "--input", "samples/subscriptions.csv", "--kind", "contractual");
        assertThat(noOutcome.exitCode()).isEqualTo(2);
        assertThat(noOutcome.err()).contains("--cancellation-outcome");
        CliRun noGroups = CliRun.of("churn", "logrank", "--input", G3, "--duration-column", "time");
        assertThat(noGroups.err().strip()).contains("--group-column");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "km --input SUBJECTS --level 2",
        "km --input SUBJECTS --level 0",
        "km --input SUBJECTS --at NaN",
        "km --input SUBJECTS --at 30,-1",
        "cox --input SUBJECTS --covariates tickets --level 1.5",
        "cox --input SUBJECTS --covariates tickets --max-iterations 0",
        "cox --input SUBJECTS",
        "cox --input SUBJECTS --covariates tickets --group-column plan",
        "logrank --input SUBJECTS",
        "cohorts --input samples/subscriptions.csv --max-offset -1",
        "cohorts --input samples/subscriptions.csv --until yesterday",
        "rates --input samples/subscriptions.csv --kind non-contractual --inactivity -P90D",
        "rates --input samples/subscriptions.csv --kind non-contractual --inactivity PT0S",
        "rates --input samples/subscriptions.csv --kind non-contractual",
        "rates --input samples/subscriptions.csv --kind contractual",
        "rates --input samples/subscriptions.csv --kind contractual --cancellation-outcome cancelled --to soon",
        "rates --input samples/subscriptions.csv --kind contractual --cancellation-outcome cancelled"
                + " --from 2025-03-01 --to 2025-02-01"
    })
    void commandLineMistakesAreUsageErrorsWithExitCode2(String line) {
        // Expected: the CLI's contract (CxmCommand): a mistake in the command line is exit code 2, one line
        // naming it, then a pointer to the help; nothing is printed on standard output before it.
        String[] args = ("churn " + line.replace("SUBJECTS", "samples/subjects.csv")
                + " --duration-column tenure_days --event-column churned").split(" ");
        if (!line.startsWith("km") && !line.startsWith("cox") && !line.startsWith("logrank")) {
            args = ("churn " + line).split(" ");
        }
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines().toList()).hasSize(2);
        assertThat(run.err().strip().lines().toList().get(1)).startsWith("Try 'cxm churn ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rates", "cohorts", "km", "logrank", "cox"})
    void everySubcommandHasHelpAndJson(String subcommand) {
        CliRun run = CliRun.of("churn", subcommand, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--json").contains("--input");
    }

    @Test
    void theSampleFilesRun() {
        assertThat(CliRun.of("churn", "km", "--input", "samples/subjects.csv", "--duration-column", "tenure_days",
                "--event-column", "churned", "--group-column", "plan").exitCode()).isZero();
        CliRun cox = CliRun.of("churn", "cox", "--input", "samples/subjects.csv", "--duration-column", "tenure_days",
                "--event-column", "churned", "--covariates", "tickets,discount");
        assertThat(cox.exitCode()).as(cox.err()).isZero();
        assertThat(cox.out()).contains("tickets").contains("concordance");
        assertThat(CliRun.of("churn", "rates", "--input", "samples/subscriptions.csv", "--kind", "contractual",
                "--cancellation-outcome", "cancelled", "--attribute-columns", "plan", "--group-attribute", "plan")
                .exitCode()).isZero();
    }

    @Test
    void optionMistakesFoundByTheAuditAreUsageErrors() throws IOException {
        String[][] mistakes = {
                {"churn", "rates", "--input", "samples/subscriptions.csv", "--kind", "contractual",
                        "--cancellation-outcome", "cancelled", "--group-attribute", "plan"},
                {"churn", "rates", "--input", "samples/subscriptions.csv", "--kind", "non-contractual",
                        "--inactivity", "ninety days"},
                {"churn", "cox", "--input", "samples/subjects.csv", "--duration-column", "tenure_days",
                        "--event-column", "churned", "--covariates", "tickets,tickets"},
                {"churn", "km", "--input", "samples/subjects.csv", "--duration-column", "tenure_days",
                        "--event-column", "churned", "--unit", "eras"},
                {"churn", "km", "--input", "samples/subjects.csv", "--duration-column", "tenure_days",
                        "--event-column", "churned", "--unit", "half_days"},
                {"churn", "cohorts", "--input", "samples/subscriptions.csv", "--period-zone", "Mars/Olympus"}};
        for (String[] mistake : mistakes) {
            CliRun run = CliRun.of(mistake);
            assertThat(run.exitCode()).as(String.join(" ", mistake) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", mistake)).startsWith("cxm: ").doesNotContain("Exception");
        }
        // Oracle: the short form names the same duration as ISO-8601, so the reports are identical.
        String[] nonContractual = {"churn", "rates", "--input", "samples/subscriptions.csv", "--kind",
                "non-contractual", "--period", "quarter", "--json", "--inactivity"};
        CliRun shortForm = CliRun.of(concat(nonContractual, "90d"));
        assertThat(shortForm.exitCode()).as(shortForm.err()).isZero();
        assertThat(shortForm.out()).isEqualTo(CliRun.of(concat(nonContractual, "P90D")).out());
    }

    private static String[] concat(String[] first, String last) {
        String[] all = java.util.Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
