package dev.cxm.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import javax.management.JMException;
import javax.management.ObjectName;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.memory.InMemoryEventStore;

/**
 * Measures the heap an {@link InMemoryEventStore} retains per event, two ways: heap in use after a full GC,
 * with the store filled, minus the same without it (what the collector reports, region waste included); and
 * the bytes of live objects, from the JVM's class histogram (which collects first and sums the size of every
 * live object), with the store minus without it: exact and independent of the collector. Not a JMH benchmark
 * (JMH measures time and allocation, not retained size); run it alone, with a fixed heap:
 *
 * <pre>{@code java -Xms3g -Xmx3g -cp cxm-benchmarks/target/benchmarks.jar dev.cxm.benchmarks.StoreFootprint 1000000}</pre>
 *
 * <p>Arguments, all optional: the number of events (1,000,000), the kind of event ids ({@code short}:
 * {@code e0, e1, ...}, the default; {@code derived}: {@link EventId#derivedFrom} of a file name and line, as
 * an import derives them), and the events per {@code appendAll} batch (100,000). Events are NPS responses of
 * {@code n / 10} customers at 20 touchpoints in time order, each created as a separate object (as an import
 * would create them). The figure is deterministic: it counts live objects only, and the events and their
 * order come from fixed seeds.
 */
public final class StoreFootprint {

    private StoreFootprint() {}

    /** Fills a store with the given number of events and prints the retained bytes per event. */
    public static void main(String[] args) throws InterruptedException, JMException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean derived = args.length > 1 && args[1].equals("derived");
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long liveBefore = liveBytes();
        InMemoryEventStore store = fill(events, derived, batch);
        long after = usedAfterGc(memory);
        long liveAfter = liveBytes();
        System.out.printf("%,d events (%s ids, batches of %,d): %,d bytes retained, %.1f bytes per event"
                + " (store holds %,d); live objects %,d bytes, %.1f bytes per event%n", events,
                derived ? "derived" : "short", batch, after - before, (double) (after - before) / events,
                store.count(), liveAfter - liveBefore, (double) (liveAfter - liveBefore) / events);
    }

    /** Returns the bytes of every live object, the total of the JVM's class histogram (HotSpot's). */
    private static long liveBytes() throws JMException {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        for (String line : histogram.split("\\R")) {
            if (line.startsWith("Total")) {
                String[] columns = line.trim().split("\\s+");
                return Long.parseLong(columns[columns.length - 1]);
            }
        }
        throw new IllegalStateException("the class histogram has no total line");
    }

    private static InMemoryEventStore fill(int events, boolean derived, int batch) {
        InMemoryEventStore store = InMemoryEventStore.create();
        SplittableRandom random = new SplittableRandom(7);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<FeedbackResponse> pending = new ArrayList<>(batch);
        for (int i = 0; i < events; i++) {
            int touchpoint = random.nextInt(20);
            EventId id = derived ? EventId.derivedFrom("responses.csv:" + (i + 2)) : EventId.of("e" + i);
            pending.add(new FeedbackResponse(id, CustomerId.of("c" + random.nextInt(events / 10 + 1)),
                    start.plusSeconds(i), "nps-" + touchpoint % 3, FeedbackScale.custom("nps", 0, 10),
                    random.nextInt(11), Optional.empty(),
                    Optional.of(Touchpoint.of("tp-" + touchpoint, "Touchpoint " + touchpoint, Channel.WEB)), Map.of()));
            if (pending.size() == batch) {
                store.appendAll(pending);
                pending.clear();
            }
        }
        store.appendAll(pending);
        return store;
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
