package dev.cxm.examples.cli.engage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.examples.cli.CliRun;

/**
 * {@code cxm next-action} on profile.csv, customers.ndjson and actions.json at 2026-03-10T12:00Z, decided by
 * hand from the rules of docs/engage.md:
 * <ul>
 * <li>ann (latest NPS 3, three purchases, last seen 03-05, first seen 03-01; Berlin, 13:00, not quiet; both
 * purposes granted) is in all four segments: the loyalty offer is worth 3 x 20 = 60, more than the call's 50,
 * the welcome e-mail's 10 and the come-back e-mail's 5. Her preferred channel is the web (two events as on the
 * phone, the later one), which the offer lacks, so its first channel, e-mail.</li>
 * <li>bob (one web visit on 03-01; Tokyo, where 12:00Z is 21:00) is only quiet-a-day and a newcomer: both
 * e-mails fail on the quiet hours 21:00 to 08:00, the others on their segments.</li>
 * <li>carol (a record from 03-09, no event) is only a newcomer, and denied marketing e-mail.</li>
 * </ul>
 */
class NextActionCommandTest {

    private static final String EVENTS = Path.of("src/test/resources/engage/profile.csv").toString();
    private static final String ACTIONS = Path.of("src/test/resources/engage/actions.json").toString();
    private static final String CUSTOMERS = Path.of("src/test/resources/engage/customers.ndjson").toString();
    private static final String AT = "2026-03-10T12:00:00Z";

    @TempDir
    Path directory;

    @Test
    void decidesEveryCustomerWithItsReasonAndWritesTheDecisions() throws IOException {
        Path decisions = directory.resolve("decisions.csv");
        CliRun run = CliRun.of("next-action", "--input", EVENTS, "--actions", ACTIONS, "--customers", CUSTOMERS,
                "--at", AT, "--output", decisions.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("at").asText()).isEqualTo(AT);
        assertThat(json.get("customers").asInt()).isEqualTo(3);
        assertThat(json.get("chosen").toString()).isEqualTo(
                "{\"follow-up-call\":0,\"loyalty-offer\":1,\"come-back-email\":0,\"welcome-email\":0}");
        JsonNode ann = json.get("decisions").get(0);
        assertThat(ann.get("customerId").asText()).isEqualTo("ann");
        assertThat(ann.get("action").asText()).isEqualTo("loyalty-offer");
        assertThat(ann.get("channel").asText()).isEqualTo("email");
        assertThat(ann.get("value").asDouble()).isEqualTo(60.0);
        assertThat(ann.get("reason").asText()).isEqualTo("highest value 60.0 of 4 eligible actions");
        assertThat(ann.get("rejected").toString()).isEqualTo("["
                + "{\"action\":\"follow-up-call\",\"reason\":\"LOWER_VALUE\",\"detail\":\"worth less than loyalty-offer\","
                + "\"value\":50.0},"
                + "{\"action\":\"come-back-email\",\"reason\":\"LOWER_VALUE\",\"detail\":\"worth less than loyalty-offer\","
                + "\"value\":5.0},"
                + "{\"action\":\"welcome-email\",\"reason\":\"LOWER_VALUE\",\"detail\":\"worth less than loyalty-offer\","
                + "\"value\":10.0}]");
        JsonNode bob = json.get("decisions").get(1);
        assertThat(bob.get("customerId").asText()).isEqualTo("bob");
        assertThat(bob.get("action").isNull()).isTrue();
        assertThat(bob.get("channel").isNull()).isTrue();
        assertThat(bob.get("value").isNull()).isTrue();
        assertThat(bob.get("reason").asText()).isEqualTo("no action is eligible");
        assertThat(bob.get("rejected")).extracting(node -> node.get("reason").asText())
                .containsExactly("NOT_IN_SEGMENT", "NOT_IN_SEGMENT", "QUIET_HOURS", "QUIET_HOURS");
        assertThat(bob.get("rejected").get(2).get("detail").asText())
                .isEqualTo("21:00 in Asia/Tokyo is within the quiet hours 21:00 to 08:00");
        JsonNode carol = json.get("decisions").get(2);
        assertThat(carol.get("customerId").asText()).isEqualTo("carol");
        assertThat(carol.get("rejected")).extracting(node -> node.get("reason").asText())
                .containsExactly("NOT_IN_SEGMENT", "NOT_IN_SEGMENT", "NOT_IN_SEGMENT", "NO_CONSENT");
        assertThat(Files.readAllLines(decisions)).containsExactly("customer_id,action,channel,value,reason",
                "ann,loyalty-offer,email,60.0,highest value 60.0 of 4 eligible actions",
                "bob,,,,no action is eligible", "carol,,,,no action is eligible");
    }

