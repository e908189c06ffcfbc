package dev.cxm.examples.simulate.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.engage.segment.SegmentJson;
import dev.cxm.examples.simulate.SimulatedWorld;
import dev.cxm.examples.simulate.internal.Block.StreamFile;

/**
 * Writes a world: customers are simulated in blocks on worker threads (each customer from its own random
 * stream, so the thread does not matter) and the blocks are written in customer order by the calling thread,
 * with a bounded number of blocks in flight, so memory stays constant whatever the number of customers.
 * Every file is written under a temporary name and renamed when all are complete.
 */
public final class WorldWriter {

    /** Customers per block. */
    static final int BLOCK = 64;

    /** The header of {@code drivers.csv}. */
    public static final String DRIVERS_HEADER = "response_id,customer_id,recommend,"
            + String.join(",", WorldModel.DRIVERS) + ",nps_category,comment";
    /** The header of {@code subjects.csv}. */
    public static final String SUBJECTS_HEADER =
            "customer_id,tenure_days,churned,plan,discount,contacts_per_month,unresolved_share";

    private final int customers;
    private final long seed;
    private final int threads;

    /**
     * Creates a writer.
     *
     * @param customers the number of customers, 1 or more
     * @param seed the seed
     * @param threads the worker threads, 1 or more
     */
    public WorldWriter(int customers, long seed, int threads) {
        this.customers = customers;
        this.seed = seed;
        this.threads = threads;
    }

    /** What was written: the counts. */
    public record Written(long records, long events) {}

    /**
     * Writes the world's files into {@code directory}, under the names of {@link SimulatedWorld}.
     *
     * @param directory the folder, created when absent
     * @param progress told the number of customers written after each block
     * @return the counts
     * @throws IOException when a file cannot be written
     */
    public Written write(Path directory, LongConsumer progress) throws IOException {
        Files.createDirectories(directory);
        Map<Object, String> names = new LinkedHashMap<>();
        names.put(StreamFile.CUSTOMERS, SimulatedWorld.CUSTOMERS);
        names.put(StreamFile.EVENTS_CSV, SimulatedWorld.EVENTS_CSV);
        names.put(StreamFile.EVENTS_NDJSON, SimulatedWorld.EVENTS_NDJSON);
        names.put(StreamFile.DRIVERS, SimulatedWorld.DRIVERS);
        names.put(StreamFile.SUBJECTS, SimulatedWorld.SUBJECTS);
        names.put("map", SimulatedWorld.JOURNEY_MAP);
        names.put("segments", SimulatedWorld.SEGMENTS);
        names.put("actions", SimulatedWorld.ACTIONS);
        names.put("truth", SimulatedWorld.TRUTH);
        Map<Object, Path> temporary = new LinkedHashMap<>();
        for (Map.Entry<Object, String> name : names.entrySet()) {
            temporary.put(name.getKey(), directory.resolve("." + name.getValue() + ".tmp"));
        }
        boolean done = false;
        try {
            Written written = writeStreams(temporary, progress);
            writeText(temporary.get("map"), Designs.journeyMap().toJson());
            writeText(temporary.get("segments"), SegmentJson.write(Designs.segments()));
            writeText(temporary.get("actions"), Designs.actionsJson());
            Map<String, Object> truth = WorldModel.truth(customers, seed);
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("customerRecords", written.records());
            counts.put("events", written.events());
            truth.put("written", counts);
            writeText(temporary.get("truth"), prettyJson(truth));
            for (Map.Entry<Object, Path> file : temporary.entrySet()) {
                Files.move(file.getValue(), directory.resolve(names.get(file.getKey())),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            done = true;
            return written;
        } finally {
            if (!done) {
                for (Path file : temporary.values()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Written writeStreams(Map<Object, Path> temporary, LongConsumer progress) throws IOException {
        Map<StreamFile, OutputStream> outs = new EnumMap<>(StreamFile.class);
        try {
            for (StreamFile file : StreamFile.values()) {
                outs.put(file, new BufferedOutputStream(Files.newOutputStream(temporary.get(file)), 1 << 18));
            }
            outs.get(StreamFile.EVENTS_CSV).write((String.join(",", EventRows.CSV_COLUMNS) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            outs.get(StreamFile.DRIVERS).write((DRIVERS_HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            outs.get(StreamFile.SUBJECTS).write((SUBJECTS_HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            long[] counts = new long[2];
            int blocks = (customers + BLOCK - 1) / BLOCK;
            if (threads == 1) {
                CustomerSimulation simulation = new CustomerSimulation();
                Block block = new Block();
                for (int b = 0; b < blocks; b++) {
                    fill(simulation, block, b);
                    drain(block, outs, counts);
                    progress.accept(Math.min(customers, (b + 1L) * BLOCK));
                }
            } else {
                inParallel(blocks, outs, counts, progress);
            }
            for (OutputStream out : outs.values()) {
                out.flush();
            }
            return new Written(counts[0], counts[1]);
        } finally {
            IOException failure = null;
            for (OutputStream out : outs.values()) {
                try {
                    out.close();
                } catch (IOException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void inParallel(int blocks, Map<StreamFile, OutputStream> outs, long[] counts, LongConsumer progress)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "cxm-simulate");
            thread.setDaemon(true);
            return thread;
        });
        ThreadLocal<CustomerSimulation> simulations = ThreadLocal.withInitial(CustomerSimulation::new);
        int window = threads * 3;
        Deque<Block> free = new ArrayDeque<>();
        for (int i = 0; i < window; i++) {
            free.add(new Block());
        }
        Deque<Future<Block>> inFlight = new ArrayDeque<>();
        try {
            int next = 0;
            int written = 0;
            while (written < blocks) {
                while (next < blocks && !free.isEmpty()) {
                    Block block = free.poll();
                    int b = next++;
                    inFlight.add(pool.submit(() -> {
                        fill(simulations.get(), block, b);
                        return block;
                    }));
                }
                Block block = await(inFlight.poll());
                drain(block, outs, counts);
                free.add(block);
                written++;
                progress.accept(Math.min(customers, (long) written * BLOCK));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Block await(Future<Block> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while simulating", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    private void fill(CustomerSimulation simulation, Block block, int b) {
        block.clear();
        int width = Math.max(7, Integer.toString(customers).length());
        int end = (int) Math.min(customers, (b + 1L) * BLOCK);
        for (int index = b * BLOCK; index < end; index++) {
            simulation.simulate(seed, index, width, block);
        }
    }

    private static void drain(Block block, Map<StreamFile, OutputStream> outs, long[] counts) throws IOException {
        for (StreamFile file : StreamFile.values()) {
            block.of(file).writeTo(outs.get(file));
        }
        counts[0] += block.records();
        counts[1] += block.events();
    }

    private static void writeText(Path file, String text) throws IOException {
        Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
    }

    private static String prettyJson(Object tree) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        return new ObjectMapper().writer(printer).writeValueAsString(tree);
    }
}
