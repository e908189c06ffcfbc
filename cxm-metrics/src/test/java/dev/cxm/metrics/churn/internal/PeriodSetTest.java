package dev.cxm.metrics.churn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The period set against a brute force: a TreeSet of the same periods (membership, first, next, last, addAll),
 * over periods of both signs that make the set grow downwards and upwards by several words.
 */
class PeriodSetTest {

    @Test
    void holdsTheSamePeriodsAsATreeSet() {
        qt().withFixedSeed(83).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int centre = random.nextInt(-1_000, 1_000);
            int span = 1 + random.nextInt(600);
            int first = centre + random.nextInt(span) - span / 2;
            PeriodSet set = new PeriodSet(first);
            TreeSet<Integer> expected = new TreeSet<>(List.of(first));
            int adds = random.nextInt(40);
            for (int i = 0; i < adds; i++) {
                int period = centre + random.nextInt(span) - span / 2;
                set.add(period);
                expected.add(period);
            }
            assertSame(set, expected);
            for (int p = centre - span; p <= centre + span; p++) {
                assertThat(set.contains(p)).as("contains %d", p).isEqualTo(expected.contains(p));
            }
        });
    }

    @Test
    void addAllTakesEveryPeriodOfTheOther() {
        // Oracle: the union of the two TreeSets.
        qt().withFixedSeed(89).withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int a = random.nextInt(-300, 300);
            int b = random.nextInt(-300, 300);
            PeriodSet left = new PeriodSet(a);
            PeriodSet right = new PeriodSet(b);
            TreeSet<Integer> expected = new TreeSet<>(List.of(a, b));
            for (int i = 0; i < 20; i++) {
                int p = random.nextInt(-300, 300);
                int q = random.nextInt(-300, 300);
                left.add(p);
                right.add(q);
                expected.add(p);
                expected.add(q);
            }
            left.addAll(right);
            assertSame(left, expected);
        });
    }

    @Test
    void aSetWithinOneWordKnowsItsLastPeriod() {
        // Oracle: the periods added, by hand; all fall in the word of period 0..63 or of -64..-1.
        assertThat(new PeriodSet(5).last()).isEqualTo(5);
        assertThat(new PeriodSet(0).last()).isEqualTo(0);
        assertThat(new PeriodSet(-1).last()).isEqualTo(-1);
        PeriodSet set = new PeriodSet(63);
        set.add(0);
        assertThat(set.first()).isEqualTo(0);
        assertThat(set.last()).isEqualTo(63);
        assertThat(set.contains(64)).isFalse();
        assertThat(set.contains(-1)).isFalse();
        assertThat(set.contains(1)).isFalse();
        assertThat(set.contains(0)).isTrue();
        set.add(-64);
        assertThat(set.first()).isEqualTo(-64);
        assertThat(set.next(-64)).isEqualTo(0);
        assertThat(set.last()).isEqualTo(63);
        assertThat(set.contains(-63)).isFalse();
        assertThat(set.contains(-65)).isFalse();
    }

    private static void assertSame(PeriodSet set, TreeSet<Integer> expected) {
        List<Integer> walked = new ArrayList<>();
        for (int p = set.first(); p != ActivePeriods.NONE; p = set.next(p)) {
            walked.add(p);
        }
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(set.last()).isEqualTo(expected.last());
        for (int p : expected) {
            assertThat(set.next(p)).isEqualTo(expected.higher(p) == null ? ActivePeriods.NONE : expected.higher(p));
            assertThat(set.next(p - 1)).isEqualTo(p);
        }
    }
}
