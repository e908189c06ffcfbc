package dev.cxm.metrics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;

class AtRiskRankingTest {

    @Test
    void ranksCustomersBelowTheThresholdByValueAtRisk() {
        // Expected: closed form. Values at risk = value * (1 - P(alive)): a 100 * 0.9 = 90, c 200 * 0.8 = 160,
        // d 50 * 1 = 50, e 0; b (P(alive) 0.5) is above the threshold 0.4. Order: c, a, d, e.
        List<CustomerOutlook> outlooks = List.of(outlook("a", 0.1, 100), outlook("b", 0.5, 1000),
                outlook("c", 0.2, 200), outlook("d", 0.0, 50), outlook("e", 0.3, 0));
        List<AtRiskCustomer> ranking = AtRiskRanking.ofDefaults(0.4).rank(outlooks);
        assertThat(ranking).extracting(entry -> entry.outlook().customer().value()).containsExactly("c", "a", "d", "e");
        assertThat(ranking).extracting(AtRiskCustomer::rank).containsExactly(1, 2, 3, 4);
        assertThat(ranking).extracting(AtRiskCustomer::valueAtRisk).containsExactly(160.0, 90.0, 50.0, 0.0);
        assertThat(AtRiskRanking.custom(0.4).limit(2).build().rank(outlooks)).hasSize(2);
    }

    @Test
    void readsAnyCustomerRecordThroughFunctions() {
        // Expected: the same ranking as from the equivalent outlook records.
        record Summary(String id, double alive, double clv) {}
        List<Summary> summaries = List.of(new Summary("x", 0.05, 10), new Summary("y", 0.15, 300), new Summary("z", 0.9, 5));
        List<AtRiskCustomer> ranking = AtRiskRanking.ofDefaults(0.5)
                .rank(summaries, s -> CustomerId.of(s.id()), Summary::alive, Summary::clv);
        assertThat(ranking).isEqualTo(AtRiskRanking.ofDefaults(0.5).rank(List.of(outlook("x", 0.05, 10), outlook("y", 0.15, 300))));
    }

