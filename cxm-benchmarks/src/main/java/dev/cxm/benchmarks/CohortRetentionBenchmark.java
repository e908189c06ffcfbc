package dev.cxm.benchmarks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

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
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.metrics.time.CalendarPeriod;
import dev.cxm.metrics.churn.CohortBasis;
import dev.cxm.metrics.churn.CohortRetention;
import dev.cxm.metrics.churn.CohortTable;

/**
 * Cohort retention over 10 million events (target: at most 3 s): interactions of 1,000,000 customers over
 * three years, in random order, counted in monthly cohorts in Europe/Berlin, first-time and recurring.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar CohortRetentionBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@State(Scope.Benchmark)
public class CohortRetentionBenchmark {

    @Param({"10000000"})
    int events;

    @Param({"FIRST_TIME", "RECURRING"})
    CohortBasis basis;

    private List<CustomerEvent> log;
    private CohortRetention retention;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(42);
        int customers = events / 10;
        CustomerId[] ids = new CustomerId[customers];
        for (int c = 0; c < customers; c++) {
            ids[c] = CustomerId.of("c" + c);
        }
        Touchpoint app = Touchpoint.of("app", "App", Channel.MOBILE_APP);
        EventId id = EventId.of("e");
        long start = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
        long span = 3L * 365 * 86_400;
        log = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            Instant at = Instant.ofEpochSecond(start + random.nextLong(span));
            log.add(new Interaction(id, ids[random.nextInt(customers)], at, app, "ok", java.time.Duration.ZERO, Map.of()));
        }
        retention = CohortRetention.custom().period(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")).basis(basis).build();
    }

    /** Counts the cohort table. */
    @Benchmark
    public CohortTable cohorts() {
        return retention.compute(log);
    }
}
