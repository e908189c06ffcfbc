package dev.cxm.metrics.churn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;

/** The table against a brute force: a HashMap of TreeSets fed the same (customer, period) pairs. */
class ActivityTableTest {

    @Test
    void holdsTheSamePeriodsAsAMapOfSetsThroughGrowthSlidingAndSpilling() {
        qt().withFixedSeed(61).withExamples(30).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int customers = 1 + random.nextInt(3000);
            int span = 1 + random.nextInt(150);
            ActivityTable left = new ActivityTable();
            ActivityTable right = new ActivityTable();
            Map<CustomerId, TreeSet<Integer>> expected = new HashMap<>();
            for (int i = 0; i < 4 * customers; i++) {
                // A fresh but equal id half the time, so equality (not only identity) is exercised.
                CustomerId customer = CustomerId.of("c" + random.nextInt(customers));
                int period = 24_000 + random.nextInt(span) - span / 2;
                (random.nextBoolean() ? left : right).add(customer, period);
                expected.computeIfAbsent(customer, c -> new TreeSet<>()).add(period);
            }
            left.addAll(right);
            Map<CustomerId, TreeSet<Integer>> actual = new HashMap<>();
            left.forEach((customer, periods) -> {
                List<Integer> walked = new ArrayList<>();
                for (int p = periods.first(); p != ActivePeriods.NONE; p = periods.next(p)) {
                    walked.add(p);
                }
                assertThat(periods.last()).isEqualTo(walked.get(walked.size() - 1));
                assertThat(actual.put(customer, new TreeSet<>(walked))).isNull();
            });
            assertThat(actual).isEqualTo(expected);
            assertThat(left.size()).isEqualTo(expected.size());
        });
    }

    @Test
    void periodsOfBothSignsAndSizeBeforeAnyVisit() {
        // Oracle: a HashMap of TreeSets fed the same pairs; periods around 0 (days before and after the epoch)
        // and windows that slide down by a period, reach exactly 64 apart, or spill.
        qt().withFixedSeed(67).withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int customers = 1 + random.nextInt(40);
            int span = 1 + random.nextInt(140);
            ActivityTable table = new ActivityTable();
            Map<CustomerId, TreeSet<Integer>> expected = new HashMap<>();
            for (int i = 0; i < 6 * customers; i++) {
                CustomerId customer = CustomerId.of("c" + random.nextInt(customers));
                int period = random.nextInt(span) - span / 2;
                table.add(customer, period);
                expected.computeIfAbsent(customer, c -> new TreeSet<>()).add(period);
                if (random.nextInt(4) == 0) {
                    table.add(customer, period + 64);
                    expected.get(customer).add(period + 64);
                }
            }
            // size() first: it must apply the pending additions itself.
            assertThat(table.size()).isEqualTo(expected.size());
            assertThat(contents(table)).isEqualTo(expected);
        });
    }

    @Test
    void aPeriodExactly64AfterTheWindowBaseIsKept() {
        // Oracle: the three periods added, by hand.
        ActivityTable table = new ActivityTable();
        CustomerId customer = CustomerId.of("c");
        table.add(customer, -30);
        table.add(customer, 34);
        table.add(customer, 10);
        assertThat(table.size()).isEqualTo(1);
        assertThat(contents(table)).isEqualTo(Map.of(customer, new TreeSet<>(List.of(-30, 10, 34))));
    }

    private static Map<CustomerId, TreeSet<Integer>> contents(ActivityTable table) {
        Map<CustomerId, TreeSet<Integer>> actual = new HashMap<>();
        table.forEach((customer, periods) -> {
            TreeSet<Integer> walked = new TreeSet<>();
            for (int p = periods.first(); p != ActivePeriods.NONE; p = periods.next(p)) {
                walked.add(p);
            }
            assertThat(periods.last()).isEqualTo(walked.last());
            actual.put(customer, walked);
        });
        return actual;
    }
}