    @Test
    void rankingMatchesBruteForceAndIgnoresInputOrder() {
        // Expected: brute force, filter P(alive) < threshold and sort by value at risk then id; shuffling the
        // input changes nothing.
        qt().withFixedSeed(51).withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<CustomerOutlook> outlooks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                outlooks.add(outlook("c" + i, random.nextInt(11) / 10.0, random.nextInt(5) * 25.0));
            }
            double threshold = 0.1 + random.nextInt(10) / 10.0;
            List<CustomerOutlook> expected = outlooks.stream().filter(o -> o.probabilityAlive() < threshold)
                    .sorted(Comparator.comparingDouble((CustomerOutlook o) -> -o.value() * (1 - o.probabilityAlive()))
                            .thenComparing(o -> o.customer().value()))
                    .toList();
            List<AtRiskCustomer> ranking = AtRiskRanking.ofDefaults(threshold).rank(outlooks);
            assertThat(ranking).extracting(AtRiskCustomer::outlook).isEqualTo(expected);
            Collections.shuffle(outlooks, random);
            assertThat(AtRiskRanking.ofDefaults(threshold).rank(outlooks)).isEqualTo(ranking);
        });
    }

    @Test
    void rejectsProbabilitiesOutsideTheUnitIntervalNamingTheCustomer() {
        assertThatThrownBy(() -> outlook("c7", 1.2, 10))
                .hasMessage("probabilityAlive: 1.2 of customer c7 is outside [0, 1]");
        assertThatThrownBy(() -> outlook("c7", 0.5, Double.NaN))
                .hasMessage("value: NaN of customer c7 is not a finite number zero or more");
        assertThatThrownBy(() -> AtRiskRanking.ofDefaults(0))
                .hasMessageStartingWith("threshold: 0.0 is outside (0, 1]");
    }

    @Test
    void theBuilderRejectsEachBadValueAtOnceNamingIt() {
        // Expected: the configuration idiom: each setter refuses at once with the field, the value and the rule.
        for (double threshold : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> AtRiskRanking.custom(threshold))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("threshold: " + threshold + " is outside (0, 1]");
            assertThatThrownBy(() -> AtRiskRanking.custom(0.5).threshold(threshold))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("threshold: " + threshold + " is outside (0, 1]");
        }
        assertThatThrownBy(() -> AtRiskRanking.custom(0.5).limit(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit: 0 is below 1");
    }

    @Test
    void configurationsCompareByValue() {
        // Expected: the configuration idiom: equal settings are equal; from(base) starts from base's settings.
        AtRiskRanking top100 = AtRiskRanking.custom(0.3).limit(100).build();
        assertThat(AtRiskRanking.custom(0.3).build()).isEqualTo(AtRiskRanking.ofDefaults(0.3))
                .hasSameHashCodeAs(AtRiskRanking.ofDefaults(0.3));
        assertThat(AtRiskRanking.from(top100).build()).isEqualTo(top100).hasSameHashCodeAs(top100);
        assertThat(AtRiskRanking.from(top100).threshold(0.5).build())
                .isEqualTo(AtRiskRanking.custom(0.5).limit(100).build());
        assertThat(top100).isNotEqualTo(AtRiskRanking.ofDefaults(0.3));
        assertThat(top100.threshold()).isEqualTo(0.3);
        assertThat(top100.limit()).isEqualTo(100);
        assertThat(top100).hasToString("AtRiskRanking[threshold=0.3, limit=100]");
        assertThat(AtRiskRanking.ofDefaults(0.3).limit()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void refusesNullArgumentsAndAValueAtRiskThatIsNotTheOutlooks() {
        // Expected: by definition, value at risk = value * (1 - P(alive)) = 100 * 0.5 = 50 for this outlook.
        CustomerOutlook outlook = outlook("c1", 0.5, 100);
        assertThat(AtRiskCustomer.of(1, outlook).valueAtRisk()).isEqualTo(50.0);
        assertThatThrownBy(() -> new AtRiskCustomer(1, outlook, 49))
                .hasMessageStartingWith("valueAtRisk: 49.0 of customer c1 is not value * (1 - P(alive)) = 50.0");
        AtRiskRanking ranking = AtRiskRanking.ofDefaults(0.6);
        List<CustomerOutlook> one = List.of(outlook);
        assertThatThrownBy(() -> ranking.rank(one, null, o -> 0.5, o -> 1))
                .isInstanceOf(NullPointerException.class).hasMessage("id must not be null");
        assertThatThrownBy(() -> ranking.rank(one, CustomerOutlook::customer, null, o -> 1))
                .isInstanceOf(NullPointerException.class).hasMessage("probabilityAlive must not be null");
        assertThatThrownBy(() -> ranking.rank(one, CustomerOutlook::customer, o -> 0.5, null))
                .isInstanceOf(NullPointerException.class).hasMessage("value must not be null");
        assertThatThrownBy(() -> ranking.rank(null))
                .isInstanceOf(NullPointerException.class).hasMessage("outlooks must not be null");
        assertThatThrownBy(() -> ranking.rank(java.util.Arrays.asList(outlook, null)))
                .isInstanceOf(NullPointerException.class).hasMessage("outlook must not be null");
    }

    private static CustomerOutlook outlook(String id, double alive, double value) {
        return CustomerOutlook.of(CustomerId.of(id), alive, value);
    }

    @Test
    void ranksAnRfmSummaryWithPAliveFromAFittedPurchaseModel() {
        // Expected: P(alive) from the BG/NBD closed form (Fader, Hardie & Lee 2005, eq. 7), written out here:
        // 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)), at the published CDNOW
        // estimates; value = total spend; then the brute-force filter and sort by value * (1 - P(alive)).
        // Histories in weeks from each customer's first purchase; calibration ends at week 30, so with daily
        // purchase periods T runs to the last calibration day, 30 - 1/7 weeks (the BTYD convention that
        // RfmSummaryOptions documents): c1 buys once (x 0: alive for sure), c2 at 0, 1, 2 (x 2, t_x 2),
        // c3 at 0, 10, 28 (x 2, t_x 28), c4 at 0, 1 (x 1, t_x 1).
        double r = 0.2426;
        double alpha = 4.4135;
        double a = 0.7929;
        double b = 2.4258;
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        Instant end = start.plus(Duration.ofDays(7 * 30));
        Map<String, int[]> weeks = Map.of("c1", new int[] {0}, "c2", new int[] {0, 1, 2}, "c3", new int[] {0, 10, 28},
                "c4", new int[] {0, 1});
        Map<String, String> spend = Map.of("c1", "500.00", "c2", "40.00", "c3", "60.00", "c4", "30.00");
        Stream<Purchase> purchases = weeks.entrySet().stream()
                .flatMap(entry -> java.util.Arrays.stream(entry.getValue())
                .mapToObj(week -> Purchase.builder(CustomerId.of(entry.getKey()),
                        start.plus(Duration.ofDays(7L * week)),
                        Money.of(spend.get(entry.getKey()), "EUR")).eventId(entry.getKey() + "-" + week).build()));
        RfmSummary summary = RfmSummary.of(purchases, RfmSummaryOptions.custom(end, ChronoUnit.WEEKS).build());
        BgNbdModel model = BgNbdModel.of(r, alpha, a, b, ChronoUnit.WEEKS);

        List<AtRiskCustomer> ranking = AtRiskRanking.ofDefaults(0.9)
                .rank(summary, model, customer -> customer.totalSpend().orElse(0));

        double lastDay = 30 - 1.0 / 7;
        Map<String, double[]> history = Map.of("c1", new double[] {0, 0, lastDay}, "c2", new double[] {2, 2, lastDay},
                "c3", new double[] {2, 28, lastDay}, "c4", new double[] {1, 1, lastDay});
        Map<String, Double> total = Map.of("c1", 500.0, "c2", 120.0, "c3", 180.0, "c4", 60.0);
        List<CustomerOutlook> expected = history.entrySet().stream()
                .map(entry -> {
                    double x = entry.getValue()[0];
                    double tx = entry.getValue()[1];
                    double age = entry.getValue()[2];
                    double alive = x == 0 ? 1
                            : 1 / (1 + a / (b + x - 1) * Math.pow((alpha + age) / (alpha + tx), r + x));
                    return new CustomerOutlook(CustomerId.of(entry.getKey()), alive, total.get(entry.getKey()));
                })
                .filter(outlook -> outlook.probabilityAlive() < 0.9)
                .sorted(Comparator.comparingDouble((CustomerOutlook o) -> -o.value() * (1 - o.probabilityAlive()))
                        .thenComparing(o -> o.customer().value()))
                .toList();
        assertThat(expected).extracting(o -> o.customer().value()).contains("c2").doesNotContain("c1");
        assertThat(ranking).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            CustomerOutlook actual = ranking.get(i).outlook();
            assertThat(actual.customer()).isEqualTo(expected.get(i).customer());
            assertThat(actual.probabilityAlive()).isCloseTo(expected.get(i).probabilityAlive(), within(1e-12));
            assertThat(actual.value()).isEqualTo(expected.get(i).value());
        }
    }

    @Test
    void refusesASummaryInAnotherUnitThanTheModel() {
        RfmSummary days = RfmSummary.of(Stream.of(Purchase.builder(CustomerId.of("c1"),
                Instant.parse("2026-01-05T00:00:00Z"), Money.of("1", "EUR")).build()),
                RfmSummaryOptions.custom(Instant.parse("2026-02-05T00:00:00Z"), ChronoUnit.DAYS).build());

        assertThatThrownBy(() -> AtRiskRanking.ofDefaults(0.5).rank(days, BgNbdModel.of(1, 1, 1, 1, ChronoUnit.WEEKS),
                customer -> 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Days").hasMessageContaining("Weeks");
    }
}
