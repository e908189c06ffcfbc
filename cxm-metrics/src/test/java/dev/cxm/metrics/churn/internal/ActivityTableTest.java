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
}
