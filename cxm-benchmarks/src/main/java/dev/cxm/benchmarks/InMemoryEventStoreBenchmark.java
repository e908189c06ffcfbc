package dev.cxm.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.memory.InMemoryEventStore;

/**
 * The in-memory event store: bulk append in time order, and a full time-ordered scan.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar InMemoryEventStoreBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class InMemoryEventStoreBenchmark {

    @Param({"1000000"})
    int events;

    private List<CustomerEvent> batch;
    private InMemoryEventStore filled;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(42);
        Touchpoint[] touchpoints = {
                Touchpoint.of("checkout", "Checkout", Channel.WEB),
                Touchpoint.of("hotline", "Hotline", Channel.PHONE)};
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        batch = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            batch.add(new FeedbackResponse(EventId.of("e" + i), CustomerId.of("c" + random.nextInt(events / 10 + 1)),
                    start.plusSeconds(i), "nps", FeedbackScale.NPS, random.nextInt(11), java.util.Optional.empty(),
                    java.util.Optional.of(touchpoints[i & 1]), java.util.Map.of()));
        }
        filled = InMemoryEventStore.create();
        filled.appendAll(batch);
    }

    /** Appends every event in one atomic batch into an empty store. */
    @Benchmark
    public long appendAll() {
        InMemoryEventStore store = InMemoryEventStore.create();
        return store.appendAll(batch).appended();
    }

    /** Scans every feedback event in time order and sums the scores. */
    @Benchmark
    public long scanFeedback() {
        try (Stream<FeedbackResponse> feedback = filled.query(EventQuery.all(), FeedbackResponse.class)) {
            return feedback.mapToLong(FeedbackResponse::score).sum();
        }
    }
}
