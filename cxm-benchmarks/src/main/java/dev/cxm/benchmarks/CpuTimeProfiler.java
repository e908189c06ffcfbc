package dev.cxm.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
 * <p>A benchmark that talks to a database server in other processes names the server's main process with
 * {@link #countAlso}: the CPU time of that process and every process under it is then counted with the JVM's
 * (and shown apart as {@code ·cpu.serverShare}), so that the rate per CPU second is that of client and server
 * together.
 *
 * <p>Use: {@code java -jar cxm-benchmarks/target/benchmarks.jar CsvImportBenchmark -prof
 * dev.cxm.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static volatile Optional<ProcessHandle> server = Optional.empty();

    private long cpuAtStart;
    private long serverAtStart;
    private long wallAtStart;

    /**
     * Counts the CPU time of {@code process} and of every process under it too, from the next iteration on.
     *
     * @param process the main process of a database server the benchmark talks to
     */
    static void countAlso(ProcessHandle process) {
        server = Optional.of(process);
    }

    /** Stops counting the server's processes (it was shut down). */
    static void countNoOther() {
        server = Optional.empty();
    }

    /** Returns the CPU time of the server's processes now, in nanoseconds; 0 without a server. */
    private static long serverCpuNanos() {
        Optional<ProcessHandle> main = server;
        if (main.isEmpty()) {
            return 0;
        }
        return Stream.concat(Stream.of(main.get()), main.get().descendants())
                .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    @Override
    public String getDescription() {
        return "CPU time of the benchmark's JVM per iteration, and the score per CPU second";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = SYSTEM.getProcessCpuTime();
        serverAtStart = serverCpuNanos();
        wallAtStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long wall = System.nanoTime() - wallAtStart;
        long serverCpu = serverCpuNanos() - serverAtStart;
        long cpu = SYSTEM.getProcessCpuTime() - cpuAtStart + serverCpu;
        double share = wall > 0 ? (double) cpu / wall : 0;
        double perCpuSecond = share > 0 ? result.getPrimaryResult().getScore() / share : 0;
        List<Result> results = new ArrayList<>(List.of(
                new ScalarResult("cpu.share", share, "cores", AggregationPolicy.AVG),
                new ScalarResult("cpu.perCpuSecond", perCpuSecond,
                        result.getPrimaryResult().getScoreUnit() + " of CPU", AggregationPolicy.AVG)));
        if (server.isPresent()) {
            results.add(new ScalarResult("cpu.serverShare", wall > 0 ? (double) serverCpu / wall : 0, "cores",
                    AggregationPolicy.AVG));
        }
        return results;
    }
}
