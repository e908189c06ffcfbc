package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.CxmJson;
import dev.cxm.metrics.stats.NetScoreMethod;

/**
 * Comparing two NPS results: the adjusted Wald test worked by hand (Lewis and Sauro 2020), in NPS points,
 * empty sides, the seeded bootstrap option, and the invariance of the test under equal survey weights.
 */
class NpsComparisonTest {

    private final NetPromoterScore nps = NetPromoterScore.ofDefaults();

    @Test
    void comparesTwoScoresByTheAdjustedWaldTest() {
        // Baseline 40/40/20 of 100 (NPS 20), other 60/45/15 of 120 (NPS 37.5): difference 17.5.
        // Adjusted nets 20/103 and 45/123, SE 0.096950, z = 1.770806; interval 100 * (0.171679 -/+
        // 1.959964 * 0.096950) = [-1.8339, 36.1697]; two-sided p = 0.076593.
        NpsDifference difference = NpsComparison.ofDefaults().compare(nps.of(mix(40, 40, 20)), nps.of(mix(60, 45, 15)));

        assertThat(difference.difference().getAsDouble()).isCloseTo(17.5, within(1e-9));
        assertThat(difference.zStatistic().getAsDouble()).isCloseTo(1.770806, within(1e-6));
        assertThat(difference.pValue().getAsDouble()).isCloseTo(0.076593, within(1e-6));
        assertThat(difference.interval().orElseThrow().lower()).isCloseTo(-1.8339, within(1e-4));
        assertThat(difference.interval().orElseThrow().upper()).isCloseTo(36.1697, within(1e-4));
        assertThat(difference.interval().orElseThrow().method()).isEqualTo("adjusted-wald");
        assertThat(difference.significantAt(0.05)).isFalse();
    }

    @Test
    void aLargeDifferenceIsSignificant() {
        // 20/30/50 of 200 (NPS -30) against 60/30/10 of 200 (NPS 50): z is far beyond 1.96 by the closed form
        // (adjusted nets -0.295567, 0.492611; SE 0.0781; z ~ 10.1).
        NpsDifference difference = NpsComparison.ofDefaults().compare(nps.of(mix(40, 60, 100)), nps.of(mix(120, 60, 20)));

        assertThat(difference.zStatistic().getAsDouble()).isGreaterThan(9);
        assertThat(difference.significantAt(0.001)).isTrue();
    }

    @Test
    void anEmptySideGivesNoComparison() {
        NpsDifference difference = NpsComparison.ofDefaults().compare(nps.of(), nps.of(9, 10));

        assertThat(difference.difference()).isEmpty();
        assertThat(difference.interval()).isEmpty();
        assertThat(difference.pValue()).isEmpty();
        assertThat(difference.significantAt(0.05)).isFalse();
    }

    @Test
    void bootstrapIntervalIsSeededAndKeepsTheAnalyticTest() {
        NpsComparison bootstrap = NpsComparison.custom().bootstrap(1000, 2024L).build();
        NpsResult first = nps.of(mix(40, 40, 20));
        NpsResult second = nps.of(mix(60, 45, 15));

        NpsDifference once = bootstrap.compare(first, second);
        NpsDifference again = bootstrap.compare(first, second);

        assertThat(again).isEqualTo(once);
        assertThat(once.interval().orElseThrow().method()).isEqualTo("bootstrap-percentile");
        assertThat(once.interval().orElseThrow().contains(17.5)).isTrue();
        // The bootstrap and the analytic interval estimate the same thing: within a few points here.
        assertThat(once.interval().orElseThrow().lower()).isCloseTo(-1.8, within(4.0));
        assertThat(once.zStatistic().getAsDouble()).isCloseTo(1.770806, within(1e-6));
    }

    @Test
    void equalSurveyWeightsLeaveTheTestUnchanged() {
        // Closed form: shares and Kish's n_eff do not change when every weight is multiplied by 3.
        FeedbackAccumulator<NpsResult> weighted = nps.accumulator();
        for (int score : mix(60, 45, 15)) {
            weighted.add(score, 3);
        }
        NpsDifference plain = NpsComparison.ofDefaults().compare(nps.of(mix(40, 40, 20)), nps.of(mix(60, 45, 15)));
        NpsDifference withWeights = NpsComparison.ofDefaults().compare(nps.of(mix(40, 40, 20)), weighted.result());

        assertThat(withWeights.zStatistic().getAsDouble()).isCloseTo(plain.zStatistic().getAsDouble(), within(1e-9));
    }

    @Test
    void anInfiniteStatisticIsWrittenAsNullNeverAsInfinity() throws Exception {
        // Two unanimous samples under the plain Wald method have a standard error of 0: by the closed form the
        // difference -200 is certain, z = -infinity and p = 0. JSON has no infinity; the result mapper writes null.
        NpsDifference certain = NpsComparison.custom().method(NetScoreMethod.WALD).build()
                .compare(nps.of(10, 10), nps.of(0, 0));

        String json = CxmJson.resultMapper().writeValueAsString(certain);

        assertThat(certain.zStatistic().getAsDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(certain.pValue().getAsDouble()).isZero();
        assertThat(json).contains("\"zStatistic\":null", "\"pValue\":0.0", "\"difference\":-200.0")
                .doesNotContain("Infinity");
    }

    @Test
    void rejectsTooFewBootstrapResamples() {
        assertThatThrownBy(() -> NpsComparison.custom().bootstrap(10, 1L)).hasMessageStartingWith("resamples: 10 is below 100");
    }

    /** Returns scores with the given numbers of promoters (10), passives (8) and detractors (2). */
    static int[] mix(int promoters, int passives, int detractors) {
        int[] scores = new int[promoters + passives + detractors];
        Arrays.fill(scores, 0, promoters, 10);
        Arrays.fill(scores, promoters, promoters + passives, 8);
        Arrays.fill(scores, promoters + passives, scores.length, 2);
        return scores;
    }
}
