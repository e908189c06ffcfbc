package dev.cxm.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.journey.discovery.DiscoveryResult;
import dev.cxm.journey.discovery.JourneyDiscovery;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelResult;
import dev.cxm.journey.funnel.FunnelStep;

/**
 * Funnels and discovery over 10,000,000 interactions of 1,000,000 customers in an {@link InMemoryEventStore}
 * ({@link JourneyData}). Targets (issue 11): a 5-step ordered funnel with a 7-day window in at most 0.5 s;
 * discovery (directly-follows graph and variants) in at most 0.5 s.
 *
 * <ul>
 *   <li>{@code funnelFromStore}, {@code discoveryFromStore}: the library's {@code compute(store)}, which reads
 *       the store's timelines customer by customer on one thread;</li>
 *   <li>{@code funnelFromStoreInParallel}, {@code discoveryFromStoreInParallel}: the store's timelines on a
 *       parallel stream into the calculator's collector (the in-memory store's timelines are thread-safe);</li>
 *   <li>{@code funnelFromTimelines}, {@code discoveryFromTimelines}: the same over timelines read beforehand,
 *       the calculators' own cost;</li>
 *   <li>{@code timelinesOnly}: reading the store's timelines and nothing else;</li>
 *   <li>{@code funnelAfterAppend}, {@code discoveryAfterAppend}: one event appended (later than its customer's
 *       others), then {@code compute(store)}: the in-memory store extends the columns it keeps for journeys;</li>
 *   <li>{@code funnelAfterLateAppend}, {@code discoveryAfterLateAppend}: the same with an event earlier than its
 *       customer's latest, after which the store builds its columns anew (the cost of a first read).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar JourneyBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g"})
@State(Scope.Benchmark)
public class JourneyBenchmark {

    static final int EVENTS = 10_000_000;

    private InMemoryEventStore store;
    private List<CustomerTimeline> timelines;
    private Funnel funnel;
    private JourneyDiscovery discovery;
    private CustomerEvent sample;
    private long appended;

    /** Fills the store in batches of a million, in time order, and reads its timelines once. */
    @Setup(Level.Trial)
    public void fill() {
        List<CustomerEvent> log = JourneyData.log(EVENTS);
        store = InMemoryEventStore.create();
        for (int from = 0; from < EVENTS; from += 1_000_000) {
            store.appendAll(log.subList(from, from + 1_000_000));
        }
        sample = log.get(EVENTS - 1);
        log = null;
        try (Stream<CustomerTimeline> all = store.timelines(EventQuery.all())) {
            timelines = all.toList();
        }
        funnel = Funnel.custom(List.of(FunnelStep.touchpoint("t0"), FunnelStep.touchpoint("t1"),
                FunnelStep.touchpoint("t2"), FunnelStep.touchpoint("t3"), FunnelStep.touchpoint("t4")))
                .window(Duration.ofDays(7)).build();
        discovery = JourneyDiscovery.ofDefaults();
    }

    /** The funnel through {@code Funnel.compute(store)}. */
    @Benchmark
    public FunnelResult funnelFromStore() {
        return funnel.compute(store);
    }

    /** The funnel over the store's timelines on a parallel stream. */
    @Benchmark
    public FunnelResult funnelFromStoreInParallel() {
        try (Stream<CustomerTimeline> all = store.timelines(EventQuery.all())) {
            return all.parallel().collect(funnel.collector());
        }
    }

    /** The funnel over timelines read beforehand. */
    @Benchmark
    public FunnelResult funnelFromTimelines() {
        return timelines.stream().collect(funnel.collector());
    }

    /** Discovery through {@code JourneyDiscovery.compute(store)}. */
    @Benchmark
    public DiscoveryResult discoveryFromStore() {
        return discovery.compute(store);
    }

    /** Discovery over the store's timelines on a parallel stream. */
    @Benchmark
    public DiscoveryResult discoveryFromStoreInParallel() {
        try (Stream<CustomerTimeline> all = store.timelines(EventQuery.all())) {
            return all.parallel().collect(discovery.collector());
        }
    }

    /** Discovery over timelines read beforehand. */
    @Benchmark
    public DiscoveryResult discoveryFromTimelines() {
        return timelines.stream().collect(discovery.collector());
    }

    /** One event appended (so the store's cached columns are stale), then the funnel from the store. */
    @Benchmark
    public FunnelResult funnelAfterAppend() {
        appendOne();
        return funnel.compute(store);
    }

    /** One event appended (so the store's cached columns are stale), then discovery from the store. */
    @Benchmark
    public DiscoveryResult discoveryAfterAppend() {
        appendOne();
        return discovery.compute(store);
    }

    /** One event earlier than its customer's latest appended, then the funnel from the store. */
    @Benchmark
    public FunnelResult funnelAfterLateAppend() {
        appendOne(JourneyData.START);
        return funnel.compute(store);
    }

    /** One event earlier than its customer's latest appended, then discovery from the store. */
    @Benchmark
    public DiscoveryResult discoveryAfterLateAppend() {
        appendOne(JourneyData.START);
        return discovery.compute(store);
    }

    private void appendOne() {
        appendOne(sample.occurredAt());
    }

    private void appendOne(java.time.Instant at) {
        CustomerEvent last = sample;
        store.append(new Interaction(EventId.of("late" + appended++), last.customerId(), at,
                ((Interaction) last).touchpoint(), "ok", Duration.ZERO, Map.of()));
    }

    /** Reading the store's timelines alone. */
    @Benchmark
    public long timelinesOnly() {
        try (Stream<CustomerTimeline> all = store.timelines(EventQuery.all())) {
            return all.mapToLong(timeline -> timeline.events().size()).sum();
        }
    }
}
