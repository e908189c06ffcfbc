package dev.cxm.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.stream.Stream;

import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.store.EventQuery;

/**
 * Scans every response of a database in a small heap, to show that a stream reads a table in constant
 * memory: stores the responses missing (the database of {@link JdbcNpsBenchmark} with the same count, kept
 * in the folder of {@value BenchmarkDatabases#FOLDER_PROPERTY}), then reads them all back in time order and
 * prints the count, the time and the most heap the JVM used during the scan. Run it with {@code -Xmx256m}:
 *
 * <pre>{@code
 * java -Xmx256m -Dcxm.benchmark.databases=/var/tmp/cxm-bench -cp cxm-benchmarks/target/benchmarks.jar \
 *     dev.cxm.benchmarks.JdbcScanFootprint postgresql 10000000
 * java -Xmx256m -Dcxm.benchmark.databases=/var/tmp/cxm-bench -cp cxm-benchmarks/target/benchmarks.jar \
 *     dev.cxm.benchmarks.JdbcScanFootprint h2-file 10000000
 * }</pre>
 *
 * <p>A plain program, not JMH: it measures the heap a scan needs, not its speed (the scan's speed is
 * {@link JdbcEventStoreBenchmark#scan()}).
 */
public final class JdbcScanFootprint {

    private JdbcScanFootprint() {}

    /**
     * Fills and scans.
     *
     * @param args the database ({@code postgresql} or {@code h2-file}) and the number of responses
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        String kind = args[0];
        long count = Long.parseLong(args[1]);
        try (BenchmarkDatabases databases = BenchmarkDatabases.open(kind, "nps" + count)) {
            databases.fill(count);
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpuBefore = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long started = System.nanoTime();
            long read = 0;
            long scores = 0;
            try (Stream<FeedbackResponse> all = databases.stores().eventStore().query(EventQuery.all(),
                    FeedbackResponse.class)) {
                for (FeedbackResponse response : (Iterable<FeedbackResponse>) all::iterator) {
                    read++;
                    scores += response.score();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (((com.sun.management.OperatingSystemMXBean) ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() - cpuBefore) / 1e9;
            long peakMiB = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
            System.out.printf("%s: scanned %,d responses (score sum %,d) in %.1f s (%,.0f a second; the JVM's CPU"
                    + " %.1f s); max heap %d MiB, peak heap use during the scan %d MiB%n", kind, read, scores,
                    seconds, read / seconds, cpuSeconds, Runtime.getRuntime().maxMemory() >> 20, peakMiB);
        }
    }
}
