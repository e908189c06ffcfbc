package dev.cxm.metrics.feedback;

import static dev.cxm.metrics.feedback.Responses.WEB;
import static dev.cxm.metrics.feedback.Responses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.FeedbackScale;

/**
 * The thread-safe recorder under many threads. Oracles: a brute-force tally of the same seeded scores and
 * weights computed here on one thread (weights are 0, 1, 0.5 and 2, so every sum is exact in binary in any
 * order and totals compare exactly); and, for what a concurrent reader sees, invariants that hold for the
 * state of any set of whole responses and fail for a torn one. Threads start together on a latch; there
 * are no sleeps and no timing assertions.
 */
class FeedbackRecorderTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 20_000;
    private static final double[] WEIGHTS = {0, 1, 0.5, 2};

    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS + 1);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void manyThreadsAddingGiveTheBruteForceTotal() throws Exception {
        FeedbackRecorder<NpsResult> recorder = NetPromoterScore.ofDefaults().recorder();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            writers.add(executor.submit(() -> {
                start.await();
                SplittableRandom random = new SplittableRandom(thread);
                for (int i = 0; i < PER_THREAD; i++) {
                    int score = random.nextInt(11);
                    int kind = random.nextInt(WEIGHTS.length + 1);
                    if (kind == WEIGHTS.length) {
                        recorder.add(score);
                    } else {
                        recorder.add(score, WEIGHTS[kind]);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get();
        }

        // Brute force: the same seeded sequences, tallied on this thread.
        long[] counts = new long[11];
        double[] weights = new double[11];
        double[] squared = new double[11];
        for (int thread = 0; thread < THREADS; thread++) {
            SplittableRandom random = new SplittableRandom(thread);
            for (int i = 0; i < PER_THREAD; i++) {
                int score = random.nextInt(11);
                int kind = random.nextInt(WEIGHTS.length + 1);
                double weight = kind == WEIGHTS.length ? 1 : WEIGHTS[kind];
                counts[score]++;
                weights[score] += weight;
                squared[score] += weight * weight;
            }
        }
        ScoreDistribution expected = new ScoreDistribution(FeedbackScale.NPS, counts, weights, squared);
        assertThat(recorder.state()).isEqualTo(expected);
        assertThat(recorder.result()).isEqualTo(NetPromoterScore.ofDefaults().result(expected));
        assertThat(recorder.state().n()).isEqualTo((long) THREADS * PER_THREAD);
    }

    @Test
    void aConcurrentReaderSeesWholeResponsesWholeMergesAndGrowingCounts() throws Exception {
        // Writers add score 9 with weight 2, score 10 with weight 0.5, score 0 with weight 1 and score 5 with
        // weight 0; one task merges 100 responses of score 3 with weight 3. In the state of any set of whole
        // responses (and whole merges): weight(9) = 2 count(9), squared(9) = 4 count(9), weight(10) = 0.5
        // count(10), squared(10) = 0.25 count(10), weight(0) = count(0), weight(5) = 0, count(3) is 0 or 100.
        // A torn read (a count without its weight, half a merge) breaks one of these.
        FeedbackRecorder<NpsResult> recorder = NetPromoterScore.ofDefaults().recorder();
        FeedbackRecorder<NpsResult> batch = NetPromoterScore.ofDefaults().recorder();
        for (int i = 0; i < 100; i++) {
            batch.add(3, 3.0);
        }
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(THREADS + 1);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(executor.submit(() -> {
                start.await();
                try {
                    for (int i = 0; i < PER_THREAD; i++) {
                        switch ((i + thread) % 4) {
                            case 0 -> recorder.add(9, 2.0);
                            case 1 -> recorder.add(10, 0.5);
                            case 2 -> recorder.add(response("r", FeedbackScale.NPS, 0, "2026-03-02T10:00:00Z", WEB));
                            default -> recorder.add(5, 0.0);
                        }
                    }
                } finally {
                    done.countDown();
                }
                return null;
            }));
        }
        tasks.add(executor.submit(() -> {
            start.await();
            try {
                recorder.merge(batch);
            } finally {
                done.countDown();
            }
            return null;
        }));

        start.countDown();
        long[] previous = new long[11];
        int reads = 0;
        do {
            ScoreDistribution state = recorder.state();
            long[] counts = state.counts();
            double[] weights = state.weights();
            double[] squared = state.squaredWeights();
            assertThat(weights[9]).isEqualTo(2.0 * counts[9]);
            assertThat(squared[9]).isEqualTo(4.0 * counts[9]);
            assertThat(weights[10]).isEqualTo(0.5 * counts[10]);
            assertThat(squared[10]).isEqualTo(0.25 * counts[10]);
            assertThat(weights[0]).isEqualTo(counts[0]);
            assertThat(weights[5]).isZero();
            assertThat(counts[3]).isIn(0L, 100L);
            assertThat(weights[3]).isEqualTo(3.0 * counts[3]);
            for (int i = 0; i < counts.length; i++) {
                assertThat(counts[i]).as("count at %d never goes down", i).isGreaterThanOrEqualTo(previous[i]);
            }
            previous = counts;
            reads++;
        } while (done.getCount() > 0);
        for (Future<?> task : tasks) {
            task.get();
        }

        ScoreDistribution last = recorder.state();
        assertThat(reads).isPositive();
        assertThat(last.counts()).containsExactly(THREADS * PER_THREAD / 4, 0, 0, 100, 0, THREADS * PER_THREAD / 4, 0,
                0, 0, THREADS * PER_THREAD / 4, THREADS * PER_THREAD / 4);
        assertThat(last.totalWeight()).isEqualTo(THREADS * PER_THREAD / 4 * (2 + 0.5 + 1) + 300.0);
        assertThat(batch.state().n()).isEqualTo(100);
    }

    @Test
    void aRecorderAndAnAccumulatorShareTheirState() {
        // Oracle: the accumulator, the reference implementation of the same counts.
        FeedbackRecorder<RatingResult> recorder = RatingScore.csat().recorder().add(5).add(4, 2.5).add(1, 0);
        FeedbackAccumulator<RatingResult> accumulator = RatingScore.csat().accumulator().add(5).add(4, 2.5).add(1, 0);

        assertThat(recorder.state()).isEqualTo(accumulator.state());
        assertThat(RatingScore.csat().recorder(accumulator.state()).result()).isEqualTo(accumulator.result());
        assertThat(RatingScore.csat().accumulator(recorder.state()).add(3).result())
                .isEqualTo(accumulator.add(3).result());
        assertThat(recorder.metric()).isEqualTo(RatingScore.csat());
        assertThat(recorder).hasToString("FeedbackRecorder[RatingScore[csat:1..5 good 4..5, good-share, 0.95]]");
    }

    @Test
    void refusalsNameTheValueAndChangeNothing() {
        FeedbackRecorder<NpsResult> recorder = NetPromoterScore.ofDefaults().recorder().add(9);
        ScoreDistribution before = recorder.state();

        assertThatThrownBy(() -> recorder.add(11)).hasMessage("score: is outside the NPS scale 0..10");
        assertThatThrownBy(() -> recorder.add(-1, 1)).hasMessage("score: is outside the NPS scale 0..10");
        assertThatThrownBy(() -> recorder.add(8, -2)).hasMessageStartingWith("weight: -2.0 is negative");
        assertThatThrownBy(() -> recorder.add(response("e7", FeedbackScale.NPS, 8, "2026-03-02T10:00:00Z", WEB),
                Double.POSITIVE_INFINITY)).hasMessageEndingWith("(response e7)");
        assertThatThrownBy(() -> recorder.add(response("e8", FeedbackScale.CSAT, 4, "2026-03-02T10:00:00Z", WEB)))
                .hasMessage("scale: response e8 is on the scale csat:1..5; this recorder counts the scale nps:0..10");
        assertThatThrownBy(() -> recorder.merge(recorder)).hasMessageStartingWith("other: an accumulator cannot be"
                + " merged into itself");
        assertThatThrownBy(() -> NetPromoterScore.ofDefaults().recorder(ScoreDistribution.empty(FeedbackScale.CSAT)))
                .hasMessage("scale: csat:1..5 is not nps:0..10; only states on the same scale merge");
        assertThat(recorder.state()).isEqualTo(before);
    }

    @Test
    void aMergeThatWouldOverflowACountChangesNothing() {
        // Long.MAX_VALUE responses at 10 cannot take one more.
        long[] counts = new long[11];
        double[] weights = new double[11];
        counts[10] = Long.MAX_VALUE;
        weights[10] = Long.MAX_VALUE;
        FeedbackRecorder<NpsResult> full = NetPromoterScore.ofDefaults()
                .recorder(new ScoreDistribution(FeedbackScale.NPS, counts, weights, weights));
        FeedbackRecorder<NpsResult> one = NetPromoterScore.ofDefaults().recorder().add(10);
        ScoreDistribution before = full.state();

        assertThatThrownBy(() -> full.merge(one)).hasMessageStartingWith("counts: 9223372036854775807 + 1 responses at"
                + " score 10 overflows a long");
        assertThat(full.state()).isEqualTo(before);
    }
}
