package dev.cxm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.io.Ndjson;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;

/**
 * {@code cxm nps|csat|ces}, run in-process. Expected numbers are counted by hand from the input files
 * (the bundled sample, or small files written here) and worked through the closed forms in the comments.
 */
class FeedbackCommandsTest {

    private static final Path SAMPLE = Path.of("samples/events.csv");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path directory;

    /** The exit code and both output streams of one run. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = CxmCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void npsOfTheSampleHasTheContractKeys() throws IOException {
        // The sample's NPS rows: 9, 10, 4, 8, 6, 9 (the 12 is rejected): promoters 3, passives 1, detractors 2,
        // NPS 100/6 = 16.67. Adjusted Wald: n' = 9, p+ = 3.75/9, p- = 2.75/9, net 1/9, variance
        // 6.5/9 - 1/81 = 0.709877, half 1.959964 * sqrt(0.709877/9) = 0.550453: [-43.934, 66.156].
        // Not NPS: two CSAT and one CES response; rejected: the score 12 and the negative amount.
        Run run = run("nps", "--input", SAMPLE.toString(), "--on-error", "skip", "--json");
        JsonNode json = run.json();

        assertThat(run.exitCode()).isZero();
        assertThat(json.get("score").asDouble()).isCloseTo(100.0 / 6, within(1e-9));
        assertThat(json.get("n").asLong()).isEqualTo(6);
        assertThat(json.get("promoters").asLong()).isEqualTo(3);
        assertThat(json.get("passives").asLong()).isEqualTo(1);
        assertThat(json.get("detractors").asLong()).isEqualTo(2);
        JsonNode interval = json.get("interval");
        assertThat(interval.get("lower").asDouble()).isCloseTo(-43.934, within(1e-3));
        assertThat(interval.get("upper").asDouble()).isCloseTo(66.156, within(1e-3));
        assertThat(interval.get("level").asDouble()).isEqualTo(0.95);
        assertThat(interval.get("method").asText()).isEqualTo("adjusted-wald");
        assertThat(json.get("otherScales").asLong()).isEqualTo(3);
        assertThat(json.get("rejectedRows").asLong()).isEqualTo(2);
    }

    @Test
    void groupByGivesAnObjectPerGroup() throws IOException {
        // By channel: web rows 9 and 8 -> +50; rows without a touchpoint 10, 4, 6, 9 -> 0.
        JsonNode json = run("nps", "--input", SAMPLE.toString(), "--on-error", "skip", "--group-by", "channel",
                "--json").json();

        JsonNode groups = json.get("groups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("group").asText()).isEqualTo("(none)");
        assertThat(groups.get(0).get("n").asLong()).isEqualTo(4);
        assertThat(groups.get(0).get("score").asDouble()).isEqualTo(0.0);
        assertThat(groups.get(1).get("group").asText()).isEqualTo("web");
        assertThat(groups.get(1).get("score").asDouble()).isEqualTo(50.0);
        assertThat(groups.get(1).get("belowMinimumN").asBoolean()).isTrue();
        assertThat(groups.get(1).get("interval").get("method").asText()).isEqualTo("adjusted-wald");
    }

    @Test
    void groupByWorksOnAnyColumnAndScoreColumnRenamesTheScore() throws IOException {
        // No type or scale columns: every row is NPS feedback. gold: 10, 9, 2 -> (2 - 1)/3 = 33.33;
        // silver: 7, 0 -> -50.
        Path file = write("survey.csv", """
                customer_id,occurred_at,rating,segment
                c1,2026-03-02T10:00:00Z,10,gold
                c2,2026-03-02T11:00:00Z,9,gold
                c3,2026-03-03T10:00:00Z,2,gold
                c4,2026-03-04T10:00:00Z,7,silver
                c5,2026-03-09T10:00:00Z,0,silver
                """);

        JsonNode json = run("nps", "--input", file.toString(), "--score-column", "rating", "--group-by", "segment",
                "--min-n", "3", "--json").json();

        assertThat(json.get("n").asLong()).isEqualTo(5);
        assertThat(json.get("groups").get(0).get("group").asText()).isEqualTo("gold");
        assertThat(json.get("groups").get(0).get("score").asDouble()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(json.get("groups").get(0).get("belowMinimumN").asBoolean()).isFalse();
        assertThat(json.get("groups").get(1).get("score").asDouble()).isEqualTo(-50.0);
        assertThat(json.get("groups").get(1).get("belowMinimumN").asBoolean()).isTrue();
    }

    @Test
    void periodGivesATrendWithEmptyPeriodsKept() throws IOException {
        // ISO weeks of 2026: 2 March (10, 9, 2, 7 -> 25), 9 March (0 -> -100); by month: all in March.
        Path file = write("survey.csv", """
                customer_id,occurred_at,score
                c1,2026-03-02T10:00:00Z,10
                c2,2026-03-02T11:00:00Z,9
                c3,2026-03-03T10:00:00Z,2
                c4,2026-03-04T10:00:00Z,7
                c5,2026-03-23T10:00:00Z,0
                """);

        JsonNode json = run("nps", "--input", file.toString(), "--period", "week", "--json").json();

        JsonNode periods = json.get("periods");
        assertThat(json.get("period").asText()).isEqualTo("week");
        assertThat(periods).hasSize(4);
        assertThat(periods.get(0).get("start").asText()).isEqualTo("2026-03-02");
        assertThat(periods.get(0).get("end").asText()).isEqualTo("2026-03-09");
        assertThat(periods.get(0).get("score").asDouble()).isEqualTo(25.0);
        assertThat(periods.get(1).get("n").asLong()).isZero();
        assertThat(periods.get(1).has("score")).isFalse();
        assertThat(periods.get(3).get("score").asDouble()).isEqualTo(-100.0);
    }

    @Test
    void csatReportsTheTopBoxShareAndItsOptions() throws IOException {
        // The sample's CSAT rows: 4 and 5 -> top-2-box 100%, mean 4.5. Top box only (5): 50%.
        JsonNode json = run("csat", "--input", SAMPLE.toString(), "--on-error", "skip", "--json").json();
        JsonNode topOne = run("csat", "--input", SAMPLE.toString(), "--on-error", "skip", "--top-boxes", "1",
                "--json").json();
        JsonNode mean = run("csat", "--input", SAMPLE.toString(), "--on-error", "skip", "--report", "mean",
                "--json").json();

        assertThat(json.get("reported").asText()).isEqualTo("good-share");
        assertThat(json.get("score").asDouble()).isEqualTo(100.0);
        assertThat(json.get("interval").get("method").asText()).isEqualTo("wilson");
        assertThat(json.get("mean").get("value").asDouble()).isEqualTo(4.5);
        assertThat(topOne.get("score").asDouble()).isEqualTo(50.0);
        assertThat(topOne.get("good").asText()).isEqualTo("5..5");
        assertThat(mean.get("reported").asText()).isEqualTo("mean");
        assertThat(mean.get("score").asDouble()).isEqualTo(4.5);
        assertThat(mean.get("interval").get("method").asText()).isEqualTo("t");
    }

    @Test
    void csatWorksOnAnotherScale() throws IOException {
        // A 1..7 satisfaction scale, top two boxes {6, 7}: 7, 6, 3, 1 -> 50%.
        Path file = write("sat7.csv", """
                customer_id,occurred_at,score
                c1,2026-03-02T10:00:00Z,7
                c2,2026-03-02T11:00:00Z,6
                c3,2026-03-03T10:00:00Z,3
                c4,2026-03-04T10:00:00Z,1
                """);

        JsonNode json = run("csat", "--input", file.toString(), "--scale", "sat7:1..7", "--json").json();

        assertThat(json.get("scale").asText()).isEqualTo("sat7:1..7");
        assertThat(json.get("score").asDouble()).isEqualTo(50.0);
    }

    @Test
    void cesReportsTheMeanAndTheShareAgreeing() throws IOException {
        // 7, 5, 2, 6 on CES 1..7: mean 5; agreeing (5..7) 3 of 4.
        Path file = write("ces.csv", """
                customer_id,occurred_at,score
                c1,2026-03-02T10:00:00Z,7
                c2,2026-03-02T11:00:00Z,5
                c3,2026-03-03T10:00:00Z,2
                c4,2026-03-04T10:00:00Z,6
                """);

        JsonNode json = run("ces", "--input", file.toString(), "--json").json();

        assertThat(json.get("reported").asText()).isEqualTo("mean");
        assertThat(json.get("score").asDouble()).isEqualTo(5.0);
        assertThat(json.get("goodShare").get("value").asDouble()).isEqualTo(0.75);
        assertThat(json.get("interval").get("method").asText()).isEqualTo("t");
    }

    @Test
    void ndjsonGroupsByTheChannelOfTheTouchpoint() throws IOException {
        // Web: 10, 9 -> +100; phone: 3 -> -100.
        Touchpoint web = Touchpoint.of("checkout", "Checkout", Channel.WEB);
        Touchpoint phone = Touchpoint.of("hotline", "Hotline", Channel.PHONE);
        List<CustomerEvent> events = new ArrayList<>();
        events.add(feedback("e1", 10, web));
        events.add(feedback("e2", 9, web));
        events.add(feedback("e3", 3, phone));
        Path file = directory.resolve("feedback.ndjson");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Ndjson.writeEvents(events.stream(), writer);
        }

        JsonNode json = run("nps", "--input", file.toString(), "--group-by", "channel", "--json").json();

        assertThat(json.get("groups").get(0).get("group").asText()).isEqualTo("phone");
        assertThat(json.get("groups").get(0).get("score").asDouble()).isEqualTo(-100.0);
        assertThat(json.get("groups").get(1).get("group").asText()).isEqualTo("web");
        assertThat(json.get("groups").get(1).get("score").asDouble()).isEqualTo(100.0);
    }

    @Test
    void aFileWithoutResponsesGivesNZeroAndNoScore() throws IOException {
        Path file = write("empty.csv", "customer_id,occurred_at,score\n");

        Run run = run("nps", "--input", file.toString(), "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("n").asLong()).isZero();
        assertThat(run.json().has("score")).isFalse();
        assertThat(run.json().has("interval")).isFalse();
    }

    @Test
    void textOutputFlagsSmallGroups() {
        Run run = run("nps", "--input", SAMPLE.toString(), "--on-error", "skip", "--group-by", "channel");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("overall", "n=6", "+16.7", "adjusted-wald", "web", "n=2*",
                "* fewer than 30 responses");
    }

    @Test
    void badOptionsFailWithOneLine() {
        Run level = run("nps", "--input", SAMPLE.toString(), "--confidence", "1.5");
        Run period = run("nps", "--input", SAMPLE.toString(), "--period", "year");
        Run scale = run("nps", "--input", SAMPLE.toString(), "--scale", "csat");
        Run method = run("nps", "--input", SAMPLE.toString(), "--interval", "exact");

        assertThat(level.exitCode()).isEqualTo(1);
        assertThat(level.err()).startsWith("cxm: level: 1.5 is outside (0, 1)").hasLineCount(1);
        assertThat(period.err()).startsWith("cxm: period: \"year\" is not a period").hasLineCount(1);
        assertThat(scale.err()).startsWith("cxm: --scale csat:1..5 is not the NPS scale").hasLineCount(1);
        assertThat(method.err()).startsWith("cxm: --interval: \"exact\" is not a method").hasLineCount(1);
    }

    @Test
    void everyFeedbackCommandHasHelp() {
        for (String command : List.of("nps", "csat", "ces")) {
            Run run = run(command, "--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("--input", "--group-by", "--period", "--confidence", "--json", "--score-column");
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static FeedbackResponse feedback(String id, int score, Touchpoint touchpoint) {
        return new FeedbackResponse(EventId.of(id), CustomerId.of("c-" + id), Instant.parse("2026-03-02T10:00:00Z"),
                "nps", FeedbackScale.NPS, score, Optional.empty(), Optional.of(touchpoint), Map.of());
    }
}
