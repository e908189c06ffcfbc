package dev.cxm.examples.cli.engage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.examples.cli.CliRun;

/**
 * {@code cxm profile} on src/test/resources/engage/profile.csv, counted by hand: ann has 8 events (the repeated
 * row e8 counts once), web twice (home, checkout) and phone twice (the hotline), 3 purchases (19.99 + 5.01 =
 * 25.00 EUR and 10.00 USD), and her latest NPS answer is the 3 of e8, a detractor.
 */
class ProfileCommandTest {

    private static final String FILE = Path.of("src/test/resources/engage/profile.csv").toString();

    @Test
    void printsTheContractedJsonKeys() throws IOException {
        CliRun run = CliRun.of("profile", "--input", FILE, "--customer", "ann", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("customerId").asText()).isEqualTo("ann");
        assertThat(json.get("firstSeen").asText()).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(json.get("lastSeen").asText()).isEqualTo("2026-03-05T10:00:00Z");
        assertThat(json.get("eventCount").asLong()).isEqualTo(8);
        assertThat(json.get("purchaseCount").asLong()).isEqualTo(3);
        assertThat(json.get("totalSpend").get("EUR").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(json.get("totalSpend").get("USD").decimalValue()).isEqualByComparingTo("10");
        assertThat(json.get("latestNps").asInt()).isEqualTo(3);
        assertThat(json.get("npsCategory").asText()).isEqualTo("detractor");
        assertThat(json.get("channels").get("web").asLong()).isEqualTo(2);
        assertThat(json.get("channels").get("phone").asLong()).isEqualTo(2);
        assertThat(json.get("linkedCustomerIds").isArray()).isTrue();
        assertThat(json.get("linkedCustomerIds")).isEmpty();
        assertThat(json.get("latestCsat").isNull()).isTrue();
    }

    @Test
    void aCustomerWithoutEventsIsAFailureNamingTheId() {
        CliRun run = CliRun.of("profile", "--input", FILE, "--customer", "zoe");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--customer: zoe has no events in");
    }

    @Test
    void printsTextByDefault() {
        CliRun run = CliRun.of("profile", "--input", FILE, "--customer", "bob");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Profile of bob").contains("channel web        1 events, last 2026-03-01T08:00:00Z");
    }
}
