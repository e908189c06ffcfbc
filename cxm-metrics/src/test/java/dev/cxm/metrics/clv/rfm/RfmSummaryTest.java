package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.metrics.clv.ClvData;
import dev.cxm.metrics.clv.ClvData.CdnowTransaction;
import dev.cxm.metrics.clv.ClvData.SummaryRow;

class RfmSummaryTest {

    private static final Instant CALIBRATION_END = Instant.parse("1997-10-01T00:00:00Z");
    private static final Instant HOLDOUT_END = Instant.parse("1998-07-01T00:00:00Z");

    private static RfmSummary cdnowSummary() {
        RfmSummarizer summarizer = RfmSummarizer.of(RfmSummaryOptions.custom(CALIBRATION_END, ChronoUnit.WEEKS)
                .purchasePeriod(ChronoUnit.DAYS).holdoutEnd(HOLDOUT_END).build());
        for (CdnowTransaction row : ClvData.cdnowSample()) {
            summarizer.add(CustomerId.of(Integer.toString(row.sampleId())), row.instant(), row.dollars());
        }
        return summarizer.result();
    }

    @Test
    void reproducesThePublishedCdnowSummaryFromRawTransactions() {
        // Oracle: cdnow_customers_summary.csv (Fader & Hardie; lifetimes), the published summary of
        // CDNOW_sample.txt for calibration through 1997-09-30, in weeks rounded to 2 d.p.
        RfmSummary summary = cdnowSummary();
        Map<String, CustomerSummary> byId = summary.customers().stream()
                .collect(Collectors.toMap(c -> c.customerId().value(), Function.identity()));
        List<SummaryRow> published = ClvData.cdnowSummary();
        assertThat(summary.customers()).hasSize(2357);
        assertThat(published).hasSize(2357);
        for (SummaryRow row : published) {
            CustomerSummary ours = byId.get(Integer.toString(row.id()));
            assertThat(ours).as("customer %d", row.id()).isNotNull();
            assertThat(ours.frequency()).as("frequency of %d", row.id()).isEqualTo(row.frequency());
            assertThat(ours.recency()).as("recency of %d", row.id()).isCloseTo(row.recency(), within(0.005 + 1e-9));
            assertThat(ours.age()).as("T of %d", row.id()).isCloseTo(row.age(), within(0.005 + 1e-9));
        }
    }

    @Test
    void reproducesThePublishedMeanRepeatSpend() {
        // Oracle: zbar of cdnow_customers_summary_with_transactions.csv (2 d.p.), and Fader, Hardie & Lee
        // (2005, "RFM and CLV"): the 946 repeat buyers spend about $35 per repeat purchase, median about $27.
        RfmSummary summary = cdnowSummary();
        Map<String, CustomerSummary> byId = summary.customers().stream()
                .collect(Collectors.toMap(c -> c.customerId().value(), Function.identity()));
        List<Double> spends = new ArrayList<>();
        for (SummaryRow row : ClvData.cdnowSummaryWithSpend()) {
            CustomerSummary ours = byId.get(Integer.toString(row.id()));
            if (row.frequency() == 0) {
                assertThat(ours.monetaryValue()).isEmpty();
            } else {
                assertThat(ours.monetaryValue().getAsDouble()).as("zbar of %d", row.id())
                        .isCloseTo(row.spend(), within(0.005 + 1e-9));
                spends.add(ours.monetaryValue().getAsDouble());
            }
        }
        Collections.sort(spends);
        double mean = spends.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double median = (spends.get(472) + spends.get(473)) / 2;
        assertThat(spends).hasSize(946);
        assertThat(mean).isCloseTo(35, within(0.5));
        assertThat(median).isCloseTo(27, within(1.0));
    }

