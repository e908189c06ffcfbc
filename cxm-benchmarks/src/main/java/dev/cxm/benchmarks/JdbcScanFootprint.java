package dev.cxm.benchmarks;

import java.nio.file.Path;
import java.util.stream.Stream;

import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.store.EventQuery;
import dev.cxm.jdbc.JdbcStores;

/**
 * Scans every event of an H2 file in a small heap, to show that a stream reads the table in constant memory:
 * {@code load} stores the responses (in a heap of any size), {@code scan} reads them all back in time order
 * (run it with {@code -Xmx256m}) and prints the count, the time and the most heap the JVM used.
 *
 * <pre>{@code
 * java -Xmx1g -cp cxm-benchmarks/target/benchmarks.jar dev.cxm.benchmarks.JdbcScanFootprint load /tmp/scan 10000000
 * java -Xmx256m -cp cxm-benchmarks/target/benchmarks.jar dev.cxm.benchmarks.JdbcScanFootprint scan /tmp/scan
 * }</pre>
 */
public final class JdbcScanFootprint {

    private JdbcScanFootprint() {}

    /**
     * Loads or scans.
     *
     * @param args {@code load FILE COUNT} or {@code scan FILE}
     */
    public static void main(String[] args) {
        Path file = Path.of(args[1]);
        try (JdbcStores stores = JdbcStores.h2File(file)) {
            if (args[0].equals("load")) {
                long count = Long.parseLong(args[2]);
                java.util.SplittableRandom random = new java.util.SplittableRandom(42);
                long started = System.nanoTime();
                for (long first = stores.eventStore().count(); first < count; first += 10_000) {
                    stores.eventStore().appendAll(BenchmarkDatabases.responses(first, (int) Math.min(10_000, count - first),
                            random));
                }
                System.out.printf("stored %,d events in %.1f s%n", stores.eventStore().count(),
                        (System.nanoTime() - started) / 1e9);
                return;
            }
            long started = System.nanoTime();
            long scores;
            long read;
            try (Stream<FeedbackResponse> all = stores.eventStore().query(EventQuery.all(), FeedbackResponse.class)) {
                long[] sums = new long[2];
                all.forEach(response -> {
                    sums[0]++;
                    sums[1] += response.score();
                });
                read = sums[0];
                scores = sums[1];
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long usedMiB = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
            System.out.printf("scanned %,d events (score sum %d) in %.1f s, %,.0f events/s; max heap %d MiB, peak"
                    + " heap use %d MiB%n", read, scores, seconds, read / seconds, Runtime.getRuntime().maxMemory() >> 20,
                    usedMiB);
        }
    }
}
