package dev.cxm.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.Stage;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;

/**
 * Live stage tracking on one thread: the 10,000,000 interactions of {@link JourneyData} (1,000,000 customers,
 * in time order) tracked one by one into a new tracker with the in-memory store, through a five-stage map of
 * the eight touchpoints; JMH reports events per second (one operation is one event). Target (issue 11): at
 * least 2 million events per second.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar StageTrackingBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(StageTrackingBenchmark.EVENTS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@State(Scope.Benchmark)
public class StageTrackingBenchmark {

    static final int EVENTS = 10_000_000;

    private List<CustomerEvent> log;
    private StageTracking tracking;

    /** Draws the log and builds the map. */
    @Setup(Level.Trial)
    public void generate() {
        log = JourneyData.log(EVENTS);
        JourneyMap map = JourneyMap.builder()
                .stage(Stage.named("awareness").touchpoints("t0", "t1").build())
                .stage(Stage.named("consideration").touchpoints("t2", "t3").build())
                .stage(Stage.named("purchase").touchpoints("t4").expectedTime(Duration.ofDays(2)).build())
                .stage(Stage.named("service").touchpoints("t5", "t6").build())
                .stage(Stage.named("loyalty").touchpoints("t7").build())
                .transition("awareness", "consideration").transition("consideration", "purchase")
                .transition("purchase", "service").transition("service", "loyalty")
                .transition("loyalty", "purchase").build();
        tracking = StageTracking.ofDefaults(map);
    }

    /** Tracks every event, one call per event, into a new tracker. */
    @Benchmark
    public long track() {
        StageTracker tracker = tracking.tracker();
        for (CustomerEvent event : log) {
            tracker.track(event);
        }
        return tracker.lateEvents() + tracker.unplacedEvents();
    }
}
