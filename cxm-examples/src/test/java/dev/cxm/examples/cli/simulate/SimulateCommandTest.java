package dev.cxm.examples.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.examples.cli.CliRun;

/**
 * {@code cxm simulate} writes a world, and every command that reads one of its files reads it with its default
 * options (only the options naming files and steps), accepting every row. The oracles: the counts the
 * simulator reports against the files' own line counts, and the commands' own JSON reports of rejected rows.
 */
class SimulateCommandTest {

    @TempDir
    static Path directory;

    private static Path world;
    private static JsonNode written;

    @BeforeAll
    static void simulate() throws IOException {
        world = directory.resolve("world");
        CliRun run = CliRun.of("simulate", "--customers", "600", "--seed", "4", "--out", world.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        written = new ObjectMapper().readTree(run.out());
    }

    private static String file(String name) {
        return world.resolve(name).toString();
    }

    private static JsonNode json(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void writesTheFilesAndReportsWhatTheyHold() throws IOException {
        assertThat(written.get("customers").asInt()).isEqualTo(600);
        assertThat(written.get("seed").asLong()).isEqualTo(4);
        assertThat(Files.readAllLines(world.resolve("events.csv"))).hasSize(written.get("events").asInt() + 1);
        assertThat(Files.readAllLines(world.resolve("events.ndjson"))).hasSize(written.get("events").asInt());
        assertThat(Files.readAllLines(world.resolve("customers.ndjson")))
                .hasSize(written.get("customerRecords").asInt());
        for (String name : List.of("customers", "eventsCsv", "eventsNdjson", "journeyMap", "drivers", "subjects",
                "segments", "truth")) {
            assertThat(Path.of(written.get("files").get(name).asText())).isRegularFile();
        }
        CliRun text = CliRun.of("simulate", "--customers", "20", "--out", directory.resolve("tiny").toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).startsWith("Simulated 20 customers (seed 20261206) into ").contains("truth.json");
    }

    @Test
    void theEventFilesImportWithDefaultOptionsAndNothingRejected() throws IOException {
        for (String events : List.of("events.csv", "events.ndjson")) {
            JsonNode report = json("import", "--input", file(events), "--json");
            assertThat(report.get("rejectedCount").asLong()).isZero();
            assertThat(report.get("stored").asLong()).isEqualTo(written.get("events").asLong());
        }
    }

    @Test
    void theFeedbackClvJourneyAndEngageCommandsReadTheEventsWithTheirDefaults() throws IOException {
        String events = file("events.csv");
        for (String metric : List.of("nps", "csat", "ces")) {
            JsonNode result = json(metric, "--input", events, "--json");
            assertThat(result.get("n").asLong()).as(metric).isPositive();
            assertThat(result.get("rejectedRows").asLong()).as(metric).isZero();
        }
        assertThat(json("nps", "--input", events, "--group-by", "channel", "--json").get("groups").size())
                .isGreaterThan(3);
        assertThat(json("nps", "--input", events, "--map", file("journey-map.json"), "--group-by", "journey-stage",
                "--json").get("groups").size()).isEqualTo(2);
        assertThat(json("clv", "summary", "--input", events, "--json").get("customers").asDouble()).isPositive();
        assertThat(json("clv", "fit", "--input", events, "--model", "bg-nbd", "--unit", "weeks", "--json")
                .get("converged").asBoolean()).isTrue();
        assertThat(json("journey", "funnel", "--input", events, "--steps", "home,product,cart,checkout", "--json")
                .get("steps").get(0).get("count").asLong()).isPositive();
        assertThat(json("journey", "paths", "--input", events, "--start", "home", "--json").toString())
                .contains("product");
        assertThat(json("journey", "discover", "--input", events, "--json").get("edges").size()).isPositive();
        assertThat(json("journey", "conformance", "--input", events, "--map", file("journey-map.json"), "--json")
                .toString()).contains("fitness");
        assertThat(json("profile", "--input", events, "--customer", "c-0000001", "--json").get("eventCount").asLong())
                .isPositive();
        assertThat(json("segment", "--input", events, "--segments", file("segments.json"), "--json").get("sizes")
                .size()).isEqualTo(7);
    }

    @Test
    void theDriverAndSubjectFilesAreReadByTheirCommands() throws IOException {
        JsonNode drivers = json("drivers", "--input", file("drivers.csv"), "--outcome-column", "recommend",
                "--driver-columns", "wait_time,resolution,product,price,delivery", "--bootstrap", "0", "--json");
        assertThat(drivers.get("drivers").size()).isEqualTo(5);
        JsonNode km = json("churn", "km", "--input", file("subjects.csv"), "--duration-column", "tenure_days",
                "--event-column", "churned", "--group-column", "plan", "--json");
        assertThat(km.toString()).contains("basic", "plus", "premium");
        JsonNode cox = json("churn", "cox", "--input", file("subjects.csv"), "--duration-column", "tenure_days",
                "--event-column", "churned", "--covariates", "discount,contacts_per_month,unresolved_share", "--json");
        assertThat(cox.toString()).contains("contacts_per_month");
        JsonNode themes = json("themes", "--input", file("drivers.csv"), "--text-column", "comment", "--split-column",
                "nps_category", "--split-value", "detractor", "--json");
        assertThat(themes.toString()).contains("not helpful");
    }

    @Test
    void aBadCountIsAUsageErrorAndAFileInThePlaceOfTheFolderAFailure() throws IOException {
        CliRun none = CliRun.of("simulate", "--customers", "0", "--out", directory.resolve("none").toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--customers: 0 is out of range; it must be 1 to 9999999");
        Path plain = Files.writeString(directory.resolve("plain.txt"), "x");
        CliRun onFile = CliRun.of("simulate", "--customers", "5", "--out", plain.toString());
        assertThat(onFile.exitCode()).isEqualTo(1);
        assertThat(onFile.err()).isEqualTo("cxm: --out: " + plain + " is a file; give a folder" + System.lineSeparator());
    }
}
