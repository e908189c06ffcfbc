package dev.cxm.metrics.feedback;

import static dev.cxm.metrics.feedback.Responses.WEB;
import static dev.cxm.metrics.feedback.Responses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;

/**
 * The accumulator's mechanics, each checked against a brute-force count written here: bulk adds, response
 * adds, weights, collectors (sequential and parallel), and the state's JSON round trip.
 */
class FeedbackAccumulatorTest {

    private final NetPromoterScore nps = NetPromoterScore.ofDefaults();

    @Test
    void bulkAddCountsLikeABruteForceLoop() {
        // Oracle: count each score with a plain loop over the same seeded array (and odd lengths that leave
        // the unrolled loop a remainder).
        SplittableRandom random = new SplittableRandom(3);
        for (int length : new int[] {0, 1, 3, 4, 5, 1001}) {
            int[] scores = random.ints(length, 0, 11).toArray();
            long[] expected = new long[11];
            for (int score : scores) {
                expected[score]++;
            }

            ScoreDistribution state = nps.accumulator().addAll(scores).state();

            assertThat(state.counts()).as("length %d", length).containsExactly(expected);
            assertThat(state.weights()).as("length %d", length).containsExactly(toDoubles(expected));
        }
    }

    @Test
    void bulkAddOfARangeCountsOnlyTheRange() {
        int[] scores = {10, 0, 9, 9, 3};

        ScoreDistribution state = nps.accumulator().addAll(scores, 1, 4).state();

        assertThat(state.n()).isEqualTo(3);
        assertThat(state.count(9, 10)).isEqualTo(2);
        assertThatThrownBy(() -> nps.accumulator().addAll(scores, 2, 6)).hasMessage("range: [2, 6) does not fit an array of 5");
    }

    @Test
    void bulkAddRejectsTheFirstScoreOffTheScaleAndAddsNothing() {
        FeedbackAccumulator<NpsResult> accumulator = nps.accumulator().add(9);

        assertThatThrownBy(() -> accumulator.addAll(new int[] {1, 2, 3, 12, -4}))
                .hasMessage("score: 12 is outside the NPS scale 0..10 (at position 3)");
        assertThat(accumulator.n()).isEqualTo(1);
    }

    @Test
    void bulkAddAfterWeightsKeepsTheWeightsRight() {
        // Oracle: the same scores added one by one.
        int[] scores = {10, 3, 7, 7, 9};
        FeedbackAccumulator<NpsResult> bulk = nps.accumulator().add(8, 2.5).addAll(scores);
        FeedbackAccumulator<NpsResult> single = nps.accumulator().add(8, 2.5);
        for (int score : scores) {
            single.add(score);
        }

        assertThat(bulk.state()).isEqualTo(single.state());
        assertThat(bulk.state().totalWeight()).isEqualTo(7.5);
    }

    @Test
    void rejectsWeightsThatAreNegativeOrNotFinite() {
        FeedbackAccumulator<NpsResult> accumulator = nps.accumulator();

        assertThatThrownBy(() -> accumulator.add(9, -1)).hasMessage("weight: -1.0 is negative; a survey weight must be"
                + " a finite number of 0 or more");
        assertThatThrownBy(() -> accumulator.add(9, Double.NaN)).hasMessageStartingWith("weight: NaN is not finite");
        assertThatThrownBy(() -> accumulator.add(9, Double.POSITIVE_INFINITY))
                .hasMessageStartingWith("weight: Infinity is not finite");
        assertThat(accumulator.n()).isZero();
    }

    @Test
    void zeroWeightsCountButWeighNothing() {
        // Two responses of weight 0: n = 2, no weight, so no score (not NaN).
        NpsResult result = nps.accumulator().add(10, 0).add(0, 0).result();

        assertThat(result.n()).isEqualTo(2);
        assertThat(result.score()).isEmpty();
        assertThat(result.interval()).isEmpty();
    }

