package dev.cxm.examples.cli.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.examples.cli.CliRun;

/**
 * {@code cxm journey ...} and {@code cxm nps --map}, run in-process on small files in
 * {@code src/test/resources/journey}. funnel.csv is the worked example of docs/journeys.md (ann's checkout
 * row repeated, which counts once); its numbers are worked out there. feedback.csv is counted by hand in
 * {@link #npsByJourneyStageGroupsEachResponseByTheStageItsRespondentWasIn}.
 */
class JourneyCommandsTest {

    private static final Path DIR = Path.of("src/test/resources/journey");
    private static final String FUNNEL = DIR.resolve("funnel.csv").toString();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path directory;

    private static JsonNode json(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return MAPPER.readTree(run.out());
    }

    private static List<Long> counts(JsonNode steps) {
        List<Long> counts = new ArrayList<>();
        steps.forEach(step -> counts.add(step.get("count").asLong()));
        return counts;
    }

    @Test
    void funnelPrintsEachStepWithTheContractedKeys() throws IOException {
        JsonNode result = json(CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home,product,checkout",
                "--window", "PT1H", "--exclude", "hotline:2-3", "--json"));
        JsonNode steps = result.get("steps");
        assertThat(counts(steps)).containsExactly(5L, 5L, 1L);
        assertThat(steps.get(0).get("name").asText()).isEqualTo("home");
        assertThat(steps.get(0).get("conversionFromStart").asDouble()).isEqualTo(1.0);
        assertThat(steps.get(0).get("conversionFromPrevious").isNull()).isTrue();
        assertThat(steps.get(0).get("medianTimeToConvert").isNull()).isTrue();
        assertThat(steps.get(1).get("medianTimeToConvert").asText()).isEqualTo("PT10M");
        assertThat(steps.get(2).get("conversionFromStart").asDouble()).isEqualTo(0.2);
        assertThat(steps.get(2).get("conversionFromPrevious").asDouble()).isEqualTo(0.2);
        assertThat(steps.get(2).get("medianTimeToConvert").asText()).isEqualTo("PT15M");
        assertThat(result.get("order").asText()).isEqualTo("ordered");
        assertThat(result.get("events").asLong()).isEqualTo(17);
        assertThat(result.get("rowsRead").asLong()).isEqualTo(18);
    }

    @Test
    void funnelTakesTheOrderAndABreakdownByAColumn() throws IOException {
        assertThat(counts(json(CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home,product,checkout",
                "--window", "PT1H", "--order", "strict", "--json")).get("steps"))).containsExactly(5L, 4L, 1L);
        assertThat(counts(json(CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home,product,checkout",
                "--window", "PT1H", "--order", "unordered", "--json")).get("steps"))).containsExactly(5L, 5L, 2L);
        JsonNode byUtm = json(CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home,product,checkout",
                "--window", "PT1H", "--exclude", "hotline:2-3", "--breakdown", "utm", "--json"));
        assertThat(byUtm.get("breakdown").asText()).isEqualTo("attribute:utm");
        assertThat(byUtm.get("groups").get(1).get("group").asText()).isEqualTo("ads");
        assertThat(counts(byUtm.get("groups").get(1).get("steps"))).containsExactly(3L, 3L, 1L);
        CliRun text = CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home,product,checkout",
                "--window", "PT1H", "--exclude", "hotline:2-3");
        assertThat(text.out()).contains("dropped off after product: 4 (bob, cat, dan, eve)")
                .contains("20.0% [3.6, 62.4]");
    }

    @Test
    void funnelCountsEveryAttemptWhenAsked() throws IOException {
        // docs/journeys.md: every customer of funnel.csv makes one attempt, so the counts stay 5, 5, 1; dan's
        // attempt starts at his first home visit (11:00), so his time to product is 45 minutes, not 15: the
        // times to product are 2, 5, 10, 25, 45 minutes against 2, 5, 10, 15, 25, and the upper quartile
        // (nearest rank) moves from 15 to 25 minutes.
        JsonNode first = json(CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home,product,checkout",
                "--window", "PT1H", "--exclude", "hotline:2-3", "--json"));
        JsonNode every = json(CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home,product,checkout",
                "--window", "PT1H", "--exclude", "hotline:2-3", "--counting", "every-attempt", "--json"));
        assertThat(first.get("counting").asText()).isEqualTo("first-completion");
        assertThat(every.get("counting").asText()).isEqualTo("every-attempt");
        assertThat(counts(every.get("steps"))).containsExactly(5L, 5L, 1L);
        assertThat(first.get("steps").get(1).get("upperQuartileTimeToConvert").asText()).isEqualTo("PT15M");
        assertThat(every.get("steps").get(1).get("upperQuartileTimeToConvert").asText()).isEqualTo("PT25M");
        CliRun bad = CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home", "--counting", "totals");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--counting: is not a funnel counting; expected first-completion or every-attempt");
    }

    @Test
    void funnelRefusesBadOptionsAsUsageErrors() {
        CliRun zero = CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home,product", "--window", "PT0S");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--window: PT0S is not positive");
        CliRun order = CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home", "--order", "random");
        assertThat(order.exitCode()).isEqualTo(2);
        assertThat(order.err()).contains("--order: is not a funnel order; expected ordered, strict or unordered");
        CliRun unordered = CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home,product", "--order",
                "unordered", "--exclude", "hotline");
        assertThat(unordered.exitCode()).isEqualTo(2);
        assertThat(unordered.err()).contains("--exclude: an unordered funnel has no order of steps");
        CliRun column = CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home", "--breakdown", "campaign");
        assertThat(column.exitCode()).isEqualTo(2);
        assertThat(column.err()).contains("--breakdown: \"campaign\" is neither one of");
        CliRun warning = CliRun.of("journey", "funnel", "--input", FUNNEL, "--steps", "home,chekout");
        assertThat(warning.exitCode()).isZero();
        assertThat(warning.out()).contains("Warning: step 2 (chekout) matched no event");
    }

    @Test
    void discoverPrintsTheGraphAndVariantsAndWritesDot() throws IOException {
        Path dot = directory.resolve("journeys.dot");
        JsonNode result = json(CliRun.of("journey", "discover", "--input", FUNNEL, "--coverage", "0.5", "--dot",
                dot.toString(), "--json"));
        JsonNode first = result.get("edges").get(0);
        // home > product: ann 5, bob 10, cat 25, dan 15 minutes; median (nearest rank) 10.
        assertThat(first.get("from").asText() + ">" + first.get("to").asText()).isEqualTo("home>product");
        assertThat(first.get("count").asLong()).isEqualTo(4);
        assertThat(first.get("medianTime").asText()).isEqualTo("PT10M");
        assertThat(result.get("startActivities").get("home").asLong()).isEqualTo(4);
        assertThat(result.get("startActivities").get("product").asLong()).isEqualTo(1);
        assertThat(result.get("endActivities").get("checkout").asLong()).isEqualTo(3);
        // Five cases, every variant different: 0.5 needs three of them.
        assertThat(result.get("variants")).hasSize(3);
        assertThat(result.get("variants").get(0).get("share").asDouble()).isEqualTo(0.2);
        assertThat(result.get("variants").get(0).has("steps")).isTrue();
        assertThat(Files.readString(dot)).startsWith("digraph journey {").contains("\"home\" -> \"product\"");
        JsonNode sessions = json(CliRun.of("journey", "discover", "--input", FUNNEL, "--case", "session", "--json"));
        // cat's checkout comes 90 minutes after her last event: a session of its own.
        assertThat(sessions.get("cases").asLong()).isEqualTo(6);
    }

    @Test
    void pathsAndConformanceRunOnTheFileAndTheMap() throws IOException {
        JsonNode paths = json(CliRun.of("journey", "paths", "--input", FUNNEL, "--start", "home", "--limit", "3",
                "--json"));
        assertThat(paths.get("paths").get(0).get("steps").toString()).isEqualTo("[\"home\",\"product\",\"checkout\"]");
        assertThat(paths.get("paths").get(0).get("count").asLong()).isEqualTo(2);
        JsonNode byStage = json(CliRun.of("journey", "paths", "--input", FUNNEL, "--map",
                DIR.resolve("stages.json").toString(), "--json"));
        // By stage (home awareness, checkout purchase, hotline service; the rest outside): ann and cat
        // awareness > purchase, bob awareness > service > purchase, dan and eve awareness: two ties of 2, the
        // shorter first.
        assertThat(byStage.get("paths").get(0).get("steps").toString()).isEqualTo("[\"awareness\"]");
        assertThat(byStage.get("paths").get(1).get("steps").toString()).isEqualTo("[\"awareness\",\"purchase\"]");
        assertThat(byStage.get("paths").get(1).get("count").asLong()).isEqualTo(2);
        JsonNode conformance = json(CliRun.of("journey", "conformance", "--input", FUNNEL, "--map",
                DIR.resolve("stages.json").toString(), "--json"));
        // Moves: ann, cat awareness > purchase; bob awareness > service (skipped purchase) > purchase: 4, 3 allowed.
        assertThat(conformance.get("moves").asLong()).isEqualTo(4);
        assertThat(conformance.get("allowedMoves").asLong()).isEqualTo(3);
        assertThat(conformance.get("deviations").get("SKIPPED_STAGE").asLong()).isEqualTo(1);
        assertThat(conformance.get("outsideMap").get("product").asLong()).isEqualTo(6);
        CliRun misspelt = CliRun.of("journey", "paths", "--input", FUNNEL, "--start", "hom");
        assertThat(misspelt.exitCode()).isZero();
        assertThat(misspelt.out()).contains("Warning: start step (hom) matched no event of the 5 cases read");
        CliRun missing = CliRun.of("journey", "conformance", "--input", FUNNEL, "--map", "no-such-map.json");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no-such-map.json");
    }

    @Test
    void npsByJourneyStageGroupsEachResponseByTheStageItsRespondentWasIn() throws IOException {
        // a: home 09:00 (awareness), answers 9 at 09:30 -> awareness promoter; checkout next day (purchase),
        // answers 3 -> purchase detractor. b: checkout 08:00, answers 10 at 12:00 -> purchase promoter; hotline
        // on day 3, answers 6 -> service detractor. c: no placed event, answers 7 -> (none) passive. The rows
        // are out of time order on purpose.
        JsonNode nps = json(CliRun.of("nps", "--input", DIR.resolve("feedback.csv").toString(), "--map",
                DIR.resolve("stages.json").toString(), "--group-by", "journey-stage", "--json"));
        List<String> groups = new ArrayList<>();
        nps.get("groups").forEach(g -> groups.add(g.get("group").asText() + ":" + g.get("promoters").asLong() + "/"
                + g.get("detractors").asLong() + "/" + g.get("n").asLong()));
        assertThat(groups).containsExactlyInAnyOrder("(none):0/0/1", "awareness:1/0/1", "purchase:1/1/2",
                "service:0/1/1");
        assertThat(nps.get("groupBy").asText()).isEqualTo("journey-stage");
        CliRun withoutMap = CliRun.of("nps", "--input", DIR.resolve("feedback.csv").toString(), "--group-by",
                "journey-stage");
        assertThat(withoutMap.exitCode()).isEqualTo(2);
        assertThat(withoutMap.err()).contains("--group-by journey-stage: needs --map FILE.json");
        CliRun mapAlone = CliRun.of("nps", "--input", DIR.resolve("feedback.csv").toString(), "--map",
                DIR.resolve("stages.json").toString());
        assertThat(mapAlone.exitCode()).isEqualTo(2);
        assertThat(mapAlone.err()).contains("--map: is used with --group-by journey-stage only");
    }
}
