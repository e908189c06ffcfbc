package dev.cxm.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The databases the JDBC benchmarks run on: an embedded PostgreSQL 14 (zonky's binaries, its default settings:
 * fsync on, synchronous_commit off; or {@linkplain #SIZED_SETTINGS sized} for the machine with the system
 * property {@value #SETTINGS_PROPERTY}), pooled by H2's small pool, and an H2 file as {@link JdbcStores#h2File}
 * opens it; and the NPS responses they store.
 *
 * <p>Storing ten million responses takes minutes, so the databases can outlive a run: with the system property
 * {@value #FOLDER_PROPERTY} naming a folder (pass it to the fork: {@code -jvmArgsAppend
 * -Dcxm.benchmark.databases=/var/tmp/cxm-bench}), the PostgreSQL data directory and the H2 files stay there,
 * and a later run stores only the responses missing. Without it, each trial starts from empty databases in a
 * temporary folder, deleted at the end.
 *
 * <p>The CPU time the PostgreSQL server spends (postmaster and every process under it) is counted for
 * {@link CpuTimeProfiler}, beside the benchmark's JVM.
 */
final class BenchmarkDatabases implements AutoCloseable {

    /** The system property naming a folder that keeps the databases between runs. */
    static final String FOLDER_PROPERTY = "cxm.benchmark.databases";

    /**
     * The system property choosing the PostgreSQL server's settings: {@code defaults} (zonky's, the default) or
     * {@code sized} ({@link #SIZED_SETTINGS}).
     */
    static final String SETTINGS_PROPERTY = "cxm.benchmark.postgresql.settings";

    /**
     * Settings sized for a machine with memory to spare, as PostgreSQL's documentation advises for a server
     * ("Resource Consumption", "Populating a Database"): a buffer cache of 1 GB instead of 128 MB (a quarter of
     * memory is the usual start; the benchmark machine has 23 GB), the write-ahead log's buffers at their
     * 64 MB maximum useful size, and checkpoints every 30 minutes or 3 GB of log instead of 5 minutes or 1 GB,
     * so that a page's full image goes to the log less often. Durability is unchanged: fsync stays on.
     */
    static final Map<String, String> SIZED_SETTINGS = Map.of(
            "shared_buffers", "1GB",
            "wal_buffers", "64MB",
            "max_wal_size", "3GB",
            "checkpoint_timeout", "30min");

    private static final int FILL_BATCH = 10_000;

    private final Optional<EmbeddedPostgres> postgres;
    private final Optional<JdbcConnectionPool> pool;
    private final JdbcStores stores;
    private final Optional<Path> temporary;

    private BenchmarkDatabases(Optional<EmbeddedPostgres> postgres, Optional<JdbcConnectionPool> pool,
            JdbcStores stores, Optional<Path> temporary) {
        this.postgres = postgres;
        this.pool = pool;
        this.stores = stores;
        this.temporary = temporary;
    }

    /**
     * Opens the stores named {@code name} in a database of the kind named: {@code postgresql} (the schema
     * {@code name}) or {@code h2-file} (the file {@code name}); empty, or as an earlier run left them.
     */
    static BenchmarkDatabases open(String kind, String name) {
        try {
            String kept = System.getProperty(FOLDER_PROPERTY);
            Optional<Path> temporary = kept == null ? Optional.of(Files.createTempDirectory("cxm-jdbc-benchmark"))
                    : Optional.empty();
            Path folder = temporary.orElseGet(() -> Path.of(kept));
            if (kind.equals("postgresql")) {
                Path data = folder.resolve("postgresql");
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data)
                        .setCleanDataDirectory(false).setPGStartupWait(Duration.ofMinutes(2));
                String settings = System.getProperty(SETTINGS_PROPERTY, "defaults");
                switch (settings) {
                    case "defaults" -> { }
                    case "sized" -> SIZED_SETTINGS.forEach(builder::setServerConfig);
                    default -> throw new IllegalArgumentException(SETTINGS_PROPERTY + " is '" + settings
                            + "': must be 'defaults' or 'sized'");
                }
                EmbeddedPostgres postgres = builder.start();
                Path pid = data.resolve("postmaster.pid");
                CpuTimeProfiler.countAlso(ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip()))
                        .orElseThrow());
                PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
                source.setURL(postgres.getJdbcUrl("postgres", "postgres"));
                JdbcConnectionPool pool = JdbcConnectionPool.create(source);
                return new BenchmarkDatabases(Optional.of(postgres), Optional.of(pool),
                        JdbcStores.builder(pool).schema(name).build(), temporary);
            }
            Files.createDirectories(folder.resolve("h2"));
            return new BenchmarkDatabases(Optional.empty(), Optional.empty(),
                    JdbcStores.h2File(folder.resolve("h2").resolve(name)), temporary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JdbcStores stores() {
        return stores;
    }

    /**
     * Returns the responses numbered {@code first} to {@code first + count - 1}, at 20 touchpoints on 4
     * channels, 37 ms apart from 2026-01-01; the same numbers give the same responses in every run.
     */
    static List<CustomerEvent> responses(long first, int count) {
        Channel[] channels = {Channel.WEB, Channel.PHONE, Channel.MOBILE_APP, Channel.EMAIL};
        Touchpoint[] touchpoints = new Touchpoint[20];
        for (int t = 0; t < touchpoints.length; t++) {
            touchpoints[t] = Touchpoint.of("tp" + t, "Touchpoint " + t, channels[t % channels.length]);
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<CustomerEvent> events = new ArrayList<>(count);
        for (long i = first; i < first + count; i++) {
            SplittableRandom random = new SplittableRandom(i);
            events.add(new FeedbackResponse(EventId.of("e" + i), CustomerId.of("c" + random.nextInt(1_000_000)),
                    start.plusMillis(i * 37), "nps", FeedbackScale.NPS, random.nextInt(11), Optional.empty(),
                    Optional.of(touchpoints[(int) (i % touchpoints.length)]), Map.of()));
        }
        return events;
    }

    /**
     * Stores responses until the store holds {@code count} (those numbered 0 to {@code count - 1}), in appends
     * of 10,000, and says on standard error how long that took.
     */
    void fill(long count) {
        long started = System.nanoTime();
        long stored = stores.eventStore().count();
        for (long first = stored; first < count; first += FILL_BATCH) {
            stores.eventStore().appendAll(responses(first, (int) Math.min(FILL_BATCH, count - first)));
        }
        if (stored < count) {
            double seconds = (System.nanoTime() - started) / 1e9;
            System.err.printf("stored %,d responses in %.1f s (%,.0f a second)%n", count - stored, seconds,
                    (count - stored) / seconds);
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres.isPresent()) {
            // Before the pool's connections end: their server processes' time is not counted once they have.
            CpuTimeProfiler.countNoOther();
        }
        stores.close();
        pool.ifPresent(JdbcConnectionPool::dispose);
        if (postgres.isPresent()) {
            postgres.get().close();
        }
        if (temporary.isPresent()) {
            try (Stream<Path> files = Files.walk(temporary.get())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