    @Test
    void rejectsAResponseOnAnotherScaleNamingItsId() {
        FeedbackResponse csat = response("e7", FeedbackScale.CSAT, 4, "2026-03-01T10:00:00Z", WEB);

        assertThatThrownBy(() -> nps.accumulator().add(csat))
                .hasMessage("scale: response e7 is on the scale csat:1..5; this accumulator counts the scale nps:0..10");
        assertThatThrownBy(() -> nps.accumulator().merge(RatingScore.csat().accumulator()))
                .hasMessage("scale: csat:1..5 is not nps:0..10; only states on the same scale merge");
    }

    @Test
    void parallelCollectionEqualsSequentialCollection() {
        // Oracle: the sequential result; the parallel stream splits, accumulates and merges.
        List<FeedbackResponse> responses = randomResponses(20_000, 17);

        NpsResult sequential = responses.stream().collect(nps.collector());
        NpsResult parallel = responses.parallelStream().collect(nps.collector());

        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential.n()).isEqualTo(20_000);
    }

    @Test
    void weightedCollectorMatchesAddingWithWeights() {
        List<FeedbackResponse> responses = randomResponses(500, 5);
        FeedbackAccumulator<NpsResult> expected = nps.accumulator();
        responses.forEach(r -> expected.add(r, weightOf(r)));

        NpsResult collected = responses.parallelStream().collect(nps.collector(FeedbackAccumulatorTest::weightOf));

        assertThat(collected.score().getAsDouble()).isCloseTo(expected.result().score().getAsDouble(),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(collected.totalWeight()).isCloseTo(expected.result().totalWeight(),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void collectsScoresOfAnyType() {
        // {9, 10, 2}: two promoters, one detractor of three -> 33.33.
        record Row(String id, int rating) {}

        NpsResult result = List.of(new Row("a", 9), new Row("b", 10), new Row("c", 2)).stream()
                .collect(nps.collectingScores(Row::rating));

        assertThat(result.score().getAsDouble()).isCloseTo(100.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void stateSurvivesAJsonRoundTripAndAccumulationContinuesFromIt() throws Exception {
        // Oracle: one accumulator over all scores equals one restored from the JSON of the first half and
        // fed the second half.
        ObjectMapper mapper = CxmJson.mapper();
        FeedbackAccumulator<NpsResult> first = nps.accumulator().addAll(new int[] {10, 9, 3}).add(7, 1.5);

        String json = mapper.writeValueAsString(first.state());
        ScoreDistribution restored = mapper.readValue(json, ScoreDistribution.class);
        FeedbackAccumulator<NpsResult> continued = nps.accumulator(restored).addAll(new int[] {0, 8});
        FeedbackAccumulator<NpsResult> whole = nps.accumulator().addAll(new int[] {10, 9, 3}).add(7, 1.5)
                .addAll(new int[] {0, 8});

        assertThat(restored).isEqualTo(first.state());
        assertThat(json).contains("\"counts\":[0,0,0,1,0,0,0,1,0,1,1]");
        assertThat(continued.state()).isEqualTo(whole.state());
        assertThat(continued.result()).isEqualTo(whole.result());
    }

    @Test
    void stateRejectsArraysThatDoNotFitTheScale() {
        assertThatThrownBy(() -> new ScoreDistribution(FeedbackScale.CSAT, new long[4], new double[5], new double[5]))
                .hasMessage("counts: 4 entries for the 5 points of the scale csat:1..5; there must be one per point");
        assertThatThrownBy(() -> new ScoreDistribution(FeedbackScale.CSAT, new long[] {0, -1, 0, 0, 0}, new double[5],
                new double[5])).hasMessage("counts: -1 responses at score 2 is negative");
    }

    private static double weightOf(FeedbackResponse response) {
        return 0.5 + response.score() % 3;
    }

    static List<FeedbackResponse> randomResponses(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FeedbackResponse> responses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            responses.add(response("e" + i, FeedbackScale.NPS, random.nextInt(11),
                    java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 600L).toString(), WEB));
        }
        return responses;
    }

    private static double[] toDoubles(long[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }
}
