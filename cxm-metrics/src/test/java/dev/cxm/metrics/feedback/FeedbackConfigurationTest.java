package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.stats.NetScoreMethod;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * The configuration idiom of every feedback calculator ({@code ofDefaults}, {@code custom}, {@code from},
 * value equality) and the builders' refusals. The oracle of equality is the definition: a configuration
 * rebuilt from itself equals it, one differing in any single setting does not; each refusal is checked for
 * the field and value it names, and for leaving the builder as it was.
 */
class FeedbackConfigurationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void npsConfigurationsCompareByValue() {
        NetPromoterScore base = NetPromoterScore.custom().level(0.8).method(NetScoreMethod.WALD).build();

        assertEqualByValue(base, NetPromoterScore.from(base).build());
        assertThat(NetPromoterScore.custom().build()).isEqualTo(NetPromoterScore.ofDefaults());
        assertThat(List.of(NetPromoterScore.from(base).level(0.9).build(),
                NetPromoterScore.from(base).method(NetScoreMethod.ADJUSTED_WALD).build())).doesNotContain(base);
        assertThat(base).hasToString("NetPromoterScore[0.8 wald]");
    }

    @Test
    void npsBuilderRejectsEachBadValueAtOnceAndKeepsThePreviousOne() {
        NetPromoterScore.Builder builder = NetPromoterScore.custom().level(0.9);

        assertThatThrownBy(() -> builder.level(1.5)).hasMessageStartingWith("level: 1.5 is outside (0, 1)");
        assertThatThrownBy(() -> builder.level(Double.NaN)).hasMessageStartingWith("level: NaN is outside (0, 1)");
        assertThatThrownBy(() -> builder.method(null)).hasMessage("method must not be null");
        assertThat(builder.build()).isEqualTo(NetPromoterScore.custom().level(0.9).build());
    }

    @Test
    void ratingScoresHaveDefaultsPerScaleAndTwoPresets() {
        // The CSAT preset is the defaults on the CSAT scale; the CES preset is not (its headline is the mean).
        assertThat(RatingScore.csat()).isEqualTo(RatingScore.ofDefaults(FeedbackScale.CSAT));
        assertThat(RatingScore.ces()).isNotEqualTo(RatingScore.ofDefaults(FeedbackScale.CES));
        assertThat(RatingScore.ofDefaults(FeedbackScale.CES).good()).isEqualTo(new ScoreRange(6, 7));
        assertThat(RatingScore.ces().good()).isEqualTo(new ScoreRange(5, 7));
        assertThat(RatingScore.ces().reported()).isEqualTo(RatingMeasure.MEAN);
        assertThat(RatingScore.csat()).hasToString("RatingScore[csat:1..5 good 4..5, good-share, 0.95]");
    }

    @Test
    void ratingConfigurationsCompareByValue() {
        FeedbackScale stars = FeedbackScale.custom("stars", 1, 10);
        RatingScore base = RatingScore.custom(stars).good(8, 10).bad(1, 4).report(RatingMeasure.NET).level(0.9).build();

        assertEqualByValue(base, RatingScore.from(base).build());
        assertThat(List.of(
                RatingScore.from(base).good(9, 10).build(),
                RatingScore.from(base).bad(1, 3).build(),
                RatingScore.from(base).report(RatingMeasure.MEAN).build(),
                RatingScore.from(base).level(0.95).build(),
                RatingScore.from(base).report(RatingMeasure.MEAN).noBad().build(),
                RatingScore.custom(FeedbackScale.custom("other", 1, 10)).good(8, 10).bad(1, 4)
                        .report(RatingMeasure.NET).level(0.9).build())).doesNotContain(base);
        assertThat(base).hasToString("RatingScore[stars:1..10 good 8..10 bad 1..4, net, 0.9]");
        assertThat(RatingScore.from(base).report(RatingMeasure.MEAN).noBad().build().bad()).isEmpty();
    }

    @Test
    void ratingBuilderRejectsEachBadValueAtOnceNamingItAndKeepsThePreviousOne() {
        RatingScore.Builder builder = RatingScore.custom(FeedbackScale.CSAT).good(3, 5).bad(1, 1);

        assertThatThrownBy(() -> builder.topBoxes(0)).hasMessage("topBoxes: 0 is outside 1..4 for the 5-point scale"
                + " csat:1..5");
        assertThatThrownBy(() -> builder.topBoxes(5)).hasMessageStartingWith("topBoxes: 5 is outside 1..4");
        assertThatThrownBy(() -> builder.bottomBoxes(0)).hasMessageStartingWith("bottomBoxes: 0 is outside 1..4");
        assertThatThrownBy(() -> builder.good(0, 5)).hasMessage("score: is outside the CSAT scale 1..5");
        assertThatThrownBy(() -> builder.good(5, 4)).hasMessage("good: 5..4 is empty; to must not be below from");
        assertThatThrownBy(() -> builder.bad(2, 1)).hasMessage("bad: 2..1 is empty; to must not be below from");
        assertThatThrownBy(() -> builder.bad(1, 6)).hasMessage("score: is outside the CSAT scale 1..5");
        assertThatThrownBy(() -> builder.level(1)).hasMessageStartingWith("level: 1.0 is outside (0, 1)");
        assertThatThrownBy(() -> builder.report(null)).hasMessage("report must not be null");
        assertThatThrownBy(() -> RatingScore.custom(null)).hasMessage("scale must not be null");
        RatingScore built = builder.build();
        assertThat(built.good()).isEqualTo(new ScoreRange(3, 5));
        assertThat(built.bad()).contains(new ScoreRange(1, 1));
        assertThat(built.level()).isEqualTo(0.95);
    }

    @Test
    void comparisonConfigurationsCompareByValue() {
        NpsComparison base = NpsComparison.custom().level(0.9).method(NetScoreMethod.WALD).bootstrap(1000, 42L).build();

        assertEqualByValue(base, NpsComparison.from(base).build());
        assertThat(NpsComparison.custom().build()).isEqualTo(NpsComparison.ofDefaults());
        assertThat(List.of(NpsComparison.from(base).level(0.95).build(),
                NpsComparison.from(base).method(NetScoreMethod.ADJUSTED_WALD).build(),
                NpsComparison.from(base).bootstrap(1000, 43L).build(),
                NpsComparison.from(base).bootstrap(2000, 42L).build(),
                NpsComparison.from(base).noBootstrap().build())).doesNotContain(base);
        assertThat(NpsComparison.from(base).noBootstrap().build().bootstrapSeed()).isEmpty();
        assertThat(base.bootstrapSeed()).hasValue(42L);
        assertThat(base).hasToString("NpsComparison[0.9 wald, bootstrap 1000 resamples seed 42]");
        assertThat(NpsComparison.ofDefaults()).hasToString("NpsComparison[0.95 adjusted-wald]");
    }

    @Test
    void comparisonBuilderRejectsEachBadValueAtOnce() {
        NpsComparison.Builder builder = NpsComparison.custom().bootstrap(500, 1L);

        assertThatThrownBy(() -> builder.level(0)).hasMessageStartingWith("level: 0.0 is outside (0, 1)");
        assertThatThrownBy(() -> builder.bootstrap(99, 2L)).hasMessageStartingWith("resamples: 99 is below 100");
        assertThatThrownBy(() -> builder.method(null)).hasMessage("method must not be null");
        assertThat(builder.build()).isEqualTo(NpsComparison.custom().bootstrap(500, 1L).build());
    }

    @Test
    void breakdownConfigurationsCompareByValueAndTheirWeightByIdentity() {
        ToDoubleFunction<FeedbackResponse> weight = r -> 2.0;
        FeedbackBreakdown<NpsResult> base = FeedbackBreakdown.custom(NetPromoterScore.ofDefaults())
                .groupBy(GroupKeys.channel()).per(CalendarPeriod.WEEK, BERLIN).minimumN(50).weightedBy(weight).build();

        assertEqualByValue(base, FeedbackBreakdown.from(base).build());
        // Equal built-in keys and equal metrics built separately compare equal.
        assertEqualByValue(base, FeedbackBreakdown.custom(NetPromoterScore.custom().build())
                .groupBy(GroupKeys.named("channel")).per(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin")).minimumN(50)
                .weightedBy(weight).build());
        assertThat(List.of(
                FeedbackBreakdown.from(base).groupBy(GroupKeys.stage()).build(),
                FeedbackBreakdown.from(base).noGroups().build(),
                FeedbackBreakdown.from(base).per(CalendarPeriod.MONTH, BERLIN).build(),
                FeedbackBreakdown.from(base).per(CalendarPeriod.WEEK, ZoneOffset.UTC).build(),
                FeedbackBreakdown.from(base).noPeriods().build(),
                FeedbackBreakdown.from(base).minimumN(30).build(),
                FeedbackBreakdown.from(base).weightedBy(r -> 2.0).build(),
                FeedbackBreakdown.from(base).unweighted().build())).doesNotContain(base);
        assertThat(FeedbackBreakdown.custom(NetPromoterScore.ofDefaults()).build())
                .isEqualTo(FeedbackBreakdown.ofDefaults(NetPromoterScore.ofDefaults()));
        assertThat(base).hasToString("FeedbackBreakdown[NetPromoterScore[0.95 adjusted-wald], by channel, per week in"
                + " Europe/Berlin, minimumN 50, weighted]");
        assertThat(FeedbackBreakdown.from(base).noPeriods().build().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(base.groupBy()).contains(GroupKeys.channel());
        assertThat(base.period()).contains(CalendarPeriod.WEEK);
        assertThat(base.weighted()).isTrue();
    }

    @Test
    void breakdownBuilderRejectsEachBadValueAtOnce() {
        FeedbackBreakdown.Builder<NpsResult> builder = FeedbackBreakdown.custom(NetPromoterScore.ofDefaults())
                .minimumN(5);

        assertThatThrownBy(() -> builder.minimumN(-1)).hasMessage("minimumN: -1 is negative; it must be 0 or more");
        assertThatThrownBy(() -> builder.groupBy(null)).hasMessage("groupBy must not be null");
        assertThatThrownBy(() -> builder.per(null, BERLIN)).hasMessage("period must not be null");
        assertThatThrownBy(() -> builder.per(CalendarPeriod.DAY, null)).hasMessage("zone must not be null");
        assertThatThrownBy(() -> builder.weightedBy(null)).hasMessage("weight must not be null");
        assertThatThrownBy(() -> FeedbackBreakdown.custom(null)).hasMessage("metric must not be null");
        assertThat(builder.build()).isEqualTo(FeedbackBreakdown.custom(NetPromoterScore.ofDefaults()).minimumN(5).build());
    }

    @Test
    void aHostsOwnKeyIsEqualOnlyToItself() {
        GroupKey mine = GroupKey.of("tier", e -> Optional.of("gold"));
        FeedbackBreakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NetPromoterScore.ofDefaults()).groupBy(mine)
                .build();

        assertEqualByValue(breakdown, FeedbackBreakdown.from(breakdown).build());
        assertThat(FeedbackBreakdown.from(breakdown).groupBy(GroupKey.of("tier", e -> Optional.of("gold"))).build())
                .isNotEqualTo(breakdown);
    }

    private static void assertEqualByValue(Object expected, Object actual) {
        assertThat(actual).isNotSameAs(expected).isEqualTo(expected).hasSameHashCodeAs(expected)
                .hasToString(expected.toString());
    }
}