    @Test
    void printsOneLinePerCustomerAndHowOftenEachActionWasChosen() {
        CliRun run = CliRun.of("next-action", "--input", EVENTS, "--actions", ACTIONS, "--customers", CUSTOMERS,
                "--at", AT);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("for 3 customers")
                .containsPattern("ann +loyalty-offer +email +60\\.00  highest value 60\\.0 of 4 eligible actions")
                .containsPattern("bob +- +- +-  no action is eligible")
                .containsPattern("loyalty-offer +1\\n").containsPattern("\\(none\\) +2\\n");
    }

    @Test
    void withoutCustomerRecordsNobodyHasConsented() throws IOException {
        // Oracle: consent lives in the records; without them every action ann is in a segment of fails on it.
        CliRun run = CliRun.of("next-action", "--input", EVENTS, "--actions", ACTIONS, "--at", AT, "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("customers").asInt()).isEqualTo(2);
        assertThat(json.get("decisions").get(0).get("rejected")).extracting(node -> node.get("reason").asText())
                .containsExactly("NO_CONSENT", "NO_CONSENT", "NO_CONSENT", "NO_CONSENT");
    }

    @Test
    void aRefusedDefinitionNamesItsPathInTheJson() throws IOException {
        Path bad = directory.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of(ACTIONS)).replace("\"segments\": [\"buyers\"]",
                "\"segments\": [\"spenders\"]"));
        CliRun run = CliRun.of("next-action", "--input", EVENTS, "--actions", bad.toString(), "--at", AT);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--actions: " + bad + ": actions[1].segments[0]: names no segment; the"
                + " segments are buyers, detractors, newcomers, quiet-a-day");

        Files.writeString(bad, Files.readString(Path.of(ACTIONS)).replace("\"op\": \">=\"", "\"op\": \"about\""));
        run = CliRun.of("next-action", "--input", EVENTS, "--actions", bad.toString(), "--at", AT);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--actions: " + bad + ": segments[1].condition.op: ");
    }

    @Test
    void aBadCustomerRecordIsRefusedByItsLine() throws IOException {
        // Oracle: the stray comma is the 13th character of line 2, after {"id":"bob", (12 characters).
        Path bad = directory.resolve("customers.ndjson");
        Files.writeString(bad, Files.readString(Path.of(CUSTOMERS)).replace("{\"id\":\"bob\",", "{\"id\":\"bob\",,"));
        CliRun run = CliRun.of("next-action", "--input", EVENTS, "--actions", ACTIONS, "--customers", bad.toString(),
                "--at", AT);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--customers: " + bad + ": line 2, column 13 is not a customer record")
                .doesNotContain("Tokyo");
    }

    @Test
    void theReadmeExampleDecidesTheSampleCustomersAsTheReadmeSays() throws IOException {
        // Oracle: the examples README, worked by hand from samples/events.csv (rows 25 and 27 skipped),
        // customers.ndjson and actions.json at 10:00 UTC on 23 March.
        CliRun run = CliRun.of("next-action", "--input", "samples/events.csv", "--on-error", "skip", "--customers",
                "samples/customers.ndjson", "--actions", "samples/actions.json", "--at", "2026-03-23T10:00:00Z",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode decisions = new ObjectMapper().readTree(run.out()).get("decisions");
        assertThat(decisions).extracting(node -> node.get("customerId").asText() + " " + node.get("action").asText()
                + " " + node.get("channel").asText()).containsExactly("c-1001 referral-offer email", "c-1002 null null",
                "c-1003 follow-up-call phone", "c-1004 null null", "c-1005 null null", "c-1006 win-back-email email",
                "c-1007 null null");
        assertThat(decisions.get(1).get("rejected").get(1).get("detail").asText())
                .isEqualTo("06:00 in America/New_York is within the quiet hours 21:00 to 08:00");
        assertThat(decisions.get(4).get("rejected").get(2).get("reason").asText()).isEqualTo("NO_CONSENT");
        assertThat(decisions.get(5).get("rejected").get(2).get("reason").asText()).isEqualTo("LOWER_VALUE");
        assertThat(decisions.get(6).get("rejected").get(0).get("reason").asText()).isEqualTo("NO_CONSENT");
        assertThat(decisions.get(3).get("rejected")).extracting(node -> node.get("reason").asText())
                .containsOnly("NOT_IN_SEGMENT");
    }
}
