package dev.cxm.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

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
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.memory.InMemoryEventStore;

/**
 * Append throughput of the in-memory store, in events per second (one operation is one event): 1,000,000 NPS
 * responses of 100,000 customers, in time order, appended in batches of {@code batch} events into an empty
 * store. Every event is built from its own objects, as an import builds them (a fresh customer id, touchpoint
 * and scale per event), so the store's sharing runs as it does on imported data. {@code ids} picks the event
 * ids: {@code short} ({@code e0}, {@code e1}, ...) or {@code derived} ({@link EventId#derivedFrom}, the
 * name-based UUIDs an import derives from a row). Target (issue 9): at least 1,000,000 events per second.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar StoreAppendBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(StoreAppendBenchmark.EVENTS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class StoreAppendBenchmark {

    /** Events per operation batch. */
    static final int EVENTS = 1_000_000;

    @Param({"short", "derived"})
    String ids;

    @Param({"1000000", "1000"})
    int batch;

    private List<List<CustomerEvent>> batches;

    /** Builds the events and cuts them into batches, from a fixed seed. */
    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<CustomerEvent> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            int touchpoint = random.nextInt(20);
            EventId id = ids.equals("short") ? EventId.of("e" + i) : EventId.derivedFrom("responses.csv:" + (i + 2));
            events.add(new FeedbackResponse(id, CustomerId.of("c" + random.nextInt(EVENTS / 10)), start.plusSeconds(i),
                    "nps-" + touchpoint % 3, FeedbackScale.custom("nps", 0, 10), random.nextInt(11), Optional.empty(),
                    Optional.of(Touchpoint.of("tp-" + touchpoint, "Touchpoint " + touchpoint, Channel.WEB)), Map.of()));
        }
        batches = new ArrayList<>();
        for (int from = 0; from < EVENTS; from += batch) {
            batches.add(List.copyOf(events.subList(from, Math.min(EVENTS, from + batch))));
        }
    }

    /** Appends every event, batch by batch, into an empty store. */
    @Benchmark
    public long append() {
        InMemoryEventStore store = InMemoryEventStore.create();
        long appended = 0;
        for (List<CustomerEvent> events : batches) {
            appended += store.appendAll(events).appended();
        }
        return appended;
    }
}
