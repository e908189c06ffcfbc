package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.FeedbackScale;

/**
 * The score ranges, the significance of an NPS difference at alpha's ends, (membership at both ends, touching ranges, the JSON text read back), the rating result's
 * count and sample-size guards, time buckets ordered by zone, and NPS configurations hashing apart. Expected values are the documented rules;
 * each refusal is checked by its exact message.
 */
class FeedbackRecordsEdgeCasesTest {

    @Test
    void aRangeHoldsBothEnds() {
        ScoreRange range = new ScoreRange(4, 5);

        assertThat(range.contains(3)).isFalse();
        assertThat(range.contains(4)).isTrue();
        assertThat(range.contains(5)).isTrue();
        assertThat(range.contains(6)).isFalse();
        assertThat(new ScoreRange(1, 3).overlaps(new ScoreRange(3, 5))).isTrue();
        assertThat(new ScoreRange(3, 5).overlaps(new ScoreRange(1, 3))).isTrue();
        assertThat(new ScoreRange(1, 2).overlaps(new ScoreRange(3, 5))).isFalse();
        assertThat(new ScoreRange(3, 5).overlaps(new ScoreRange(1, 2))).isFalse();
    }

    @Test
    void aRangeReadsBackFromItsText() {
        assertThat(ScoreRange.parse("4..5")).isEqualTo(new ScoreRange(4, 5));
        assertThat(ScoreRange.parse("-3..-1")).isEqualTo(new ScoreRange(-3, -1));
        assertThat(ScoreRange.parse(new ScoreRange(-10, 12).toString())).isEqualTo(new ScoreRange(-10, 12));
        for (String text : new String[] {"45", "..5", "4..x"}) {
            assertThatThrownBy(() -> ScoreRange.parse(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("range: a text of " + text.length() + " characters is not two whole numbers joined"
                            + " by .., such as 4..5");
        }
    }

    @Test
    void aRatingResultRefusesCountsAndSampleSizesThatCannotBe() {
        ScoreRange good = new ScoreRange(4, 5);
        Optional<ScoreRange> bad = Optional.of(new ScoreRange(1, 2));

        assertThatThrownBy(() -> new RatingResult(RatingMeasure.GOOD_SHARE, OptionalDouble.empty(), Optional.empty(),
                4, FeedbackScale.CSAT, good, 3, Optional.empty(), bad, 2, Optional.empty(), Optional.empty(), 4, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("n: 4 responses cannot hold 3 good and 2 bad ones");
        assertThat(new RatingResult(RatingMeasure.GOOD_SHARE, OptionalDouble.empty(), Optional.empty(), 5,
                FeedbackScale.CSAT, good, 3, Optional.empty(), bad, 2, Optional.empty(), Optional.empty(), 5, 5).n())
                .isEqualTo(5);
        assertThatThrownBy(() -> new RatingResult(RatingMeasure.GOOD_SHARE, OptionalDouble.empty(), Optional.empty(),
                1, FeedbackScale.CSAT, good, 1, Optional.empty(), bad, 0, Optional.empty(), Optional.empty(), 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("effectiveN: 2.0 is outside 0..n, n 1; an"
                        + " effective sample size is never larger than the sample");
    }

    @Test
    void distinctNpsConfigurationsHashApart() {
        NetPromoterScore ninety = NetPromoterScore.custom().level(0.9).build();

        assertThat(ninety).isNotEqualTo(NetPromoterScore.ofDefaults());
        assertThat(ninety.hashCode()).isNotEqualTo(NetPromoterScore.ofDefaults().hashCode());
        assertThat(ninety).hasSameHashCodeAs(NetPromoterScore.from(ninety).build());
    }

    @Test
    void significanceIsAPValueBelowAnAlphaStrictlyBetweenZeroAndOne() {
        NpsResult result = NetPromoterScore.ofDefaults().result(ScoreDistribution.ofCount(FeedbackScale.NPS, 10, 5));
        NpsDifference difference = new NpsDifference(OptionalDouble.of(0), Optional.empty(), OptionalDouble.of(0),
                OptionalDouble.of(0.05), result, result);

        assertThat(difference.significantAt(0.05)).isFalse();
        assertThat(difference.significantAt(0.0500001)).isTrue();
        for (double alpha : new double[] {0, 1}) {
            assertThatThrownBy(() -> difference.significantAt(alpha)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("alpha: " + alpha + " is outside (0, 1)");
        }
    }

    @Test
    void distinctNpsComparisonsHashApart() {
        NpsComparison ninety = NpsComparison.custom().level(0.9).build();

        assertThat(ninety.level()).isEqualTo(0.9);
        assertThat(ninety).isNotEqualTo(NpsComparison.ofDefaults());
        assertThat(ninety.hashCode()).isNotEqualTo(NpsComparison.ofDefaults().hashCode());
    }

    @Test
    void bucketsOfTheSameDayInTwoZonesAreOrderedByZoneId() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 2);
        TimeBucket berlin = new TimeBucket(dev.cxm.metrics.time.CalendarPeriod.DAY, day,
                java.time.ZoneId.of("Europe/Berlin"));
        TimeBucket tokyo = new TimeBucket(dev.cxm.metrics.time.CalendarPeriod.DAY, day, java.time.ZoneId.of("Asia/Tokyo"));

        // "Asia/Tokyo" sorts before "Europe/Berlin"; consistent with equals, so they are not 0 apart.
        assertThat(tokyo.compareTo(berlin)).isNegative();
        assertThat(berlin.compareTo(tokyo)).isPositive();
    }
}
