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
 * {@code cxm segment} on profile.csv with segments.json, counted by hand: ann (NPS 3, three purchases, the
 * hotline; last seen 2026-03-05T10:00Z) and bob (one web visit, last seen 2026-03-01T08:00Z). At the default
 * instant, one nanosecond after the last event (TimeSpan.endExclusive) (2026-03-05T10:00:00.000000001Z): detractors {ann}, buyers {ann}, phone {ann},
 * quiet for more than a day {bob}; ann's three segments overlap pairwise, bob's with none.
 */
class SegmentCommandTest {

    private static final String EVENTS = Path.of("src/test/resources/engage/profile.csv").toString();
    private static final String SEGMENTS = Path.of("src/test/resources/engage/segments.json").toString();

    @TempDir
    Path directory;

    @Test
    void countsSizesAndOverlapsAndWritesTheMembers() throws IOException {
        Path members = directory.resolve("members.csv");
        CliRun run = CliRun.of("segment", "--input", EVENTS, "--segments", SEGMENTS, "--output", members.toString(),
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("profiles").asLong()).isEqualTo(2);
        assertThat(json.get("at").asText()).isEqualTo("2026-03-05T10:00:00.000000001Z");
        assertThat(json.get("sizes").toString()).isEqualTo("{\"detractors\":1,\"buyers\":1,\"phone\":1,\"quiet-a-day\":1}");
        assertThat(json.get("overlaps").get(0).toString())
                .isEqualTo("{\"first\":\"detractors\",\"second\":\"buyers\",\"customers\":1}");
        assertThat(json.get("overlaps").get(2).toString())
                .isEqualTo("{\"first\":\"detractors\",\"second\":\"quiet-a-day\",\"customers\":0}");
        assertThat(Files.readAllLines(members)).containsExactly("segment,customer_id", "detractors,ann",
                "buyers,ann", "phone,ann", "quiet-a-day,bob");
    }

    @Test
    void aRefusedDefinitionNamesItsPathInTheJson() throws IOException {
        Path bad = directory.resolve("bad.json");
        Files.writeString(bad, "{\"segments\": [{\"name\": \"a\", \"condition\": {\"number\": \"npsCategory\","
                + " \"op\": \">\", \"value\": 1}}]}");
        CliRun run = CliRun.of("segment", "--input", EVENTS, "--segments", bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("segments[0].condition.number: npsCategory is a category field, not a number"
                + " field");
    }
}
