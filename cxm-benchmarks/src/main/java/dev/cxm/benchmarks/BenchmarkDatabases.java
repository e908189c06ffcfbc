package dev.cxm.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

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
 * fsync on, synchronous_commit off), pooled by H2's small pool, and an H2 file as {@link JdbcStores#h2File}
 * opens it; and the NPS responses they store.
 */
final class BenchmarkDatabases implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final JdbcConnectionPool pool;
    private final JdbcStores stores;

    private BenchmarkDatabases(EmbeddedPostgres postgres, JdbcConnectionPool pool, JdbcStores stores) {
        this.postgres = postgres;
        this.pool = pool;
        this.stores = stores;
    }

    /** Opens a new, empty database of the kind named: {@code postgresql} or {@code h2-file}. */
    static BenchmarkDatabases open(String kind) {
        try {
            if (kind.equals("postgresql")) {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
                source.setURL(postgres.getJdbcUrl("postgres", "postgres"));
                JdbcConnectionPool pool = JdbcConnectionPool.create(source);
                return new BenchmarkDatabases(postgres, pool, JdbcStores.builder(pool).build());
            }
            Path folder = Files.createTempDirectory("cxm-h2-benchmark");
            return new BenchmarkDatabases(null, null, JdbcStores.h2File(folder.resolve("events")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JdbcStores stores() {
        return stores;
    }

    /** Returns {@code count} NPS responses numbered from {@code first}, at 20 touchpoints on 4 channels. */
    static List<CustomerEvent> responses(long first, int count, SplittableRandom random) {
        Channel[] channels = {Channel.WEB, Channel.PHONE, Channel.MOBILE_APP, Channel.EMAIL};
        Touchpoint[] touchpoints = new Touchpoint[20];
        for (int t = 0; t < touchpoints.length; t++) {
            touchpoints[t] = Touchpoint.of("tp" + t, "Touchpoint " + t, channels[t % channels.length]);
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<CustomerEvent> events = new ArrayList<>(count);
        for (long i = first; i < first + count; i++) {
            events.add(new FeedbackResponse(EventId.of("e" + i), CustomerId.of("c" + random.nextInt(1_000_000)),
                    start.plusMillis(i * 37), "nps", FeedbackScale.NPS, random.nextInt(11), Optional.empty(),
                    Optional.of(touchpoints[(int) (i % touchpoints.length)]), Map.of()));
        }
        return events;
    }

    /** Stores {@code count} responses in appends of 10,000. */
    void fill(long count) {
        SplittableRandom random = new SplittableRandom(42);
        for (long first = 0; first < count; first += 10_000) {
            stores.eventStore().appendAll(responses(first, (int) Math.min(10_000, count - first), random));
        }
    }

    @Override
    public void close() throws IOException {
        stores.close();
        if (pool != null) {
            pool.dispose();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
