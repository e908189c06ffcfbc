package dev.cxm.examples.cli.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.cxm.core.io.ImportReport;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.CustomerQuery;
import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryCustomerStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.examples.report.Progress;
import dev.cxm.examples.report.WorldFiles;
import dev.cxm.examples.report.WorldFolder;
import dev.cxm.jdbc.EventBulkLoad;
import dev.cxm.jdbc.JdbcEventStore;

/** Stores a world folder's events and customer records, with progress: what {@code cxm report} and demo share. */
final class WorldLoader {

    /** Customer records stored per transaction. */
    private static final int CUSTOMER_BATCH = 1_000;

    private WorldLoader() {}

    /**
     * Imports the world's events into {@code events} in appends of {@code batchSize}, telling {@code progress}
     * the events stored so far.
     */
    static ImportReport storeEvents(WorldFolder world, EventStore events, int batchSize, Progress progress)
            throws IOException {
        try (Progress.Task task = progress.start("Storing events", lines(world.events()))) {
            return world.importEvents(new CountingAppends(events, events::appendAll, task), batchSize);
        }
    }

    /** Stores the world's customer records, telling {@code progress} the records stored so far. */
    static long storeCustomers(WorldFiles world, CustomerStore customers, Progress progress) throws IOException {
        if (world.customers().isEmpty()) {
            return 0;
        }
        try (Progress.Task task = progress.start("Storing customer records", lines(world.customers().get()))) {
            long[] stored = {0};
            // In appends of many: one transaction each, not one per customer.
            List<Customer> batch = new ArrayList<>(CUSTOMER_BATCH);
            world.readCustomers(customer -> {
                batch.add(customer);
                if (batch.size() == CUSTOMER_BATCH) {
                    customers.putAll(batch);
                    stored[0] += batch.size();
                    batch.clear();
                    task.advance(stored[0], "");
                }
            });
            customers.putAll(batch);
            stored[0] += batch.size();
            return stored[0];
        }
    }

