package dev.cxm.benchmarks;

import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Mode;
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
 * throughput benchmark of one thread, operations per second of one core); for a benchmark that measures time
 * per operation, {@code ·cpu.timePerOp} instead (the score times the share: the CPU time of one operation).
 * When other work keeps the JVM from a core, JMH's score falls with the load while the CPU figures stay near
 * what a quiet core gives.
 *
 * <p>A benchmark that talks to a database server in other processes names the server's main process with
 * {@link #countAlso}: the CPU time of that process and every process under it is then counted with the JVM's
 * (and shown apart as {@code ·cpu.serverShare}), so that the figures are those of client and server together.
 * On Linux the processes that ended meanwhile count too (a PostgreSQL server's parallel query workers, for
 * one): their time is in the main process's count of its waited-for children, read from {@code /proc}.
 *
 * <p>Use: {@code java -jar cxm-benchmarks/target/benchmarks.jar CsvImportBenchmark -prof
 * dev.cxm.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Linux's clock ticks of {@code /proc}: 1/100 s (USER_HZ) on every architecture the JDK supports there. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static volatile Optional<ProcessHandle> server = Optional.empty();
    /** The server's CPU time when it was shut down (a trial's teardown runs before its last iteration ends). */
    private static volatile long serverAtShutdown;

    private long cpuAtStart;
    private long serverAtStart;
    private long wallAtStart;

    /**
     * Counts the CPU time of {@code process} and of every process under it too, from the next iteration on.
     *
     * @param process the main process of a database server the benchmark talks to
     */
    static void countAlso(ProcessHandle process) {
        serverAtShutdown = 0;
        server = Optional.of(process);
    }

    /** Stops counting the server's processes before it is shut down: its CPU time so far stays the count. */
    static void countNoOther() {
        serverAtShutdown = serverCpuNanos();
        server = Optional.empty();
    }

    /**
     * Returns the CPU time of the server's processes now, in nanoseconds: its main process and the processes
     * under it, and those that ended; 0 without a server.
     */
    private static long serverCpuNanos() {
        Optional<ProcessHandle> main = server;
        if (main.isEmpty()) {
            return serverAtShutdown;
        }
        Optional<Long> withEnded = linuxTicks(main.get().pid(), true);
        if (withEnded.isPresent()) {
            // The live descendants' own time, beside the main process's own and its ended children's.
            long ticks = withEnded.get() + main.get().descendants()
                    .mapToLong(process -> linuxTicks(process.pid(), false).orElse(0L)).sum();
            return ticks * NANOS_PER_TICK;
        }
        return Stream.concat(Stream.of(main.get()), main.get().descendants())
                .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    /**
     * Reads a process's user and system time from {@code /proc/PID/stat} in clock ticks, with its ended
     * children's when asked; empty where there is no such file.
     */
    private static Optional<Long> linuxTicks(long pid, boolean withEndedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // After the command in parentheses: state, ppid, ..., then utime (14), stime, cutime, cstime (17).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withEndedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return Optional.of(ticks);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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
        double score = result.getPrimaryResult().getScore();
        List<Result> results = new ArrayList<>();
        results.add(new ScalarResult("cpu.share", share, "cores", AggregationPolicy.AVG));
        if (benchmarkParams.getMode() == Mode.Throughput) {
            results.add(new ScalarResult("cpu.perCpuSecond", share > 0 ? score / share : 0,
                    result.getPrimaryResult().getScoreUnit() + " of CPU", AggregationPolicy.AVG));
        } else {
            results.add(new ScalarResult("cpu.timePerOp", score * share,
                    result.getPrimaryResult().getScoreUnit() + " of CPU", AggregationPolicy.AVG));
        }
        if (server.isPresent() || serverCpu > 0) {
            results.add(new ScalarResult("cpu.serverShare", wall > 0 ? (double) serverCpu / wall : 0, "cores",
                    AggregationPolicy.AVG));
        }
        return results;
    }
}