    @Test
    void holdoutCountsThePurchaseDaysAfterCalibration() {
        // Oracle: a brute-force count in this test of the distinct purchase days (and dollars) of each
        // CDNOW customer from 1997-10-01 to 1998-06-30.
        Map<String, Set<LocalDate>> days = new HashMap<>();
        Map<String, Double> dollars = new HashMap<>();
        for (CdnowTransaction row : ClvData.cdnowSample()) {
            String id = Integer.toString(row.sampleId());
            if (!row.instant().isBefore(CALIBRATION_END) && row.instant().isBefore(HOLDOUT_END)) {
                days.computeIfAbsent(id, key -> new TreeSet<>()).add(row.date());
                dollars.merge(id, row.dollars(), Double::sum);
            }
        }
        RfmSummary summary = cdnowSummary();
        assertThat(summary.options().holdoutLength()).hasValueSatisfying(
                weeks -> assertThat(weeks).isCloseTo(273 / 7.0, within(1e-12)));
        for (CustomerSummary customer : summary.customers()) {
            String id = customer.customerId().value();
            HoldoutSummary holdout = customer.holdout().orElseThrow();
            assertThat(holdout.frequency()).as("holdout days of %s", id).isEqualTo(days.getOrDefault(id, Set.of())
                    .size());
            assertThat(holdout.totalSpend().getAsDouble()).isCloseTo(dollars.getOrDefault(id, 0.0), within(1e-9));
        }
    }

    @Test
    void summarisesDailyTransactionsWithoutAmounts() {
        // Oracle: a brute-force summary in this test of example_transactions.csv (lifetimes' simulated daily
        // data): frequency = distinct days - 1, recency and T in days, calibration through 2014-12-31.
        Instant end = Instant.parse("2015-01-01T00:00:00Z");
        RfmSummarizer summarizer = RfmSummarizer.of(RfmSummaryOptions.custom(end, ChronoUnit.DAYS).build());
        Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
        for (String line : ClvData.lines("example_transactions.csv").subList(1, 15274)) {
            String[] cells = line.split(",");
            LocalDateTime time = LocalDateTime.parse(cells[0].replace(' ', 'T'));
            summarizer.add(CustomerId.of(cells[1]), time.toInstant(ZoneOffset.UTC));
            days.computeIfAbsent(cells[1], key -> new TreeSet<>()).add(time.toLocalDate());
        }
        RfmSummary summary = summarizer.result();
        assertThat(summary.customers()).hasSize(days.size()).hasSize(5000);
        for (CustomerSummary customer : summary.customers()) {
            TreeSet<LocalDate> own = days.get(customer.customerId().value());
            assertThat(customer.frequency()).isEqualTo(own.size() - 1);
            assertThat(customer.recency()).isEqualTo((double) ChronoUnit.DAYS.between(own.first(), own.last()));
            assertThat(customer.age()).isEqualTo((double) ChronoUnit.DAYS.between(own.first(), LocalDate.of(2014, 12,
                    31)));
            assertThat(customer.monetaryValue()).isEmpty();
            assertThat(customer.totalSpend()).isEmpty();
        }
    }

    @Test
    void continuousTimeCountsEveryPurchaseAtItsInstant() {
        // Oracle: hand computation. Purchases at 0 h, 36 h and 36 h + 1 s; calibration ends at 96 h.
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        RfmSummaryOptions options = RfmSummaryOptions.custom(start.plus(Duration.ofHours(96)), ChronoUnit.DAYS)
                .continuousTime().build();
        CustomerId id = CustomerId.of("c1");
        RfmSummary summary = RfmSummarizer.of(options)
                .add(id, start, 10).add(id, start.plusSeconds(36 * 3600), 20).add(id,
                        start.plusSeconds(36 * 3600 + 1), 40)
                .result();
        CustomerSummary customer = summary.customers().get(0);
        assertThat(customer.frequency()).isEqualTo(2);
        assertThat(customer.recency()).isCloseTo((36 * 3600 + 1) / 86400.0, within(1e-12));
        assertThat(customer.age()).isEqualTo(4.0);
        assertThat(customer.monetaryValue().getAsDouble()).isEqualTo(30.0);
        assertThat(customer.totalSpend().getAsDouble()).isEqualTo(70.0);
    }