    /**
     * Stores the world's events (on this thread) and its customer records (on a second one) at once, as one step:
     * the two go to different tables, so on two cores the slower of them sets the time, not their sum. Into an
     * empty store the events go as one bulk load ({@link JdbcEventStore#bulkLoad()}: all or nothing, the H2
     * indexes built once at the end); into a store that holds events already, as appends.
     */
    static void storeWorld(WorldFolder world, JdbcEventStore events, CustomerStore customers, int batchSize,
            Progress progress) throws IOException {
        long total = lines(world.events()) + (world.files().customers().isPresent()
                ? lines(world.files().customers().get()) : 0);
        try (Progress.Task task = progress.start("Storing events and customer records", total)) {
            AtomicLong done = new AtomicLong();
            Progress shared = (step, ignored) -> new Progress.Task() {
                private long mine;

                @Override
                public void advance(long count, String detail) {
                    long sum = done.addAndGet(count - mine);
                    mine = count;
                    synchronized (task) {
                        task.advance(sum, "");
                    }
                }

                @Override
                public void close() {
                    // the shared step closes once, below
                }
            };
            CompletableFuture<Long> records = CompletableFuture.supplyAsync(() -> {
                try {
                    return storeCustomers(world.files(), customers, shared);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (Progress.Task appending = shared.start("events", 0)) {
                Optional<EventBulkLoad> bulk = events.bulkLoadIfEmpty();
                if (bulk.isPresent()) {
                    try (EventBulkLoad load = bulk.get()) {
                        loadOnce(world, new CountingAppends(events, refusalsStop(load), appending), batchSize);
                        load.finish();
                    }
                } else {
                    world.importEvents(new CountingAppends(events, events::appendAll, appending), batchSize);
                }
            } finally {
                try {
                    records.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
    }

    /**
     * Imports into a bulk load reading the file once: the load is all or nothing by itself (closed unfinished,
     * it empties the store), so the rows need no checking before the first append. An event id naming two
     * different events stops the import as the checking pass would have.
     */
    private static void loadOnce(WorldFolder world, EventStore load, int batchSize) throws IOException {
        try {
            world.importEventsReadingOnce(load, batchSize);
        } catch (LoadRefused refused) {
            throw new IllegalArgumentException(world.events() + ": import stopped: " + refused.getCause().getMessage(),
                    refused.getCause());
        }
    }

    /**
     * The load's appends, where a refused append (an id naming a different event, which undoes the load) ends the
     * import at once instead of being tried again event by event by the importer.
     */
    private static Function<Collection<? extends CustomerEvent>, AppendResult> refusalsStop(EventBulkLoad load) {
        return events -> {
            try {
                return load.appendAll(events);
            } catch (IllegalArgumentException refused) {
                throw new LoadRefused(refused);
            }
        };
    }

    /** A bulk load's append refused: not an {@link IllegalArgumentException}, which the importer would catch. */
    private static final class LoadRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoadRefused(IllegalArgumentException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * Reads every event of {@code store} once, in time order, into memory: the analysis then reads memory as often
     * as its calculators need, where reading a database that often would take ten times as long.
     */
    static InMemoryEventStore intoMemory(EventStore store, Progress progress) {
        InMemoryEventStore memory = InMemoryEventStore.create();
        try (Progress.Task task = progress.start("Reading the store", store.count());
                Stream<CustomerEvent> events = store.scan()) {
            List<CustomerEvent> batch = new ArrayList<>(COPY_BATCH);
            long[] read = {0};
            events.forEachOrdered(event -> {
                batch.add(event);
                if (batch.size() == COPY_BATCH) {
                    memory.appendAll(batch);
                    read[0] += batch.size();
                    batch.clear();
                    task.advance(read[0], "");
                }
            });
            memory.appendAll(batch);
        }
        return memory;
    }

    /**
     * Reads every customer record of {@code store} once into memory: the analysis looks customers up one by one,
     * which costs a query each in a database.
     */
    static InMemoryCustomerStore customersIntoMemory(CustomerStore store) {
        InMemoryCustomerStore memory = InMemoryCustomerStore.create();
        memory.putAll(store.find(CustomerQuery.all()));
        return memory;
    }

    /** Events per append when copying a store into memory. */
    private static final int COPY_BATCH = 10_000;

    /** Returns the lines of a file that are not blank, less a CSV file's header: the records it holds. */
    static long lines(Path file) throws IOException {
        long count = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    count++;
                }
            }
        }
        return file.getFileName().toString().endsWith(".csv") ? Math.max(0, count - 1) : count;
    }

    /**
     * A store that reads from another, appends through {@code appends} (the store's own, or a bulk load's), and
     * tells a task how many events were appended.
     */
    private static final class CountingAppends implements EventStore {
        private final EventStore store;
        private final Function<Collection<? extends CustomerEvent>, AppendResult> appends;
        private final Progress.Task task;
        private long appended;

        CountingAppends(EventStore store, Function<Collection<? extends CustomerEvent>, AppendResult> appends,
                Progress.Task task) {
            this.store = store;
            this.appends = appends;
            this.task = task;
        }

        @Override
        public AppendResult appendAll(Collection<? extends CustomerEvent> events) {
            AppendResult result = appends.apply(events);
            appended += events.size();
            task.advance(appended, "");
            return result;
        }

        @Override
        public Optional<CustomerEvent> get(EventId id) {
            return store.get(id);
        }

        @Override
        public Map<EventId, CustomerEvent> getAll(Collection<EventId> ids) {
            // The importer checks each batch's ids with one lookup; the default would ask for them one by one.
            return store.getAll(ids);
        }

        @Override
        public Stream<CustomerEvent> query(EventQuery query) {
            return store.query(query);
        }

        @Override
        public long count() {
            return store.count();
        }

        @Override
        public long erase(CustomerId customer) {
            return store.erase(customer);
        }
    }
}
