package dev.cxm.metrics.feedback;

import static dev.cxm.metrics.feedback.Responses.PHONE;
import static dev.cxm.metrics.feedback.Responses.WEB;
import static dev.cxm.metrics.feedback.Responses.nps;
import static dev.cxm.metrics.feedback.Responses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * The JSON forms of the feedback states, frozen: the golden files in {@code src/test/resources/feedback} were
 * written by hand from the responses named in each test (format 1) and must keep reading, to the same state
 * the accumulator builds from those responses, and this version must keep writing them unchanged.
 */
class FeedbackStateFormatTest {

    private final ObjectMapper mapper = CxmJson.mapper();

    @Test
    void scoreDistributionFormatOneStillReads() throws IOException {
        // CSAT responses (score, weight): (1, 2), (3, 0.5), (3, 1), (4, 1) three times, (5, 0). Per point:
        // counts 1 0 2 3 1, weights 2 0 1.5 3 0, squared weights 4 0 1.25 3 0. By hand: n = 7, total weight
        // 6.5, n_eff = 6.5^2 / 8.25 = 5.121212, good share (4..5) = 3 / 6.5 = 0.461538.
        String golden = read("feedback/score-distribution-v1.json");
        ScoreDistribution expected = RatingScore.csat().accumulator().add(1, 2).add(3, 0.5).add(3, 1).add(4).add(4)
                .add(4).add(5, 0).state();

        ScoreDistribution read = mapper.readValue(golden, ScoreDistribution.class);

        assertThat(read).isEqualTo(expected);
        assertThat(mapper.readTree(mapper.writeValueAsString(read))).isEqualTo(mapper.readTree(golden));
        RatingResult result = RatingScore.csat().result(read);
        assertThat(result.n()).isEqualTo(7);
        assertThat(result.totalWeight()).isEqualTo(6.5);
        assertThat(result.effectiveN()).isCloseTo(42.25 / 8.25, within(1e-12));
        assertThat(result.goodShare().orElseThrow().value()).isCloseTo(3 / 6.5, within(1e-12));
    }

