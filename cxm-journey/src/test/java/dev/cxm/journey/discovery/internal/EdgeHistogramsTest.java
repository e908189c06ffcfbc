package dev.cxm.journey.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The edges' histograms against a brute force in the test: per edge the times sorted, the median taken at
 * the nearest rank ceil(n / 2) and the mean as the exact sum (a {@code BigInteger}) divided by the count; times
 * drawn across every power of two, with ties and values below 32, on edges below and well past the sample
 * after which an edge keeps only the times near its median, and times that drift so that it misses it.
 */
class EdgeHistogramsTest {

    @Test
    void bucketsAreExactBelow32AndNeverOrderTimesWrongly() {
        // Expected from the bucket's definition: the identity below 32, and monotone (a larger time never in a
        // smaller bucket), below BUCKETS.
        for (long time = 0; time < 32; time++) {
            assertThat(EdgeHistograms.bucket(time)).isEqualTo((int) time);
        }
        assertThat(EdgeHistograms.bucket(Long.MAX_VALUE)).isEqualTo(EdgeHistograms.BUCKETS - 1);
        qt().withExamples(20_000).forAll(longs().between(0, Long.MAX_VALUE), longs().between(0, Long.MAX_VALUE))
                .checkAssert((a, b) -> {
                    long low = Math.min(a, b);
                    long high = Math.max(a, b);
                    assertThat(EdgeHistograms.bucket(low)).isLessThanOrEqualTo(EdgeHistograms.bucket(high));
                    assertThat(EdgeHistograms.bucket(high)).isBetween(0, EdgeHistograms.BUCKETS - 1);
                    int shift = Math.max(0, 63 - Long.numberOfLeadingZeros(low) - 5);
                    assertThat(EdgeHistograms.bucket(low >>> shift << shift)).isEqualTo(EdgeHistograms.bucket(low));
                });
    }

    @Test
    void countsMeansAndMediansMatchTheSortedTimes() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            int edges = 1 + random.nextInt(6);
            // Some edges well past the sample, so that their windows are placed; times drawn alike all along.
            int added = random.nextInt(3) == 0 ? random.nextInt(30_000) : random.nextInt(2_000);
            assertRecounted(random, edges, added, i -> time(random));
        });
    }

    @Test
    void timesThatDriftAlongThePassAreOfferedAgain() {
        // Expected from the sorted times: the first 5,000 times of the edge are below 1,000 and the next 20,000
        // above a billion, so the window placed after the sample misses the median, which finish() must say.
        Random random = new Random(11);
        EdgeHistograms histograms = assertRecounted(random, 1, 24_999,
                i -> i < 5_000 ? random.nextInt(1_000) : 1_000_000_000L + random.nextInt(1 << 30));
        assertThat(histograms.finish()).isTrue();
    }

    @Test
    void anEdgeWithNoTimeAsksForNoSecondPass() {
        // Expected: an edge made room for but never given a time has count 0 and nothing to look for again,
        // while the edge beside it keeps its exact median (of 3, 5, 7: the nearest rank ceil(3 / 2) = 2, so 5).
        EdgeHistograms histograms = new EdgeHistograms();
        histograms.ensureEdges(2);
        for (long time : new long[] {7, 3, 5}) {
            histograms.add(1, time);
        }
        assertThat(histograms.finish()).isFalse();
        assertThat(histograms.count(0)).isZero();
        assertThat(histograms.count(1)).isEqualTo(3);
        assertThat(histograms.median(1)).isEqualTo(5);
        assertThat(histograms.mean(1)).isEqualTo(5);
    }

    @Test
    void aSumThatCouldPassTheLongRangeOrANegativeTimeIsNotExact() {
        // Expected from Long.MAX_VALUE: two times of 2^62 add up to 2^63, one past it; the check is the
        // histogram's bound, so a single time of 2^40 is exact and one of 2^62 already is not.
        EdgeHistograms histograms = new EdgeHistograms();
        histograms.ensureEdges(1);
        histograms.add(0, 1L << 40);
        histograms.finish();
        assertThat(histograms.exactSums()).isTrue();
        histograms.add(0, 1L << 62);
        histograms.add(0, 1L << 62);
        histograms.finish();
        assertThat(histograms.exactSums()).isFalse();
        EdgeHistograms negative = new EdgeHistograms();
        negative.ensureEdges(1);
        negative.add(0, -1);
        negative.finish();
        assertThat(negative.exactSums()).isFalse();
    }

    /**
     * Adds {@code added} times plus one per edge (so every edge has one), then checks every edge against the
     * sorted times, offering them again when finish() asks.
     */
    private static EdgeHistograms assertRecounted(Random random, int edges, int added, LongUnaryOperator timeOf) {
        List<List<Long>> times = new ArrayList<>();
        EdgeHistograms histograms = new EdgeHistograms();
        for (int edge = 0; edge < edges; edge++) {
            times.add(new ArrayList<>());
        }
        for (int i = 0; i < added + edges; i++) {
            int edge = i < edges ? i : random.nextInt(edges);
            long time = timeOf.applyAsLong(i);
            histograms.ensureEdges(edge + 1);
            histograms.add(edge, time);
            times.get(edge).add(time);
        }
        if (histograms.finish()) {
            histograms.planMedians();
            for (int edge = 0; edge < edges; edge++) {
                for (long time : times.get(edge)) {
                    histograms.offer(edge, time);
                }
            }
        }
        assertThat(histograms.exactSums()).isTrue();
        for (int edge = 0; edge < edges; edge++) {
            long[] sorted = times.get(edge).stream().mapToLong(Long::longValue).sorted().toArray();
            BigInteger sum = Arrays.stream(sorted).mapToObj(BigInteger::valueOf)
                    .reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(histograms.count(edge)).isEqualTo(sorted.length);
            assertThat(histograms.mean(edge))
                    .isEqualTo(sum.divide(BigInteger.valueOf(sorted.length)).longValueExact());
            assertThat(histograms.median(edge)).isEqualTo(sorted[(sorted.length + 1) / 2 - 1]);
        }
        return histograms;
    }

    /** A time below 32, a tie of a few values, or any number of bits up to 44 (sums stay far in range). */
    private static long time(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(40);
            case 1 -> 1_000_000L * random.nextInt(3);
            default -> random.nextLong() >>> (20 + random.nextInt(44));
        };
    }
}