    @Test
    void mergesPurchasesOfOneCalendarDayInTheGivenZone() {
        // Oracle: hand computation. In New York, 23:00 on March 6 and 01:00 on March 7 are two days, while in
        // UTC both fall on March 7; March 8 (clocks go forward) is still one whole day, so the purchases on
        // March 7 and March 9 are 2 days apart.
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant end = LocalDate.of(2026, 3, 10).atStartOfDay(newYork).toInstant();
        CustomerId id = CustomerId.of("c1");
        Instant lateSixth = LocalDateTime.of(2026, 3, 6, 23, 0).atZone(newYork).toInstant();
        Instant earlySeventh = LocalDateTime.of(2026, 3, 7, 1, 0).atZone(newYork).toInstant();
        Instant ninth = LocalDateTime.of(2026, 3, 9, 12, 0).atZone(newYork).toInstant();
        Instant ninthAgain = LocalDateTime.of(2026, 3, 9, 18, 0).atZone(newYork).toInstant();
        RfmSummaryOptions local = RfmSummaryOptions.custom(end, ChronoUnit.DAYS).zone(newYork).build();
        CustomerSummary customer = RfmSummarizer.of(local).add(id, lateSixth, 1).add(id, earlySeventh, 2)
                .add(id, ninth, 4).add(id, ninthAgain, 8).result().customers().get(0);
        assertThat(customer.frequency()).isEqualTo(2);
        assertThat(customer.recency()).isEqualTo(3.0);
        assertThat(customer.age()).isEqualTo(3.0);
        assertThat(customer.monetaryValue().getAsDouble()).isEqualTo((2 + 12) / 2.0);

        RfmSummaryOptions utc = RfmSummaryOptions.custom(Instant.parse("2026-03-11T00:00:00Z"), ChronoUnit.DAYS)
                .build();
        CustomerSummary inUtc = RfmSummarizer.of(utc).add(id, lateSixth, 1).add(id, earlySeventh, 2)
                .result().customers().get(0);
        assertThat(inUtc.frequency()).isZero();
    }

    @Test
    void monthlyPeriodsCountWholeCalendarMonths() {
        // Oracle: hand computation. Purchases in January, twice in March and in June; calibration through
        // June: purchases in 3 months after the first (March counts once), so 2 repeat months (March, June),
        // recency 5 months, T 5 months.
        Instant end = Instant.parse("2026-07-01T00:00:00Z");
        RfmSummaryOptions options = RfmSummaryOptions.custom(end, ChronoUnit.MONTHS)
                .purchasePeriod(ChronoUnit.MONTHS).build();
        CustomerId id = CustomerId.of("c1");
        CustomerSummary customer = RfmSummarizer.of(options)
                .add(id, Instant.parse("2026-01-31T10:00:00Z")).add(id, Instant.parse("2026-03-01T00:00:00Z"))
                .add(id, Instant.parse("2026-03-31T00:00:00Z")).add(id, Instant.parse("2026-06-15T00:00:00Z"))
                .result().customers().get(0);
        assertThat(customer.frequency()).isEqualTo(2);
        assertThat(customer.recency()).isEqualTo(5.0);
        assertThat(customer.age()).isEqualTo(5.0);
    }

    @Test
    void summaryDoesNotDependOnPurchaseOrderOrSplitting() {
        // Oracle: the summary of the purchases in their given order; shuffled, split in two and merged, it
        // must be the same for every customer.
        RfmSummaryOptions options = RfmSummaryOptions.custom(Instant.parse("2026-02-01T00:00:00Z"), ChronoUnit.WEEKS)
                .holdoutEnd(Instant.parse("2026-03-01T00:00:00Z")).build();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        qt().withFixedSeed(7).withExamples(200)
                .forAll(lists().of(integers().between(0, 4 * 60 * 24 * 100 - 1)).ofSizeBetween(1, 40),
                        integers().between(0, 1000))
                .checkAssert((codes, seed) -> {
                    List<Purchase> purchases = new ArrayList<>();
                    for (int code : codes) {
                        int customer = code % 4;
                        int hour = code / 4 % (60 * 24);
                        int cents = code / (4 * 60 * 24);
                        purchases.add(Purchase.builder(CustomerId.of("c" + customer), start.plusSeconds(hour * 3600L),
                                Money.of(BigDecimal.valueOf(cents, 2).add(BigDecimal.ONE),
                                        java.util.Currency.getInstance("EUR")))
                                .build());
                    }
                    RfmSummary ordered = RfmSummary.of(purchases.stream(), options);
                    List<Purchase> shuffled = new ArrayList<>(purchases);
                    Collections.shuffle(shuffled, new Random(seed));
                    int half = shuffled.size() / 2;
                    RfmSummarizer first = RfmSummarizer.of(options);
                    shuffled.subList(0, half).forEach(first::add);
                    RfmSummarizer second = RfmSummarizer.of(options);
                    shuffled.subList(half, shuffled.size()).forEach(second::add);
                    RfmSummary merged = first.merge(second).result();
                    RfmSummary parallel = shuffled.parallelStream().collect(RfmSummary.collector(options));
                    assertThat(byId(merged)).isEqualTo(byId(ordered));
                    assertThat(byId(parallel)).isEqualTo(byId(ordered));
                });
    }

