package dev.cxm.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.FeedbackResult;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.RatingScore;

/**
 * NPS, CSAT and CES over 10 million responses, from a primitive array of scores and from the in-memory
 * event store; JMH reports responses per second (one operation is one response). Single-threaded, so the
 * figures are per core. Targets: 300 million per second from the array, 20 million from the store.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar FeedbackScoreBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(FeedbackScoreBenchmark.RESPONSES)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class FeedbackScoreBenchmark {

    /** Responses per operation batch. */
    static final int RESPONSES = 10_000_000;

    private static final EventQuery FEEDBACK = EventQuery.ofTypes(EventType.FEEDBACK);

    @Param({"nps", "csat", "ces"})
    String metric;

    FeedbackMetric<? extends FeedbackResult> score;
    int[] scores;

    /** Picks the metric and draws the scores, uniformly over its scale, from a fixed seed. */
    @Setup(Level.Trial)
    public void generate() {
        score = switch (metric) {
            case "nps" -> NetPromoterScore.ofDefaults();
            case "csat" -> RatingScore.csat();
            case "ces" -> RatingScore.ces();
            default -> throw new IllegalArgumentException("metric: " + metric);
        };
        FeedbackScale scale = score.scale();
        scores = new SplittableRandom(42).ints(RESPONSES, scale.min(), scale.max() + 1).toArray();
    }

    /** The same scores as feedback responses in an in-memory store; built only for {@link #fromStore}. */
    @State(Scope.Benchmark)
    public static class Store {
        InMemoryEventStore events;

        /** Stores the benchmark's scores as responses, in time order, in batches of a million. */
        @Setup(Level.Trial)
        public void fill(FeedbackScoreBenchmark benchmark) {
            Touchpoint[] touchpoints = {
                    Touchpoint.of("checkout", "Checkout", Channel.WEB),
                    Touchpoint.of("hotline", "Hotline", Channel.PHONE)};
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            FeedbackScale scale = benchmark.score.scale();
            SplittableRandom random = new SplittableRandom(7);
            events = InMemoryEventStore.create();
            int batch = 1_000_000;
            for (int from = 0; from < RESPONSES; from += batch) {
                List<CustomerEvent> responses = new ArrayList<>(batch);
                for (int i = from; i < from + batch; i++) {
                    responses.add(new FeedbackResponse(EventId.of("e" + i),
                            CustomerId.of("c" + random.nextInt(RESPONSES / 10)), start.plusSeconds(i), "survey", scale,
                            benchmark.scores[i], Optional.empty(), Optional.of(touchpoints[i & 1]), Map.of()));
                }
                events.appendAll(responses);
            }
        }
    }

    /** Counts an array of scores: the bulk path. */
    @Benchmark
    public FeedbackResult fromArray() {
        return score.accumulator().addAll(scores).result();
    }

    /** Collects the store's feedback responses, queried by type, in time order. */
    @Benchmark
    public FeedbackResult fromStore(Store store) {
        try (Stream<FeedbackResponse> responses = store.events.query(FEEDBACK, FeedbackResponse.class)) {
            return responses.collect(score.collector());
        }
    }
}
