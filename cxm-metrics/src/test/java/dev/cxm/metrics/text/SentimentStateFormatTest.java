package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * The JSON forms of the sentiment states, frozen: the golden files in {@code src/test/resources/text} were written
 * by hand (format 1) from the scores named in each test and must keep reading, to the state the accumulators build,
 * and this version must keep writing them unchanged. The compound units are worked by hand from the rules:
 * good 1.9 -> 1.9 / sqrt(1.9² + 15) = 0.440434 -> 4404; bad -2.5 -> -0.542326 -> -5423; not good -1.406 ->
 * -0.341238 -> -3412; squares 19395216, 29408929, 11641744.
 */
class SentimentStateFormatTest {

    private final ObjectMapper mapper = CxmJson.mapper();

    @Test
    void sentimentTallyFormatOneStillReads() throws IOException {
        // 0.5, -0.3 (truncated), -0.7 and a blank text: n 4, positives 1, negatives 2, strong 1; sums -0.5, 1.5 and
        // 0.25 + 0.09 + 0.49 = 0.83 -> -5000, 15000, 83000000.
        String golden = read("text/sentiment-tally-v1.json");
        SentimentTally expected = SentimentSummary.ofDefaults().accumulator().add(Texts.score(0.5, false))
                .add(Texts.score(-0.3, true)).add(Texts.score(-0.7, false)).add(SentimentScore.ofBlankText()).state();

        SentimentTally read = mapper.readValue(golden, SentimentTally.class);

        assertThat(read).isEqualTo(expected);
        assertThat(mapper.readTree(mapper.writeValueAsString(read))).isEqualTo(mapper.readTree(golden));
    }

    @Test
    void sentimentBreakdownStateFormatOneStillReads() throws IOException {
        // By channel and ISO week in Berlin: a "good" (web, Tuesday 24 Feb), b "bad" (phone, Wednesday 25 Feb),
        // c "not good" (web, Sunday 1 March 23:30 UTC = Monday 2 March 00:30 in Berlin).
        String golden = read("text/sentiment-breakdown-state-v1.json");
        SentimentBreakdown breakdown = SentimentBreakdown.custom().groupBy(GroupKeys.channel())
                .per(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin")).build();
        List<CustomerText> texts = List.of(
                CustomerText.commentOf(Texts.comment("a", 9, "good", "2026-02-24T09:00:00Z", Texts.WEB)).orElseThrow(),
                CustomerText.of(Texts.call("b", "2026-02-25T09:00:00Z", Texts.PHONE), "bad"),
                CustomerText.commentOf(Texts.comment("c", 6, "not good", "2026-03-01T23:30:00Z", Texts.WEB))
                        .orElseThrow());
        SentimentBreakdownAccumulator counted = breakdown.accumulator();
        texts.forEach(counted::add);

        SentimentBreakdownState read = mapper.readValue(golden, SentimentBreakdownState.class);

        assertThat(read).isEqualTo(counted.state());
        assertThat(read.periods().keySet()).containsExactly(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 2));
        assertThat(mapper.readTree(mapper.writeValueAsString(read))).isEqualTo(mapper.readTree(golden));
        assertThat(breakdown.accumulator(read).result()).isEqualTo(breakdown.compute(texts.stream()));
    }

    @Test
    void aBreakdownStateWithoutGroupsOrPeriodsOmitsThem() throws IOException {
        SentimentBreakdownState state = SentimentBreakdown.ofDefaults().accumulator().state();
        String json = mapper.writeValueAsString(state);
        assertThat(json).startsWith("{\"formatVersion\":1,").doesNotContain("groupKey").doesNotContain("\"period\"");
        assertThat(mapper.readValue(json, SentimentBreakdownState.class)).isEqualTo(state);
    }

    @Test
    void laterFormatVersionsAreRefusedNamingTheVersion() throws IOException {
        String tally = read("text/sentiment-tally-v1.json").replace("\"formatVersion\": 1", "\"formatVersion\": 2");
        String breakdown = read("text/sentiment-breakdown-state-v1.json").replaceFirst("\"formatVersion\": 1",
                "\"formatVersion\": 0");
        assertThatThrownBy(() -> mapper.readValue(tally, SentimentTally.class))
                .hasRootCauseMessage("formatVersion: 2 of SentimentTally is not readable; this version of cxm reads"
                        + " versions 1 to 1");
        assertThatThrownBy(() -> mapper.readValue(breakdown, SentimentBreakdownState.class))
                .hasRootCauseMessage("formatVersion: 0 of SentimentBreakdownState is not readable; this version of cxm"
                        + " reads versions 1 to 1");
    }

    @Test
    void aBreakdownStateWhosePartsDoNotAddUpIsRefused() {
        SentimentTally one = SentimentSummary.ofDefaults().accumulator().add(Texts.score(0.5, false)).state();
        SentimentTally two = SentimentSummary.ofDefaults().accumulator().add(Texts.score(0.5, false))
                .add(Texts.score(0.5, false)).state();
        TreeMap<String, SentimentBreakdownState.Group> groups = new TreeMap<>();
        groups.put("web", new SentimentBreakdownState.Group(one, new TreeMap<>()));
        TreeMap<LocalDate, SentimentTally> tuesday = new TreeMap<>();
        tuesday.put(LocalDate.of(2026, 3, 3), two);
        ZoneId utc = ZoneId.of("UTC");

        assertThatThrownBy(() -> new SentimentBreakdownState(Optional.of("channel"), Optional.empty(), utc, two,
                new TreeMap<>(), groups)).hasMessageStartingWith("groups: the parts count 1 texts");
        assertThatThrownBy(() -> new SentimentBreakdownState(Optional.empty(), Optional.of(CalendarPeriod.WEEK), utc,
                two, tuesday, new TreeMap<>())).hasMessage("periods: 2026-03-03 does not start a week; it would be"
                + " 2026-03-02");
        assertThatThrownBy(() -> new SentimentBreakdownState(Optional.empty(), Optional.empty(), utc, two, tuesday,
                new TreeMap<>())).hasMessageStartingWith("periods: 1 periods without a period length");
        assertThatThrownBy(() -> new SentimentBreakdownState(Optional.empty(), Optional.empty(), utc, one,
                new TreeMap<>(), groups)).hasMessageStartingWith("groups: 1 groups without a groupKey");
        SentimentTally otherThresholds = SentimentSummary.custom().neutralBand(0.1).build().accumulator().state();
        TreeMap<String, SentimentBreakdownState.Group> mixed = new TreeMap<>();
        mixed.put("web", new SentimentBreakdownState.Group(otherThresholds, new TreeMap<>()));
        assertThatThrownBy(() -> new SentimentBreakdownState(Optional.of("channel"), Optional.empty(), utc,
                SentimentSummary.ofDefaults().accumulator().state(), new TreeMap<>(), mixed))
                .hasMessageStartingWith("neutralBand, strongNegativeThreshold: 0.1, -0.5 differ");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SentimentStateFormatTest.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
