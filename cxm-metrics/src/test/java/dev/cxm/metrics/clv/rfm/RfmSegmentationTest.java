package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;

class RfmSegmentationTest {

    private static final RfmSummaryOptions OPTIONS =
            RfmSummaryOptions.custom(Instant.parse("2026-01-01T00:00:00Z"), ChronoUnit.DAYS).build();

    @Test
    void standardRulesPutEveryRecencyFrequencyScoreInItsNamedSegment() {
        // Oracle: the usual RFM segment grid (rows R = 5..1, columns F = 1..5), written out cell by cell.
        String[][] grid = {
                {"New Customers", "Potential Loyalists", "Potential Loyalists", "Champions", "Champions"},
                {"Promising", "Potential Loyalists", "Potential Loyalists", "Loyal Customers", "Loyal Customers"},
                {"About to Sleep", "About to Sleep", "Need Attention", "Loyal Customers", "Loyal Customers"},
                {"Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"},
                {"Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"}};
        RfmSegmentation standard = RfmSegmentation.ofDefaults();
        for (int r = 5; r >= 1; r--) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    assertThat(standard.segmentOf(r, f, OptionalInt.of(m))).as("R=%d F=%d", r, f)
                            .isEqualTo(grid[5 - r][f - 1]);
                }
                assertThat(standard.segmentOf(r, f, OptionalInt.empty())).isEqualTo(grid[5 - r][f - 1]);
            }
        }
    }

    @Test
    void scoresAreQuintilesOfTheCustomersWithWorseValues() {
        // Oracle: a brute-force count in this test of the customers with a strictly worse value: a score is
        // 1 + floor(5 * worse / n), so equal values share a score and scores stay within 1..5.
        qt().withFixedSeed(11).withExamples(150)
                .forAll(lists().of(integers().between(0, 9 * 20 * 50 - 1)).ofSizeBetween(1, 60))
                .checkAssert(codes -> {
                    List<CustomerSummary> customers = new ArrayList<>();
                    for (int i = 0; i < codes.size(); i++) {
                        int code = codes.get(i);
                        int frequency = code % 9;
                        double recency = frequency == 0 ? 0 : code / 9 % 20;
                        double spend = 1 + code / (9 * 20);
                        customers.add(new CustomerSummary(CustomerId.of("c" + i), frequency, recency, 30,
                                frequency > 0 ? OptionalDouble.of(spend) : OptionalDouble.empty(),
                                OptionalDouble.of(spend * (frequency + 1)), Optional.empty()));
                    }
                    List<RfmScore> scores = RfmSegmentation.ofDefaults().score(new RfmSummary(OPTIONS,
                            Optional.empty(), customers));
                    int n = customers.size();
                    for (int i = 0; i < n; i++) {
                        CustomerSummary own = customers.get(i);
                        long laterBuyers = customers.stream()
                                .filter(c -> c.age() - c.recency() > own.age() - own.recency()).count();
                        long lessFrequent = customers.stream().filter(c -> c.frequency() < own.frequency()).count();
                        long smallerSpenders = customers.stream()
                                .filter(c -> c.totalSpend().getAsDouble() < own.totalSpend().getAsDouble()).count();
                        RfmScore score = scores.get(i);
                        assertThat(score.customerId()).isEqualTo(own.customerId());
                        assertThat(score.recencyScore()).isEqualTo(1 + (int) (5 * laterBuyers / n));
                        assertThat(score.frequencyScore()).isEqualTo(1 + (int) (5 * lessFrequent / n));
                        assertThat(score.monetaryScore()).hasValue(1 + (int) (5 * smallerSpenders / n));
                        assertThat(score.segment()).isEqualTo(RfmSegmentation.ofDefaults()
                                .segmentOf(score.recencyScore(), score.frequencyScore(), score.monetaryScore()));
                    }
                });
    }

    @Test
    void firstMatchingRuleWinsAndUnmatchedCustomersFallBack() {
        // Oracle: the rules as written; "Big" needs a monetary score of 5, which a customer without amounts
        // never has, so such a customer falls through to the next rule.
        RfmSegmentation rules = RfmSegmentation.custom().rules(List.of(
                new RfmSegmentRule("Big", RfmScoreRange.ANY, RfmScoreRange.ANY, RfmScoreRange.only(5)),
                RfmSegmentRule.of("Recent", RfmScoreRange.of(4, 5), RfmScoreRange.ANY),
                RfmSegmentRule.of("Also recent", RfmScoreRange.of(4, 5), RfmScoreRange.ANY))).fallback("Rest").build();
        assertThat(rules.segmentOf(5, 1, OptionalInt.of(5))).isEqualTo("Big");
        assertThat(rules.segmentOf(5, 1, OptionalInt.empty())).isEqualTo("Recent");
        assertThat(rules.segmentOf(2, 1, OptionalInt.of(4))).isEqualTo("Rest");
        // Five customers whose last purchases lie 4, 3, 2, 1 and 0 days back score R = 1, 2, 3, 4, 5.
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(CustomerSummary.of(CustomerId.of("c" + i), 1, i, 4));
        }
        List<RfmScore> scores = rules.score(new RfmSummary(OPTIONS, Optional.empty(), customers));
        assertThat(scores).extracting(RfmScore::recencyScore).containsExactly(1, 2, 3, 4, 5);
        assertThat(scores).extracting(RfmScore::segment).containsExactly("Rest", "Rest", "Rest", "Recent", "Recent");
        assertThat(rules.segmentSizes(scores)).containsExactly(java.util.Map.entry("Big", 0L),
                java.util.Map.entry("Recent", 2L), java.util.Map.entry("Also recent", 0L), java.util.Map.entry("Rest",
                        3L));
    }

    @Test
    void rejectsScoreRangesOutsideOneToFive() {
        assertThatThrownBy(() -> RfmScoreRange.of(0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scores: 0..3 is not a range within 1..5");
        assertThatThrownBy(() -> RfmScoreRange.of(4, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