    @Test
    void largeSplitSummariesMatchABruteForceCount() {
        // Oracle: a brute-force summary in this test with java.time (weeks from Monday, UTC): frequency =
        // distinct calibration weeks - 1, recency and T in weeks, holdout weeks and spend. 30,000 purchases of
        // 2,000 customers in three uneven parts, so that the summarizers' batches and row blocks fill up
        // several times and the merges cross their boundaries.
        Instant calibrationEnd = Instant.parse("2026-03-02T00:00:00Z");
        Instant holdoutEnd = Instant.parse("2026-04-06T00:00:00Z");
        RfmSummaryOptions options = RfmSummaryOptions.custom(calibrationEnd, ChronoUnit.WEEKS)
                .purchasePeriod(ChronoUnit.WEEKS).holdoutEnd(holdoutEnd).build();
        Instant start = Instant.parse("2025-06-02T00:00:00Z");
        Random random = new Random(11);
        RfmSummarizer[] parts = {RfmSummarizer.of(options), RfmSummarizer.of(options),
                RfmSummarizer.of(options)};
        Map<String, TreeSet<Long>> calibrationWeeks = new HashMap<>();
        Map<String, Long> firstWeek = new HashMap<>();
        Map<String, Map<Long, Double>> spendByWeek = new HashMap<>();
        Map<String, Set<Long>> holdoutWeeks = new HashMap<>();
        Map<String, Double> holdoutSpend = new HashMap<>();
        LocalDate monday = LocalDate.parse("2025-06-02");
        for (int i = 0; i < 30_000; i++) {
            String id = "c" + random.nextInt(2_000);
            Instant at = start.plusSeconds((long) random.nextInt(320 * 86_400));
            double amount = 1 + random.nextInt(5_000) / 100.0;
            int part = i < 1_000 ? 0 : i < 25_000 ? 1 : 2;
            parts[part].add(CustomerId.of(id), at, amount);
            if (!at.isBefore(holdoutEnd)) {
                continue;
            }
            long week = ChronoUnit.WEEKS.between(monday, at.atZone(ZoneOffset.UTC).toLocalDate());
            if (at.isBefore(calibrationEnd)) {
                calibrationWeeks.computeIfAbsent(id, key -> new TreeSet<>()).add(week);
                spendByWeek.computeIfAbsent(id, key -> new HashMap<>()).merge(week, amount, Double::sum);
            } else {
                holdoutWeeks.computeIfAbsent(id, key -> new TreeSet<>()).add(week);
                holdoutSpend.merge(id, amount, Double::sum);
            }
        }
        calibrationWeeks.forEach((id, weeks) -> firstWeek.put(id, weeks.first()));
        long lastCalibrationWeek = ChronoUnit.WEEKS.between(monday, LocalDate.parse("2026-03-01"));

        RfmSummary summary = parts[0].merge(parts[1]).merge(parts[2]).result();

        assertThat(summary.customers()).hasSize(calibrationWeeks.size());
        for (CustomerSummary customer : summary.customers()) {
            String id = customer.customerId().value();
            TreeSet<Long> weeks = calibrationWeeks.get(id);
            assertThat(weeks).as("customer %s", id).isNotNull();
            Map<Long, Double> spend = spendByWeek.get(id);
            double total = spend.values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(customer.frequency()).as("frequency of %s", id).isEqualTo(weeks.size() - 1);
            assertThat(customer.recency()).as("recency of %s", id).isEqualTo((double) (weeks.last() - weeks.first()));
            assertThat(customer.age()).as("T of %s", id).isEqualTo((double) (lastCalibrationWeek - firstWeek.get(id)));
            assertThat(customer.totalSpend().getAsDouble()).as("spend of %s", id).isCloseTo(total, within(1e-6));
            if (weeks.size() > 1) {
                assertThat(customer.monetaryValue().getAsDouble()).as("mean repeat spend of %s", id)
                        .isCloseTo((total - spend.get(weeks.first())) / (weeks.size() - 1), within(1e-6));
            }
            HoldoutSummary holdout = customer.holdout().orElseThrow();
            assertThat(holdout.frequency()).as("holdout weeks of %s", id)
                    .isEqualTo(holdoutWeeks.getOrDefault(id, Set.of()).size());
            assertThat(holdout.totalSpend().getAsDouble()).isCloseTo(holdoutSpend.getOrDefault(id, 0.0), within(1e-6));
        }
    }

