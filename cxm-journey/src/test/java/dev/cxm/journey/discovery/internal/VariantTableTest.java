package dev.cxm.journey.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The variant table against a recount in a {@code HashMap} of boxed lists (the oracle: Java's own equality of
 * lists), over random sequences made to be hard for a hash table: many sharing long prefixes, some a prefix of
 * another, some long (up to 300 steps), the empty one, and in a table that keeps 4 bits of each hash, so that
 * nearly every probe meets other variants' slots with equal hash bits and must compare the steps.
 */
class VariantTableTest {

    @Test
    void countsEveryVariantAsARecountDoes() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            for (VariantTable table : List.of(new VariantTable(), VariantTable.withCollidingHashes())) {
                Map<List<Integer>, Long> expected = new HashMap<>();
                List<int[]> seen = new ArrayList<>();
                int adds = 1 + random.nextInt(600);
                if (random.nextBoolean()) {
                    table.expect(random.nextInt(adds + 1), random.nextInt(1_000));
                }
                for (int a = 0; a < adds; a++) {
                    int[] sequence = sequence(random, seen);
                    seen.add(sequence);
                    long count = 1 + random.nextInt(3);
                    int from = random.nextInt(3);
                    int[] padded = new int[from + sequence.length + random.nextInt(3)];
                    Arrays.fill(padded, 7);
                    System.arraycopy(sequence, 0, padded, from, sequence.length);
                    if (random.nextBoolean()) {
                        table.add(padded, from, sequence.length, table.hashOf(padded, from, sequence.length), count);
                    } else if (from == 0) {
                        table.add(padded, sequence.length, count);
                    } else {
                        long hash = VariantTable.start();
                        for (int step : sequence) {
                            hash = VariantTable.step(hash, step);
                        }
                        table.add(padded, from, sequence.length, table.finish(hash, sequence.length), count);
                    }
                    expected.merge(Arrays.stream(sequence).boxed().toList(), count, Long::sum);
                }
                Map<List<Integer>, Long> actual = new HashMap<>();
                for (int entry = 0; entry < table.size(); entry++) {
                    assertThat(actual.put(Arrays.stream(table.sequence(entry)).boxed().toList(), table.count(entry)))
                            .isNull();
                }
                assertThat(actual).isEqualTo(expected);
            }
        });
    }

    @Test
    void aCollidingTableRanksVariantsAsListsCompare() {
        // Expected from a comparison of the boxed lists by the given ranks, written out here.
        VariantTable table = VariantTable.withCollidingHashes();
        table.add(new int[] {2, 0, 1}, 3, 1);
        table.add(new int[] {2, 0}, 2, 1);
        table.add(new int[] {1, 2, 2, 2}, 4, 1);
        int[] rank = {2, 0, 1};
        assertThat(table.compare(0, 1, rank)).isPositive();
        assertThat(table.compare(1, 0, rank)).isNegative();
        assertThat(table.compare(2, 0, rank)).isNegative();
        assertThat(table.compare(0, 0, rank)).isZero();
    }

    /**
     * A sequence of 0 to 5 activities: usually short, sometimes long, often a seen one cut or extended (shared
     * prefixes, prefixes of each other) or repeated outright.
     */
    private static int[] sequence(Random random, List<int[]> seen) {
        int kind = random.nextInt(10);
        if (!seen.isEmpty() && kind < 5) {
            int[] base = seen.get(random.nextInt(seen.size()));
            if (kind < 2) {
                return base;
            }
            int length = kind < 4 ? random.nextInt(base.length + 1) : base.length + 1 + random.nextInt(3);
            int[] sequence = Arrays.copyOf(base, length);
            for (int i = base.length; i < length; i++) {
                sequence[i] = random.nextInt(6);
            }
            return sequence;
        }
        int length = kind == 9 ? random.nextInt(300) : random.nextInt(8);
        int[] sequence = new int[length];
        for (int i = 0; i < length; i++) {
            sequence[i] = random.nextInt(kind == 8 ? 2 : 6);
        }
        return sequence;
    }
}
