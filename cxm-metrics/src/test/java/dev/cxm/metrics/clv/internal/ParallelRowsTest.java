package dev.cxm.metrics.clv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/**
 * Oracle: plain loops in this test. A sum over rows is the sum a single loop computes (exactly, for integer
 * entries below 2^53), and in the documented chunking: below {@link ParallelRows#PARALLEL_THRESHOLD} rows one
 * range {@code [0, rows)} on the calling thread, from it on the ranges {@code [k CHUNK, min(rows, (k + 1)
 * CHUNK))}, each once, their parts added in chunk order (so a rounding sum is bit for bit the chunk-by-chunk
 * loop's). Every row of {@code forEach} is visited exactly once. Sizes around each chunk boundary, 0 and 1.
 */
class ParallelRowsTest {

    private static final int CHUNK = ParallelRows.CHUNK;
    private static final int THRESHOLD = ParallelRows.PARALLEL_THRESHOLD;
    private static final int[] SIZES = {0, 1, 2, CHUNK - 1, CHUNK, CHUNK + 1, THRESHOLD - 1, THRESHOLD,
            THRESHOLD + 1, 5 * CHUNK - 1, 5 * CHUNK, 5 * CHUNK + 7};

    @Test
    void sumsEqualAPlainLoopAroundEveryChunkBoundary() {
        for (int rows : SIZES) {
            double[] sum = ParallelRows.sum(rows, 3, (from, to, part) -> {
                for (int i = from; i < to; i++) {
                    part[0] += 1;
                    part[1] += i;
                    part[2] += (double) i * i;
                }
            });
            double count = 0;
            double indices = 0;
            double squares = 0;
            for (int i = 0; i < rows; i++) {
                count += 1;
                indices += i;
                squares += (double) i * i;
            }
            assertThat(sum).as("%d rows", rows).containsExactly(count, indices, squares);
        }
    }

    @Test
    void rowsAreSummedInTheDocumentedChunksAndTheirPartsAddedInOrder() {
        for (int rows : SIZES) {
            List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
            Thread caller = Thread.currentThread();
            boolean[] elsewhere = new boolean[1];
            double[] sum = ParallelRows.sum(rows, 1, (from, to, part) -> {
                ranges.add(new int[] {from, to});
                if (Thread.currentThread() != caller) {
                    elsewhere[0] = true;
                }
                for (int i = from; i < to; i++) {
                    part[0] += 0.1 * (i % 7) + 1e-3 * i;
                }
            });
            List<int[]> expected = new ArrayList<>();
            double chunked = 0;
            if (rows < THRESHOLD) {
                expected.add(new int[] {0, rows});
                for (int i = 0; i < rows; i++) {
                    chunked += 0.1 * (i % 7) + 1e-3 * i;
                }
                assertThat(elsewhere[0]).as("%d rows summed on the calling thread", rows).isFalse();
            } else {
                for (int from = 0; from < rows; from += CHUNK) {
                    int to = Math.min(rows, from + CHUNK);
                    expected.add(new int[] {from, to});
                    double part = 0;
                    for (int i = from; i < to; i++) {
                        part += 0.1 * (i % 7) + 1e-3 * i;
                    }
                    chunked += part;
                }
            }
            List<int[]> sorted = new ArrayList<>(ranges);
            sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
            assertThat(sorted).as("the ranges of %d rows", rows).usingElementComparator((a, b) ->
                    a[0] == b[0] && a[1] == b[1] ? 0 : 1).containsExactlyElementsOf(expected);
            assertThat(sum[0]).as("%d rows", rows).isEqualTo(chunked);
        }
    }

    @Test
    void forEachVisitsEveryRowOnceAroundEveryChunkBoundary() {
        for (int rows : SIZES) {
            AtomicIntegerArray visits = new AtomicIntegerArray(rows + 1);
            ParallelRows.forEach(rows, visits::incrementAndGet);
            for (int i = 0; i < rows; i++) {
                assertThat(visits.get(i)).as("row %d of %d", i, rows).isEqualTo(1);
            }
            assertThat(visits.get(rows)).as("past the last of %d rows", rows).isZero();
        }
    }
}
