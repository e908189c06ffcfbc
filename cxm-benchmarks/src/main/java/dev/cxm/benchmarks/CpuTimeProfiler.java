package dev.cxm.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler for a shared machine: per iteration, the CPU time the benchmark's JVM spent (every thread:
 * the benchmark's, the garbage collector's) against the wall time, as {@code ·cpu.share} (cores busy on
 * average), and the score per CPU second, as {@code ·cpu.perCpuSecond} (the score divided by the share: for a
 * throughput benchmark of one thread, operations per second of one core). When other work keeps the JVM from
 * a core, JMH's score falls with the load while the rate per CPU second stays near what a quiet core gives.
 *
 * <p>Use: {@code java -jar cxm-benchmarks/target/benchmarks.jar CsvImportBenchmark -prof
 * dev.cxm.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long cpuAtStart;
    private long wallAtStart;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark's JVM per iteration, and the score per CPU second";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = SYSTEM.getProcessCpuTime();
        wallAtStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long cpu = SYSTEM.getProcessCpuTime() - cpuAtStart;
        long wall = System.nanoTime() - wallAtStart;
        double share = wall > 0 ? (double) cpu / wall : 0;
        double perCpuSecond = share > 0 ? result.getPrimaryResult().getScore() / share : 0;
        return List.of(
                new ScalarResult("cpu.share", share, "cores", AggregationPolicy.AVG),
                new ScalarResult("cpu.perCpuSecond", perCpuSecond,
                        result.getPrimaryResult().getScoreUnit() + " of CPU", AggregationPolicy.AVG));
    }
}