    @Test
    void aSummarizerDoesNotMergeItselfAndRefusesAnUncountableTimeAtOnce() {
        RfmSummaryOptions options = RfmSummaryOptions.custom(Instant.parse("2026-02-01T00:00:00Z"), ChronoUnit.DAYS)
                .build();
        RfmSummarizer summarizer = RfmSummarizer.of(options)
                .add(CustomerId.of("a"), Instant.parse("2026-01-01T00:00:00Z"), 5);
        assertThatThrownBy(() -> summarizer.merge(summarizer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("other: an accumulator cannot be merged into itself");

        RfmSummaryOptions minutes = RfmSummaryOptions.custom(Instant.parse("2026-02-01T00:00:00Z"), ChronoUnit.MINUTES)
                .purchasePeriod(ChronoUnit.MINUTES).build();
        RfmSummarizer perMinute = RfmSummarizer.of(minutes);
        assertThatThrownBy(() -> perMinute.add(CustomerId.of("a"), Instant.parse("-9000-01-01T00:00:00Z"), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("at: -9000-01-01T00:00:00Z is too far from 1970 to count in minutes");
        perMinute.add(CustomerId.of("a"), Instant.parse("2026-01-01T00:00:00Z"), 5);
        assertThat(perMinute.result().customers()).singleElement()
                .satisfies(customer -> assertThat(customer.frequency()).isZero());
    }

    @Test
    void summarisesThePurchasesOfAStoreUpToTheHoldoutEnd() {
        // Oracle: the summary of the same purchases as a stream; a purchase after the holdout end and a
        // customer who first buys in the holdout are left out.
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        RfmSummaryOptions options = RfmSummaryOptions.custom(start.plus(Duration.ofDays(14)), ChronoUnit.WEEKS)
                .holdoutEnd(start.plus(Duration.ofDays(21))).build();
        List<Purchase> purchases = List.of(
                purchase("a", start, "10.00"), purchase("a", start.plus(Duration.ofDays(7)), "20.00"),
                purchase("a", start.plus(Duration.ofDays(15)), "5.00"), purchase("a", start.plus(Duration.ofDays(30)),
                        "99.00"),
                purchase("b", start.plus(Duration.ofDays(16)), "7.00"));
        InMemoryEventStore store = InMemoryEventStore.create();
        store.appendAll(purchases);
        RfmSummary fromStore = RfmSummary.of(store, options);
        assertThat(fromStore.customers()).isEqualTo(RfmSummary.of(purchases.stream(), options).customers());
        assertThat(fromStore.currency()).contains(java.util.Currency.getInstance("EUR"));
        assertThat(fromStore.customers()).singleElement().satisfies(customer -> {
            assertThat(customer.frequency()).isEqualTo(1);
            assertThat(customer.recency()).isEqualTo(1.0);
            assertThat(customer.age()).isCloseTo(13 / 7.0, within(1e-12));
            assertThat(customer.monetaryValue().getAsDouble()).isEqualTo(20.0);
            assertThat(customer.holdout().orElseThrow().frequency()).isEqualTo(1);
            assertThat(customer.holdout().orElseThrow().totalSpend().getAsDouble()).isEqualTo(5.0);
        });
    }

    @Test
    void rejectsACalibrationEndInsideAPurchasePeriod() {
        assertThatThrownBy(() -> RfmSummaryOptions.custom(Instant.parse("2026-01-01T12:00:00Z"), ChronoUnit.DAYS)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calibrationEnd: 2026-01-01T12:00:00Z is not at the start of a Days period");
    }

    @Test
    void rejectsMonthsAsUnitOfDailyPeriods() {
        assertThatThrownBy(() -> RfmSummaryOptions.custom(Instant.parse("2026-01-01T00:00:00Z"), ChronoUnit.MONTHS)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit: Months has no fixed length");
    }

    @Test
    void rejectsPurchasesInTwoCurrencies() {
        RfmSummarizer summarizer = RfmSummarizer.of(
                RfmSummaryOptions.custom(Instant.parse("2026-02-01T00:00:00Z"), ChronoUnit.DAYS).build());
        summarizer.add(purchase("a", Instant.parse("2026-01-01T00:00:00Z"), "1.00"));
        Purchase inDollars = Purchase.builder(CustomerId.of("a"), Instant.parse("2026-01-02T00:00:00Z"),
                Money.of("2.00", "USD")).build();
        assertThatThrownBy(() -> summarizer.add(inDollars)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency: USD does not match EUR");
    }

    @Test
    void rejectsPurchasesWithAndWithoutAmounts() {
        RfmSummarizer summarizer = RfmSummarizer.of(
                RfmSummaryOptions.custom(Instant.parse("2026-02-01T00:00:00Z"), ChronoUnit.DAYS).build());
        summarizer.add(CustomerId.of("a"), Instant.parse("2026-01-01T00:00:00Z"));
        assertThatThrownBy(() -> summarizer.add(CustomerId.of("a"), Instant.parse("2026-01-02T00:00:00Z"), 3.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("some purchases have an amount and others not");
    }

    @Test
    void rejectsImpossibleHistories() {
        CustomerId id = CustomerId.of("17");
        assertThatThrownBy(() -> CustomerSummary.of(id, 2, -1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recency: -1.0 is negative");
        assertThatThrownBy(() -> CustomerSummary.of(id, 2, 11, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recency: 11.0 is greater than T 10.0 (customer 17)");
        assertThatThrownBy(() -> CustomerSummary.of(id, 0, 3, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recency: 3.0 is not 0 although frequency is 0");
        assertThatThrownBy(() -> CustomerSummary.of(id, -1, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frequency: -1 is negative");
        assertThatThrownBy(() -> RfmCells.builder(ChronoUnit.DAYS).add(1, 1, 2, java.util.OptionalDouble.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight: 0.0 is not a positive number (row 1)");
    }

    @Test
    void compressingIdenticalRowsKeepsTheirTotalWeight() {
        // Oracle: counting by hand; three customers share (1, 2, 5), one is (0, 0, 5).
        RfmCells cells = RfmCells.builder(ChronoUnit.DAYS).add(1, 2, 5).add(0, 0, 5).add(1, 2, 5).add(1, 2, 5).build();
        RfmCells compressed = cells.compress();
        assertThat(compressed.size()).isEqualTo(2);
        assertThat(compressed.totalWeight()).isEqualTo(4.0);
        assertThat(compressed.weight(0)).isEqualTo(3.0);
        assertThat(compressed.frequency(1)).isZero();
    }

    private static Map<CustomerId, CustomerSummary> byId(RfmSummary summary) {
        return summary.customers().stream().collect(Collectors.toMap(CustomerSummary::customerId, Function.identity()));
    }

    private static Purchase purchase(String customer, Instant at, String amount) {
        return Purchase.builder(CustomerId.of(customer), at, Money.of(amount, "EUR")).build();
    }

    @Test
    void subDayPeriodsFollowElapsedTimeThroughADaylightSavingChange() {
        // Oracle: hand computation on the clock: on 2026-11-01 New York falls back from EDT to EST, so 01:30
        // happens twice (05:30Z and 06:30Z); hourly periods keyed on the zone's standard offset keep them apart.
        // Purchases at 05:30Z, 06:30Z and 09:30Z, calibration ending 12:00Z: 2 repeat hours, recency 4 hours
        // (05:00Z to 09:00Z), T 6 hours (05:00Z to the last hour before the end, 11:00Z).
        ZoneId newYork = ZoneId.of("America/New_York");
        RfmSummaryOptions options = RfmSummaryOptions.custom(Instant.parse("2026-11-01T12:00:00Z"), ChronoUnit.HOURS)
                .purchasePeriod(ChronoUnit.HOURS).zone(newYork).build();
        CustomerId id = CustomerId.of("x");
        CustomerSummary customer = RfmSummarizer.of(options).add(id, Instant.parse("2026-11-01T05:30:00Z"))
                .add(id, Instant.parse("2026-11-01T06:30:00Z")).add(id, Instant.parse("2026-11-01T09:30:00Z"))
                .result().customers().get(0);
        assertThat(customer.frequency()).isEqualTo(2);
        assertThat(customer.recency()).isEqualTo(4.0);
        assertThat(customer.age()).isEqualTo(6.0);
        // Local midnight in summer (EDT) is still an hour boundary.
        assertThat(RfmSummaryOptions.custom(LocalDate.of(2026, 7, 2).atStartOfDay(newYork).toInstant(),
                ChronoUnit.HOURS)
                .purchasePeriod(ChronoUnit.HOURS).zone(newYork).build().zone()).isEqualTo(newYork);
    }
}
