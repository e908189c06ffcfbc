package dev.cxm.examples.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.NdjsonEventImporter;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.examples.simulate.SimulatedWorld;
import dev.cxm.examples.simulate.WorldSimulator;

/** The data the examples run on: a small simulated world, read back as a host would receive it. */
public final class ExampleData {

    private ExampleData() {}

    /**
     * Simulates a world of {@code customers} into a new temporary folder, deleted when the JVM exits.
     *
     * @param customers how many customers
     * @return the world's files
     * @throws IOException when they cannot be written
     */
    public static SimulatedWorld world(int customers) throws IOException {
        Path folder = Files.createTempDirectory("cxm-example-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
        return WorldSimulator.custom().customers(customers).seed(1).build().writeTo(folder);
    }

    /** Deletes a folder and its files; what cannot be deleted stays (a temporary folder, at exit). */
    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Nothing to report at exit: the folder is in the temporary directory.
        }
    }

    /**
     * Reads a world's events in time order (ties by event id), as a host receives them.
     *
     * @param world the world
     * @return the events
     * @throws IOException when the file cannot be read
     */
    public static List<CustomerEvent> eventsInTimeOrder(SimulatedWorld world) throws IOException {
        List<CustomerEvent> events = new ArrayList<>();
        NdjsonEventImporter.ofDefaults(ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(events::add, world.eventsNdjson());
        events.sort(Comparator.comparing(CustomerEvent::occurredAt).thenComparing(CustomerEvent::eventId));
        return events;
    }

    /**
     * Reads a world's customer records.
     *
     * @param world the world
     * @return the customers, in the file's order
     * @throws IOException when the file cannot be read
     */
    public static List<Customer> customers(SimulatedWorld world) throws IOException {
        List<Customer> customers = new ArrayList<>();
        for (String line : Files.readAllLines(world.customers(), StandardCharsets.UTF_8)) {
            customers.add(CxmJson.mapper().readValue(line, Customer.class));
        }
        return customers;
    }

    /** A clock a replay sets to the time of the event it hands over, as a live host's clock would read. */
    static final class ReplayClock extends Clock {
        private volatile Instant now;

        ReplayClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a replay runs in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
