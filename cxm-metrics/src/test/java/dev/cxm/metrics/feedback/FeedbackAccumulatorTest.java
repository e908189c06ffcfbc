package dev.cxm.metrics.feedback;

import static dev.cxm.metrics.feedback.Responses.WEB;
import static dev.cxm.metrics.feedback.Responses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
                .hasMessage("score: is outside the NPS scale 0..10 (at position 3)");
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
    void rejectsWeightsOutsideTheRangeAndAddsNothing() {
        // Oracle: the documented rule, a weight is 0 or within [1e-100, 1e100].
        FeedbackAccumulator<NpsResult> accumulator = nps.accumulator();

        assertThatThrownBy(() -> accumulator.add(9, -1)).hasMessage("weight: -1.0 is negative; a survey weight is 0"
                + " or within [1.0E-100, 1.0E100]");
        assertThatThrownBy(() -> accumulator.add(9, Double.NaN)).hasMessageStartingWith("weight: NaN is not finite");
        assertThatThrownBy(() -> accumulator.add(9, Double.POSITIVE_INFINITY))
                .hasMessageStartingWith("weight: Infinity is not finite");
        assertThatThrownBy(() -> accumulator.add(9, 1e200)).hasMessageStartingWith("weight: 1.0E200 is too large");
        assertThatThrownBy(() -> accumulator.add(9, 1e-200)).hasMessageStartingWith("weight: 1.0E-200 is too small");
        assertThat(accumulator.n()).isZero();
    }

    @Test
    void aHugeWeightIsRefusedAndTheAccumulatorStaysUsable() {
        // D1: 1e200 used to be accepted, and every result() after it threw (its square is Infinity). Oracle:
        // closed form, one promoter of weight 1 gives NPS 100, n 1.
        FeedbackAccumulator<NpsResult> accumulator = nps.accumulator().add(9);

        assertThatThrownBy(() -> accumulator.add(10, 1e200)).hasMessageStartingWith("weight: 1.0E200 is too large");
        assertThatThrownBy(() -> accumulator.add(10, 1e308)).hasMessageStartingWith("weight: 1.0E308 is too large");

        NpsResult result = accumulator.result();
        assertThat(result.n()).isEqualTo(1);
        assertThat(result.score()).hasValue(100.0);
    }

    @Test
    void weightsAtTheEndsOfTheRangeGiveTheUnweightedShares() {
        // Closed form: scaling every weight by c changes neither the shares nor Kish's n_eff = (sum w)^2 /
        // sum w^2: two responses of weight 1e100 (or 1e-100) have n_eff = (2c)^2 / (2c^2) = 2, as unweighted.
        // With 1e-200 the squares underflowed to 0 (S5): n_eff 0 and no score, now refused (see above).
        NpsResult unweighted = nps.of(10, 3);
        for (double c : new double[] {ScoreDistribution.MIN_WEIGHT, ScoreDistribution.MAX_WEIGHT}) {
            NpsResult weighted = nps.accumulator().add(10, c).add(3, c).result();

            assertThat(weighted.effectiveN()).as("weight %s", c).isCloseTo(2.0, within(1e-12));
            assertThat(weighted.score().getAsDouble()).as("weight %s", c).isCloseTo(unweighted.score().getAsDouble(),
                    within(1e-9));
            assertThat(weighted.interval().orElseThrow().lower()).isCloseTo(unweighted.interval().orElseThrow().lower(),
                    within(1e-9));
            assertThat(weighted.totalWeight()).isEqualTo(2 * c);
        }
    }

    @Test
    void aBadWeightOfAResponseNamesItsEventId() {
        FeedbackResponse response = response("e9", FeedbackScale.NPS, 9, "2026-03-01T10:00:00Z", WEB);

        assertThatThrownBy(() -> nps.accumulator().add(response, -2))
                .hasMessage("weight: -2.0 is negative; a survey weight is 0 or within [1.0E-100, 1.0E100] (response e9)");
        assertThatThrownBy(() -> nps.accumulator().add((FeedbackResponse) null)).hasMessage("response must not be null");
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
        // An NPS and a CSAT accumulator do not even compile together; two ratings on other scales are refused.
        assertThatThrownBy(() -> RatingScore.ces().accumulator().merge(RatingScore.csat().accumulator()))
                .hasMessage("scale: csat:1..5 is not ces:1..7; only states on the same scale merge");
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

    @Test
    void stateRejectsWeightWithoutResponses() throws Exception {
        // D2: no response at 10 but a weight of 5 there gave n 0 with a score of 66.7; through JSON, n 0 and a
        // score of 100. A weight needs a response.
        long[] counts = new long[11];
        double[] weights = new double[11];
        double[] squared = new double[11];
        weights[10] = 5;
        squared[10] = 25;

        assertThatThrownBy(() -> new ScoreDistribution(FeedbackScale.NPS, counts, weights, squared))
                .hasMessage("weights: 5.0 and squaredWeights: 25.0 at score 10 must be 0 where counts is 0; there is"
                        + " no weight without a response");
        String json = CxmJson.mapper().writeValueAsString(ScoreDistribution.empty(FeedbackScale.NPS))
                .replace("\"weights\":[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]",
                        "\"weights\":[0,0,0,0,0,0,0,0,0,0,7]")
                .replace("\"squaredWeights\":[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]",
                        "\"squaredWeights\":[0,0,0,0,0,0,0,0,0,0,49]");
        assertThat(json).contains("[0,0,0,0,0,0,0,0,0,0,7]");
        assertThatThrownBy(() -> CxmJson.mapper().readValue(json, ScoreDistribution.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("must be 0 where counts is 0");
    }

    @Test
    void stateRejectsSquaredWeightsNoWeightsCanHave() {
        // D2: one response of weight 100 at 0 and one at 10, with squared sums 1 each, claimed n_eff
        // (200)^2 / 2 = 20000 from n = 2. Oracle: Cauchy-Schwarz, w^2 / count <= sum w^2 <= w^2 per point.
        long[] counts = new long[11];
        counts[0] = 1;
        counts[10] = 1;
        double[] weights = new double[11];
        weights[0] = 100;
        weights[10] = 100;
        double[] squared = new double[11];
        squared[0] = 1;
        squared[10] = 1;
        assertThatThrownBy(() -> new ScoreDistribution(FeedbackScale.NPS, counts, weights, squared))
                .hasMessageStartingWith("squaredWeights: 1.0 at score 0 cannot be the sum of the squares of 1 weights"
                        + " adding up to 100.0");
        // Two weights 1 and 3 at one point: sum 4, squares 10; 16 / 2 = 8 <= 10 <= 16 holds; 17 does not.
        long[] two = {2, 0, 0, 0, 0};
        assertThat(new ScoreDistribution(FeedbackScale.CSAT, two, new double[] {4, 0, 0, 0, 0},
                new double[] {10, 0, 0, 0, 0}).effectiveN()).isEqualTo(1.6);
        assertThatThrownBy(() -> new ScoreDistribution(FeedbackScale.CSAT, two, new double[] {4, 0, 0, 0, 0},
                new double[] {17, 0, 0, 0, 0})).hasMessageStartingWith("squaredWeights: 17.0 at score 1");
        assertThatThrownBy(() -> new ScoreDistribution(FeedbackScale.CSAT, two, new double[] {4, 0, 0, 0, 0},
                new double[] {7, 0, 0, 0, 0})).hasMessageStartingWith("squaredWeights: 7.0 at score 1");
        // More weight than count x 1e100, or a positive weight below 1e-100, is no sum of valid weights.
        assertThatThrownBy(() -> new ScoreDistribution(FeedbackScale.CSAT, two, new double[] {3e100, 0, 0, 0, 0},
                new double[] {5e200, 0, 0, 0, 0})).hasMessageStartingWith("weights: 3.0E100 at score 1 cannot be");
    }

    @Test
    void resultsRejectAScoreWithoutResponsesOrAnEffectiveSizeAboveN() {
        // Oracle: the definitions; no response has no score, and (sum w)^2 / sum w^2 <= n.
        assertThatThrownBy(() -> new NpsResult(java.util.OptionalDouble.of(100), java.util.Optional.empty(), 0, 0, 0, 0,
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), 0, 0))
                .hasMessageStartingWith("score: OptionalDouble[100.0] with n 0");
        assertThatThrownBy(() -> new NpsResult(java.util.OptionalDouble.of(0), java.util.Optional.empty(), 2, 1, 0, 1,
                java.util.OptionalDouble.of(0.5), java.util.OptionalDouble.of(0), java.util.OptionalDouble.of(0.5), 200,
                20_000)).hasMessageStartingWith("effectiveN: 20000.0 is outside 0..n, n 2");
    }

    @Test
    void aMergeThatWouldOverflowACountChangesNothing() {
        long[] counts = new long[11];
        counts[10] = Long.MAX_VALUE;
        double[] weights = new double[11];
        weights[10] = Long.MAX_VALUE;
        ScoreDistribution full = new ScoreDistribution(FeedbackScale.NPS, counts, weights, weights);
        FeedbackAccumulator<NpsResult> accumulator = nps.accumulator().add(10).add(3, 2.0);
        ScoreDistribution before = accumulator.state();

        assertThatThrownBy(() -> accumulator.merge(nps.accumulator(full)))
                .hasMessageStartingWith("counts: 1 + 9223372036854775807 responses at score 10 overflows a long");
        assertThatThrownBy(() -> before.merge(full)).hasMessageStartingWith("counts: 1 + 9223372036854775807");
        assertThat(accumulator.state()).isEqualTo(before);
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