    @Test
    void breakdownStateFormatOneStillReads() throws IOException {
        // NPS by channel and ISO week in Berlin of: a (10, web, Tuesday 24 Feb), b (3, phone, Wednesday 25 Feb),
        // c (9, web, Sunday 1 March 23:30 UTC = Monday 2 March 00:30 in Berlin) and one CSAT response (skipped).
        // By hand: weeks of 23 Feb {a, b} and 2 March {c}; web {a, c}, phone {b}; one response on another scale.
        String golden = read("feedback/breakdown-state-v1.json");
        FeedbackBreakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NetPromoterScore.ofDefaults())
                .groupBy(GroupKeys.channel()).per(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin")).build();
        List<FeedbackResponse> responses = List.of(nps("a", 10, "2026-02-24T09:00:00Z", WEB, "gold"),
                nps("b", 3, "2026-02-25T09:00:00Z", PHONE, "gold"), nps("c", 9, "2026-03-01T23:30:00Z", WEB, "silver"),
                response("g", FeedbackScale.CSAT, 4, "2026-03-03T12:00:00Z", WEB));
        BreakdownAccumulator<NpsResult> counted = breakdown.accumulator();
        responses.forEach(counted::add);

        BreakdownState read = mapper.readValue(golden, BreakdownState.class);

        assertThat(read).isEqualTo(counted.state());
        assertThat(read.periods().keySet()).containsExactly(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 2));
        assertThat(read.groups().keySet()).containsExactly("phone", "web");
        assertThat(mapper.readTree(mapper.writeValueAsString(read))).isEqualTo(mapper.readTree(golden));
        assertThat(breakdown.accumulator(read).result()).isEqualTo(breakdown.compute(responses.stream()));
    }

    @Test
    void aBreakdownStateWithoutGroupsOrPeriodsOmitsThem() throws IOException {
        BreakdownState state = FeedbackBreakdown.ofDefaults(RatingScore.ces()).accumulator().state();

        String json = mapper.writeValueAsString(state);

        assertThat(json).startsWith("{\"formatVersion\":1,").doesNotContain("groupKey").doesNotContain("\"period\"");
        assertThat(mapper.readValue(json, BreakdownState.class)).isEqualTo(state);
    }

    @Test
    void laterFormatVersionsAreRefusedNamingTheVersion() throws IOException {
        String distribution = read("feedback/score-distribution-v1.json").replace("\"formatVersion\":1",
                "\"formatVersion\":2");
        String breakdown = read("feedback/breakdown-state-v1.json").replaceFirst("\"formatVersion\": 1",
                "\"formatVersion\": 0");

        assertThatThrownBy(() -> mapper.readValue(distribution, ScoreDistribution.class))
                .hasRootCauseMessage("formatVersion: 2 of ScoreDistribution is not readable; this version of cxm reads"
                        + " versions 1 to 1");
        assertThatThrownBy(() -> mapper.readValue(breakdown, BreakdownState.class))
                .hasRootCauseMessage("formatVersion: 0 of BreakdownState is not readable; this version of cxm reads"
                        + " versions 1 to 1");
    }

    @Test
    void aBreakdownStateWhosePartsDoNotAddUpIsRefused() {
        // Rules of the record, each broken once: groups must add up to the overall counts, periods must start a
        // period and exist only with a period length, groups only with a key.
        ScoreDistribution one = NetPromoterScore.ofDefaults().accumulator().add(9).state();
        ScoreDistribution two = NetPromoterScore.ofDefaults().accumulator().add(9).add(9).state();
        TreeMap<String, BreakdownState.Group> groups = new TreeMap<>();
        groups.put("web", new BreakdownState.Group(one, new TreeMap<>()));
        TreeMap<LocalDate, ScoreDistribution> tuesday = new TreeMap<>();
        tuesday.put(LocalDate.of(2026, 3, 3), two);

        assertThatThrownBy(() -> new BreakdownState(FeedbackScale.NPS, Optional.of("channel"), Optional.empty(),
                ZoneId.of("UTC"), two, new TreeMap<>(), groups, 0))
                .hasMessage("groups: 1 responses at score 9 in the parts, but 2 in their total; the parts of a"
                        + " breakdown add up to it");
        assertThatThrownBy(() -> new BreakdownState(FeedbackScale.NPS, Optional.empty(), Optional.of(CalendarPeriod.WEEK),
                ZoneId.of("UTC"), two, tuesday, new TreeMap<>(), 0))
                .hasMessage("periods: 2026-03-03 does not start a week; it would be 2026-03-02");
        assertThatThrownBy(() -> new BreakdownState(FeedbackScale.NPS, Optional.empty(), Optional.empty(),
                ZoneId.of("UTC"), two, tuesday, new TreeMap<>(), 0))
                .hasMessageStartingWith("periods: 1 periods without a period length");
        assertThatThrownBy(() -> new BreakdownState(FeedbackScale.NPS, Optional.empty(), Optional.empty(),
                ZoneId.of("UTC"), one, new TreeMap<>(), groups, 0))
                .hasMessageStartingWith("groups: 1 groups without a groupKey");
        assertThatThrownBy(() -> new BreakdownState(FeedbackScale.CSAT, Optional.empty(), Optional.empty(),
                ZoneId.of("UTC"), one, new TreeMap<>(), new TreeMap<>(), 0))
                .hasMessageStartingWith("overall: a distribution on nps:0..10 in a state on csat:1..5");
        assertThatThrownBy(() -> new BreakdownState(FeedbackScale.NPS, Optional.empty(), Optional.empty(),
                ZoneId.of("UTC"), one, new TreeMap<>(), new TreeMap<>(), -1))
                .hasMessage("otherScales: -1 is negative; it must be 0 or more");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = FeedbackStateFormatTest.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
