package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;

/**
 * The summarizer's sums, order and row blocks at the sizes where its sort, its parallel grouping and its
 * batches change path.
 *
 * <p>Oracle: a brute-force summary in this test, per customer from the purchase list: daily periods in UTC,
 * frequency = distinct calibration days - 1, recency and T in days (T to the last calibration day), spend
 * summed in the order the summarizer documents (by day, then by amount, ascending), so sums are compared bit for
 * bit; customers listed in the order each first appeared in the input.
 */
class RfmSummarizerEdgeCasesTest {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-01-01");
    private static final LocalDate LAST_CALIBRATION_DAY = LocalDate.parse("2026-03-31");
    private static final LocalDate LAST_HOLDOUT_DAY = LocalDate.parse("2026-04-30");
    private static final RfmSummaryOptions OPTIONS = RfmSummaryOptions
            .custom(LAST_CALIBRATION_DAY, ZoneOffset.UTC, ChronoUnit.DAYS).lastHoldoutDay(LAST_HOLDOUT_DAY).build();

    private record Bought(String customer, int day, int secondOfDay, double amount) {
        Instant at() {
            return FIRST_DAY.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(secondOfDay);
        }
    }

    @Test
    void longHistoriesInAnyOrderSumAsSortedByDayThenAmount() {
        // Histories of up to 400 purchases on few days, so that most days hold several purchases and the merge
        // sort (beyond 48 purchases) meets equal days with different amounts.
        qt().withExamples(80).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<Bought> purchases = new ArrayList<>();
            int customers = 1 + random.nextInt(5);
            for (int c = 0; c < customers; c++) {
                int count = 1 + random.nextInt(random.nextBoolean() ? 400 : 50);
                int days = 1 + random.nextInt(30);
                int firstDay = random.nextInt(100);
                for (int i = 0; i < count; i++) {
                    purchases.add(new Bought("c" + c, firstDay + random.nextInt(days), random.nextInt(86_400),
                            random.nextInt(100_000) / 100.0));
                }
            }
            Collections.shuffle(purchases, random);
            int split = random.nextInt(purchases.size() + 1);
            RfmSummarizer first = summarize(purchases.subList(0, split));
            RfmSummarizer second = summarize(purchases.subList(split, purchases.size()));
            if (random.nextBoolean()) {
                first = RfmSummarizer.restore(first.state());
            }
            assertThat(first.merge(second).result().customers()).isEqualTo(bruteForce(purchases));
        });
    }

    @Test
    void twentyThousandCustomersSpanSeveralRowBlocksPartsAndChunks() {
        // 20,000 customers (more than one parallel part of 4,096 and one chunk of 16,384) with 60,000 purchases
        // (several row blocks), split over two summarizers, one of them restored from its state.
        Random random = new Random(20);
        List<Bought> purchases = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            purchases.add(new Bought("c" + random.nextInt(20_000), random.nextInt(120), random.nextInt(86_400),
                    random.nextInt(100_000) / 100.0));
        }
        RfmSummarizer first = RfmSummarizer.restore(summarize(purchases.subList(0, 25_000)).state());
        RfmSummarizer second = summarize(purchases.subList(25_000, purchases.size()));
        RfmSummarizer merged = first.merge(second);
        RfmSummaryState state = merged.state();
        assertThat(state.times()).hasSize(purchases.size());
        assertThat(RfmSummarizer.restore(state).state()).isEqualTo(state);
        assertThat(merged.result().customers()).isEqualTo(bruteForce(purchases));
    }

    @Test
    void aMergeWithPurchasesNotYetStoredKeepsTheOrderOfFirstAppearance() {
        // Fewer purchases than one batch on both sides, so that neither summarizer has stored its rows yet.
        List<Bought> purchases = List.of(
                new Bought("x", 1, 10, 5), new Bought("y", 2, 10, 7),
                new Bought("z", 3, 10, 2), new Bought("x", 4, 10, 3));
        RfmSummarizer first = summarize(purchases.subList(0, 2));
        RfmSummarizer second = summarize(purchases.subList(2, 4));
        List<CustomerSummary> merged = first.merge(second).result().customers();
        assertThat(merged).extracting(summary -> summary.customerId().value()).containsExactly("x", "y", "z");
        assertThat(merged).isEqualTo(bruteForce(purchases));
    }

    private static RfmSummarizer summarize(List<Bought> purchases) {
        RfmSummarizer summarizer = RfmSummarizer.of(OPTIONS);
        for (Bought bought : purchases) {
            summarizer.add(CustomerId.of(bought.customer()), bought.at(), bought.amount());
        }
        return summarizer;
    }

    private static List<CustomerSummary> bruteForce(List<Bought> purchases) {
        int lastCalibration = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_CALIBRATION_DAY);
        int lastHoldout = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_HOLDOUT_DAY);
        Map<String, List<Bought>> byCustomer = new LinkedHashMap<>();
        for (Bought bought : purchases) {
            byCustomer.computeIfAbsent(bought.customer(), key -> new ArrayList<>()).add(bought);
        }
        List<CustomerSummary> summaries = new ArrayList<>();
        byCustomer.forEach((customer, bought) -> {
            List<Bought> sorted = new ArrayList<>(bought);
            sorted.sort(Comparator.comparingInt(Bought::day).thenComparingDouble(Bought::amount));
            int firstDay = sorted.get(0).day();
            if (firstDay > lastCalibration) {
                return;
            }
            double total = 0;
            double firstSpend = 0;
            double holdoutTotal = 0;
            List<Integer> days = new ArrayList<>();
            List<Integer> holdoutDays = new ArrayList<>();
            for (Bought purchase : sorted) {
                if (purchase.day() <= lastCalibration) {
                    total += purchase.amount();
                    if (purchase.day() == firstDay) {
                        firstSpend += purchase.amount();
                    }
                    if (!days.contains(purchase.day())) {
                        days.add(purchase.day());
                    }
                } else if (purchase.day() <= lastHoldout) {
                    holdoutTotal += purchase.amount();
                    if (!holdoutDays.contains(purchase.day())) {
                        holdoutDays.add(purchase.day());
                    }
                }
            }
            int frequency = days.size() - 1;
            int holdoutFrequency = holdoutDays.size();
            summaries.add(new CustomerSummary(CustomerId.of(customer), frequency, days.get(frequency) - firstDay,
                    lastCalibration - firstDay,
                    frequency > 0 ? OptionalDouble.of((total - firstSpend) / frequency) : OptionalDouble.empty(),
                    OptionalDouble.of(total),
                    java.util.Optional.of(new HoldoutSummary(holdoutFrequency, holdoutFrequency > 0
                            ? OptionalDouble.of(holdoutTotal / holdoutFrequency) : OptionalDouble.empty(),
                            OptionalDouble.of(holdoutTotal)))));
        });
        return summaries;
    }
}
